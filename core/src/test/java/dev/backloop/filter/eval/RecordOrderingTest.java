package dev.backloop.filter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Order;
import dev.backloop.filter.Order.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordOrderingTest {

    private static Map<String, Object> r(String name, Object value) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        if (value != Missing.VALUE) {
            m.put("v", value);
        }
        return m;
    }

    private enum Missing { VALUE }

    private static List<String> sorted(List<Order> order, List<Map<String, Object>> records) {
        List<Map<String, Object>> copy = new ArrayList<>(records);
        copy.sort(RecordOrdering.of(order));
        return copy.stream().map(m -> (String) m.get("name")).toList();
    }

    @Test
    void numbersAscendingAcrossClassesWithMissingLast() {
        List<Map<String, Object>> records = List.of(r("ten", 10L), r("none", Missing.VALUE), r("two", 2.0),
                r("nil", null), r("three", new java.math.BigDecimal("3")), r("one", 1));
        assertThat(sorted(List.of(new Order("v", Direction.ASC)), records))
                .containsExactly("one", "two", "three", "ten", "none", "nil");
    }

    @Test
    void descendingPutsMissingFirst() {
        List<Map<String, Object>> records = List.of(r("a", 1L), r("none", Missing.VALUE), r("b", 2L));
        assertThat(sorted(List.of(new Order("v", Direction.DESC)), records)).containsExactly("none", "b", "a");
    }

    @Test
    void stringsByCodeUnitAndDatesAsInstants() {
        assertThat(sorted(List.of(new Order("v", Direction.ASC)),
                List.of(r("b", "b"), r("B", "B"), r("a", "a")))).containsExactly("B", "a", "b");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(sorted(List.of(new Order("v", Direction.DESC)),
                List.of(r("old", t), r("new", t.plusSeconds(5))))).containsExactly("new", "old");
    }

    @Test
    void mixedKindsHaveATotalOrder() {
        List<Map<String, Object>> records = new ArrayList<>();
        Object[] values = {"x", 3L, true, Instant.EPOCH, Map.of(), 1.5, "a", false};
        for (int i = 0; i < 200; i++) {
            records.add(r("r" + i, values[i % values.length]));
        }
        // TimSort throws on a comparator that is not a total order; this must not
        assertThat(sorted(List.of(new Order("v", Direction.ASC)), records)).hasSize(200);
    }

    @Test
    void multipleKeysAndNestedPaths() {
        Map<String, Object> a = new HashMap<>(Map.of("name", "a", "g", 1L, "addr", Map.of("city", "Oslo")));
        Map<String, Object> b = new HashMap<>(Map.of("name", "b", "g", 1L, "addr", Map.of("city", "Bergen")));
        Map<String, Object> c = new HashMap<>(Map.of("name", "c", "g", 0L, "addr", Map.of("city", "Tromso")));
        List<Order> order = List.of(new Order("g", Direction.DESC), new Order("addr.city", Direction.ASC));
        assertThat(sorted(order, List.of(a, b, c))).containsExactly("b", "a", "c");
    }

    @Test
    void stableForEqualKeys() {
        List<Map<String, Object>> records = List.of(r("first", 1L), r("second", 1L), r("third", 0L));
        assertThat(sorted(List.of(new Order("v", Direction.ASC)), records)).containsExactly("third", "first", "second");
    }
}
