package dev.backloop.validation;

import dev.backloop.error.HttpError;
import dev.backloop.error.ValidationError;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.types.TypeConversion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the data of a write into the model's declared types, as LoopBack's model constructor does:
 * {@code "12"} becomes 12 for a number, ISO text becomes an {@link Instant} for a date. It also applies
 * defaults on create and the model's {@code strict} mode to undeclared properties. Values that cannot be of
 * their property's type fail with a 422 {@link ValidationError} (LoopBack would store {@code NaN} or an
 * invalid date; refusing is what a client wants to know).
 */
public final class DataCoercion {

    private DataCoercion() {
    }

    /**
     * The data of a new (or replacing) record: declared properties first, in declaration order, with
     * defaults filled in for the absent ones, then any undeclared properties the strict mode keeps.
     *
     * @throws ValidationError 422 when a value cannot be of its type, or (strict) a property is undeclared
     * @throws HttpError       400 for an undeclared property under {@code strict: "throw"}
     */
    public static Map<String, Object> forCreate(ModelDefinition model, Map<String, Object> data) {
        return coerce(model, data, true);
    }

    /** The changes of a patch: only the given properties, coerced; no defaults. */
    public static Map<String, Object> forUpdate(ModelDefinition model, Map<String, Object> data) {
        return coerce(model, data, false);
    }

    private static Map<String, Object> coerce(ModelDefinition model, Map<String, Object> data, boolean create) {
        Map<String, Object> source = data == null ? Map.of() : data;
        List<ValidationError.Failure> failures = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (PropertyDefinition property : model.properties().values()) {
            if (source.containsKey(property.name())) {
                Object value = source.get(property.name());
                // null is a value of every type: stored as null, as LoopBack does
                typed.put(property.name(), value == null ? null : typeOf(property, value, failures));
            } else if (create) {
                defaultOf(property).ifPresent(value -> typed.put(property.name(), value));
            }
        }
        for (Map.Entry<String, Object> entry : source.entrySet()) {
            String name = entry.getKey();
            if (model.properties().containsKey(name)) {
                continue;
            }
            switch (model.strict()) {
                case FALSE -> typed.put(name, entry.getValue());
                case FILTER -> {
                    // dropped silently, as LoopBack's strict: "filter"
                }
                case TRUE -> failures.add(new ValidationError.Failure(name, "unknown-property",
                        "is not defined in the model", entry.getValue()));
                case THROW -> throw HttpError.badRequest("Unknown property: " + name);
            }
        }
        if (!failures.isEmpty()) {
            throw new ValidationError(model.name(), failures);
        }
        return typed;
    }

    /** The value in the property's type; when it cannot be, records why and keeps the value as given. */
    private static Object typeOf(PropertyDefinition property, Object value, List<ValidationError.Failure> failures) {
        Optional<Object> converted = convert(property.type(), property.itemType(), value);
        if (converted.isEmpty()) {
            failures.add(typeFailure(property.name(), property.type(), value));
        }
        return converted.orElse(value);
    }

    private static Optional<Object> convert(PropertyType type, PropertyType itemType, Object value) {
        return switch (type) {
            case STRING -> TypeConversion.toText(value).map(Object.class::cast);
            case NUMBER -> TypeConversion.toNumber(value);
            case BOOLEAN -> TypeConversion.toBoolean(value).map(Object.class::cast);
            case DATE -> TypeConversion.toDate(value).map(Object.class::cast);
            case ARRAY -> array(itemType, value);
            case OBJECT -> value instanceof Map ? Optional.of(value) : Optional.empty();
            case GEOPOINT -> GeoPoints.read(value).map(Object.class::cast);
            case ANY, BUFFER -> Optional.of(value);
        };
    }

    private static Optional<Object> array(PropertyType itemType, Object value) {
        if (!(value instanceof List<?> items)) {
            return Optional.empty();
        }
        if (itemType == PropertyType.ANY) {
            return Optional.of(value);
        }
        List<Object> typed = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item == null) {
                typed.add(null);
                continue;
            }
            Optional<Object> converted = convert(itemType, PropertyType.ANY, item);
            if (converted.isEmpty()) {
                return Optional.empty();
            }
            typed.add(converted.get());
        }
        return Optional.of(typed);
    }

    private static ValidationError.Failure typeFailure(String property, PropertyType type, Object value) {
        String message = switch (type) {
            case DATE -> "is not a valid date";
            case ARRAY -> "is not an array of the declared item type";
            case OBJECT -> "is not an object";
            case GEOPOINT -> "is not a valid GeoPoint";
            case NUMBER -> "is not a number";
            case BOOLEAN -> "is not a boolean";
            default -> "is not a " + type.wireName();
        };
        return new ValidationError.Failure(property, type.wireName(), message, value);
    }

    private static Optional<Object> defaultOf(PropertyDefinition property) {
        Object value = property.defaultValue();
        if (value != null) {
            if ("$now".equals(value) && property.type() == PropertyType.DATE) {
                return Optional.of(Instant.now());
            }
            return Optional.of(value);
        }
        return Optional.ofNullable(property.defaultFn()).flatMap(DataCoercion::generate);
    }

    /** LoopBack's {@code defaultFn} generators; unknown names generate nothing (LoopBack warns and ignores them). */
    private static Optional<Object> generate(String defaultFn) {
        return switch (defaultFn) {
            case "now" -> Optional.of(Instant.now());
            case "guid", "uuid", "uuidv4" -> Optional.of(UUID.randomUUID().toString());
            default -> Optional.empty();
        };
    }
}
