package dev.backloop.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.BootException;
import dev.backloop.boot.JsonFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a LoopBack 3 model definition ({@code common/models/book.json}) into a complete
 * {@link ModelDefinition}, with its base model's properties and settings merged in.
 *
 * <p>Settings are looked up the way LoopBack's {@code registry.createModel} does: a key at the top
 * level of the file, else the same key under {@code "options"}. A base model other than the built-in
 * {@code Model}, {@code PersistedModel} and {@code KeyValueModel} must be known to the lookup given
 * to the constructor (so definitions are read bases first).
 */
public final class ModelDefinitionReader {

    /** LoopBack's abstract bases; they declare no properties of their own. */
    private static final Set<String> BUILT_IN_BASES = Set.of("Model", "PersistedModel", "KeyValueModel");

    /** Settings that describe one model only and so are not inherited by a model extending it. */
    private static final Set<String> NOT_INHERITED = Set.of("name", "plural", "base", "http");

    private final Function<String, Optional<ModelDefinition>> knownModels;

    /**
     * @param knownModels the definitions already read, by model name, used to resolve {@code base}
     */
    public ModelDefinitionReader(Function<String, Optional<ModelDefinition>> knownModels) {
        this.knownModels = Objects.requireNonNull(knownModels, "knownModels is null");
    }

