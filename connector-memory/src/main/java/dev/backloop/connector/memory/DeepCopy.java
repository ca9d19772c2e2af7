package dev.backloop.connector.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies record values in and out of the store. Stored values are frozen (unmodifiable maps and lists all
 * the way down, numbers as Long/Double/BigDecimal, dates as Instant), so readers can share them without
 * locks; what leaves the store is thawed into fresh mutable maps and lists the caller owns.
 */
final class DeepCopy {

    private DeepCopy() {
    }

    /** A mutable top-level copy whose values are frozen, ready for the id to be set. */
    static LinkedHashMap<String, Object> freezeEntries(Map<String, ?> data) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, data.size() * 4 / 3 + 2));
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            copy.put(entry.getKey(), freeze(entry.getValue()));
        }
        return copy;
    }

    static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                copy.put(String.valueOf(entry.getKey()), freeze(entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            for (Object element : collection) {
                copy.add(freeze(element));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Object[] array) {
            return freeze(java.util.Arrays.asList(array));
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    /** A fresh mutable copy of a stored value. */
    static Object thaw(Object value) {
        if (value instanceof Map<?, ?> map) {
            return thawMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(thaw(element));
            }
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    static Map<String, Object> thawMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put((String) entry.getKey(), thaw(entry.getValue()));
        }
        return copy;
    }
}
