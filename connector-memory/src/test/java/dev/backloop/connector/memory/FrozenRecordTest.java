package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenRecordTest {

    private static LinkedHashMap<String, Object> row(Object... pairs) {
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    @Test
    void readsLikeTheMapItWasMadeFrom() {
        LinkedHashMap<String, Object> row = row("title", "Dune", "year", 1965L, "note", null, "id", 1L);
        FrozenRecord frozen = FrozenRecord.of(row);

        assertThat(frozen).isEqualTo(row).hasSameHashCodeAs(row).hasSize(4);
        assertThat(frozen.get("title")).isEqualTo("Dune");
        assertThat(frozen.get(new String("year"))).isEqualTo(1965L); // not the same instance as the key
        assertThat(frozen.get("missing")).isNull();
        assertThat(frozen.get(null)).isNull();
        assertThat(frozen.get(42)).isNull();
        assertThat(frozen.containsKey("note")).isTrue();
        assertThat(frozen.containsKey("missing")).isFalse();
        assertThat(frozen.keySet()).containsExactly("title", "year", "note", "id");
        assertThat(new ArrayList<>(frozen.values())).containsExactly("Dune", 1965L, null, 1L);
        List<String> visited = new ArrayList<>();
        frozen.forEach((k, v) -> visited.add(k + "=" + v));
        assertThat(visited).containsExactly("title=Dune", "year=1965", "note=null", "id=1");
        assertThat(frozen).hasToString(row.toString());
    }

    @Test
    void cannotBeChanged() {
        FrozenRecord frozen = FrozenRecord.of(row("title", "Dune", "id", 1L));
        assertThatThrownBy(() -> frozen.put("title", "Emma")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.remove("title")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(frozen::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue("Emma"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.keySet().remove("title")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen.get("title")).isEqualTo("Dune");
    }

    @Test
    void isACopyNotAView() {
        LinkedHashMap<String, Object> row = row("title", "Dune");
        FrozenRecord frozen = FrozenRecord.of(row);
        row.put("title", "Emma");
        row.put("extra", true);
        assertThat(frozen).containsExactly(Map.entry("title", "Dune"));
    }

    @Test
    void recordsOfDifferentShapesKeepTheirOwnKeys() {
        FrozenRecord first = FrozenRecord.of(row("a", 1L, "b", 2L));
        FrozenRecord second = FrozenRecord.of(row("b", 3L, "a", 4L));
        FrozenRecord third = FrozenRecord.of(row("a", 5L, "b", 6L));
        assertThat(first.keySet()).containsExactly("a", "b");
        assertThat(second.keySet()).containsExactly("b", "a");
        assertThat(second.get("a")).isEqualTo(4L);
        assertThat(third.get("b")).isEqualTo(6L);
        assertThat(FrozenRecord.of(new LinkedHashMap<>())).isEmpty();
    }

    @Test
    void wideRecordsLookUpThroughAnIndex() {
        LinkedHashMap<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            row.put("p" + i, (long) i);
        }
        FrozenRecord frozen = FrozenRecord.of(row);
        assertThat(frozen).isEqualTo(row);
        assertThat(frozen.get("p37")).isEqualTo(37L);
        assertThat(frozen.get(new String("p0"))).isEqualTo(0L);
        assertThat(frozen.containsKey("p40")).isFalse();
    }
}
