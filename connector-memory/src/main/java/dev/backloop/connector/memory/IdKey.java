package dev.backloop.connector.memory;

import dev.backloop.error.HttpError;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A record's id as a map key. Numbers are canonical (3, 3L, 3.0 and BigDecimal 3.00 are one key), so ids
 * compare by value; a NUMBER id property also accepts numeric strings, a STRING id property turns numbers
 * into their text, as LoopBack's id property type conversion does. Keys order numbers first by value, then
 * strings by code unit, which is the order LoopBack's memory connector returns records in.
 *
 * @param value Long, BigDecimal (non-integral or beyond long) or String
 */
record IdKey(Object value) implements Comparable<IdKey> {

    static IdKey of(Object id, PropertyType type) {
        if (id instanceof Number n) {
            Object number = canonical(n);
            return new IdKey(type == PropertyType.STRING ? text(number) : number);
        }
        if (id instanceof String s) {
            if (type == PropertyType.NUMBER) {
                Object number = parse(s);
                if (number != null) {
                    return new IdKey(number);
                }
            }
            return new IdKey(s);
        }
        if (id == null || id instanceof java.util.Map || id instanceof java.util.Collection) {
            throw HttpError.badRequest("Invalid id: " + id);
        }
        return new IdKey(id.toString());
    }

    /** The id property's type; LoopBack's memory connector's default id type is Number. */
    static PropertyType typeOf(ModelDefinition model) {
        return model.idProperty().map(PropertyDefinition::type).orElse(PropertyType.NUMBER);
    }

    /** The key of a generated id: the counter as a number, or as text for a STRING id property. */
    static IdKey generated(long counter, PropertyType type) {
        return new IdKey(type == PropertyType.STRING ? Long.toString(counter) : (Object) counter);
    }

    /** The key as it appears in LoopBack's file ({@code "models": {"M": {"<key>": ...}}}). */
    String text() {
        return text(value);
    }

    /** The id as an integer when it is one (also a numeric string), for moving the id counter. */
    Long integral() {
        Object number = value instanceof String s ? parse(s) : value;
        return number instanceof Long l ? l : null;
    }

    @Override
    public int compareTo(IdKey other) {
        boolean numeric = !(value instanceof String);
        boolean otherNumeric = !(other.value instanceof String);
        if (numeric != otherNumeric) {
            return numeric ? -1 : 1;
        }
        if (!numeric) {
            return ((String) value).compareTo((String) other.value);
        }
        if (value instanceof Long a && other.value instanceof Long b) {
            return Long.compare(a, b);
        }
        return decimal(value).compareTo(decimal(other.value));
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) number;
    }

    private static String text(Object value) {
        return value instanceof BigDecimal bd ? bd.toPlainString() : value.toString();
    }

    private static Object canonical(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        BigDecimal decimal;
        if (n instanceof BigDecimal bd) {
            decimal = bd;
        } else if (n instanceof BigInteger bi) {
            decimal = new BigDecimal(bi);
        } else {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw HttpError.badRequest("Invalid id: " + n);
            }
            decimal = BigDecimal.valueOf(d);
        }
        decimal = decimal.stripTrailingZeros();
        if (decimal.scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException beyondLong) {
                return decimal.setScale(0);
            }
        }
        return decimal;
    }

    private static Object parse(String s) {
        if (s.isEmpty() || s.length() > 100 || !s.equals(s.trim())) {
            return null;
        }
        try {
            return canonical(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
