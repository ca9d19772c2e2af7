package dev.backloop.filter;

import dev.backloop.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a typed {@link Filter} or {@link Where} back in LoopBack's JSON filter form, the inverse of
 * {@link FilterParser}: what a LoopBack-compatible server accepts in {@code ?filter=} and {@code ?where=}.
 * Equality is written as {@code {"p": value}}, other operators as {@code {"p": {"op": value}}}, a
 * case-insensitive like adds {@code "options": "i"}, a regexp becomes {@code "/source/flags"} and dates
 * ISO text (by {@link Json}).
 *
 * <pre>{@code
 * String query = FilterJson.toText(FilterJson.filter(filter));
 * }</pre>
 */
public final class FilterJson {
    private FilterJson() {
    }

    /** The filter as a JSON-ready map; default parts (match all, every field, no order/limit/skip) are left out. */
    public static Map<String, Object> filter(Filter filter) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!filter.where().matchesAll()) {
            json.put("where", where(filter.where()));
        }
        if (!filter.fields().isAll()) {
            json.put("fields", fields(filter.fields()));
        }
        if (!filter.order().isEmpty()) {
            json.put("order", filter.order().stream()
                    .map(o -> o.property() + " " + o.direction().name()).toList());
        }
        if (filter.limit() != null) {
            json.put("limit", filter.limit());
        }
        if (filter.skip() > 0) {
            json.put("skip", filter.skip());
        }
        if (!filter.include().isEmpty()) {
            json.put("include", includes(filter.include()));
        }
        return json;
    }

    /** The where as a JSON-ready map; {@link Where#ALL} is {@code {}}. */
    public static Map<String, Object> where(Where where) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (where instanceof Where.And and) {
            if (and.clauses().size() == 1) {
                return where(and.clauses().get(0));
            }
            if (!and.matchesAll()) {
                json.put("and", and.clauses().stream().map(FilterJson::where).toList());
            }
        } else if (where instanceof Where.Or or) {
            json.put("or", or.clauses().stream().map(FilterJson::where).toList());
        } else if (where instanceof Where.Condition condition) {
            json.put(condition.property(), operand(condition));
        }
        return json;
    }

    /** JSON text of a map made by {@link #filter} or {@link #where}. */
    public static String toText(Map<String, Object> json) {
        return Json.toText(json);
    }

    private static Object operand(Where.Condition condition) {
        Object value = value(condition.value());
        if (condition.operator() == Operator.EQ && !(value instanceof Map<?, ?>)) {
            return value;
        }
        Map<String, Object> ops = new LinkedHashMap<>();
        ops.put(condition.operator().wireName(), value);
        if (condition.caseInsensitive()) {
            ops.put("options", "i");
        }
        return ops;
    }

    private static Object value(Object value) {
        if (value instanceof Regexp regexp) {
            return regexp.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(item -> items.add(value(item)));
            return items;
        }
        return value;
    }

    private static Map<String, Object> fields(Fields fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!fields.included().isEmpty()) {
            fields.included().stream().sorted().forEach(f -> json.put(f, true));
        } else {
            fields.excluded().stream().sorted().forEach(f -> json.put(f, false));
        }
        return json;
    }

    private static List<Object> includes(List<Include> includes) {
        List<Object> json = new ArrayList<>(includes.size());
        for (Include include : includes) {
            if (include.scope() == null && include.nested().isEmpty()) {
                json.add(include.relation());
                continue;
            }
            Map<String, Object> scope = include.scope() == null ? new LinkedHashMap<>() : filter(include.scope());
            if (!include.nested().isEmpty()) {
                scope.put("include", includes(include.nested()));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("relation", include.relation());
            item.put("scope", scope);
            json.add(item);
        }
        return json;
    }
}
