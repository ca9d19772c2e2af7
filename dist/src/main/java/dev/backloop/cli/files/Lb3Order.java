package dev.backloop.cli.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The key order LoopBack 3's generators write: a model definition's {@code name, plural, base, ...,
 * methods}, a relation's {@code type, model, foreignKey}, an ACL's {@code accessType, principalType,
 * principalId, permission, property}, a datasource's {@code name, connector} first, {@code _meta} first in
 * model-config.json. Known keys move to their place; other keys follow in the order they had, so hand
 * edits survive.
 */
public final class Lb3Order {
    private static final List<String> MODEL = List.of("name", "description", "plural", "base", "strict",
            "idInjection", "forceId", "hidden", "options", "mixins", "properties", "validations", "relations",
            "acls", "methods");
    private static final List<String> PROPERTY = List.of("type", "id", "required", "index", "default",
            "defaultFn", "description");
    private static final List<String> RELATION = List.of("type", "model", "foreignKey", "primaryKey", "through",
            "keyThrough", "options");
    private static final List<String> ACL = List.of("accessType", "principalType", "principalId", "permission",
            "property");
    private static final List<String> METHOD = List.of("accepts", "returns", "description", "http");
    private static final List<String> DATASOURCE = List.of("name", "connector");
    private static final List<String> MODEL_CONFIG_ENTRY = List.of("dataSource", "public", "options");

    private Lb3Order() {
    }

    /** A model definition, its properties, relations, ACLs and methods in LoopBack's order. */
    public static ObjectNode model(ObjectNode definition) {
        ObjectNode ordered = ordered(definition, MODEL);
        eachValue(ordered.get("properties"), PROPERTY);
        eachValue(ordered.get("relations"), RELATION);
        eachValue(ordered.get("methods"), METHOD);
        JsonNode acls = ordered.get("acls");
        if (acls != null && acls.isArray()) {
            for (int i = 0; i < acls.size(); i++) {
                if (acls.get(i).isObject()) {
                    ((ArrayNode) acls).set(i, ordered((ObjectNode) acls.get(i), ACL));
                }
            }
        }
        return ordered;
    }

    /** One datasource of datasources.json. */
    public static ObjectNode dataSource(ObjectNode settings) {
        return ordered(settings, DATASOURCE);
    }

    /** model-config.json: {@code _meta} first, then each entry's keys in order. */
    public static ObjectNode modelConfig(ObjectNode config) {
        ObjectNode ordered = ordered(config, List.of("_meta"));
        eachValue(ordered, MODEL_CONFIG_ENTRY);
        return ordered;
    }

    private static void eachValue(JsonNode container, List<String> keys) {
        if (container == null || !container.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) container;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (object.get(name).isObject() && !name.equals("_meta")) {
                object.set(name, ordered((ObjectNode) object.get(name), keys));
            }
        }
    }

    private static ObjectNode ordered(ObjectNode object, List<String> first) {
        ObjectNode result = object.objectNode();
        for (String key : first) {
            if (object.has(key)) {
                result.set(key, object.get(key));
            }
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!result.has(field.getKey())) {
                result.set(field.getKey(), field.getValue());
            }
        }
        return result;
    }
}
