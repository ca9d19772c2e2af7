package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Order;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.DuplicateIdException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryConnectorTest {
    private final ModelDefinition book = Models.book();
    private final ModelDefinition author = Models.author();
    private final ModelDefinition tag = Models.tag();
    private MemoryConnector connector;

    @BeforeEach
    void start() {
        connector = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of(), Path.of(".")));
        connector.define(book);
        connector.define(author);
        connector.define(tag);
        connector.start();
    }

    @AfterEach
    void close() {
        connector.close();
    }

    private static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private List<Object> ids(ModelDefinition model, Filter filter) {
        return connector.find(model, filter).stream().map(m -> m.get("id")).toList();
    }

    @Test
    void createGeneratesIdsFromOnePerModel() {
        assertThat(connector.create(book, data("title", "a"))).containsExactly(Map.entry("title", "a"), Map.entry("id", 1L));
        assertThat(connector.create(book, data("title", "b")).get("id")).isEqualTo(2L);
        assertThat(connector.create(author, data("name", "x")).get("id")).isEqualTo(1L);
        assertThat(connector.find(author, Filter.ALL)).hasSize(1);
        assertThat(connector.find(book, Filter.ALL)).hasSize(2);
    }

    @Test
    void explicitIdMovesTheCounterLikeLoopBack() {
        connector.create(book, data("id", 10, "title", "ten"));
        assertThat(connector.create(book, data("title", "next")).get("id")).isEqualTo(11L);
        connector.create(book, data("id", 5L, "title", "five"));
        assertThat(connector.create(book, data("title", "after")).get("id")).isEqualTo(12L);
    }

    @Test
    void nullIdIsGeneratedInPlace() {
        Map<String, Object> in = data("id", null, "title", "t");
        assertThat(connector.create(book, in).keySet()).containsExactly("id", "title");
    }

    @Test
    void stringIdsAcceptedAsGivenAndGeneratedAsText() {
        assertThat(connector.create(tag, data("id", "sf", "label", "Science fiction")).get("id")).isEqualTo("sf");
        assertThat(connector.create(tag, data("label", "none")).get("id")).isEqualTo("1");
        assertThat(connector.patchById(tag, "sf", data("label", "SF"))).get().extracting(m -> m.get("label")).isEqualTo("SF");
    }

    @Test
    void duplicateIdIsRefusedByValue() {
        connector.create(book, data("id", 3L, "title", "a"));
        assertThatThrownBy(() -> connector.create(book, data("id", 3, "title", "b")))
                .isInstanceOf(DuplicateIdException.class)
                .hasMessage("Duplicate entry for Book.id");
        assertThatThrownBy(() -> connector.create(book, data("id", 3.0, "title", "b")))
                .isInstanceOf(DuplicateIdException.class);
        assertThat(connector.count(book, Where.ALL)).isEqualTo(1);
    }

    @Test
    void findReturnsIdOrderWithoutAnOrder() {
        connector.create(book, data("id", 5, "title", "e"));
        connector.create(book, data("id", 2, "title", "b"));
        connector.create(book, data("title", "f"));
        assertThat(ids(book, Filter.ALL)).containsExactly(2L, 5L, 6L);
    }

    @Test
    void findAppliesWhereOrderSkipLimitAndFields() {
        for (int i = 1; i <= 10; i++) {
            connector.create(book, data("title", "t" + i, "price", i % 4, "meta", data("pages", i * 100L)));
        }
        Filter filter = new Filter(new Where.Condition("meta.pages", Operator.GTE, 300), new Fields(Set.of("id", "price"), Set.of()),
                List.of(new Order("price", Order.Direction.DESC), new Order("id", Order.Direction.ASC)), 3, 1, List.of());
        List<Map<String, Object>> page = connector.find(book, filter);
        assertThat(page).extracting(m -> m.get("id")).containsExactly(7L, 6L, 10L);
        assertThat(page.get(0).keySet()).containsExactly("price", "id");
    }

    @Test
    void findByIdUsesValueEquality() {
        connector.create(book, data("title", "a"));
        connector.create(book, data("title", "b"));
        assertThat(ids(book, Filter.where(Where.eq("id", 2)))).containsExactly(2L);
        assertThat(ids(book, Filter.where(Where.eq("id", "2")))).containsExactly(2L);
        assertThat(ids(book, Filter.where(Where.eq("id", 2.0)))).containsExactly(2L);
        assertThat(ids(book, Filter.where(Where.eq("id", 9)))).isEmpty();
        assertThat(ids(book, Filter.where(new Where.And(List.of(Where.eq("id", 2), Where.eq("title", "a")))))).isEmpty();
    }

    @Test
    void returnedRecordsAreFreshDeepCopies() {
        Map<String, Object> meta = new HashMap<>(Map.of("tags", new ArrayList<>(List.of("x"))));
        Map<String, Object> input = data("title", "a", "meta", meta);
        Map<String, Object> created = connector.create(book, input);
        // mutating what we passed in or got back never reaches the store
        meta.put("tags", List.of("changed"));
        input.put("title", "changed");
        created.put("title", "changed");
        @SuppressWarnings("unchecked")
        Map<String, Object> returnedMeta = (Map<String, Object>) created.get("meta");
        @SuppressWarnings("unchecked")
        List<Object> returnedTags = (List<Object>) returnedMeta.get("tags");
        returnedTags.add("y");
        Map<String, Object> found = connector.find(book, Filter.ALL).get(0);
        assertThat(found).isEqualTo(data("title", "a", "meta", Map.of("tags", List.of("x")), "id", 1L));
        found.put("extra", 1);
        ((Map<String, Object>) found.get("meta")).put("more", 2);
        assertThat(connector.find(book, Filter.ALL).get(0)).doesNotContainKey("extra");
        assertThat((Map<String, Object>) connector.find(book, Filter.ALL).get(0).get("meta")).doesNotContainKey("more");
    }

    @Test
    void countMatches() {
        connector.create(book, data("title", "a", "price", 1));
        connector.create(book, data("title", "b", "price", 2));
        connector.create(book, data("title", "c"));
        assertThat(connector.count(book, Where.ALL)).isEqualTo(3);
        assertThat(connector.count(book, new Where.Condition("price", Operator.GT, 1))).isEqualTo(1);
        assertThat(connector.count(book, new Where.Condition("price", Operator.EXISTS, false))).isEqualTo(1);
        assertThat(connector.count(book, Where.eq("id", 3))).isEqualTo(1);
    }

    @Test
    void updatePatchesEveryMatchAndNeverTheId() {
        connector.create(book, data("title", "a", "price", 1));
        connector.create(book, data("title", "b", "price", 2));
        connector.create(book, data("title", "c", "price", 2));
        long n = connector.update(book, Where.eq("price", 2), data("price", 3, "id", 99, "onSale", true));
        assertThat(n).isEqualTo(2);
        assertThat(connector.find(book, Filter.ALL)).containsExactly(
                data("title", "a", "price", 1L, "id", 1L),
                data("title", "b", "price", 3L, "id", 2L, "onSale", true),
                data("title", "c", "price", 3L, "id", 3L, "onSale", true));
        assertThat(connector.update(book, Where.eq("price", 42), data("x", 1))).isZero();
    }

    @Test
    void deleteMatchesOrAll() {
        for (int i = 0; i < 5; i++) {
            connector.create(book, data("price", i));
        }
        assertThat(connector.delete(book, new Where.Condition("price", Operator.LT, 2))).isEqualTo(2);
        assertThat(ids(book, Filter.ALL)).containsExactly(3L, 4L, 5L);
        assertThat(connector.delete(book, Where.eq("id", 4))).isEqualTo(1);
        assertThat(connector.delete(book, Where.ALL)).isEqualTo(2);
        assertThat(connector.count(book, Where.ALL)).isZero();
        // the counter is not reset by deletes
        assertThat(connector.create(book, data()).get("id")).isEqualTo(6L);
    }

    @Test
    void replaceByIdDropsAbsentPropertiesAndKeepsTheId() {
        connector.create(book, data("title", "a", "price", 1));
        assertThat(connector.replaceById(book, 1, data("title", "b", "id", 7))).contains(data("title", "b", "id", 1L));
        assertThat(connector.find(book, Filter.ALL)).containsExactly(data("title", "b", "id", 1L));
        assertThat(connector.replaceById(book, 2, data("title", "x"))).isEmpty();
        assertThat(connector.count(book, Where.ALL)).isEqualTo(1);
    }

    @Test
    void patchByIdMerges() {
        connector.create(book, data("title", "a", "price", 1));
        assertThat(connector.patchById(book, 1L, data("price", 2, "meta", data("k", "v"))))
                .contains(data("title", "a", "price", 2L, "id", 1L, "meta", Map.of("k", "v")));
        assertThat(connector.patchById(book, "1", data("price", null))).get().extracting(m -> m.get("price")).isNull();
        assertThat(connector.patchById(book, 5, data("price", 2))).isEmpty();
    }

    @Test
    void replaceOrCreate() {
        Map<String, Object> created = connector.replaceOrCreate(book, data("title", "new"));
        assertThat(created).isEqualTo(data("title", "new", "id", 1L));
        assertThat(connector.replaceOrCreate(book, data("id", 1, "price", 3))).isEqualTo(data("id", 1L, "price", 3L));
        assertThat(connector.replaceOrCreate(book, data("id", 9, "title", "nine"))).isEqualTo(data("id", 9L, "title", "nine"));
        assertThat(ids(book, Filter.ALL)).containsExactly(1L, 9L);
    }

    @Test
    void patchOrCreate() {
        connector.create(book, data("title", "a", "price", 1));
        assertThat(connector.patchOrCreate(book, data("id", 1, "price", 3))).isEqualTo(data("title", "a", "price", 3L, "id", 1L));
        assertThat(connector.patchOrCreate(book, data("title", "b"))).isEqualTo(data("title", "b", "id", 2L));
        assertThat(connector.patchOrCreate(book, data("id", "20", "title", "c")).get("id")).isEqualTo(20L);
    }

    @Test
    void datesAndNumbersKeepTheirTypes() {
        Instant when = Instant.parse("2026-11-23T03:21:37.123Z");
        connector.create(book, data("published", when, "price", 9.5, "count", 3));
        Map<String, Object> found = connector.find(book, Filter.ALL).get(0);
        assertThat(found.get("published")).isEqualTo(when);
        assertThat(found.get("price")).isEqualTo(9.5);
        assertThat(found.get("count")).isEqualTo(3L);
        assertThat(connector.count(book, new Where.Condition("published", Operator.GT, when.minusSeconds(1)))).isEqualTo(1);
    }

    @Test
    void modelsSharingAMemoryCollectionShareRecords() {
        var settings = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        settings.putObject("memory").put("collection", "Book");
        ModelDefinition alias = Models.model("Novel", settings, Models.id(dev.backloop.model.PropertyType.NUMBER));
        connector.create(book, data("title", "a"));
        assertThat(connector.find(alias, Filter.ALL)).hasSize(1);
    }

    @Test
    void expensiveRegexpIs400() {
        connector.create(book, data("title", "a".repeat(40) + "!"));
        assertThatThrownBy(() -> connector.find(book, Filter.where(new Where.Condition("title", Operator.REGEXP,
                new Regexp("(.*a){25}$", "")))))
                .isInstanceOf(HttpError.class)
                .hasMessage("regular expression too expensive");
        assertThat(connector.count(book, new Where.Condition("title", Operator.REGEXP, new Regexp("^A+!$", "i")))).isEqualTo(1);
    }

    @Test
    void declaresItsCapabilities() {
        assertThat(connector.capabilities()).containsExactlyInAnyOrder(ConnectorCapability.ATOMIC_UPSERT,
                ConnectorCapability.NESTED_PROPERTIES, ConnectorCapability.REGEXP, ConnectorCapability.GENERATED_IDS);
    }

    @Test
    void factoryIsFoundByServiceLoader() {
        ConnectorFactory factory = ServiceLoader.load(ConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("memory"))
                .findFirst().orElseThrow();
        assertThat(factory).isInstanceOf(MemoryConnectorFactory.class);
        assertThat(factory.aliases()).isEmpty();
        assertThat(factory.create(new DataSourceSettings("db", "memory", Map.of(), Path.of(".")))).isInstanceOf(MemoryConnector.class);
    }

    @Test
    void undefinedModelsWorkLazily() {
        ModelDefinition other = Models.model("Other");
        assertThat(connector.create(other, data("x", 1)).get("id")).isEqualTo(1L);
        assertThat(connector.find(other, Filter.ALL)).hasSize(1);
    }

    @Test
    void blankFileSettingMeansNoFile() {
        MemoryConnector plain = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of("file", ""), Path.of(".")));
        plain.start();
        assertThat(plain.create(book, data("title", "a")).get("id")).isEqualTo(1L);
        assertThat(plain.fileWrites()).isZero();
        assertThatThrownBy(plain::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void hundredThousandRecordsAreScannedInOnePass() {
        for (int i = 0; i < 100_000; i++) {
            connector.create(book, data("title", "t" + i, "price", i % 1000, "meta", data("n", (long) i)));
        }
        long start = System.nanoTime();
        Filter filter = new Filter(new Where.And(List.of(new Where.Condition("price", Operator.BETWEEN, List.of(10, 12)),
                new Where.Condition("meta.n", Operator.GTE, 50_000))), Fields.ALL,
                List.of(new Order("meta.n", Order.Direction.DESC)), 10, 0, List.of());
        List<Map<String, Object>> page = connector.find(book, filter);
        long count = connector.count(book, new Where.Condition("title", Operator.LIKE, "t99%"));
        long updated = connector.update(book, Where.eq("price", 999), data("flag", true));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(page).hasSize(10);
        assertThat(page.get(0).get("meta")).isEqualTo(Map.of("n", 99_012L));
        assertThat(count).isEqualTo(1 + 10 + 100 + 1000);
        assertThat(updated).isEqualTo(100);
        assertThat(millis).isLessThan(5_000);
    }
}
