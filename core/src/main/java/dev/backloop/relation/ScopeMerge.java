package dev.backloop.relation;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Include;
import dev.backloop.filter.Where;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges a relation's declared scope into a caller's filter, with the rules of the juggler's
 * {@code mergeQuery}: wheres are and-ed; the scope's fields, limit and skip win when it sets them; the
 * caller's order wins when it sets one; includes of both apply.
 */
final class ScopeMerge {
    private ScopeMerge() {
    }

    static Filter merge(Filter caller, Filter scope) {
        Filter base = caller == null ? Filter.ALL : caller;
        if (scope == null || scope.equals(Filter.ALL)) {
            return base;
        }
        List<Include> include = new ArrayList<>(base.include());
        include.addAll(scope.include());
        return new Filter(
                and(base.where(), scope.where()),
                scope.fields().isAll() ? base.fields() : scope.fields(),
                base.order().isEmpty() ? scope.order() : base.order(),
                scope.limit() != null ? scope.limit() : base.limit(),
                scope.skip() != 0 ? scope.skip() : base.skip(),
                include);
    }

    /** Both wheres; either alone when the other matches everything. */
    static Where and(Where a, Where b) {
        if (a.matchesAll()) {
            return b;
        }
        if (b.matchesAll()) {
            return a;
        }
        return Where.and(List.of(a, b));
    }
}
