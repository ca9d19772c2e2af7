package dev.backloop.relation;

import java.math.BigDecimal;

/**
 * Compares join keys loosely, as the juggler's {@code idEquals}: the number 7 and the string "7" are the
 * same key, so a foreign key stored as text still finds its record.
 */
final class Keys {
    private Keys() {
    }

    /** A comparable form of a key value; {@code null} for no key. */
    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return value.toString();
    }
}
