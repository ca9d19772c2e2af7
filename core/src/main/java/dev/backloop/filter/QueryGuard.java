package dev.backloop.filter;

import dev.backloop.error.HttpError;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses where objects that are too deep (LoopBack's {@code maxDepthOfQuery}, 12 for REST calls) or
 * that carry keys a backend could run as code ({@code $where}, {@code $expr}, {@code mapReduce}...).
 * LoopBack's MongoDB connector deleted some of these keys; we refuse every {@code $} key, anywhere in the
 * where, including inside values compared for equality, because a connector may hand such a value to its
 * backend verbatim.
 *
 * <p>The walk stops at the depth limit, so a cyclic map from a careless caller is refused as too deep
 * rather than looping.
 */
final class QueryGuard {
    /** LoopBack 3's {@code maxDepthOfQuery} for remote calls. */
    static final int MAX_WHERE_DEPTH = 12;

    /** The error code LoopBack gives a query object over its depth limit. */
    static final String TOO_DEEP = "QUERY_OBJECT_TOO_DEEP";

    private static final Set<String> FORBIDDEN_KEYS = Set.of("mapReduce");

    private QueryGuard() {
    }

    /**
     * Checks a where object. Depth counts each object or array level: {@code {"a": 1}} is 1,
     * {@code {"a": {"gt": 1}}} is 2, {@code {"or": [{"a": 1}]}} is 3.
     */
    static void checkWhere(Object where) {
        walk(where, 1, MAX_WHERE_DEPTH, "query", true);
    }

    /**
     * Checks the depth of a whole filter and that its keys are strings; this bounds the recursion through
     * include scopes. Keys are not screened here: the where inside is checked on its own.
     */
    static void checkDepth(Object filter, int maxDepth, String what) {
        walk(filter, 1, maxDepth, what, false);
    }

    private static void walk(Object node, int level, int maxDepth, String what, boolean checkKeys) {
        if (node instanceof Map<?, ?> map) {
            tooDeep(level, maxDepth, what);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = JsonInput.key(entry.getKey(), what);
                if (checkKeys && (key.startsWith("$") || FORBIDDEN_KEYS.contains(key))) {
                    throw HttpError.badRequest("Operator \"" + key + "\" is not allowed in query");
                }
                walk(entry.getValue(), level + 1, maxDepth, what, checkKeys);
            }
        } else if (node instanceof List<?> list) {
            tooDeep(level, maxDepth, what);
            for (Object item : list) {
                walk(item, level + 1, maxDepth, what, checkKeys);
            }
        }
    }

    private static void tooDeep(int level, int maxDepth, String what) {
        if (level > maxDepth) {
            // LoopBack's code; a cycle is reported the same way since the walk cannot tell it from depth
            throw HttpError.badRequest("The " + what + " object exceeds maximum depth " + maxDepth, TOO_DEEP);
        }
    }
}
