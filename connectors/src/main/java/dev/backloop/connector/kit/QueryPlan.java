package dev.backloop.connector.kit;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.spi.ConnectorCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Splits a query between a backend and memory: the conditions the backend can evaluate are pushed down,
 * the rest (the <em>residual</em>) is evaluated here with {@link InMemoryQuery}, with LoopBack's semantics.
 * When anything is left over, order, skip, limit and fields are applied here too, because the backend
 * cannot page a result it does not fully filter.
 *
 * <pre>{@code
 * QueryPlan plan = QueryPlan.of(filter, condition -> !condition.property().contains("."));
 * List<Map<String, Object>> rows = backend.select(plan.nativeFilter());
 * return plan.finish(rows);
 * }</pre>
 */
public final class QueryPlan {
    private final Filter filter;
    private final Where pushed;
    private final Where residual;
    private final boolean complete;

    private QueryPlan(Filter filter, Where pushed, Where residual, boolean sortable) {
        this.filter = filter;
        this.pushed = pushed;
        this.residual = residual;
        this.complete = residual.matchesAll() && sortable;
    }

    /**
     * Plans a filter; {@code supported} says which single conditions the backend evaluates. An {@code or}
     * is pushed down only when every branch is; an {@code and} is split clause by clause.
     */
    public static QueryPlan of(Filter filter, Predicate<Where.Condition> supported) {
        Objects.requireNonNull(supported, "supported is null");
        return of(filter, supported, true);
    }

    private static QueryPlan of(Filter filter, Predicate<Where.Condition> supported, boolean sortable) {
        Objects.requireNonNull(filter, "filter is null");
        Where[] split = split(filter.where(), supported);
        return new QueryPlan(filter, split[0], split[1], sortable);
    }

    /**
     * Plans a filter for a backend with these capabilities: dotted paths (in the where and the order) need
     * {@link ConnectorCapability#NESTED_PROPERTIES}, {@code regexp} needs {@link ConnectorCapability#REGEXP};
     * every other operator is assumed native.
     */
    public static QueryPlan of(Filter filter, Set<ConnectorCapability> capabilities) {
        boolean nested = capabilities.contains(ConnectorCapability.NESTED_PROPERTIES);
        boolean regexp = capabilities.contains(ConnectorCapability.REGEXP);
        boolean sortable = nested || filter.order().stream().noneMatch(o -> o.property().contains("."));
        return of(filter, condition -> (nested || !condition.property().contains("."))
                && (regexp || condition.operator() != Operator.REGEXP), sortable);
    }

    /** Whether the backend evaluates the whole filter, paging and projection included. */
    public boolean complete() {
        return complete;
    }

    /** The part of the where the backend evaluates ({@link Where#ALL} when none). */
    public Where nativeWhere() {
        return pushed;
    }

    /** The part of the where evaluated in memory ({@link Where#ALL} when none). */
    public Where residualWhere() {
        return residual;
    }

    /**
     * What to ask the backend: the whole filter when {@linkplain #complete() complete}, else only the
     * native where, unordered, unpaged and unprojected.
     */
    public Filter nativeFilter() {
        return complete() ? filter : Filter.where(pushed);
    }

    /** The final page from what the backend returned for {@link #nativeFilter()}. */
    public List<Map<String, Object>> finish(List<Map<String, Object>> fromBackend) {
        if (complete()) {
            return fromBackend;
        }
        return InMemoryQuery.compile(filter.withWhere(residual)).apply(fromBackend);
    }

    /** How many of the records the backend returned for {@link #nativeWhere()} match the residual. */
    public long count(Iterable<? extends Map<String, Object>> fromBackend) {
        return InMemoryQuery.compile(Filter.where(residual)).count(fromBackend);
    }

    /** [pushed, residual] */
    private static Where[] split(Where where, Predicate<Where.Condition> supported) {
        if (where.matchesAll()) {
            return new Where[] {Where.ALL, Where.ALL};
        }
        if (where instanceof Where.Condition condition) {
            return supported.test(condition) ? new Where[] {condition, Where.ALL} : new Where[] {Where.ALL, condition};
        }
        if (where instanceof Where.Or or) {
            boolean all = or.clauses().stream().allMatch(c -> split(c, supported)[1].matchesAll());
            return all ? new Where[] {or, Where.ALL} : new Where[] {Where.ALL, or};
        }
        List<Where> pushed = new ArrayList<>();
        List<Where> residual = new ArrayList<>();
        for (Where clause : ((Where.And) where).clauses()) {
            Where[] parts = split(clause, supported);
            if (!parts[0].matchesAll()) {
                pushed.add(parts[0]);
            }
            if (!parts[1].matchesAll()) {
                residual.add(parts[1]);
            }
        }
        return new Where[] {pushed.isEmpty() ? Where.ALL : Where.and(pushed),
                residual.isEmpty() ? Where.ALL : Where.and(residual)};
    }
}
