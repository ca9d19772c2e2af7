package dev.backloop.connector.kit;

import dev.backloop.error.HttpError;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Coerces id values to the type of a model's id property, so that {@code 3}, {@code 3L}, {@code 3.0} and
 * {@code "3"} name one record of a numeric-id model, and {@code 3} and {@code "3"} one of a string-id
 * model. Connectors use it to key their records.
 */
public final class IdValues {
    private IdValues() {
    }

    /**
     * The id as its property's type: a {@code Long} (or {@code Double} when fractional) for numbers, a
     * {@code String} for strings; other types are returned as given.
     *
     * @throws HttpError 400 when a numeric id is given as text that is not a number
     */
    public static Object coerce(ModelDefinition model, Object id) {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(id, "id is null");
        PropertyType type = model.idProperty().map(p -> p.type()).orElse(PropertyType.NUMBER);
        if (type == PropertyType.STRING) {
            return id instanceof Number n ? numberText(n) : id.toString();
        }
        if (type == PropertyType.NUMBER) {
            BigDecimal value;
            try {
                value = id instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(id.toString().trim());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Invalid id \"" + id + "\" for " + model.name() + ": not a number");
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                return value.doubleValue();
            }
        }
        return id;
    }

    private static String numberText(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString((long) d);
            }
        }
        return n.toString();
    }
}
