package dev.backloop.filter.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Value comparison with the loose semantics of LoopBack's memory connector (JavaScript {@code ==} and
 * relational operators), made type-safe: numbers compare by value whatever their Java class, a numeric
 * string compares with a number as a number, dates compare as instants (also with ISO-8601 strings), and
 * maps and lists compare deeply instead of by identity.
 */
public final class LooseComparison {

    /** Returned by {@link #compare} when JavaScript's comparison would be {@code NaN}. */
    public static final int INCOMPARABLE = Integer.MIN_VALUE;

    private LooseComparison() {
    }

    /** JavaScript's {@code a == b}, with the improvements described on the class. */
    public static boolean looseEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        a = normalize(a);
        b = normalize(b);
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            return mapsEqual(ma, mb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            return listsEqual(la, lb);
        }
        int c = compare(a, b);
        return c == 0;
    }

    /**
     * JavaScript's ordering of a record value against an operand: negative, zero, positive, or
     * {@link #INCOMPARABLE} when either is null or the two cannot be ordered.
     */
    public static int compare(Object value, Object operand) {
        if (value == null || operand == null) {
            return value == null && operand == null ? 0 : INCOMPARABLE;
        }
        Object a = normalize(value);
        Object b = normalize(operand);
        if (a instanceof Number na) {
            BigDecimal nb = toNumber(b);
            return nb == null ? INCOMPARABLE : compareNumbers(na, nb);
        }
        if (a instanceof String sa) {
            if (b instanceof String sb) {
                return Integer.signum(sa.compareTo(sb));
            }
            if (b instanceof Instant ib) {
                Instant ia = parseInstant(sa);
                return ia == null ? INCOMPARABLE : ia.compareTo(ib);
            }
            BigDecimal na = toNumber(sa);
            BigDecimal nb = toNumber(b);
            return na == null || nb == null ? INCOMPARABLE : na.compareTo(nb);
        }
        if (a instanceof Boolean ba) {
            BigDecimal nb = toNumber(b);
            return nb == null ? INCOMPARABLE : BigDecimal.valueOf(ba ? 1 : 0).compareTo(nb);
        }
        if (a instanceof Instant ia) {
            if (b instanceof Instant ib) {
                return Integer.signum(ia.compareTo(ib));
            }
            if (b instanceof String sb) {
                Instant parsed = parseInstant(sb);
                return parsed == null ? INCOMPARABLE : Integer.signum(ia.compareTo(parsed));
            }
            if (b instanceof Number nb) {
                return compareNumbers(ia.toEpochMilli(), nb);
            }
            return INCOMPARABLE;
        }
        return looseEquals(a, b) ? 0 : INCOMPARABLE;
    }

    /** Compares two numbers by value, whatever their classes; NaN is incomparable. */
    public static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (isFloating(a) && isFloating(b)) {
            double da = a.doubleValue();
            double db = b.doubleValue();
            return Double.isNaN(da) || Double.isNaN(db) ? INCOMPARABLE : Double.compare(da, db);
        }
        BigDecimal ba = toBigDecimal(a);
        BigDecimal bb = toBigDecimal(b);
        if (ba == null || bb == null) {
            return compareNonFinite(a, b);
        }
        return ba.compareTo(bb);
    }

    /** A JSON-ish value in one representation: java.util.Date as Instant, small integers as Long. */
    static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return value;
    }

    /** JavaScript's {@code Number(x)} for the types we store, or null for NaN. */
    static BigDecimal toNumber(Object value) {
        if (value instanceof Number n) {
            return toBigDecimal(n);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String s) {
            String trimmed = s.trim();
            // JavaScript makes "" zero; treating it as no number is stricter and less surprising
            if (trimmed.isEmpty() || trimmed.length() > 400) {
                return null;
            }
            try {
                return new BigDecimal(trimmed);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (value instanceof Instant i) {
            return BigDecimal.valueOf(i.toEpochMilli());
        }
        return null;
    }

    static Instant parseInstant(String text) {
        if (text.length() < 10 || text.length() > 40) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (isIntegral(n)) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        // the shortest decimal that reads back as d, so 0.1 equals "0.1" and BigDecimal 0.1 as in JavaScript
        return BigDecimal.valueOf(d);
    }

    private static int compareNonFinite(Number a, Number b) {
        double da = a.doubleValue();
        double db = b.doubleValue();
        if (Double.isNaN(da) || Double.isNaN(db)) {
            return INCOMPARABLE;
        }
        return Double.compare(da, db);
    }

    private static boolean mapsEqual(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            if (!b.containsKey(entry.getKey()) || !looseEquals(entry.getValue(), b.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean listsEqual(List<?> a, List<?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<?> ia = a.iterator();
        Iterator<?> ib = b.iterator();
        while (ia.hasNext()) {
            if (!looseEquals(ia.next(), ib.next())) {
                return false;
            }
        }
        return true;
    }
}