    /**
     * Reads the definition in {@code file}.
     *
     * @throws BootException naming the file when it is not valid JSON or not a valid definition
     */
    public ModelDefinition read(Path file) {
        ObjectNode json = JsonFile.read(file);
        try {
            return read(json);
        } catch (BootException e) {
            throw new BootException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads one definition.
     *
     * @throws BootException when the definition is invalid (no name, unknown base, bad property...)
     */
    public ModelDefinition read(ObjectNode json) {
        JsonNode nameNode = json.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw new BootException("Model definition has no \"name\"; every model JSON file needs "
                    + "\"name\": \"ModelName\"");
        }
        String name = nameNode.textValue().trim();
        String baseName = text(json, "base").orElseGet(() -> text(options(json), "base").orElse("PersistedModel"));
        ModelDefinition base = resolveBase(name, baseName);

        ObjectNode settings = base == null ? json.deepCopy() : inherit(base.settings(), json);
        ObjectNode view = view(settings);

        Map<String, PropertyDefinition> properties = properties(name, base, json, view);
        String plural = text(json, "plural").orElseGet(() -> text(options(json), "plural")
                .orElseGet(() -> Pluralizer.plural(name)));
        JsonNode http = json.has("http") ? json.get("http") : options(json).get("http");
        String httpPath = http != null && http.path("path").isTextual() ? http.path("path").textValue() : null;

        boolean forceId = forceId(name, view.get("forceId"), properties);
        return new ModelDefinition(
                name,
                plural,
                baseName,
                properties,
                strict(name, view.get("strict")),
                names(name, "hidden", view.get("hidden")),
                names(name, "protected", view.get("protected")),
                validations(name, properties, view.get("validations")),
                httpPath,
                flag(name, "replaceOnPUT", view.get("replaceOnPUT"), true),
                forceId,
                settings);
    }

    private ModelDefinition resolveBase(String name, String baseName) {
        if (BUILT_IN_BASES.contains(baseName)) {
            return null;
        }
        if (baseName.equals(name)) {
            throw new BootException("Model " + name + " cannot extend itself");
        }
        return knownModels.apply(baseName).orElseThrow(() -> new BootException("Model " + name
                + " extends unknown base model \"" + baseName + "\"; define " + baseName
                + " in a model source folder or use PersistedModel or Model"));
    }

    private static Map<String, PropertyDefinition> properties(String name, ModelDefinition base, ObjectNode json,
            ObjectNode view) {
        JsonNode declared = json.get("properties");
        if (declared != null && !declared.isNull() && !declared.isObject()) {
            throw new BootException("Model " + name + ": \"properties\" must be an object");
        }
        PropertyReader reader = new PropertyReader(name);
        Map<String, PropertyDefinition> own = new LinkedHashMap<>();
        if (declared != null && declared.isObject()) {
            declared.fields().forEachRemaining(f -> own.put(f.getKey(), reader.read(f.getKey(), f.getValue())));
        }
        boolean ownId = own.values().stream().anyMatch(PropertyDefinition::isId);
        Map<String, PropertyDefinition> merged = new LinkedHashMap<>();
        if (base != null) {
            // As loopback-datasource-juggler's extend(): a model declaring its own id does not inherit the base's.
            base.properties().values().stream()
                    .filter(p -> !(ownId && p.isId()))
                    .forEach(p -> merged.put(p.name(), p));
        }
        // Child overrides by name; an overridden property keeps the base's position.
        merged.putAll(own);

        boolean idInjection = flag(name, "idInjection", view.get("idInjection"), true);
        if (idInjection && merged.values().stream().noneMatch(PropertyDefinition::isId)) {
            // Like juggler's defineProperty('id', {type: Number, id: 1, generated: true}): replaces a plain
            // "id" property in place, else is appended after the declared properties.
            merged.put("id", new PropertyDefinition("id", PropertyType.NUMBER, null, false, null, 1, true, false,
                    null, null));
        }
        return merged;
    }

    /** Presence rules for required properties (in property order), then the declared validations. */
    private static List<ValidationRule> validations(String name, Map<String, PropertyDefinition> properties,
            JsonNode declared) {
        List<ValidationRule> rules = new ArrayList<>();
        properties.values().stream()
                .filter(PropertyDefinition::required)
                .forEach(p -> rules.add(new ValidationRule(ValidationRule.Kind.PRESENCE, p.name(), Map.of())));
        if (declared == null || declared.isNull()) {
            return rules;
        }
        if (!declared.isArray()) {
            // LB3 apps sometimes carry "validations": {} from old generators; an empty object means none.
            if (declared.isObject() && declared.isEmpty()) {
                return rules;
            }
            throw new BootException("Model " + name + ": \"validations\" must be an array");
        }
        ValidationRuleReader reader = new ValidationRuleReader(name);
        for (int i = 0; i < declared.size(); i++) {
            rules.add(reader.read(i, declared.get(i)));
        }
        return rules;
    }

    private static StrictMode strict(String name, JsonNode node) {
        if (node == null || node.isNull()) {
            // LB3's default for models attached to schema-less connectors (memory, mongodb).
            return StrictMode.FALSE;
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? StrictMode.TRUE : StrictMode.FALSE;
        }
        if (node.isTextual()) {
            switch (node.textValue().toLowerCase(Locale.ROOT)) {
                case "true":
                case "validate":
                    return StrictMode.TRUE;
                case "false":
                    return StrictMode.FALSE;
                case "filter":
                    return StrictMode.FILTER;
                case "throw":
                    return StrictMode.THROW;
                default:
                    break;
            }
        }
        throw new BootException("Model " + name + ": invalid \"strict\" " + node
                + " (expected true, false, \"filter\" or \"throw\")");
    }

    private static boolean forceId(String name, JsonNode node, Map<String, PropertyDefinition> properties) {
        // LB3's default ("auto"): clients may not choose the id when the connector generates it.
        boolean generatedId = properties.values().stream().filter(PropertyDefinition::isId)
                .anyMatch(PropertyDefinition::generated);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().equals("auto"))) {
            return generatedId;
        }
        return flag(name, "forceId", node, generatedId);
    }

    private static Set<String> names(String name, String setting, JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node == null || node.isNull()) {
            return names;
        }
        if (!node.isArray()) {
            throw new BootException("Model " + name + ": \"" + setting + "\" must be an array of property names");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new BootException("Model " + name + ": \"" + setting + "\" must be an array of property names");
            }
            names.add(item.textValue());
        }
        return names;
    }

    private static boolean flag(String name, String setting, JsonNode node, boolean fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw new BootException("Model " + name + ": \"" + setting + "\" must be true or false, not " + node);
    }

    /** The settings as LB3's registry sees them: {@code options} first, top-level keys winning. */
    private static ObjectNode view(ObjectNode settings) {
        ObjectNode view = options(settings).deepCopy();
        settings.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("options")) {
                view.set(f.getKey(), f.getValue());
            }
        });
        return view;
    }

    private static ObjectNode options(ObjectNode json) {
        JsonNode options = json.get("options");
        return options != null && options.isObject() ? (ObjectNode) options : json.objectNode();
    }

    private static Optional<String> text(ObjectNode json, String key) {
        JsonNode node = json.get(key);
        return node != null && node.isTextual() && !node.textValue().isBlank()
                ? Optional.of(node.textValue().trim()) : Optional.empty();
    }

    /**
     * The base's settings with the child's merged over them: objects merge key by key, arrays
     * (acls, hidden, validations...) are the base's items followed by the child's new ones, other
     * values are the child's.
     */
    private static ObjectNode inherit(ObjectNode baseSettings, ObjectNode child) {
        ObjectNode merged = baseSettings.deepCopy();
        merged.remove(NOT_INHERITED);
        mergeInto(merged, child);
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode source) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (existing != null && existing.isObject() && value.isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) value);
            } else if (existing != null && existing.isArray() && value.isArray()) {
                ArrayNode combined = ((ArrayNode) existing);
                for (JsonNode item : value) {
                    if (!contains(combined, item)) {
                        combined.add(item.deepCopy());
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
