package dev.backloop.connector.memory;

import java.util.Map;
import java.util.function.Function;

/**
 * One record in the store: its key and its frozen data, plus the record's JSON text for the file, made on
 * first need and kept, so that a flush only serializes records written since the previous one.
 */
final class StoredRecord {
    final IdKey key;
    final Map<String, Object> data;
    private volatile String json;

    StoredRecord(IdKey key, Map<String, Object> data) {
        this.key = key;
        this.data = data;
    }

    StoredRecord(IdKey key, Map<String, Object> data, String json) {
        this(key, data);
        this.json = json;
    }

    String json(Function<Map<String, Object>, String> serializer) {
        String text = json;
        if (text == null) {
            // a benign race: two threads may both serialize the same immutable data
            text = serializer.apply(data);
            json = text;
        }
        return text;
    }
}
