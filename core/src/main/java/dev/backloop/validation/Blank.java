package dev.backloop.validation;

import java.util.Collection;

/** LoopBack's {@code blank}: absent, null, an empty string or an empty array. */
final class Blank {

    private Blank() {
    }

    static boolean test(Object value) {
        return value == null
                || value == dev.backloop.error.ValidationError.UNDEFINED
                || "".equals(value)
                || (value instanceof Collection<?> items && items.isEmpty());
    }
}
