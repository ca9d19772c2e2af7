package dev.backloop.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import dev.backloop.remoting.Accept;
import dev.backloop.remoting.HttpSource;
import dev.backloop.remoting.Invocation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds each declared argument of a remote method in the request and coerces it to its declared type, as
 * strong-remoting does for REST calls. Text (query, path, headers, form bodies) is coerced "sloppily":
 * {@code "42"} is a number, {@code "true"} a boolean, {@code "{...}"} an object. Values of a JSON body
 * keep their JSON types and must already be of the declared type. Anything that cannot be of the
 * declared type is a 400 before the method runs: a repeated query parameter for a scalar argument
 * (parameter pollution), an object where a string is expected (operator injection), text that is not
 * JSON where an object is expected.
 */
final class ArgumentResolver {
    private static final Pattern INTEGER = Pattern.compile("^-?[0-9]+$");
    private static final Pattern FLOAT = Pattern.compile("^-?([0-9]+)?\\.[0-9]+$");
    private static final double MAX_SAFE_INTEGER = 9.007199254740991E15;

    /**
     * Where the raw values of one request are.
     *
     * @param jsonBody whether the body was JSON (its values are typed, not text)
     * @param context  the invocation, for {@code req}/{@code res}/{@code context} sources and mappers; may
     *                 be null in unit tests
     */
    record Sources(Map<String, String> path, Map<String, Object> query, Object body, Map<String, String> headers,
            boolean jsonBody, Invocation context) {
        Sources(Map<String, String> path, Map<String, Object> query, Object body, Map<String, String> headers) {
            this(path, query, body, headers, false, null);
        }
    }

    private ArgumentResolver() {
    }

