package dev.backloop.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 422: a model instance failed validation. Details carry LoopBack's shape:
 * {@code {context, codes: {prop: [code...]}, messages: {prop: [message...]}}}.
 */
public final class ValidationError extends HttpError {

    /** One failed check. */
    public record Failure(String property, String code, String message) {
    }

    public ValidationError(String model, List<Failure> failures) {
        super(422, "ValidationError", message(model, failures), null, details(model, failures));
    }

    private static String message(String model, List<Failure> failures) {
        String listed = failures.stream()
                .map(f -> "`" + f.property() + "` " + f.message())
                .collect(Collectors.joining("; "));
        return "The `" + model + "` instance is not valid. Details: " + listed + ".";
    }

    private static Map<String, Object> details(String model, List<Failure> failures) {
        Map<String, List<String>> codes = new LinkedHashMap<>();
        Map<String, List<String>> messages = new LinkedHashMap<>();
        for (Failure f : failures) {
            codes.computeIfAbsent(f.property(), k -> new java.util.ArrayList<>()).add(f.code());
            messages.computeIfAbsent(f.property(), k -> new java.util.ArrayList<>()).add(f.message());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("context", model);
        details.put("codes", codes);
        details.put("messages", messages);
        return details;
    }
}
