package dev.backloop.model;

import java.util.Locale;
import java.util.Optional;

/** LoopBack's built-in property types. A property typed with a model name is {@link #OBJECT}. */
public enum PropertyType {
    STRING, NUMBER, BOOLEAN, DATE, OBJECT, ARRAY, ANY, GEOPOINT, BUFFER;

    /** The type named in a model definition ({@code "string"}, {@code "Number"}, ...), if built in. */
    public static Optional<PropertyType> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string", "text" -> Optional.of(STRING);
            case "number", "integer", "int", "float", "double" -> Optional.of(NUMBER);
            case "boolean", "bool" -> Optional.of(BOOLEAN);
            case "date", "datetime" -> Optional.of(DATE);
            case "object", "json" -> Optional.of(OBJECT);
            case "array" -> Optional.of(ARRAY);
            case "any" -> Optional.of(ANY);
            case "geopoint" -> Optional.of(GEOPOINT);
            case "buffer" -> Optional.of(BUFFER);
            default -> Optional.empty();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
