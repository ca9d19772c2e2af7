package dev.backloop.explorer.openapi;

import dev.backloop.model.PropertyType;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ByteArraySchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns LoopBack type names ({@code string}, {@code [Todo]}, {@code Todo}, {@code geopoint}, ...) into schemas,
 * and remembers which models were referenced so that each gets a schema of its own.
 */
public final class TypeSchemas {
    /** Where model schemas live in an OpenAPI 3 document. */
    public static final String REF_PREFIX = "#/components/schemas/";

    private final Set<String> modelNames;
    private final Set<String> referenced = new LinkedHashSet<>();

    /** @param modelNames every model of the app, public or not (a type naming one becomes a reference) */
    public TypeSchemas(Set<String> modelNames) {
        this.modelNames = Set.copyOf(modelNames);
    }

    /** A schema for a type name as remote methods declare them; an unknown name is a free-form object. */
    public Schema<?> forTypeName(String typeName) {
        String type = typeName == null ? "any" : typeName.trim();
        if (type.startsWith("[") && type.endsWith("]")) {
            return new ArraySchema().items(forTypeName(type.substring(1, type.length() - 1)));
        }
        if (modelNames.contains(type)) {
            return reference(type);
        }
        Optional<PropertyType> builtIn = PropertyType.fromName(type);
        if (builtIn.isPresent()) {
            return forType(builtIn.get(), PropertyType.ANY, null);
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "file", "readablestream" -> new BinarySchema();
            // a model we do not know (an LB3 built-in Backloop lacks): LoopBack's explorer documents "object"
            default -> new ObjectSchema();
        };
    }

    /**
     * A schema for a property type.
     *
     * @param itemType  for arrays, the type of the items
     * @param modelType for properties typed with a model name (or arrays of them), that name
     */
    public Schema<?> forType(PropertyType type, PropertyType itemType, String modelType) {
        if (modelType != null) {
            Schema<?> model = modelNames.contains(modelType) ? reference(modelType) : new ObjectSchema();
            return type == PropertyType.ARRAY ? new ArraySchema().items(model) : model;
        }
        return switch (type) {
            case STRING -> new StringSchema();
            case NUMBER -> new NumberSchema().format("double");
            case BOOLEAN -> new BooleanSchema();
            case DATE -> new DateTimeSchema();
            case OBJECT -> new ObjectSchema();
            case ARRAY -> new ArraySchema().items(forType(itemType, PropertyType.ANY, null));
            case BUFFER -> new ByteArraySchema();
            case GEOPOINT -> new ObjectSchema().description("A point: latitude and longitude")
                    .addProperty("lat", new NumberSchema().format("double"))
                    .addProperty("lng", new NumberSchema().format("double"));
            // an empty schema allows any JSON value
            case ANY -> new Schema<>();
        };
    }

    /** A reference to a model's schema; the model is remembered so its schema is written. */
    public Schema<?> reference(String modelName) {
        referenced.add(modelName);
        return new Schema<>().$ref(REF_PREFIX + modelName);
    }

    /** Whether a schema is a reference to a model's schema or an array of them. */
    public static Optional<String> referencedModel(Schema<?> schema) {
        if (schema == null) {
            return Optional.empty();
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)) {
            return Optional.of(schema.get$ref().substring(REF_PREFIX.length()));
        }
        return Optional.empty();
    }

    /** Whether a schema stands for a JSON object or array (sent as JSON text in a query string or header). */
    public static boolean isStructured(Schema<?> schema) {
        return schema.get$ref() != null || "object".equals(schema.getType()) || "array".equals(schema.getType())
                || schema.getType() == null;
    }

    /** The models referenced so far, in first-reference order. */
    public Set<String> referenced() {
        return new LinkedHashSet<>(referenced);
    }
}
