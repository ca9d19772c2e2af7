package dev.backloop.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.boot.BootException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one entry of a model's {@code validations} array in Backloop's documented form:
 * {@code {"validation": "length", "property": "name", "min": 3}} — the kind, the property, and the
 * options LoopBack's {@code validatesXxxOf(property, options)} would take.
 */
final class ValidationRuleReader {
    private final String modelName;

    ValidationRuleReader(String modelName) {
        this.modelName = modelName;
    }

    ValidationRule read(int position, JsonNode entry) {
        if (entry == null || !entry.isObject()) {
            throw error(position, "is not an object: " + entry);
        }
        JsonNode kindNode = entry.get("validation");
        if (kindNode == null || !kindNode.isTextual()) {
            throw error(position, "has no \"validation\" kind (one of presence, absence, length, format, "
                    + "inclusion, exclusion, numericality, uniqueness)");
        }
        ValidationRule.Kind kind = kind(position, kindNode.textValue());
        JsonNode propertyNode = entry.get("property");
        if (propertyNode == null || !propertyNode.isTextual() || propertyNode.textValue().isBlank()) {
            throw error(position, "(" + kindNode.textValue() + ") has no \"property\"");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        entry.fields().forEachRemaining(field -> {
            String key = field.getKey();
            Object value = JsonValue.toJava(field.getValue());
            // ValidationRule options cannot hold nulls; a null option means "not set" anyway.
            if (!key.equals("validation") && !key.equals("property") && value != null) {
                options.put(key, value);
            }
        });
        return new ValidationRule(kind, propertyNode.textValue(), options);
    }

    private ValidationRule.Kind kind(int position, String name) {
        try {
            return ValidationRule.Kind.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(position, "has an unknown validation kind \"" + name + "\" (expected one of presence, "
                    + "absence, length, format, inclusion, exclusion, numericality, uniqueness)");
        }
    }

    private BootException error(int position, String problem) {
        return new BootException("Model " + modelName + ": validations[" + position + "] " + problem);
    }
}
