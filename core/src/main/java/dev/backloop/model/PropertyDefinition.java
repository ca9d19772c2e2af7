package dev.backloop.model;

import java.util.Objects;

/**
 * One property of a model definition.
 *
 * @param name         the property name
 * @param type         its type
 * @param itemType     for arrays, the type of the items ({@link PropertyType#ANY} when not declared)
 * @param required     whether a value must be present (the presence validation)
 * @param defaultValue the default, already in the property's type; the string {@code "$now"} for dates
 *                     means the current time; {@code null} for none
 * @param id           0 when not an id, else the id's position (1 for a single id)
 * @param generated    whether the connector generates the value (ids)
 * @param index        whether the property is indexed (connectors with indexes honour it)
 * @param modelType    for properties typed with a model name (or arrays of them), that name; else {@code null}
 * @param defaultFn    LoopBack's {@code defaultFn} ({@code "now"}, {@code "guid"}, {@code "uuid"},
 *                     {@code "uuidv4"}, ...) as written; {@code null} for none
 */
public record PropertyDefinition(
        String name,
        PropertyType type,
        PropertyType itemType,
        boolean required,
        Object defaultValue,
        int id,
        boolean generated,
        boolean index,
        String modelType,
        String defaultFn) {

    public PropertyDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        itemType = itemType == null ? PropertyType.ANY : itemType;
    }

    /** A property without {@code defaultFn} (the form used before {@code defaultFn} was read). */
    public PropertyDefinition(String name, PropertyType type, PropertyType itemType, boolean required,
            Object defaultValue, int id, boolean generated, boolean index, String modelType) {
        this(name, type, itemType, required, defaultValue, id, generated, index, modelType, null);
    }

    public static PropertyDefinition of(String name, PropertyType type) {
        return new PropertyDefinition(name, type, null, false, null, 0, false, false, null, null);
    }

    public boolean isId() {
        return id > 0;
    }
}
