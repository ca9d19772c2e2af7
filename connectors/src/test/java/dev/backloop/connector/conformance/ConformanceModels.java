package dev.backloop.connector.conformance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.model.StrictMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The models the conformance suite stores, as a model JSON file would declare them. Generated ids are
 * declared as numbers, like LoopBack's injected id, and take the connector's id type when attached.
 */
public final class ConformanceModels {
    private ConformanceModels() {
    }

    /** Book: generated id, title, author, price, published (date), meta (object), tags (array), authorId. */
    public static ModelDefinition book() {
        return model("Book", generatedId(),
                PropertyDefinition.of("title", PropertyType.STRING),
                PropertyDefinition.of("author", PropertyType.STRING),
                PropertyDefinition.of("price", PropertyType.NUMBER),
                PropertyDefinition.of("published", PropertyType.DATE),
                PropertyDefinition.of("meta", PropertyType.OBJECT),
                new PropertyDefinition("tags", PropertyType.ARRAY, PropertyType.STRING, false, null, 0, false, false, null),
                PropertyDefinition.of("authorId", PropertyType.ANY));
    }

    /** Author: generated id, name. */
    public static ModelDefinition author() {
        return model("Author", generatedId(), PropertyDefinition.of("name", PropertyType.STRING));
    }

    /** Tag: a string id the client supplies, label. */
    public static ModelDefinition tag() {
        return model("Tag", suppliedId(PropertyType.STRING), PropertyDefinition.of("label", PropertyType.STRING));
    }

    /** Item: a numeric id the client supplies, n. */
    public static ModelDefinition item() {
        return model("Item", suppliedId(PropertyType.NUMBER), PropertyDefinition.of("n", PropertyType.NUMBER));
    }

    /** LoopBack's injected id: {@code {type: Number, id: 1, generated: true}}. */
    public static PropertyDefinition generatedId() {
        return new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, 1, true, false, null);
    }

    public static PropertyDefinition suppliedId(PropertyType type) {
        return new PropertyDefinition("id", type, null, false, null, 1, false, false, null);
    }

    public static ModelDefinition model(String name, PropertyDefinition... properties) {
        return model(name, JsonNodeFactory.instance.objectNode(), properties);
    }

    public static ModelDefinition model(String name, ObjectNode settings, PropertyDefinition... properties) {
        Map<String, PropertyDefinition> props = new LinkedHashMap<>();
        for (PropertyDefinition p : properties) {
            props.put(p.name(), p);
        }
        return new ModelDefinition(name, name + "s", "PersistedModel", props, StrictMode.FALSE, Set.of(), Set.of(),
                List.of(), null, true, false, settings);
    }
}
