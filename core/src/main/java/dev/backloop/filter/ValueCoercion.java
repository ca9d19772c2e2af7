package dev.backloop.filter;

import dev.backloop.error.HttpError;
import dev.backloop.model.PropertyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Converts one operand of a where condition to the Java type of a declared property, so that
 * {@code ?filter[where][price][gt]=5} compares numbers, not strings, and SQL-ish text never reaches a
 * connector as the value of a number (LoopBack's 2015 SQL injection advisory).
 */
final class ValueCoercion {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private ValueCoercion() {
    }

    /** The value in the property's type; {@code null} stays {@code null}; types without a scalar form are untouched. */
    static Object coerce(PropertyType type, String property, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case NUMBER:
                return number(property, value);
            case BOOLEAN:
                return bool(property, value);
            case DATE:
                return date(property, value);
            case STRING:
                return string(value);
            default:
                return value;
        }
    }

    private static Object number(String property, Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Number) {
            return value;
        }
        if (value instanceof String text && NUMBER.matcher(text.trim()).matches()) {
            // BigDecimal accepts the leading "+" that JavaScript's Number() accepts too
            BigDecimal decimal = new BigDecimal(text.trim());
            BigDecimal stripped = decimal.stripTrailingZeros();
            // precision - scale is the count of integer digits; checking it first avoids expanding 1e999999999
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
                try {
                    return stripped.longValueExact();
                } catch (ArithmeticException e) {
                    // beyond a long: falls through to a double, as JavaScript would hold it
                }
            }
            double d = decimal.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw invalid(value, "number", property);
    }

    private static Boolean bool(String property, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer) {
            String text = value.toString();
            if (text.equals("true") || text.equals("1")) {
                return Boolean.TRUE;
            }
            if (text.equals("false") || text.equals("0")) {
                return Boolean.FALSE;
            }
        }
        throw invalid(value, "boolean", property);
    }

    private static Instant date(String property, Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date legacy) {
            return legacy.toInstant();
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            // epoch milliseconds, as JavaScript's new Date(number)
            return Instant.ofEpochMilli((long) Math.floor(number.doubleValue()));
        }
        if (value instanceof String text) {
            Instant parsed = isoInstant(text.trim());
            if (parsed != null) {
                return parsed;
            }
        }
        throw invalid(value, "date", property);
    }

    /** ISO-8601 with an offset, or without one (read as UTC, as JavaScript reads a date-only string). */
    private static Instant isoInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try a date alone
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Object string(Object value) {
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JavaScript prints integral doubles without ".0"
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return value.toString();
        }
        return value;
    }

    private static HttpError invalid(Object value, String type, String property) {
        return HttpError.badRequest("Invalid value \"" + JsonInput.describe(value) + "\" for " + type + " property \""
                + property + "\"");
    }
}
