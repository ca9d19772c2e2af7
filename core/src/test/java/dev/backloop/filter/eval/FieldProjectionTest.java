package dev.backloop.filter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldProjectionTest {
    private final Map<String, Object> record = new LinkedHashMap<>();

    {
        record.put("id", 1L);
        record.put("name", "n");
        record.put("tags", List.of("a"));
        record.put("age", 3L);
    }

    @Test
    void includedKeepRecordOrder() {
        Map<String, Object> out = FieldProjection.of(new Fields(Set.of("age", "id"), Set.of())).apply(record);
        assertThat(out).containsExactly(Map.entry("id", 1L), Map.entry("age", 3L));
    }

    @Test
    void excludedRemoved() {
        Map<String, Object> out = FieldProjection.of(new Fields(Set.of(), Set.of("tags"))).apply(record);
        assertThat(out.keySet()).containsExactly("id", "name", "age");
    }

    @Test
    void allReturnsAFreshMutableCopy() {
        Map<String, Object> out = FieldProjection.of(Fields.ALL).apply(record);
        assertThat(out).isEqualTo(record).isNotSameAs(record);
        out.put("x", 1);
        assertThat(record).doesNotContainKey("x");
    }

    @Test
    void copierAppliesToKeptValues() {
        Map<String, Object> out = FieldProjection.of(Fields.ALL).apply(record,
                v -> v instanceof List<?> l ? new ArrayList<>(l) : v);
        assertThat(out.get("tags")).isInstanceOf(ArrayList.class);
    }
}
