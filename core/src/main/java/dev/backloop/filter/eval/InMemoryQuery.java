package dev.backloop.filter.eval;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A whole {@link Filter} compiled for evaluation over records in memory: where, then order, skip, limit and
 * fields. Without an order it is one pass that stops as soon as the page is full. Relations
 * ({@code include}) are left to the caller. A limit of 0 means no limit, as in LoopBack's memory connector.
 *
 * <p>One instance serves one query: its regular expressions share one work budget.
 *
 * <pre>{@code
 * List<Map<String, Object>> page = InMemoryQuery.compile(filter).apply(records);
 * }</pre>
 */
public final class InMemoryQuery {
    private final Predicate<Map<String, Object>> where;
    private final RecordOrdering ordering;
    private final FieldProjection projection;
    private final long skip;
    private final long limit;

    private InMemoryQuery(Predicate<Map<String, Object>> where, RecordOrdering ordering,
            FieldProjection projection, long skip, long limit) {
        this.where = where;
        this.ordering = ordering;
        this.projection = projection;
        this.skip = skip;
        this.limit = limit;
    }

    /**
     * Compiles a filter.
     *
     * @throws HttpError 400 for a negative skip or limit, or an invalid where operand
     */
    public static InMemoryQuery compile(Filter filter) {
        Objects.requireNonNull(filter, "filter is null");
        if (filter.skip() < 0) {
            throw HttpError.badRequest("skip must not be negative");
        }
        if (filter.limit() != null && filter.limit() < 0) {
            throw HttpError.badRequest("limit must not be negative");
        }
        long limit = filter.limit() == null || filter.limit() == 0 ? Long.MAX_VALUE : filter.limit();
        RecordOrdering ordering = filter.order().isEmpty() ? null : RecordOrdering.of(filter.order());
        return new InMemoryQuery(WhereMatcher.compile(filter.where(), RegexGuard.perQuery()), ordering,
                FieldProjection.of(filter.fields()), filter.skip(), limit);
    }

    /** The matching records, ordered, paged and projected; new maps sharing values with the input. */
    public List<Map<String, Object>> apply(Iterable<? extends Map<String, Object>> records) {
        return apply(records, UnaryOperator.identity());
    }

    /**
     * Like {@link #apply(Iterable)}, passing every returned value through {@code copier}; copying happens
     * only for the records of the page.
     */
    public List<Map<String, Object>> apply(Iterable<? extends Map<String, Object>> records,
            UnaryOperator<Object> copier) {
        List<Map<String, Object>> page = new ArrayList<>();
        if (ordering == null) {
            long skipped = 0;
            for (Map<String, Object> record : records) {
                if (page.size() >= limit) {
                    break;
                }
                if (where.test(record)) {
                    if (skipped < skip) {
                        skipped++;
                    } else {
                        page.add(projection.apply(record, copier));
                    }
                }
            }
            return page;
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (where.test(record)) {
                matches.add(record);
            }
        }
        // stable: records equal on every key keep the input's order
        matches.sort(ordering);
        if (skip >= matches.size()) {
            return page;
        }
        int from = (int) skip;
        int to = (int) Math.min(matches.size(), from + Math.min(limit, Integer.MAX_VALUE));
        for (Map<String, Object> record : matches.subList(from, to)) {
            page.add(projection.apply(record, copier));
        }
        return page;
    }

    /** How many records match the where (skip, limit and order do not apply). */
    public long count(Iterable<? extends Map<String, Object>> records) {
        long count = 0;
        for (Map<String, Object> record : records) {
            if (where.test(record)) {
                count++;
            }
        }
        return count;
    }

    /** The compiled where alone. */
    public Predicate<Map<String, Object>> where() {
        return where;
    }

    /** The matching records unprojected, in input order; no copy, for updates and deletes. */
    public List<Map<String, Object>> matching(Iterable<? extends Map<String, Object>> records) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (where.test(record)) {
                result.add(record);
            }
        }
        return Collections.unmodifiableList(result);
    }
}
