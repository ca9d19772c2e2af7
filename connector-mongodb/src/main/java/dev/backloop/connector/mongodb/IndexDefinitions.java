package dev.backloop.connector.mongodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import dev.backloop.model.PropertyDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The indexes a model asks for, as LoopBack's MongoDB connector reads them: the model's {@code indexes}
 * setting ({@code {"name": {"keys": {...}, "options": {...}}}} or {@code {"name": {"field": 1}}}) and
 * properties declared with {@code index: true} or {@code index: {unique: true, ...}}. Property names are
 * mapped to field names.
 */
final class IndexDefinitions {
    private IndexDefinitions() {
    }

    static List<IndexModel> of(ModelMapping mapping) {
        List<IndexModel> indexes = new ArrayList<>();
        JsonNode settings = mapping.model().settings();
        JsonNode declared = settings == null ? null : settings.path("indexes");
        if (declared != null && declared.isObject()) {
            declared.fields().forEachRemaining(entry -> indexes.add(index(mapping, entry.getKey(), entry.getValue())));
        }
        JsonNode properties = settings == null ? null : settings.path("properties");
        for (PropertyDefinition property : mapping.model().properties().values()) {
            JsonNode raw = properties == null ? null : properties.path(property.name()).path("index");
            boolean wanted = property.index() || (raw != null && (raw.isObject() || raw.asBoolean(false)));
            if (!wanted || property.name().equals(mapping.idName())) {
                continue;
            }
            JsonNode options = raw != null && raw.isObject() ? raw : null;
            Object kind = 1;
            if (options != null && options.path("mongodb").isObject()) {
                options = options.path("mongodb");
                kind = keyValue(options.path("kind"), 1);
            }
            indexes.add(new IndexModel(new Document(mapping.field(property.name()), kind), options(options, null)));
        }
        return indexes;
    }

    private static IndexModel index(ModelMapping mapping, String name, JsonNode index) {
        JsonNode keys = index.has("keys") ? index.path("keys") : index;
        Document keyDocument = new Document();
        keys.fields().forEachRemaining(key -> {
            if (!key.getKey().equals("options")) {
                OperatorGuard.checkPath(key.getKey());
                keyDocument.put(mapping.fieldPath(key.getKey()), keyValue(key.getValue(), 1));
            }
        });
        if (keyDocument.isEmpty()) {
            throw new IllegalArgumentException("Model " + mapping.model().name() + ": index \"" + name + "\" has no keys");
        }
        return new IndexModel(keyDocument, options(index.path("options"), name));
    }

    private static Object keyValue(JsonNode value, Object fallback) {
        if (value.isNumber()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return fallback;
    }

    private static IndexOptions options(JsonNode options, String name) {
        IndexOptions result = new IndexOptions();
        if (options != null && options.isObject()) {
            if (options.has("name")) {
                result.name(options.path("name").asText());
            }
            result.unique(options.path("unique").asBoolean(false));
            result.sparse(options.path("sparse").asBoolean(false));
            if (options.path("expireAfterSeconds").isNumber()) {
                result.expireAfter(options.path("expireAfterSeconds").longValue(), TimeUnit.SECONDS);
            }
            if (options.path("partialFilterExpression").isObject()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> filter = new com.fasterxml.jackson.databind.ObjectMapper()
                        .convertValue(options.path("partialFilterExpression"), Map.class);
                result.partialFilterExpression(new Document(filter));
            }
        }
        if (result.getName() == null && name != null) {
            result.name(name);
        }
        return result;
    }
}
