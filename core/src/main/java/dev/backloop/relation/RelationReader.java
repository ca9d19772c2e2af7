package dev.backloop.relation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.BootException;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.JsonValue;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelDefinitionReader;
import dev.backloop.model.Pluralizer;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code relations} of model definitions and resolves every default as LoopBack's juggler does
 * (foreign key names, primary keys, the through model of a hasAndBelongsToMany). Like the juggler, it also
 * declares the properties a relation needs on the models it joins — foreign keys typed as the id they point
 * to, discriminators, the array of ids of a referencesMany, embedded properties — unless a model declares
 * them itself, so strict models accept them.
 */
public final class RelationReader {
    private static final FilterParser FILTERS = new FilterParser();

    private final Map<String, ModelDefinition> definitions;
    private final Map<String, Map<String, Relation>> relations = new LinkedHashMap<>();
    /** hasAndBelongsToMany through models this reader defined → the model whose datasource they use. */
    private final Map<String, String> generatedThrough = new LinkedHashMap<>();

    /** What was read: the definitions with relation properties added, and the relations of each model. */
    public record Result(Map<String, ModelDefinition> definitions, Map<String, Map<String, Relation>> relations,
            Map<String, String> generatedThrough) {
    }

    private RelationReader(Map<String, ModelDefinition> definitions) {
        this.definitions = new LinkedHashMap<>(definitions);
    }

    /**
     * Reads the relations of the named models.
     *
     * @param definitions every known definition, by name (the models relations may point to)
     * @param models      the models whose relations to read
     * @throws BootException for an invalid relation (unknown type or model, a bad scope...)
     */
    public static Result read(Map<String, ModelDefinition> definitions, Collection<String> models) {
        RelationReader reader = new RelationReader(definitions);
        for (String model : models) {
            reader.readModel(model);
        }
        return new Result(Map.copyOf(reader.definitions), copy(reader.relations), Map.copyOf(reader.generatedThrough));
    }

    private static Map<String, Map<String, Relation>> copy(Map<String, Map<String, Relation>> relations) {
        Map<String, Map<String, Relation>> copy = new LinkedHashMap<>();
        relations.forEach((model, byName) -> copy.put(model,
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    private void readModel(String modelName) {
        ModelDefinition from = definitions.get(modelName);
        if (from == null) {
            return;
        }
        JsonNode declared = from.settings().get("relations");
        if (declared == null || declared.isNull()) {
            return;
        }
        if (!declared.isObject()) {
            throw new BootException("Model " + modelName + ": \"relations\" must be an object");
        }
        declared.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isObject()) {
                throw new BootException("Model " + modelName + ": relation \"" + entry.getKey()
                        + "\" must be an object");
            }
            Relation relation = relation(modelName, entry.getKey(), (ObjectNode) entry.getValue());
            relations.computeIfAbsent(modelName, k -> new LinkedHashMap<>()).put(relation.name(), relation);
        });
    }

