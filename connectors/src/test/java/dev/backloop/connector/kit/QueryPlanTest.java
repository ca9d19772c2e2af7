package dev.backloop.connector.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Order;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.spi.ConnectorCapability;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
    private static final Where TOP = Where.eq("title", "Dune");
    private static final Where NESTED = Where.eq("meta.lang", "en");
    private static final Where REGEXP = new Where.Condition("title", Operator.REGEXP, new Regexp("^D", ""));

    @Test
    void everythingNativeIsComplete() {
        Filter filter = new Filter(new Where.And(List.of(TOP, NESTED)), Fields.ALL, List.of(), 2, 1, List.of());
        QueryPlan plan = QueryPlan.of(filter, Set.of(ConnectorCapability.NESTED_PROPERTIES));
        assertThat(plan.complete()).isTrue();
        assertThat(plan.nativeFilter()).isEqualTo(filter);
    }

    @Test
    void andIsSplitClauseByClause() {
        QueryPlan plan = QueryPlan.of(Filter.where(new Where.And(List.of(TOP, NESTED, REGEXP))), Set.of());
        assertThat(plan.nativeWhere()).isEqualTo(TOP);
        assertThat(plan.residualWhere()).isEqualTo(new Where.And(List.of(NESTED, REGEXP)));
        assertThat(plan.complete()).isFalse();
    }

    @Test
    void orIsPushedOnlyWhole() {
        Where or = new Where.Or(List.of(TOP, NESTED));
        QueryPlan plan = QueryPlan.of(Filter.where(or), Set.of());
        assertThat(plan.nativeWhere().matchesAll()).isTrue();
        assertThat(plan.residualWhere()).isEqualTo(or);
        assertThat(QueryPlan.of(Filter.where(or), Set.of(ConnectorCapability.NESTED_PROPERTIES)).complete()).isTrue();
    }

    @Test
    void aDottedOrderNeedsNestedProperties() {
        Filter filter = new Filter(TOP, Fields.ALL, List.of(new Order("meta.pages", Order.Direction.ASC)), null, 0, List.of());
        assertThat(QueryPlan.of(filter, Set.of()).complete()).isFalse();
        assertThat(QueryPlan.of(filter, Set.of()).nativeFilter()).isEqualTo(Filter.where(TOP));
        assertThat(QueryPlan.of(filter, Set.of(ConnectorCapability.NESTED_PROPERTIES)).complete()).isTrue();
    }

    @Test
    void residualOrdersPagesAndProjectsInMemory() {
        Filter filter = new Filter(new Where.And(List.of(Where.eq("kind", "book"), NESTED)),
                new Fields(Set.of("title"), Set.of()), List.of(new Order("title", Order.Direction.DESC)), 1, 1, List.of());
        QueryPlan plan = QueryPlan.of(filter, Set.of());
        assertThat(plan.nativeFilter()).isEqualTo(Filter.where(Where.eq("kind", "book")));
        // what a backend returned for the native where: every book, unordered
        List<Map<String, Object>> books = List.of(
                Map.of("title", "A", "meta", Map.of("lang", "en")),
                Map.of("title", "C", "meta", Map.of("lang", "en")),
                Map.of("title", "B", "meta", Map.of("lang", "en")),
                Map.of("title", "D", "meta", Map.of("lang", "pl")));
        assertThat(plan.finish(books)).containsExactly(Map.of("title", "B"));
        assertThat(plan.count(books)).isEqualTo(3);
    }
}
