package dev.backloop.cli.prompt;

import dev.backloop.cli.CliError;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Gets each value a command needs: the option's when it was given, else the answer to a question when
 * asking is on, else the default; a value with none of these is an error naming its option, so scripts
 * learn what to pass. An option or answer the question's check refuses is an error (or asked again).
 */
public final class Prompter {
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean asking;

    public Prompter(BufferedReader in, PrintWriter out, boolean asking) {
        this.in = in;
        this.out = out;
        this.asking = asking;
    }

    /** Whether questions are asked (a terminal, or {@code --interactive}). */
    public boolean asking() {
        return asking;
    }

    /** The value of one question; see the class comment. */
    public String ask(Question question, String given) {
        if (given != null) {
            String problem = question.problem(given);
            if (problem != null) {
                throw CliError.usage(question.option() + ": " + problem);
            }
            return given;
        }
        if (!asking) {
            if (question.fallback() == null) {
                throw CliError.usage(question.label() + " is missing: give " + question.option()
                        + " (nothing is asked without a terminal; --interactive asks on standard input)");
            }
            return question.fallback();
        }
        while (true) {
            out.print("? " + question.label() + question.choiceList() + question.fallbackHint() + ": ");
            out.flush();
            String line = question.secret() ? readSecret() : readLine();
            if (line == null) {
                throw CliError.usage("input ended before \"" + question.label() + "\" was answered");
            }
            String answer = line.isBlank() && question.fallback() != null ? question.fallback() : line.trim();
            String problem = question.problem(answer);
            if (problem == null) {
                return answer;
            }
            out.println("  " + problem);
        }
    }

    /** A yes/no value: the option's, else the answer, else the default. */
    public boolean confirm(String label, String option, Boolean given, boolean fallback) {
        if (given != null) {
            return given;
        }
        String answer = ask(Question.of(label, option).fallback(fallback ? "y" : "n")
                .check(a -> a.matches("(?i)y|yes|n|no") ? null : "answer y or n"), null);
        return answer.toLowerCase(Locale.ROOT).startsWith("y");
    }

    /**
     * The next item of a list asked one by one ("Property name (empty to finish)"): empty once the user
     * answers nothing or input ends; always empty when not asking.
     */
    public Optional<String> next(Question question) {
        if (!asking) {
            return Optional.empty();
        }
        while (true) {
            out.print("? " + question.label() + " (empty to finish): ");
            out.flush();
            String line = readLine();
            if (line == null || line.isBlank()) {
                return Optional.empty();
            }
            String problem = question.problem(line.trim());
            if (problem == null) {
                return Optional.of(line.trim());
            }
            out.println("  " + problem);
        }
    }

    /** A line for the user (what was written, what to do next). */
    public void say(String line) {
        out.println(line);
    }

    /** A line typed without echo when a person is at the console; else read as any answer. */
    private String readSecret() {
        Console console = System.console();
        if (console == null) {
            return readLine();
        }
        char[] typed = console.readPassword();
        return typed == null ? null : new String(typed);
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
