package dev.backloop.cli.prompt;

import java.util.List;
import java.util.function.Function;

/**
 * One value a command needs: how to ask for it, the option that gives it, its default, and what answers
 * are accepted.
 *
 * @param label    the question ("Model name")
 * @param option   the option that answers it ({@code --name}), named in errors
 * @param fallback the default, {@code null} for none (then it must be given)
 * @param choices  the accepted answers, empty for free text
 * @param checker  the problem with an answer, {@code null} when it is fine
 * @param secret   whether the answer is not echoed as it is typed at a terminal (a password)
 */
public record Question(String label, String option, String fallback, List<String> choices,
        Function<String, String> checker, boolean secret) {

    public Question {
        choices = List.copyOf(choices);
    }

    public static Question of(String label, String option) {
        return new Question(label, option, null, List.of(), answer -> null, false);
    }

    public Question fallback(String value) {
        return new Question(label, option, value, choices, checker, secret);
    }

    public Question choices(List<String> accepted) {
        return new Question(label, option, fallback, accepted, checker, secret);
    }

    public Question check(Function<String, String> problem) {
        return new Question(label, option, fallback, choices, problem, secret);
    }

    /** The answer is typed without echo at a terminal. */
    public Question secret(boolean hidden) {
        return new Question(label, option, fallback, choices, checker, hidden);
    }

    /** What is wrong with an answer, or {@code null}. */
    String problem(String answer) {
        if (!choices.isEmpty() && !choices.contains(answer)) {
            return "\"" + answer + "\" is not one of " + String.join(", ", choices);
        }
        return checker.apply(answer);
    }

    String choiceList() {
        return choices.isEmpty() ? "" : " (" + String.join(", ", choices) + ")";
    }

    String fallbackHint() {
        return fallback == null || fallback.isEmpty() ? "" : " [" + fallback + "]";
    }
}
