package dev.backloop.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one model is laid out in MongoDB: its collection ({@code mongodb.collection}, else the model name),
 * the id in {@code _id}, property names to field names ({@code mongodb.fieldName}, also LoopBack's
 * {@code field}/{@code columnName}/{@code column}), and which properties hold ObjectIds.
 *
 * <p>A property holds ObjectIds when it is the generated id (LoopBack's default ObjectID id) or declares
 * {@code mongodb.dataType: "ObjectId"}. Only those properties store 24-digit hex strings as ObjectIds.
 */
final class ModelMapping {
    static final String ID_FIELD = "_id";

    private final ModelDefinition model;
    private final String collection;
    private final String idName;
    private final Map<String, String> fieldByProperty = new HashMap<>();
    private final Map<String, String> propertyByField = new HashMap<>();
    private final Set<String> objectIdProperties = new HashSet<>();
    private final Set<String> declaredObjectIdProperties = new HashSet<>();
    private final boolean allowExtendedOperators;

    ModelMapping(ModelDefinition model, boolean dataSourceAllowsExtendedOperators) {
        this.model = model;
        this.idName = model.idName();
        JsonNode mongodb = model.settings() == null ? null : model.settings().path("mongodb");
        if (mongodb != null && mongodb.isMissingNode()) {
            // LoopBack reads model settings from "options" too
            mongodb = model.settings().path("options").path("mongodb");
        }
        String configured = mongodb == null ? "" : mongodb.path("collection").asText("");
        this.collection = configured.isEmpty() ? model.name() : configured;
        JsonNode allow = mongodb == null ? null : mongodb.get("allowExtendedOperators");
        this.allowExtendedOperators = allow != null && allow.isBoolean() ? allow.booleanValue()
                : dataSourceAllowsExtendedOperators;
        JsonNode declared = model.settings() == null ? null : model.settings().path("properties");
        for (PropertyDefinition property : model.properties().values()) {
            String name = property.name();
            JsonNode raw = declared == null ? null : declared.get(name);
            String field = fieldName(raw);
            if (property.isId() && name.equals(idName)) {
                field = ID_FIELD;
            }
            if (field != null && !field.equals(name)) {
                fieldByProperty.put(name, field);
                propertyByField.put(field, name);
            }
            boolean declaredObjectId = raw != null && raw.path("mongodb").path("dataType").asText("")
                    .toLowerCase(Locale.ROOT).equals("objectid");
            if (declaredObjectId) {
                declaredObjectIdProperties.add(name);
            }
            if (declaredObjectId || (name.equals(idName) && property.generated())) {
                objectIdProperties.add(name);
            }
        }
        fieldByProperty.put(idName, ID_FIELD);
        propertyByField.put(ID_FIELD, idName);
    }

    private static String fieldName(JsonNode raw) {
        if (raw == null || !raw.isObject()) {
            return null;
        }
        JsonNode mongodb = raw.path("mongodb");
        for (String key : new String[] {"fieldName", "field", "columnName", "column"}) {
            if (mongodb.path(key).isTextual()) {
                return mongodb.path(key).textValue();
            }
        }
        for (String key : new String[] {"columnName", "column"}) {
            if (raw.path(key).isTextual()) {
                return raw.path(key).textValue();
            }
        }
        return null;
    }

    ModelDefinition model() {
        return model;
    }

    String collection() {
        return collection;
    }

    String idName() {
        return idName;
    }

    boolean allowExtendedOperators() {
        return allowExtendedOperators;
    }

    /** The field of a top-level property. */
    String field(String property) {
        return fieldByProperty.getOrDefault(property, property);
    }

    /** The field path of a dotted property path: only the first segment is renamed. */
    String fieldPath(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? field(path) : field(path.substring(0, dot)) + path.substring(dot);
    }

    /** The property a top-level field holds. */
    String property(String field) {
        return propertyByField.getOrDefault(field, field);
    }

    /** Whether 24-digit hex strings of this property are ObjectIds. */
    boolean holdsObjectIds(String property) {
        return objectIdProperties.contains(property);
    }

    /** Whether the property declares {@code mongodb.dataType: "ObjectId"}, so every value must be one. */
    boolean requiresObjectIds(String property) {
        return declaredObjectIdProperties.contains(property);
    }
}
