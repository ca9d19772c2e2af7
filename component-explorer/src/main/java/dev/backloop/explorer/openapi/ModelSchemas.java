package dev.backloop.explorer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.StrictMode;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema per model, from its definition: property types, required properties, defaults and descriptions.
 * Hidden properties are left out: they are never returned, so documenting them would only advertise them.
 */
public final class ModelSchemas {
    private static final Logger LOG = LoggerFactory.getLogger(ModelSchemas.class);

    private final Map<String, ModelDefinition> definitions;
    private final TypeSchemas types;

    /** @param definitions every model of the app by name, public or not */
    public ModelSchemas(Map<String, ModelDefinition> definitions, TypeSchemas types) {
        this.definitions = Map.copyOf(definitions);
        this.types = Objects.requireNonNull(types, "types is null");
    }

    /**
     * The schemas of the given models and of every model their schemas or the operations referenced, by
     * name in first-seen order.
     */
    public Map<String, Schema<?>> schemas(Collection<String> modelNames) {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        modelNames.forEach(types::reference);
        // a model's properties may reference more models: go on until a round adds nothing new
        while (true) {
            boolean added = false;
            for (String name : types.referenced()) {
                if (!schemas.containsKey(name) && definitions.containsKey(name)) {
                    schemas.put(name, schemaOf(definitions.get(name)));
                    added = true;
                }
            }
            if (!added) {
                return schemas;
            }
        }
    }

    /** The schema of one model. */
    public Schema<?> schemaOf(ModelDefinition definition) {
        ObjectSchema schema = new ObjectSchema();
        schema.setDescription(text(definition.settings().get("description")));
        JsonNode declared = definition.settings().path("properties");
        for (PropertyDefinition property : definition.properties().values()) {
            if (definition.hidden().contains(property.name())) {
                continue;
            }
            Schema<?> propertySchema = types.forType(property.type(), property.itemType(), property.modelType());
            // in OpenAPI 3.0 everything beside a $ref is ignored, so only inline schemas get details
            if (propertySchema.get$ref() == null) {
                setDefault(definition, property, propertySchema);
                propertySchema.setDescription(text(declared.path(property.name()).get("description")));
            }
            schema.addProperty(property.name(), propertySchema);
            // a generated id is required in the data but never in what a client sends
            if (property.required() && !(property.isId() && property.generated())) {
                schema.addRequiredItem(property.name());
            }
        }
        if (definition.strict() == StrictMode.TRUE || definition.strict() == StrictMode.THROW) {
            schema.setAdditionalProperties(false);
        }
        return schema;
    }

    private static void setDefault(ModelDefinition definition, PropertyDefinition property, Schema<?> schema) {
        Object value = property.defaultValue();
        if (value == null || "$now".equals(value)) {
            return;
        }
        try {
            schema.setDefault(value);
        } catch (RuntimeException e) {
            // a default the schema class cannot hold is documentation only: leave it out
            LOG.debug("Default of {}.{} not documented: {}", definition.name(), property.name(), e.toString());
        }
    }

    /** A description as LoopBack writes them: a string, or an array of lines. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(line -> joined.append(joined.length() == 0 ? "" : "\n").append(line.asText()));
            return joined.toString();
        }
        return node.asText();
    }
}
