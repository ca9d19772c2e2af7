package dev.backloop.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A model definition as read from a LoopBack 3 model JSON file, with its base's properties and settings
 * already merged in (so a definition is complete on its own).
 *
 * @param name         model name ({@code Book})
 * @param plural       plural used in REST paths ({@code Books})
 * @param base         name of the base model ({@code PersistedModel}, {@code Model}, or a user model)
 * @param properties   properties by name, in declaration order; includes the injected {@code id}
 * @param strict       what to do with undeclared properties
 * @param hidden       properties never returned
 * @param protectedProperties properties returned only at the top level, not in nested (included) data
 * @param validations  declared validations, in order
 * @param httpPath     {@code http.path} when set, else {@code null}
 * @param replaceOnPut whether PUT replaces (true, LoopBack's default) or patches
 * @param forceId      whether clients may not set the id on create
 * @param settings     the whole definition as read (relations, acls, methods, mixins, options...)
 */
public record ModelDefinition(
        String name,
        String plural,
        String base,
        Map<String, PropertyDefinition> properties,
        StrictMode strict,
        Set<String> hidden,
        Set<String> protectedProperties,
        List<ValidationRule> validations,
        String httpPath,
        boolean replaceOnPut,
        boolean forceId,
        ObjectNode settings) {

    public ModelDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(plural, "plural is null");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        Objects.requireNonNull(strict, "strict is null");
        hidden = Set.copyOf(hidden);
        protectedProperties = Set.copyOf(protectedProperties);
        validations = List.copyOf(validations);
    }

    /** The name of the id property ({@code id} unless a property declares {@code id: true}). */
    public String idName() {
        // a loop, not a stream: every lookup by id asks this several times
        PropertyDefinition first = null;
        for (PropertyDefinition property : properties.values()) {
            if (property.isId() && (first == null || property.id() < first.id())) {
                first = property;
            }
        }
        return first == null ? "id" : first.name();
    }

    /** The id property's definition, if the model has one. */
    public Optional<PropertyDefinition> idProperty() {
        return Optional.ofNullable(properties.get(idName()));
    }

    public Optional<PropertyDefinition> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }

    /**
     * This definition with one more property (or a property replaced); a required one also gets its
     * presence validation. Mixins use it to add what they maintain.
     */
    public ModelDefinition withProperty(PropertyDefinition property) {
        Map<String, PropertyDefinition> more = new LinkedHashMap<>(properties);
        more.put(property.name(), property);
        List<ValidationRule> rules = new java.util.ArrayList<>(validations);
        boolean presence = rules.stream().anyMatch(r -> r.kind() == ValidationRule.Kind.PRESENCE
                && r.property().equals(property.name()));
        if (property.required() && !presence) {
            rules.add(new ValidationRule(ValidationRule.Kind.PRESENCE, property.name(), Map.of()));
        }
        return new ModelDefinition(name, plural, base, more, strict, hidden, protectedProperties, rules, httpPath,
                replaceOnPut, forceId, settings);
    }

    /** The path segment of the model's REST routes: {@code http.path} or the plural. */
    public String restPath() {
        return httpPath != null ? httpPath.replaceAll("^/+", "") : plural;
    }
}
