package dev.backloop.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place where a JSON or query-string value becomes a value of a LoopBack scalar type. Filters
 * (operands of where conditions) and writes (model data) both convert through here, so {@code "5"} is the
 * number 5 everywhere and a date is read the same way in a query and in a body.
 *
 * <p>Each method returns empty when the value cannot be of the type; callers decide what error that is
 * (400 for a filter, 422 for model data).
 */
public final class TypeConversion {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private TypeConversion() {
    }

    /**
     * A number: integral values become {@code Long}, others {@code Double} (as JavaScript holds them);
     * numeric strings are parsed. Non-finite results are refused.
     */
    public static Optional<Object> toNumber(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof Float f) {
            return Double.isFinite(f) ? Optional.of(f.doubleValue()) : Optional.empty();
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        }
        if (value instanceof Number) {
            return Optional.of(value);
        }
        if (value instanceof String text && NUMBER.matcher(text.trim()).matches()) {
            // BigDecimal accepts the leading "+" that JavaScript's Number() accepts too
            BigDecimal decimal = new BigDecimal(text.trim());
            BigDecimal stripped = decimal.stripTrailingZeros();
            // precision - scale counts the integer digits; checking it first avoids expanding 1e999999999
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
                try {
                    return Optional.of(stripped.longValueExact());
                } catch (ArithmeticException e) {
                    // beyond a long: falls through to a double, as JavaScript would hold it
                }
            }
            double d = decimal.doubleValue();
            if (Double.isFinite(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A boolean: {@code true}/{@code false}, their strings, and 1/0. */
    public static Optional<Boolean> toBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String || value instanceof Long || value instanceof Integer) {
            String text = value.toString();
            if (text.equals("true") || text.equals("1")) {
                return Optional.of(Boolean.TRUE);
            }
            if (text.equals("false") || text.equals("0")) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }

    /**
     * An instant: ISO-8601 text (with an offset, or without one read as UTC, as JavaScript reads a date-only
     * string) or epoch milliseconds.
     */
    public static Optional<Instant> toDate(Object value) {
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (value instanceof Date legacy) {
            return Optional.of(legacy.toInstant());
        }
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return Optional.of(Instant.ofEpochMilli((long) Math.floor(number.doubleValue())));
        }
        if (value instanceof String text) {
            return Optional.ofNullable(isoInstant(text.trim()));
        }
        return Optional.empty();
    }

    /** A string: text as is, numbers and booleans printed as JavaScript prints them; others refused. */
    public static Optional<String> toText(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // JavaScript prints integral doubles without ".0"
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Optional.of(Long.toString((long) d));
            }
            return Optional.of(Double.toString(d));
        }
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal.toPlainString());
        }
        if (value instanceof Number || value instanceof BigInteger) {
            return Optional.of(value.toString());
        }
        return Optional.empty();
    }

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
}
