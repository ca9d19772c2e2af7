package dev.backloop.relation;

import dev.backloop.model.ModelDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads embedded data (embedsOne, embedsMany) out of a record and shapes it for the wire. */
final class EmbeddedItems {
    private EmbeddedItems() {
    }

    /** The items of an embedsMany property: its objects, in order; nothing when it holds no array. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(Object value) {
        List<Map<String, Object>> items = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    items.add(new LinkedHashMap<>((Map<String, Object>) map));
                }
            }
        }
        return items;
    }

    /** An embedded item without its model's hidden and protected properties. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> wire(Map<?, ?> item, ModelDefinition definition) {
        Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) item);
        if (definition != null) {
            json.keySet().removeAll(definition.hidden());
            json.keySet().removeAll(definition.protectedProperties());
        }
        return json;
    }
}
