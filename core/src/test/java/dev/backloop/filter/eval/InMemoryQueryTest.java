package dev.backloop.filter.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Order;
import dev.backloop.filter.Where;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryQueryTest {
    private final List<Map<String, Object>> records = new ArrayList<>();

    {
        for (long i = 1; i <= 10; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i);
            m.put("group", i % 3);
            m.put("name", "n" + i);
            records.add(m);
        }
    }

    private static List<Object> ids(List<Map<String, Object>> page) {
        return page.stream().map(m -> m.get("id")).toList();
    }

    @Test
    void whereSkipLimitWithoutOrderKeepInputOrder() {
        Filter f = new Filter(new Where.Condition("group", Operator.NEQ, 0), Fields.ALL, List.of(), 3, 1, List.of());
        assertThat(ids(InMemoryQuery.compile(f).apply(records))).containsExactly(2L, 4L, 5L);
    }

    @Test
    void orderThenPage() {
        Filter f = new Filter(Where.ALL, Fields.ALL,
                List.of(new Order("group", Order.Direction.DESC), new Order("id", Order.Direction.DESC)), 4, 2, List.of());
        assertThat(ids(InMemoryQuery.compile(f).apply(records))).containsExactly(2L, 10L, 7L, 4L);
    }

    @Test
    void limitZeroMeansNoLimitLikeLoopBack() {
        Filter f = Filter.ALL.withLimit(0);
        assertThat(InMemoryQuery.compile(f).apply(records)).hasSize(10);
    }

    @Test
    void skipBeyondEndIsEmpty() {
        Filter f = new Filter(Where.ALL, Fields.ALL, List.of(new Order("id", Order.Direction.ASC)), null, 50, List.of());
        assertThat(InMemoryQuery.compile(f).apply(records)).isEmpty();
        Filter g = new Filter(Where.ALL, Fields.ALL, List.of(), null, 50, List.of());
        assertThat(InMemoryQuery.compile(g).apply(records)).isEmpty();
    }

    @Test
    void fieldsProjectAndReturnNewMaps() {
        Filter f = new Filter(Where.eq("id", 2), new Fields(Set.of("name"), Set.of()), List.of(), null, 0, List.of());
        List<Map<String, Object>> page = InMemoryQuery.compile(f).apply(records);
        assertThat(page).containsExactly(Map.of("name", "n2"));
        page.get(0).put("name", "changed");
        assertThat(records.get(1).get("name")).isEqualTo("n2");
    }

    @Test
    void countIgnoresPaging() {
        Filter f = new Filter(Where.eq("group", 1), Fields.ALL, List.of(), 1, 0, List.of());
        assertThat(InMemoryQuery.compile(f).count(records)).isEqualTo(4);
    }

    @Test
    void negativePagingIs400() {
        assertThatThrownBy(() -> InMemoryQuery.compile(Filter.ALL.withLimit(-1))).isInstanceOf(HttpError.class);
        assertThatThrownBy(() -> InMemoryQuery.compile(new Filter(Where.ALL, Fields.ALL, List.of(), null, -1, List.of())))
                .isInstanceOf(HttpError.class);
    }

    @Test
    void hundredThousandRecordsInOnePass() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (long i = 0; i < 100_000; i++) {
            many.add(Map.of("id", i, "v", i % 100));
        }
        Filter f = new Filter(new Where.Condition("v", Operator.INQ, List.of(1, 2)), Fields.ALL,
                List.of(new Order("id", Order.Direction.DESC)), 5, 0, List.of());
        long start = System.nanoTime();
        List<Map<String, Object>> page = InMemoryQuery.compile(f).apply(many);
        assertThat(ids(page)).containsExactly(99_902L, 99_901L, 99_802L, 99_801L, 99_702L);
        assertThat(System.nanoTime() - start).isLessThan(3_000_000_000L);
    }
}
