package dev.backloop.connector.memory;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The top level of a stored record: an immutable map in insertion order, held as an array of values beside
 * an array of keys that consecutive records of the same shape share. A query scans every record and reads
 * one or two properties of each; here that touches the record and its values array, while the keys stay in
 * cache, where an unmodifiable {@code LinkedHashMap} costs a wrapper, a table and a node per read (the find
 * and count workloads of bench/run.sh spent most of their time in those reads).
 */
final class FrozenRecord extends AbstractMap<String, Object> {
    /** Above this many keys a lookup goes through a shared index instead of a linear scan. */
    private static final int LINEAR_LIMIT = 12;

    /** The keys of the most recently frozen record; records written in a row usually have the same. */
    private static volatile Shape lastShape;

    private final Shape shape;
    private final Object[] values;

    private FrozenRecord(Shape shape, Object[] values) {
        this.shape = shape;
        this.values = values;
    }

    /** A frozen copy of {@code row}'s entries; the values are taken as they are (already frozen). */
    static FrozenRecord of(Map<String, Object> row) {
        String[] keys = new String[row.size()];
        Object[] values = new Object[row.size()];
        int i = 0;
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            keys[i] = entry.getKey();
            values[i] = entry.getValue();
            i++;
        }
        Shape shape = lastShape;
        if (shape == null || !Arrays.equals(shape.keys, keys)) {
            // a benign race: another thread may install its own shape; both are immutable and correct
            shape = new Shape(keys);
            lastShape = shape;
        }
        return new FrozenRecord(shape, values);
    }

    @Override
    public Object get(Object key) {
        int index = shape.indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        String[] keys = shape.keys;
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(shape.keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** Keys in order, and for wide records an index from key to position. */
    private static final class Shape {
        final String[] keys;
        private final Map<String, Integer> index;

        Shape(String[] keys) {
            this.keys = keys;
            if (keys.length > LINEAR_LIMIT) {
                Map<String, Integer> positions = new java.util.HashMap<>(keys.length * 2);
                for (int i = 0; i < keys.length; i++) {
                    positions.put(keys[i], i);
                }
                this.index = positions;
            } else {
                this.index = null;
            }
        }

        int indexOf(Object key) {
            if (index != null) {
                Integer position = index.get(key);
                return position == null ? -1 : position;
            }
            // names parsed by Jackson are interned, so identity usually finds the key without equals
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            if (key instanceof String name) {
                for (int i = 0; i < keys.length; i++) {
                    if (name.equals(keys[i])) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }
}
