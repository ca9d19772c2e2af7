package dev.backloop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import dev.backloop.remoting.Accept;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds each declared argument of a remote method in the request and coerces it to its declared type, as
 * strong-remoting does for REST calls. Anything that cannot be of the declared type is a 400 before the
 * method runs: a repeated query parameter for a scalar argument (parameter pollution), an object where a
 * string is expected (operator injection), text that is not JSON where an object is expected.
 */
final class ArgumentResolver {

    /** Where the raw values of one request are. */
    record Sources(Map<String, String> path, Map<String, Object> query, Object body, Map<String, String> headers) {
    }

    private ArgumentResolver() {
    }

    static Map<String, Object> resolve(List<Accept> accepts, Sources sources) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Accept accept : accepts) {
            Object raw = find(accept, sources);
            Object value = raw == null ? null : coerce(accept, raw);
            if (value == null && accept.required()) {
                throw HttpError.badRequest(accept.arg() + " is a required argument", "MISSING_REQUIRED_ARGUMENT");
            }
            args.put(accept.arg(), value);
        }
        return args;
    }

    private static Object find(Accept accept, Sources sources) {
        String name = accept.arg();
        return switch (accept.source()) {
            case PATH -> sources.path().get(name);
            case QUERY -> sources.query().get(name);
            case BODY -> sources.body();
            case FORM -> field(sources.body(), name);
            case HEADER -> sources.headers().get(name.toLowerCase(Locale.ROOT));
            case CONTEXT -> null;
            case AUTO -> {
                Object value = sources.path().get(name);
                if (value == null) {
                    value = field(sources.body(), name);
                }
                yield value != null ? value : sources.query().get(name);
            }
        };
    }

    private static Object field(Object body, String name) {
        return body instanceof Map<?, ?> map ? map.get(name) : null;
    }

    private static Object coerce(Accept accept, Object raw) {
        String type = accept.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "any" -> raw;
            case "string" -> toText(accept, raw);
            case "number", "integer" -> toNumber(accept, raw);
            case "boolean" -> toBoolean(accept, raw);
            case "date" -> toDate(accept, raw);
            case "array" -> toArray(accept, raw);
            // "object" and model names: a JSON object, sent as such or as stringified JSON in the query
            default -> toObject(accept, raw);
        };
    }

    private static Object toText(Accept accept, Object raw) {
        if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw invalid(accept, raw, "is not a string");
    }

    private static Object toNumber(Accept accept, Object raw) {
        if (raw instanceof Number) {
            return raw;
        }
        if (raw instanceof String s && !s.isBlank()) {
            try {
                double d = Double.parseDouble(s.trim());
                if (!Double.isFinite(d)) {
                    throw invalid(accept, raw, "is not a number");
                }
                return d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15 ? (Object) (long) d : (Object) d;
            } catch (NumberFormatException e) {
                throw invalid(accept, raw, "is not a number");
            }
        }
        throw invalid(accept, raw, "is not a number");
    }

    private static Object toBoolean(Accept accept, Object raw) {
        if (raw instanceof Boolean) {
            return raw;
        }
        if (raw instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1":
                    return Boolean.TRUE;
                case "false", "0":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw invalid(accept, raw, "is not a boolean");
    }

    private static Object toDate(Accept accept, Object raw) {
        if (raw instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (raw instanceof String s) {
            try {
                return Instant.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw invalid(accept, raw, "is not a valid date");
            }
        }
        throw invalid(accept, raw, "is not a valid date");
    }

    private static Object toArray(Accept accept, Object raw) {
        if (raw instanceof List) {
            return raw;
        }
        if (raw instanceof String s && s.trim().startsWith("[")) {
            Object parsed = parse(accept, s);
            if (parsed instanceof List) {
                return parsed;
            }
        }
        if (raw instanceof Map) {
            throw invalid(accept, raw, "is not an array");
        }
        return List.of(raw);
    }

    private static Object toObject(Accept accept, Object raw) {
        Object value = raw instanceof String s ? (s.isBlank() ? null : parse(accept, s)) : raw;
        if (value == null || value instanceof Map) {
            return value;
        }
        // a create body may be an array of objects (LoopBack's allowArray)
        if (value instanceof List && accept.source() == dev.backloop.remoting.HttpSource.BODY) {
            return value;
        }
        throw invalid(accept, raw, "is not an object");
    }

    private static Object parse(Accept accept, String text) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw invalid(accept, text, "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static HttpError invalid(Accept accept, Object raw, String problem) {
        String shown = raw instanceof String s ? "\"" + abbreviate(s) + "\"" : raw instanceof List ? "an array"
                : raw instanceof Map ? "an object" : String.valueOf(raw);
        return HttpError.badRequest("Invalid value for argument '" + accept.arg() + "' of type '" + accept.type()
                + "': " + shown + " " + problem + ".", "INVALID_ARGUMENT");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
