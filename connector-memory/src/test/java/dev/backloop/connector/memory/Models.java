package dev.backloop.connector.memory;

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

/** Model definitions for tests, built with the canonical constructor. */
final class Models {
    private Models() {
    }

    static PropertyDefinition id(PropertyType type) {
        return new PropertyDefinition("id", type, null, false, null, 1, type == PropertyType.NUMBER, false, null);
    }

    static ModelDefinition model(String name, PropertyDefinition... properties) {
        return model(name, JsonNodeFactory.instance.objectNode(), properties);
    }

    static ModelDefinition model(String name, ObjectNode settings, PropertyDefinition... properties) {
        Map<String, PropertyDefinition> props = new LinkedHashMap<>();
        for (PropertyDefinition p : properties) {
            props.put(p.name(), p);
        }
        return new ModelDefinition(name, name + "s", "PersistedModel", props, StrictMode.FALSE, Set.of(), Set.of(),
                List.of(), null, true, false, settings);
    }

    /** Book: numeric id, title, published (date), meta (object), price. */
    static ModelDefinition book() {
        return model("Book", id(PropertyType.NUMBER),
                PropertyDefinition.of("title", PropertyType.STRING),
                PropertyDefinition.of("published", PropertyType.DATE),
                PropertyDefinition.of("meta", PropertyType.OBJECT),
                PropertyDefinition.of("price", PropertyType.NUMBER));
    }

    static ModelDefinition author() {
        return model("Author", id(PropertyType.NUMBER), PropertyDefinition.of("name", PropertyType.STRING));
    }

    static ModelDefinition tag() {
        return model("Tag", id(PropertyType.STRING), PropertyDefinition.of("label", PropertyType.STRING));
    }
}