    static Map<String, Object> resolve(List<Accept> accepts, Sources sources) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Accept accept : accepts) {
            args.put(accept.arg(), resolve(accept, sources));
        }
        return args;
    }

    private static Object resolve(Accept accept, Sources sources) {
        Object value;
        if (accept.mapper() != null) {
            // LoopBack's http function: it does its own coercion
            value = accept.mapper().apply(sources.context());
        } else if (accept.source() == HttpSource.REQ || accept.source() == HttpSource.RES
                || accept.source() == HttpSource.CONTEXT) {
            Invocation ctx = sources.context();
            value = ctx == null ? null : switch (accept.source()) {
                case REQ -> ctx.request();
                case RES -> ctx.response();
                default -> ctx;
            };
        } else {
            Found found = find(accept, sources);
            value = found.value() == null ? null : coerce(accept, found.value(), found.sloppy());
        }
        if (value == null || "".equals(value)) {
            value = accept.defaultValue();
        }
        if ((value == null || "".equals(value)) && accept.required()) {
            throw new HttpError(400, "Error", accept.arg() + " is a required argument", "MISSING_REQUIRED_ARGUMENT", null);
        }
        return value;
    }

    /** A raw value and whether it is text to coerce sloppily. */
    private record Found(Object value, boolean sloppy) {
    }

    private static Found find(Accept accept, Sources sources) {
        String name = accept.arg();
        boolean bodyIsText = !sources.jsonBody();
        return switch (accept.source()) {
            case PATH -> new Found(sources.path().get(name), true);
            case QUERY -> new Found(sources.query().get(name), true);
            case BODY -> new Found(sources.body(), bodyIsText);
            case FORM -> new Found(field(sources.body(), name), bodyIsText);
            case HEADER -> new Found(sources.headers().get(name.toLowerCase(Locale.ROOT)), true);
            default -> {
                Object value = sources.path().get(name);
                if (value != null) {
                    yield new Found(value, true);
                }
                value = field(sources.body(), name);
                if (value != null) {
                    yield new Found(value, bodyIsText);
                }
                value = sources.query().get(name);
                yield new Found(value != null ? value : sources.headers().get(name.toLowerCase(Locale.ROOT)), true);
            }
        };
    }

    private static Object field(Object body, String name) {
        return body instanceof Map<?, ?> map ? map.get(name) : null;
    }

    private static Object coerce(Accept accept, Object raw, boolean sloppy) {
        String type = accept.type().toLowerCase(Locale.ROOT);
        if (type.startsWith("[") && type.endsWith("]")) {
            return toArray(accept, raw, sloppy, type.substring(1, type.length() - 1));
        }
        if (sloppy && "".equals(raw)) {
            return null;
        }
        return switch (type) {
            case "any" -> sloppy && accept.source() != HttpSource.PATH ? sloppyAny(raw) : raw;
            case "string" -> toText(accept, raw, sloppy);
            case "number" -> toNumber(accept, raw, sloppy);
            case "integer" -> toInteger(accept, raw, sloppy);
            case "boolean" -> toBoolean(accept, raw, sloppy);
            case "date" -> toDate(accept, raw);
            case "array" -> toArray(accept, raw, sloppy, "any");
            // "object" and model names: a JSON object, sent as such or as stringified JSON in the query
            default -> toObject(accept, raw, sloppy);
        };
    }

    /** strong-remoting's {@code any} from text: null, booleans, safe numbers and JSON are recognised. */
    private static Object sloppyAny(Object raw) {
        if (!(raw instanceof String s)) {
            return raw;
        }
        if (s.equals("null")) {
            return null;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.valueOf(s.toLowerCase(Locale.ROOT));
        }
        if (INTEGER.matcher(s).matches() || FLOAT.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            if (Math.abs(d) <= MAX_SAFE_INTEGER) {
                return number(d);
            }
        }
        if (looksLikeJson(s)) {
            try {
                return Json.mapper().readValue(s, Object.class);
            } catch (JsonProcessingException e) {
                return s; // not JSON after all: kept as text, as LoopBack does
            }
        }
        return s;
    }

    private static Object toText(Accept accept, Object raw, boolean sloppy) {
        if (raw instanceof String) {
            return raw;
        }
        if (sloppy && (raw instanceof Number || raw instanceof Boolean)) {
            return raw.toString();
        }
        throw invalid(accept, raw, "is not a string");
    }

    private static Object toNumber(Accept accept, Object raw, boolean sloppy) {
        if (raw instanceof Number) {
            return raw;
        }
        if (sloppy && raw instanceof String s && !s.isBlank()) {
            try {
                double d = Double.parseDouble(s.trim());
                if (!Double.isFinite(d)) {
                    throw invalid(accept, raw, "is not a number");
                }
                return number(d);
            } catch (NumberFormatException e) {
                throw invalid(accept, raw, "is not a number");
            }
        }
        throw invalid(accept, raw, "is not a number");
    }

    private static Object number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15 ? (Object) (long) d : (Object) d;
    }

    private static Object toInteger(Accept accept, Object raw, boolean sloppy) {
        Object n = toNumber(accept, raw, sloppy);
        double d = ((Number) n).doubleValue();
        if (d != Math.rint(d) || Math.abs(d) > MAX_SAFE_INTEGER) {
            throw invalid(accept, raw, "is not a safe integer");
        }
        return ((Number) n).longValue();
    }

    private static Object toBoolean(Accept accept, Object raw, boolean sloppy) {
        if (raw instanceof Boolean) {
            return raw;
        }
        if (sloppy && raw instanceof String s) {
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

    /** Epoch milliseconds (a number, or digits in text), or an ISO-8601 date or date-time. */
    private static Object toDate(Accept accept, Object raw) {
        if (raw instanceof Number n) {
            return Instant.ofEpochMilli(n.longValue());
        }
        if (raw instanceof String s) {
            String text = s.trim();
            if (INTEGER.matcher(text).matches()) {
                try {
                    return Instant.ofEpochMilli(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    throw invalid(accept, raw, "is not a valid date");
                }
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException notInstant) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException notOffset) {
                    try {
                        // a date alone is midnight UTC, as JavaScript's Date reads "2026-11-23"
                        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw invalid(accept, raw, "is not a valid date");
                    }
                }
            }
        }
        throw invalid(accept, raw, "is not a valid date");
    }

    private static Object toArray(Accept accept, Object raw, boolean sloppy, String itemType) {
        List<?> items;
        if (raw instanceof List<?> list) {
            items = list;
        } else if (sloppy && raw instanceof String s && s.trim().startsWith("[") && s.trim().endsWith("]")) {
            Object parsed = parse(accept, s);
            if (!(parsed instanceof List<?> list)) {
                throw invalid(accept, raw, "is not an array");
            }
            items = list;
            sloppy = false; // JSON keeps its types
        } else if (sloppy && !(raw instanceof Map)) {
            items = List.of(raw);
        } else {
            throw invalid(accept, raw, "is not an array");
        }
        if (itemType.equals("any")) {
            return items;
        }
        Accept item = new Accept(accept.arg(), itemType, false, accept.source(), null);
        List<Object> out = new ArrayList<>(items.size());
        for (Object value : items) {
            out.add(value == null ? null : coerce(item, value, sloppy));
        }
        return out;
    }

    private static Object toObject(Accept accept, Object raw, boolean sloppy) {
        Object value = raw;
        if (raw instanceof String s) {
            if (!sloppy) {
                throw invalid(accept, raw, "is not an object");
            }
            value = s.isBlank() || s.equals("null") ? null : parse(accept, s);
        }
        if (value == null || value instanceof Map) {
            return value;
        }
        // a create body may be an array of objects (LoopBack's allowArray)
        if (value instanceof List && accept.source() == HttpSource.BODY) {
            return value;
        }
        throw invalid(accept, raw, "is not an object");
    }

    private static boolean looksLikeJson(String s) {
        return (s.startsWith("{") && s.endsWith("}")) || (s.startsWith("[") && s.endsWith("]"));
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