    private Relation relation(String fromName, String key, ObjectNode json) {
        String where = "Model " + fromName + ", relation \"" + key + "\"";
        RelationType type = RelationType.fromJson(text(json, "type").orElse(""))
                .orElseThrow(() -> new BootException(where + ": unknown type \"" + json.path("type").asText()
                        + "\"; use belongsTo, hasOne, hasMany, hasAndBelongsToMany, referencesMany, embedsOne or "
                        + "embedsMany"));
        boolean habtm = "hasandbelongstomany".equalsIgnoreCase(json.path("type").asText());
        String name = text(json, "as").orElse(key);
        ObjectNode options = json.path("options") instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        Filter scope = scope(where, json.get("scope"));
        boolean disableInclude = options.path("disableInclude").asBoolean(false);
        boolean nestRemoting = options.path("nestRemoting").asBoolean(false);
        String httpPath = options.path("http").path("path").isTextual()
                ? options.path("http").path("path").textValue().replaceAll("^/+", "") : null;
        JsonNode polymorphic = json.get("polymorphic");
        boolean isPolymorphic = polymorphic != null && !polymorphic.isNull()
                && !(polymorphic.isBoolean() && !polymorphic.booleanValue());

        ModelDefinition from = definitions.get(fromName);
        if (type == RelationType.BELONGS_TO && isPolymorphic) {
            String selector = selector(polymorphic, name);
            String fk = polymorphicKey(polymorphic, "foreignKey", selector + "Id");
            String discriminator = polymorphicKey(polymorphic, "discriminator", selector + "Type");
            String pk = text(json, "primaryKey").orElse("id");
            declare(fromName, fk, idType(from, from.idName()), null);
            declare(fromName, discriminator, PropertyType.STRING, null);
            return new Relation(name, type, fromName, null, fk, pk, null, null, discriminator, scope,
                    disableInclude, nestRemoting, httpPath);
        }
        String toName = text(json, "model").orElseThrow(() -> new BootException(where + ": \"model\" is missing"));
        ModelDefinition to = definitions.get(toName);
        if (to == null) {
            throw new BootException(where + ": unknown model \"" + toName + "\"");
        }
        return switch (type) {
            case BELONGS_TO -> {
                String pk = text(json, "primaryKey").orElse(to.idName());
                String fk = text(json, "foreignKey").orElse(name + "Id");
                declare(fromName, fk, idType(to, pk), null);
                yield new Relation(name, type, fromName, toName, fk, pk, null, null, null, scope, disableInclude,
                        nestRemoting, httpPath);
            }
            case HAS_ONE, HAS_MANY -> {
                String pk = text(json, "primaryKey").orElse(from.idName());
                String fk = text(json, "foreignKey").orElse(lowerFirst(fromName) + "Id");
                String discriminator = null;
                if (isPolymorphic) {
                    String selector = selector(polymorphic, name);
                    fk = polymorphicKey(polymorphic, "foreignKey", selector + "Id");
                    discriminator = polymorphicKey(polymorphic, "discriminator", selector + "Type");
                }
                String through = text(json, "through").orElse(null);
                if (habtm && through == null) {
                    through = habtmThrough(fromName, toName);
                }
                if (through != null) {
                    if (!definitions.containsKey(through)) {
                        throw new BootException(where + ": unknown through model \"" + through + "\"");
                    }
                    String keyThrough = text(json, "keyThrough").orElse(lowerFirst(toName) + "Id");
                    declare(through, fk, idType(from, pk), null);
                    declare(through, keyThrough, idType(to, to.idName()), null);
                    if (discriminator != null) {
                        declare(through, discriminator, PropertyType.STRING, null);
                    }
                    yield new Relation(name, RelationType.HAS_MANY, fromName, toName, pk, fk, through, keyThrough,
                            discriminator, scope, disableInclude, nestRemoting, httpPath);
                }
                declare(toName, fk, idType(from, pk), null);
                if (discriminator != null) {
                    declare(toName, discriminator, PropertyType.STRING, null);
                }
                yield new Relation(name, type, fromName, toName, pk, fk, null, null, discriminator, scope,
                        disableInclude, nestRemoting, httpPath);
            }
            case REFERENCES_MANY -> {
                String pk = text(json, "primaryKey").orElse(to.idName());
                String fk = text(json, "foreignKey").orElse(lowerFirst(toName) + "Ids");
                declare(fromName, fk, PropertyType.ARRAY, idType(to, pk));
                yield new Relation(name, type, fromName, toName, fk, pk, null, null, null, scope, disableInclude,
                        nestRemoting, httpPath);
            }
            case EMBEDS_ONE, EMBEDS_MANY -> {
                String property = text(json, "property").orElse(type == RelationType.EMBEDS_ONE
                        ? lowerFirst(toName) : lowerFirst(Pluralizer.plural(toName)));
                if (property.equals(name)) {
                    // as the juggler: the data cannot live under the relation's own name
                    property = "_" + property;
                }
                declare(fromName, property, type == RelationType.EMBEDS_ONE ? PropertyType.OBJECT : PropertyType.ARRAY,
                        type == RelationType.EMBEDS_ONE ? null : PropertyType.OBJECT);
                yield new Relation(name, type, fromName, toName, property, to.idName(), null, null, null, scope,
                        disableInclude, nestRemoting, httpPath);
            }
        };
    }

