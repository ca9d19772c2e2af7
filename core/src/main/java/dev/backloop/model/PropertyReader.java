package dev.backloop.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.boot.BootException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one entry of a model's {@code properties} in any of the forms LoopBack 3 accepts:
 * {@code "string"}, {@code ["string"]}, {@code {"type": "string", ...}}, {@code {"type": ["string"]}},
 * a model name, or an anonymous object type ({@code {"type": {"street": "string"}}}).
 */
final class PropertyReader {
    private static final Logger LOG = LoggerFactory.getLogger(PropertyReader.class);

    /** The {@code defaultFn} values loopback-datasource-juggler 3 implements. */
    private static final Set<String> KNOWN_DEFAULT_FNS = Set.of("now", "guid", "uuid", "uuidv4", "shortid", "nanoid");

    private final String modelName;

    PropertyReader(String modelName) {
        this.modelName = modelName;
    }

    PropertyDefinition read(String name, JsonNode spec) {
        if (spec == null || spec.isNull()) {
            // LB3 refuses an undefined property type; an explicit null is the same mistake.
            throw error(name, "has no type");
        }
        if (!spec.isObject()) {
            TypeRef type = typeOf(name, spec);
            return new PropertyDefinition(name, type.type, type.itemType, false, null, 0, false, false,
                    type.modelType, null);
        }
        JsonNode typeNode = spec.get("type");
        // LB3 allows a settings object without a type (e.g. {"required": true}); it behaves as "any".
        TypeRef type = typeNode == null || typeNode.isNull()
                ? new TypeRef(PropertyType.ANY, null, null) : typeOf(name, typeNode);
        boolean required = flag(spec.get("required"));
        Object defaultValue = JsonValue.toJava(spec.get("default"));
        int id = idPosition(name, spec.get("id"));
        boolean generated = flag(spec.get("generated"));
        boolean index = indexFlag(spec.get("index"));
        String defaultFn = defaultFn(name, spec.get("defaultFn"));
        return new PropertyDefinition(name, type.type, type.itemType, required, defaultValue, id, generated, index,
                type.modelType, defaultFn);
    }

    /** A resolved type: the property type, the item type for arrays, and the model named, if any. */
    private record TypeRef(PropertyType type, PropertyType itemType, String modelType) {
    }

    private TypeRef typeOf(String name, JsonNode typeNode) {
        if (typeNode.isTextual()) {
            String typeName = typeNode.textValue().trim();
            if (typeName.isEmpty()) {
                throw error(name, "has an empty type");
            }
            Optional<PropertyType> builtIn = PropertyType.fromName(typeName);
            // A name that is not a built-in type is a model name (LB3 resolves it in the registry).
            return builtIn.map(t -> new TypeRef(t, null, null))
                    .orElseGet(() -> new TypeRef(PropertyType.OBJECT, null, typeName));
        }
        if (typeNode.isArray()) {
            if (typeNode.isEmpty()) {
                return new TypeRef(PropertyType.ARRAY, PropertyType.ANY, null);
            }
            JsonNode item = typeNode.get(0);
            TypeRef itemType = item.isObject() && item.has("type")
                    ? typeOf(name, item.get("type")) : typeOf(name, item);
            return new TypeRef(PropertyType.ARRAY, itemType.type, itemType.modelType);
        }
        if (typeNode.isObject()) {
            // An anonymous model: {"street": "string", ...}.
            return new TypeRef(PropertyType.OBJECT, null, null);
        }
        throw error(name, "has an invalid type " + typeNode);
    }

    private int idPosition(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? 1 : 0;
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        throw error(name, "has an invalid \"id\" " + node + " (expected true, false or a position)");
    }

    private String defaultFn(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw error(name, "has an invalid \"defaultFn\" " + node + " (expected a name such as \"now\")");
        }
        String fn = node.textValue();
        if (!KNOWN_DEFAULT_FNS.contains(fn)) {
            // LB3 only warns and leaves the value unset, so an app using one still boots.
            LOG.warn("Model {}: property {} has an unknown defaultFn \"{}\"; no value will be generated for it "
                    + "(as in LoopBack 3)", modelName, name, fn);
        }
        return fn;
    }

    private static boolean flag(JsonNode node) {
        return node != null && node.asBoolean(false);
    }

    /** {@code index} may also be an object of index options ({@code {"unique": true}}), which means indexed. */
    private static boolean indexFlag(JsonNode node) {
        return node != null && (node.isObject() || node.asBoolean(false));
    }

    private BootException error(String property, String problem) {
        return new BootException("Model " + modelName + ": property \"" + property + "\" " + problem);
    }
}
