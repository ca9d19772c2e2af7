package dev.backloop.filter;

import dev.backloop.error.HttpError;
import dev.backloop.model.PropertyType;
import dev.backloop.types.TypeConversion;
import java.util.Optional;

/**
 * Converts one operand of a where condition to the Java type of a declared property, so that
 * {@code ?filter[where][price][gt]=5} compares numbers, not strings, and SQL-ish text never reaches a
 * connector as the value of a number (LoopBack's 2015 SQL injection advisory).
 */
final class ValueCoercion {

    private ValueCoercion() {
    }

    /** The value in the property's type; {@code null} stays {@code null}; types without a scalar form are untouched. */
    static Object coerce(PropertyType type, String property, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case NUMBER -> orInvalid(TypeConversion.toNumber(value), value, "number", property);
            case BOOLEAN -> orInvalid(TypeConversion.toBoolean(value), value, "boolean", property);
            case DATE -> orInvalid(TypeConversion.toDate(value), value, "date", property);
            // a string property compared with an object or array is left for the connector to not match
            case STRING -> TypeConversion.toText(value).<Object>map(text -> text).orElse(value);
            default -> value;
        };
    }

    private static Object orInvalid(Optional<?> converted, Object value, String type, String property) {
        return converted.orElseThrow(() -> HttpError.badRequest("Invalid value \"" + JsonInput.describe(value)
                + "\" for " + type + " property \"" + property + "\""));
    }
}
