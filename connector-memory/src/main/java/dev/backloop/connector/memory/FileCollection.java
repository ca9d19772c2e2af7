package dev.backloop.connector.memory;

import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One collection as read from LoopBack's memory file: the next id and each record's JSON text by id text.
 * Kept as read until its model is defined, then turned into a typed {@link ModelStore}.
 */
record FileCollection(long nextId, Map<String, String> records) {

    /** Turns a collection read from the file into a store, typing values by the model definition. */
    ModelStore toStore(String name, ModelDefinition model, RecordJson json, MemoryFile file) {
        ModelStore store = new ModelStore(name);
        String idName = model.idName();
        PropertyType idType = IdKey.typeOf(model);
        List<String> dateProperties = model.properties().values().stream()
                .filter(p -> p.type() == PropertyType.DATE).map(PropertyDefinition::name).toList();
        for (Map.Entry<String, String> entry : records.entrySet()) {
            LinkedHashMap<String, Object> data;
            try {
                data = json.read(entry.getValue());
            } catch (IOException e) {
                throw file.corrupt("record " + name + "." + entry.getKey() + " is not a JSON object", e);
            }
            for (String property : dateProperties) {
                data.computeIfPresent(property, (k, v) -> toInstant(v));
            }
            Object id = data.get(idName);
            IdKey key = IdKey.of(id != null ? id : entry.getKey(), idType);
            StoredRecord record = new StoredRecord(key, FrozenRecord.of(DeepCopy.freezeEntries(data)),
                    entry.getValue());
            store.records.put(key, record);
            store.observeId(key);
        }
        store.nextId = Math.max(store.nextId, nextId);
        return store;
    }

    // what JavaScript's new Date(value) makes of the stored forms: ISO text or epoch milliseconds
    private static Object toInstant(Object value) {
        if (value instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(s).toInstant();
                } catch (DateTimeParseException unparseable) {
                    return value;
                }
            }
        }
        return value;
    }
}
