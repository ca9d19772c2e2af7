package dev.backloop.filter;

import dev.backloop.error.HttpError;
import dev.backloop.filter.eval.JavaScriptRegex;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a where object (already read by {@link JsonInput} and checked by {@link QueryGuard}) into the
 * typed {@link Where} tree. Stateless.
 */
final class WhereParser {
    /** More values than any sane {@code inq} needs; bounds the work one request can cause. */
    static final int MAX_LIST_VALUES = 10_000;

    /** LoopBack operators we do not implement; refused so they are never mistaken for an object value. */
    private static final Set<String> UNSUPPORTED_OPERATORS =
            Set.of("near", "maxDistance", "minDistance", "unit", "contains", "match");

    private static final Set<Operator> LIKE_OPERATORS =
            EnumSet.of(Operator.LIKE, Operator.NLIKE, Operator.ILIKE, Operator.NILIKE);

    private WhereParser() {
    }

    /** Parses a where argument in any accepted input form. */
    static Where parse(Object json) {
        Object value = JsonInput.read(json, "where");
        if (value == null) {
            return Where.ALL;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw HttpError.badRequest("The where parameter must be an object, not " + JsonInput.describe(value));
        }
        QueryGuard.checkWhere(map);
        return object(map);
    }

    private static Where object(Map<?, ?> map) {
        List<Where> clauses = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = JsonInput.key(entry.getKey(), "where");
            if (key.equals("and") || key.equals("or")) {
                List<Where> parts = logical(key, entry.getValue());
                clauses.add(key.equals("and") ? Where.and(parts) : new Where.Or(parts));
            } else {
                property(key, entry.getValue(), clauses);
            }
        }
        return Where.and(clauses);
    }

    private static List<Where> logical(String key, Object value) {
        List<Object> items = JsonInput.asList(value);
        if (items == null) {
            throw HttpError.badRequest("The \"" + key + "\" operator requires an array of where objects");
        }
        List<Where> parts = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw HttpError.badRequest("The \"" + key + "\" operator requires an array of where objects, not "
                        + JsonInput.describe(item));
            }
            parts.add(object(map));
        }
        return parts;
    }

    private static void property(String property, Object value, List<Where> clauses) {
        if (property.isEmpty()) {
            throw HttpError.badRequest("The where parameter has an empty property name");
        }
        if (!(value instanceof Map<?, ?> map) || !hasOperator(map)) {
            // an object without operators is compared whole, as LoopBack compares nested objects
            clauses.add(Where.eq(property, value));
            return;
        }
        boolean hasLike = false;
        for (Object key : map.keySet()) {
            hasLike |= Operator.fromWireName((String) key).filter(LIKE_OPERATORS::contains).isPresent();
        }
        boolean caseInsensitive = hasLike && options(property, map.get("options"));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = (String) entry.getKey();
            Optional<Operator> operator = Operator.fromWireName(key);
            if (operator.isPresent()) {
                clauses.add(condition(property, operator.get(), entry.getValue(), caseInsensitive));
            } else if (!(key.equals("options") && hasLike)) {
                throw HttpError.badRequest("Unknown operator \"" + key + "\" for property \"" + property + "\"");
            }
        }
    }

    private static boolean hasOperator(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            String name = (String) key;
            if (Operator.fromWireName(name).isPresent()) {
                return true;
            }
            if (UNSUPPORTED_OPERATORS.contains(name)) {
                throw HttpError.badRequest("Operator \"" + name + "\" is not supported");
            }
        }
        return false;
    }

    /** LoopBack's {@code options} beside {@code like}: regexp flags, of which only {@code i} matters here. */
    private static boolean options(String property, Object options) {
        if (options == null) {
            return false;
        }
        if (!(options instanceof String flags)) {
            throw HttpError.badRequest("The \"options\" of property \"" + property + "\" must be a string");
        }
        return flags.indexOf('i') >= 0;
    }

    private static Where condition(String property, Operator operator, Object value, boolean caseInsensitive) {
        switch (operator) {
            case EQ:
            case NEQ:
                return new Where.Condition(property, operator, value);
            case GT:
            case GTE:
            case LT:
            case LTE:
                return new Where.Condition(property, operator, scalar(property, operator, value));
            case BETWEEN:
                return new Where.Condition(property, operator, between(property, value));
            case INQ:
            case NIN:
                return new Where.Condition(property, operator, values(property, operator, value));
            case LIKE:
            case NLIKE:
            case ILIKE:
            case NILIKE:
                if (!(value instanceof String) && !(value instanceof Regexp)) {
                    throw invalid(property, operator, "a string");
                }
                return new Where.Condition(property, operator, value, caseInsensitive);
            case REGEXP:
                return new Where.Condition(property, operator, regexp(property, value));
            case EXISTS:
                return new Where.Condition(property, operator, exists(property, value));
            default:
                throw new IllegalStateException("operator without parser: " + operator);
        }
    }

    private static Object scalar(String property, Operator operator, Object value) {
        if (!JsonInput.isScalar(value)) {
            throw invalid(property, operator, "a single value");
        }
        return value;
    }

    private static List<Object> between(String property, Object value) {
        List<Object> bounds = JsonInput.asList(value);
        if (bounds == null || bounds.size() != 2 || !bounds.stream().allMatch(JsonInput::isScalar)) {
            throw invalid(property, Operator.BETWEEN, "an array of two values");
        }
        return bounds;
    }

    private static List<Object> values(String property, Operator operator, Object value) {
        List<Object> list = JsonInput.asList(value);
        if (list == null) {
            if (!JsonInput.isScalar(value)) {
                throw invalid(property, operator, "an array of values");
            }
            // LoopBack wraps a single value: ?filter[where][id][inq]=1
            list = new ArrayList<>();
            list.add(value);
        }
        if (list.size() > MAX_LIST_VALUES) {
            throw HttpError.badRequest("The \"" + operator.wireName() + "\" operator of property \"" + property
                    + "\" accepts at most " + MAX_LIST_VALUES + " values");
        }
        if (!list.stream().allMatch(JsonInput::isScalar)) {
            throw invalid(property, operator, "an array of single values");
        }
        return list;
    }

    private static Regexp regexp(String property, Object value) {
        Regexp regexp;
        if (value instanceof Regexp given) {
            regexp = given;
        } else if (value instanceof String text) {
            regexp = JavaScriptRegex.parse(text);
        } else {
            throw invalid(property, Operator.REGEXP, "a string");
        }
        // compiling now turns a broken pattern or flag into a 400 here rather than in a connector
        JavaScriptRegex.compile(regexp);
        return regexp;
    }

    private static Boolean exists(String property, Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        throw invalid(property, Operator.EXISTS, "true or false");
    }

    private static HttpError invalid(String property, Operator operator, String expected) {
        return HttpError.badRequest("The \"" + operator.wireName() + "\" operator of property \"" + property
                + "\" requires " + expected);
    }
}
