package dev.backloop.filter;

import dev.backloop.error.HttpError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses LoopBack 3 filters and where clauses from the forms they reach the server in: stringified JSON
 * (the {@code filter} query parameter), Jackson's maps and lists (a JSON body), or the string-valued maps
 * of {@link QueryStringDecoder} ({@code ?filter[where][price][gt]=5}). Every malformed or hostile input is
 * an {@link HttpError} 400 naming what is wrong; nothing reaches a connector unparsed.
 *
 * <p>Differences from LoopBack 3, all stricter: {@code $} keys and {@code mapReduce} anywhere in a where
 * are refused (LoopBack only stripped some in its MongoDB connector); an {@code order} entry must be a
 * property name and an optional direction; {@code inq}/{@code nin} accept at most 10,000 values; regular
 * expressions are compiled while parsing so an invalid one is a 400 here.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FilterParser {
    /** Bounds the recursion through include scopes; far above any real filter. */
    private static final int MAX_FILTER_DEPTH = 32;

    private static final Pattern ORDER_PROPERTY =
            Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_-]*(\\.[\\p{L}\\p{N}_-]+)*");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final IncludeParser includeParser = new IncludeParser(this::filterObject);

    /** Creates a parser; it holds no per-request state. */
    public FilterParser() {
    }

    /**
     * Parses a whole filter.
     *
     * @param json {@code null}, stringified JSON, or a map as Jackson or {@link QueryStringDecoder} gives it
     * @return the filter; {@link Filter#ALL} for {@code null}, an empty string or an empty object
     * @throws HttpError 400 when the filter is not an object or any part of it is invalid
     */
    public Filter parseFilter(Object json) {
        Object value = JsonInput.read(json, "filter");
        if (value == null) {
            return Filter.ALL;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw HttpError.badRequest("The filter parameter must be an object, not " + JsonInput.describe(value));
        }
        QueryGuard.checkDepth(value, MAX_FILTER_DEPTH, "filter");
        return filterObject(value);
    }

    /**
     * Parses a where clause (the {@code where} argument of {@code count}, {@code updateAll}...).
     *
     * @param json {@code null}, stringified JSON, or a map as Jackson or {@link QueryStringDecoder} gives it
     * @return the where; {@link Where#ALL} for {@code null}, an empty string or an empty object
     * @throws HttpError 400 when the where is invalid, too deep or uses a forbidden operator
     */
    public Where parseWhere(Object json) {
        return WhereParser.parse(json);
    }

    private Filter filterObject(Object value) {
        // keys were checked to be strings by QueryGuard.checkDepth over the whole filter, scopes included
        Map<?, ?> map = (Map<?, ?>) value;
        if (map.isEmpty()) {
            return Filter.ALL;
        }
        Where where = map.get("where") == null ? Where.ALL : WhereParser.parse(map.get("where"));
        Fields fields = fields(map.get("fields"));
        List<Order> order = order(map.get("order"));
        Integer limit = count("limit", map.get("limit"));
        Integer skip = count("skip", map.get("skip"));
        if (skip == null) {
            skip = count("offset", map.get("offset"));
        }
        List<Include> include = includeParser.parse(map.get("include"));
        // LoopBack reads a limit of 0 as "no limit" (it tests the value for truthiness)
        return new Filter(where, fields, order, limit == null || limit == 0 ? null : limit,
                skip == null ? 0 : skip, include);
    }

    private static Fields fields(Object value) {
        if (value == null || "".equals(value)) {
            return Fields.ALL;
        }
        if (value instanceof String name) {
            return new Fields(Set.of(name), Set.of());
        }
        if (value instanceof List<?> list) {
            Set<String> included = new LinkedHashSet<>();
            for (Object item : list) {
                if (!(item instanceof String name) || name.isEmpty()) {
                    throw HttpError.badRequest("Invalid fields entry " + JsonInput.describe(item)
                            + ": expected a property name");
                }
                included.add(name);
            }
            return new Fields(included, Set.of());
        }
        if (value instanceof Map<?, ?> map) {
            Set<String> included = new LinkedHashSet<>();
            Set<String> excluded = new LinkedHashSet<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = JsonInput.key(entry.getKey(), "fields");
                Boolean include = fieldFlag(entry.getValue());
                if (include == null) {
                    throw HttpError.badRequest("Invalid value " + JsonInput.describe(entry.getValue())
                            + " for fields property \"" + name + "\": expected true or false");
                }
                (include ? included : excluded).add(name);
            }
            return new Fields(included, excluded);
        }
        throw HttpError.badRequest("Invalid fields " + JsonInput.describe(value)
                + ": expected an object, an array or a property name");
    }

    private static Boolean fieldFlag(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value);
        if (value instanceof String || value instanceof Number) {
            if (text.equals("true") || text.equals("1")) {
                return true;
            }
            if (text.equals("false") || text.equals("0")) {
                return false;
            }
        }
        return null;
    }

    private static List<Order> order(Object value) {
        List<Order> keys = new ArrayList<>();
        if (value == null) {
            return keys;
        }
        List<Object> entries = value instanceof String ? List.of(value) : JsonInput.asList(value);
        if (entries == null) {
            throw HttpError.badRequest("Invalid order " + JsonInput.describe(value)
                    + ": expected a string or an array of strings");
        }
        for (Object entry : entries) {
            if (!(entry instanceof String text)) {
                throw HttpError.badRequest("Invalid order " + JsonInput.describe(entry) + ": expected a string");
            }
            for (String part : text.split(",", -1)) {
                if (!part.isBlank()) {
                    keys.add(orderKey(part.trim(), text));
                }
            }
        }
        return keys;
    }

    private static Order orderKey(String part, String whole) {
        String[] tokens = part.split("\\s+");
        if (tokens.length > 2 || !ORDER_PROPERTY.matcher(tokens[0]).matches()) {
            throw invalidOrder(whole);
        }
        Order.Direction direction = Order.Direction.ASC;
        if (tokens.length == 2) {
            String word = tokens[1].toUpperCase(Locale.ROOT);
            if (!word.equals("ASC") && !word.equals("DESC")) {
                throw invalidOrder(whole);
            }
            direction = Order.Direction.valueOf(word);
        }
        return new Order(tokens[0], direction);
    }

    private static HttpError invalidOrder(String whole) {
        return HttpError.badRequest("Invalid order \"" + JsonInput.describe(whole)
                + "\": expected \"property\", \"property ASC\" or \"property DESC\"");
    }

    /** A limit, skip or offset: an integer from 0 to {@link Integer#MAX_VALUE}, as a number or a numeric string. */
    private static Integer count(String name, Object value) {
        if (value == null || "".equals(value)) {
            return null;
        }
        BigDecimal number = null;
        if (value instanceof Number given) {
            number = decimal(given);
        } else if (value instanceof String text && NUMBER.matcher(text.trim()).matches()) {
            number = new BigDecimal(text.trim());
        }
        if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw HttpError.badRequest("The " + name + " parameter " + JsonInput.describe(value) + " is not valid");
        }
        return number.intValueExact();
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (number instanceof BigDecimal exact) {
            return exact;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
