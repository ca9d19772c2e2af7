package dev.backloop.filter;

import dev.backloop.error.HttpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Parses a filter's {@code include} in LoopBack's forms: {@code "rel"}, {@code ["a", {b: "c"}]},
 * {@code {rel: "sub"}}, {@code {rel: ["a", "b"]}}, {@code {rel: {sub: "x"}}} and
 * {@code {relation: "books", scope: {...}}}. A scope's own {@code include} becomes
 * {@link Include#nested()} and is removed from {@link Include#scope()}, so sub-relations have exactly one
 * place to be read from.
 */
final class IncludeParser {
    private final Function<Object, Filter> scopeParser;

    /** @param scopeParser parses a scope object as a whole filter */
    IncludeParser(Function<Object, Filter> scopeParser) {
        this.scopeParser = scopeParser;
    }

    List<Include> parse(Object value) {
        List<Include> includes = new ArrayList<>();
        add(value, includes);
        return includes;
    }

    private void add(Object value, List<Include> out) {
        if (value == null || "".equals(value)) {
            return;
        }
        if (value instanceof String relation) {
            out.add(new Include(relationName(relation), null, List.of()));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                add(item, out);
            }
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else {
            throw HttpError.badRequest("Invalid include " + JsonInput.describe(value)
                    + ": expected a relation name, an array or an object");
        }
    }

    private void object(Map<?, ?> map, List<Include> out) {
        if (map.containsKey("relation")) {
            out.add(withScope(map));
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String relation = relationName(JsonInput.key(entry.getKey(), "include"));
            Object sub = entry.getValue();
            if (sub != null && !(sub instanceof String) && !(sub instanceof List<?>) && !(sub instanceof Map<?, ?>)) {
                throw HttpError.badRequest("Invalid include of relation \"" + relation + "\": "
                        + JsonInput.describe(sub));
            }
            out.add(new Include(relation, null, parse(sub)));
        }
    }

    private Include withScope(Map<?, ?> map) {
        if (!(map.get("relation") instanceof String relation)) {
            throw HttpError.badRequest("The include \"relation\" must be a string");
        }
        Object scopeJson = map.get("scope");
        if (scopeJson == null) {
            return new Include(relationName(relation), null, List.of());
        }
        if (!(scopeJson instanceof Map<?, ?>)) {
            throw HttpError.badRequest("The scope of include \"" + relation + "\" must be an object");
        }
        Filter scope = scopeParser.apply(scopeJson);
        List<Include> nested = scope.include();
        Filter withoutInclude = new Filter(scope.where(), scope.fields(), scope.order(), scope.limit(), scope.skip(),
                List.of());
        return new Include(relationName(relation), withoutInclude.equals(Filter.ALL) ? null : withoutInclude, nested);
    }

    private static String relationName(String name) {
        if (name.isEmpty() || name.startsWith("$")) {
            throw HttpError.badRequest("Invalid relation name \"" + name + "\" in include");
        }
        return name;
    }
}
