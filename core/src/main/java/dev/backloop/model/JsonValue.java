package dev.backloop.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts parsed JSON into the plain Java values the platform works with (String, Long, Double,
 * Boolean, ordered Map, List, {@code null}), as a JavaScript program would see them after
 * {@code JSON.parse}.
 */
public final class JsonValue {
    private JsonValue() {
    }

    /**
     * The Java value of {@code node}: integers that fit in a long are {@link Long}, other numbers
     * {@link Double} (JavaScript has one number type, so precision beyond a double is not expected),
     * objects an insertion-ordered {@link Map}, arrays a {@link List}.
     */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
            return map;
        }
        // Binary or POJO nodes never come out of parsing JSON text; keep their text form.
        return node.asText();
    }
}
