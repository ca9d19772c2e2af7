package dev.backloop.filter;

import java.util.List;
import java.util.Objects;

/**
 * One relation to include: its name, an optional scope (a filter applied to the related records) and the
 * relations to include below it.
 */
public record Include(String relation, Filter scope, List<Include> nested) {
    public Include {
        Objects.requireNonNull(relation, "relation is null");
        nested = List.copyOf(nested);
    }
}
