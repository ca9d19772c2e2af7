package dev.backloop.error;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.backloop.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 422: a model instance failed validation. Details carry LoopBack's shape:
 * {@code {context, codes: {prop: [code...]}, messages: {prop: [message...]}}}.
 */
public final class ValidationError extends HttpError {

    /** The value of a property the data does not have; printed as JavaScript's {@code undefined}. */
    public static final Object UNDEFINED = new Object() {
        @Override
        public String toString() {
            return "undefined";
        }
    };

    private static final int SHOWN_TEXT = 32;

    /**
     * One failed check.
     *
     * @param value the offending value, shown in the message; {@link #UNDEFINED} when absent
     */
    public record Failure(String property, String code, String message, Object value) {
    }

    public ValidationError(String model, List<Failure> failures) {
        super(422, "ValidationError", message(model, failures), null, details(model, failures));
    }

    private static String message(String model, List<Failure> failures) {
        String listed = failures.stream()
                .map(f -> "`" + f.property() + "` " + f.message() + " (value: " + shown(f.value()) + ")")
                .collect(Collectors.joining("; "));
        return "The `" + model + "` instance is not valid. Details: " + listed + ".";
    }

    /** The value as LoopBack prints it in the message: strings quoted and cut short, dates in ISO form. */
    private static String shown(Object value) {
        if (value instanceof String text) {
            String cut = text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT - 3) + "..." : text;
            return new String(JsonStringEncoder.getInstance().quoteAsString(cut)).transform(q -> "\"" + q + "\"");
        }
        if (value instanceof Map || value instanceof List) {
            String json = new String(Json.toBytes(value), java.nio.charset.StandardCharsets.UTF_8);
            return json.length() > 2 * SHOWN_TEXT ? json.substring(0, 2 * SHOWN_TEXT - 3) + "..." : json;
        }
        return String.valueOf(value);
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
