package dev.backloop.filter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A filter's {@code fields} projection. LoopBack's rule: when any property is listed as included, only the
 * included ones are returned; otherwise every property except the excluded ones.
 */
public record Fields(Set<String> included, Set<String> excluded) {
    public static final Fields ALL = new Fields(Set.of(), Set.of());

    public Fields {
        included = Set.copyOf(new LinkedHashSet<>(included));
        excluded = Set.copyOf(new LinkedHashSet<>(excluded));
    }

    /** Whether a top-level property is part of the projection. */
    public boolean includes(String property) {
        if (!included.isEmpty()) {
            return included.contains(property);
        }
        return !excluded.contains(property);
    }

    public boolean isAll() {
        return included.isEmpty() && excluded.isEmpty();
    }
}
