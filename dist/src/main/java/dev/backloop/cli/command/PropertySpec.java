package dev.backloop.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.Names;
import java.util.List;

/**
 * A typed name as written on the command line, {@code NAME[:TYPE][:FLAG][=DEFAULT]}: a model property
 * ({@code title:string:required}, {@code done:boolean=false}), a remote method argument
 * ({@code msg:string:required}) or return ({@code greeting:string:root}). {@code [string]} is an array of
 * strings.
 */
record PropertySpec(String name, String type, boolean flagged, String defaultValue) {
    static final List<String> TYPES = List.of("string", "number", "boolean", "date", "object", "array", "any",
            "geopoint", "buffer");

    static PropertySpec parse(String text, String kind, String flag, String option) {
        String spec = text;
        String defaultValue = null;
        int equals = text.indexOf('=');
        if (equals >= 0) {
            spec = text.substring(0, equals);
            defaultValue = text.substring(equals + 1);
        }
        String[] parts = spec.split(":", -1);
        String name = parts[0];
        String problem = Names.identifierProblem(kind, name);
        if (problem != null) {
            throw CliError.usage(option + " " + text + ": " + problem);
        }
        String type = parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "string";
        String typeProblem = typeProblem(type);
        if (typeProblem != null) {
            throw CliError.usage(option + " " + text + ": " + typeProblem);
        }
        boolean flagged = false;
        if (parts.length > 2) {
            if (parts.length > 3 || !parts[2].equals(flag)) {
                throw CliError.usage(option + " " + text + ": expected NAME[:TYPE][:" + flag + "]");
            }
            flagged = true;
        }
        return new PropertySpec(name, type, flagged, defaultValue);
    }

    /** The problem with a type name, or {@code null}. */
    static String typeProblem(String type) {
        String item = type.startsWith("[") && type.endsWith("]") ? type.substring(1, type.length() - 1) : type;
        return TYPES.contains(item) ? null
                : "unknown type \"" + type + "\": one of " + String.join(", ", TYPES) + ", or [TYPE] for an array of them";
    }

    /** The type as a definition writes it: {@code "string"}, or {@code ["string"]} for {@code [string]}. */
    JsonNode typeNode() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return type.startsWith("[") ? json.arrayNode().add(type.substring(1, type.length() - 1)) : json.textNode(type);
    }

    /** The problem with a default value for a property of {@code type}, or {@code null}. */
    static String defaultProblem(String type, String value) {
        try {
            new PropertySpec("x", type, false, value).defaultNode("default");
            return null;
        } catch (CliError e) {
            return "\"" + value + "\" is not a " + type;
        }
    }

    /** The default value in the property's JSON type. */
    JsonNode defaultNode(String option) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        try {
            return switch (type) {
                case "number" -> json.numberNode(new java.math.BigDecimal(defaultValue));
                case "boolean" -> {
                    if (!defaultValue.equals("true") && !defaultValue.equals("false")) {
                        throw new NumberFormatException();
                    }
                    yield json.booleanNode(Boolean.parseBoolean(defaultValue));
                }
                default -> json.textNode(defaultValue);
            };
        } catch (NumberFormatException e) {
            throw CliError.usage(option + " " + name + ": default \"" + defaultValue + "\" is not a " + type);
        }
    }

    /** The property definition: {@code {"type": ..., "required": ..., "default": ...}}. */
    ObjectNode propertyDefinition(String option) {
        ObjectNode property = JsonNodeFactory.instance.objectNode();
        property.set("type", typeNode());
        property.put("required", flagged);
        if (defaultValue != null) {
            property.set("default", defaultNode(option));
        }
        return property;
    }
}
