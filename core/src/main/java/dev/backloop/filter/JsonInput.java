package dev.backloop.filter;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.error.HttpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON-like shapes a filter arrives in: stringified JSON, Jackson's maps and lists, or the maps of
 * {@link QueryStringDecoder} where every scalar is a string.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {
    }

    /**
     * Reads the top-level value of a filter or where argument: strings are stringified JSON, a blank string
     * is absent ({@code null}), anything else is returned as is.
     */
    static Object read(Object json, String what) {
        if (!(json instanceof String text)) {
            return json;
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            // Jackson's message quotes the input and its internals; the client only needs to know it is not JSON
            throw HttpError.badRequest("The " + what + " parameter is not valid JSON");
        }
    }

    /**
     * A list operand: a {@link List}, or a map whose keys are all array indices (what {@code qs} makes of
     * {@code a[0]=x&a[25]=y} beyond its array limit), in index order; {@code null} for anything else.
     */
    static List<Object> asList(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            TreeMap<Integer, Object> byIndex = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Integer index = entry.getKey() instanceof String key ? index(key) : null;
                if (index == null) {
                    return null;
                }
                byIndex.put(index, entry.getValue());
            }
            return new ArrayList<>(byIndex.values());
        }
        return null;
    }

    /** Whether the value is a single value rather than an object or array. */
    static boolean isScalar(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    /** A map's key as a string; anything else is a client error naming the key. */
    static String key(Object key, String where) {
        if (key instanceof String text) {
            return text;
        }
        throw HttpError.badRequest("Invalid key " + key + " in " + where + ": keys must be strings");
    }

    /** A short rendering of a client value for error messages, so a huge value never floods a response. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }

    private static Integer index(String text) {
        if (text.isEmpty() || text.length() > 9 || (text.length() > 1 && text.charAt(0) == '0')) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(text);
    }
}
