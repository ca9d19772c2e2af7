package dev.backloop.filter;

import java.util.List;
import java.util.Objects;

/**
 * A whole LoopBack filter, parsed and typed.
 *
 * @param where   the records to match ({@link Where#ALL} for all)
 * @param fields  the projection ({@link Fields#ALL} for every property)
 * @param order   sort keys, first is most significant; empty for the connector's natural order
 * @param limit   at most this many records, or {@code null} for no limit
 * @param skip    records to skip (LoopBack's {@code skip} or {@code offset}), 0 for none
 * @param include relations to include
 */
public record Filter(Where where, Fields fields, List<Order> order, Integer limit, int skip, List<Include> include) {
    public static final Filter ALL = new Filter(Where.ALL, Fields.ALL, List.of(), null, 0, List.of());

    public Filter {
        Objects.requireNonNull(where, "where is null");
        Objects.requireNonNull(fields, "fields is null");
        order = List.copyOf(order);
        include = List.copyOf(include);
    }

    public static Filter where(Where where) {
        return new Filter(where, Fields.ALL, List.of(), null, 0, List.of());
    }

    public Filter withWhere(Where newWhere) {
        return new Filter(newWhere, fields, order, limit, skip, include);
    }

    public Filter withLimit(Integer newLimit) {
        return new Filter(where, fields, order, newLimit, skip, include);
    }

    public Filter withSkip(int newSkip) {
        return new Filter(where, fields, order, limit, newSkip, include);
    }

    public Filter withFields(Fields newFields) {
        return new Filter(where, newFields, order, limit, skip, include);
    }

    public Filter withInclude(List<Include> newInclude) {
        return new Filter(where, fields, order, limit, skip, newInclude);
    }
}