    /**
     * The through model of a hasAndBelongsToMany: a model named {@code FromTo} or {@code ToFrom} when one
     * exists, else a new {@code FromTo} model with a belongsTo to each side, as the juggler defines it.
     */
    private String habtmThrough(String fromName, String toName) {
        for (String candidate : new String[] {fromName + toName, toName + fromName}) {
            if (definitions.containsKey(candidate)) {
                return candidate;
            }
        }
        String name = fromName + toName;
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("name", name);
        json.put("base", "PersistedModel");
        json.putObject("properties");
        definitions.put(name, new ModelDefinitionReader(n -> Optional.ofNullable(definitions.get(n))).read(json));
        generatedThrough.put(name, fromName);
        Map<String, Relation> own = relations.computeIfAbsent(name, k -> new LinkedHashMap<>());
        for (String side : new String[] {fromName, toName}) {
            String relationName = lowerFirst(side);
            ModelDefinition target = definitions.get(side);
            own.put(relationName, new Relation(relationName, RelationType.BELONGS_TO, name, side, relationName + "Id",
                    target.idName(), null, null, null, Filter.ALL, false, false, null));
        }
        return name;
    }

    private static Filter scope(String where, JsonNode json) {
        if (json == null || json.isNull()) {
            return Filter.ALL;
        }
        if (!json.isObject()) {
            throw new BootException(where + ": \"scope\" must be an object");
        }
        try {
            return FILTERS.parseFilter(JsonValue.toJava(json));
        } catch (HttpError e) {
            throw new BootException(where + ": invalid scope: " + e.getMessage());
        }
    }

    private static String selector(JsonNode polymorphic, String relationName) {
        if (polymorphic.isTextual()) {
            return polymorphic.textValue();
        }
        if (polymorphic.isObject()) {
            for (String key : new String[] {"selector", "as"}) {
                if (polymorphic.path(key).isTextual()) {
                    return polymorphic.path(key).textValue();
                }
            }
        }
        return relationName;
    }

    private static String polymorphicKey(JsonNode polymorphic, String key, String fallback) {
        JsonNode value = polymorphic.path(key);
        return value.isTextual() && !value.textValue().isEmpty() ? value.textValue() : fallback;
    }

    /** Adds a property the relation needs to a model, unless the model declares it. */
    private void declare(String modelName, String property, PropertyType type, PropertyType itemType) {
        ModelDefinition model = definitions.get(modelName);
        if (model == null || model.properties().containsKey(property)) {
            return;
        }
        Map<String, PropertyDefinition> properties = new LinkedHashMap<>(model.properties());
        properties.put(property, new PropertyDefinition(property, type, itemType, false, null, 0, false, true, null,
                null));
        definitions.put(modelName, new ModelDefinition(model.name(), model.plural(), model.base(), properties,
                model.strict(), model.hidden(), model.protectedProperties(), model.validations(), model.httpPath(),
                model.replaceOnPut(), model.forceId(), model.settings()));
    }

    private static PropertyType idType(ModelDefinition model, String key) {
        return model.property(key).map(PropertyDefinition::type).orElse(PropertyType.ANY);
    }

    private static Optional<String> text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        // scaffolded models write "foreignKey": "" for "the default"
        return value != null && value.isTextual() && !value.textValue().isBlank()
                ? Optional.of(value.textValue().trim()) : Optional.empty();
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
