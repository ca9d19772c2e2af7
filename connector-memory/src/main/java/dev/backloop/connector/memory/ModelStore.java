package dev.backloop.connector.memory;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The records of one collection (one model, unless models share a {@code memory.collection}), in id order,
 * with the next generated id. Guarded by its read-write lock: readers share it, a write holds it for the
 * whole read-modify-write, so no update is lost.
 */
final class ModelStore {
    final String name;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    final TreeMap<IdKey, StoredRecord> records = new TreeMap<>();
    long nextId = 1;

    ModelStore(String name) {
        this.name = name;
    }

    /** The records' data in id order; a live view, read under the lock. */
    Collection<Map<String, Object>> data() {
        Collection<StoredRecord> values = records.values();
        return new AbstractCollection<>() {
            @Override
            public Iterator<Map<String, Object>> iterator() {
                Iterator<StoredRecord> it = values.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map<String, Object> next() {
                        return it.next().data;
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    /** Moves the id counter past an id that was given explicitly, as LoopBack does. */
    void observeId(IdKey key) {
        Long integral = key.integral();
        if (integral != null && integral >= nextId && integral < Long.MAX_VALUE) {
            nextId = integral + 1;
        }
    }
}
