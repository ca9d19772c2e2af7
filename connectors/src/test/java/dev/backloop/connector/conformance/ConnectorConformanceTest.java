package dev.backloop.connector.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Order;
import dev.backloop.filter.Regexp;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.DuplicateIdException;
import dev.backloop.spi.GeneratedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every connector must have, as LoopBack's memory connector defines it. A connector runs the
 * suite by extending this class and saying how to create an empty datasource:
 *
 * <pre>{@code
 * class RedisConformanceTest extends ConnectorConformanceTest {
 *     protected Connector createConnector() {
 *         return new RedisConnector(new DataSourceSettings("db", "redis", Map.of("url", URL), Path.of(".")));
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets a new connector: the suite attaches its models ({@link ConformanceModels}) with the
 * connector's {@linkplain Connector#generatedIdType() id type}, calls {@code start()}, then
 * {@code automigrate} for each model, and {@code close()} after the test. Ids are treated as opaque
 * values: the suite only compares what the connector returned. Tests of an optional ability are skipped,
 * with the reason, when the connector does not declare its {@link ConnectorCapability}.
 *
 * <p>Test methods are public so that a connector with a documented limitation can override one with
 * {@code @Disabled("why")}; a connector that passes everything overrides nothing.
 */
public abstract class ConnectorConformanceTest {
    protected static final Instant DUNE_DATE = Instant.parse("1965-08-01T00:00:00Z");
    protected static final Instant EMMA_DATE = Instant.parse("1815-12-23T00:00:00Z");
    protected static final Instant NEUROMANCER_DATE = Instant.parse("1984-07-01T12:30:45.678Z");
    protected static final Instant SOLARIS_DATE = Instant.parse("1961-06-01T00:00:00Z");

    protected Connector connector;
    protected ModelDefinition book;
    protected ModelDefinition author;
    protected ModelDefinition tag;
    protected ModelDefinition item;

    /** A connector for a new, empty datasource; not started. */
    protected abstract Connector createConnector();

    @BeforeEach
    void attachModels() {
        connector = createConnector();
        PropertyType idType = connector.generatedIdType();
        book = GeneratedIds.typed(ConformanceModels.book(), idType);
        author = GeneratedIds.typed(ConformanceModels.author(), idType);
        tag = GeneratedIds.typed(ConformanceModels.tag(), idType);
        item = GeneratedIds.typed(ConformanceModels.item(), idType);
        for (ModelDefinition model : List.of(book, author, tag, item)) {
            connector.define(model);
        }
        connector.start();
        for (ModelDefinition model : List.of(book, author, tag, item)) {
            connector.automigrate(model);
        }
    }

    @AfterEach
    void closeConnector() {
        if (connector != null) {
            connector.close();
        }
    }

    // ---- helpers

    protected static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    protected static Where cond(String property, Operator operator, Object value) {
        return new Where.Condition(property, operator, value);
    }

    protected static Filter filter(Where where, List<Order> order, Integer limit, int skip, Fields fields) {
        return new Filter(where, fields, order, limit, skip, List.of());
    }

    protected static Order asc(String property) {
        return new Order(property, Order.Direction.ASC);
    }

    protected static Order desc(String property) {
        return new Order(property, Order.Direction.DESC);
    }

    protected Object idOf(Map<String, Object> record) {
        return record.get("id");
    }

    protected Map<String, Object> byId(ModelDefinition model, Object id) {
        List<Map<String, Object>> found = connector.find(model, Filter.where(Where.eq(model.idName(), id)));
        assertThat(found).hasSizeLessThanOrEqualTo(1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Titles of the books the where matches, in order of title. */
    protected List<String> titles(Where where) {
        return connector.find(book, filter(where, List.of(asc("title")), null, 0, Fields.ALL)).stream()
                .map(r -> (String) r.get("title")).toList();
    }

    protected List<String> titles(Filter filter) {
        return connector.find(book, filter).stream().map(r -> (String) r.get("title")).toList();
    }

    /** Dune, Emma, Neuromancer, Solaris, and Untitled (which has only a title). */
    protected void seedBooks() {
        connector.create(book, data("title", "Dune", "author", "Herbert", "price", 10L, "published", DUNE_DATE,
                "tags", List.of("sf", "classic"), "meta", data("pages", 412L, "lang", "en")));
        connector.create(book, data("title", "Emma", "author", "Austen", "price", 8L, "published", EMMA_DATE,
                "tags", List.of("classic", "romance"), "meta", data("pages", 474L, "lang", "en")));
        connector.create(book, data("title", "Neuromancer", "author", "Gibson", "price", 12.5, "published",
                NEUROMANCER_DATE, "tags", List.of("sf", "cyberpunk"), "meta", data("pages", 271L, "lang", "en")));
        connector.create(book, data("title", "Solaris", "author", "Lem", "price", 9L, "published", SOLARIS_DATE,
                "tags", List.of("sf"), "meta", data("pages", 204L, "lang", "pl")));
        connector.create(book, data("title", "Untitled"));
    }

    // ---- create and ids

    @Test
    public void createGeneratesDistinctIdsOfTheDeclaredType() {
        Set<Object> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> created = connector.create(book, data("title", "t" + i));
            assertThat(created).containsEntry("title", "t" + i);
            Object id = idOf(created);
            assertThat(id).isNotNull();
            if (connector.generatedIdType() == PropertyType.STRING) {
                assertThat(id).isInstanceOf(String.class);
            } else if (connector.generatedIdType() == PropertyType.NUMBER) {
                assertThat(id).isInstanceOf(Number.class);
            }
            ids.add(id);
        }
        assertThat(ids).hasSize(5);
        assertThat(connector.count(book, Where.ALL)).isEqualTo(5);
        for (Object id : ids) {
            assertThat(byId(book, id)).containsEntry("id", id);
        }
    }

    @Test
    public void createKeepsSuppliedStringAndNumberIds() {
        assertThat(idOf(connector.create(tag, data("id", "sf", "label", "Science fiction")))).isEqualTo("sf");
        assertThat(idOf(connector.create(item, data("id", 7L, "n", 1L)))).isEqualTo(7L);
        assertThat(byId(tag, "sf")).containsEntry("label", "Science fiction");
        assertThat(byId(item, 7L)).containsEntry("n", 1L);
        assertThat(byId(tag, "nope")).isNull();
        assertThat(byId(item, 8L)).isNull();
    }

    @Test
    public void createWithATakenIdIsRefused() {
        connector.create(tag, data("id", "sf", "label", "a"));
        assertThatThrownBy(() -> connector.create(tag, data("id", "sf", "label", "b")))
                .isInstanceOf(DuplicateIdException.class);
        connector.create(item, data("id", 3L));
        assertThatThrownBy(() -> connector.create(item, data("id", 3L))).isInstanceOf(DuplicateIdException.class);
        assertThat(byId(tag, "sf")).containsEntry("label", "a");
        assertThat(connector.count(tag, Where.ALL)).isEqualTo(1);
    }

    @Test
    public void aGeneratedIdCanAlsoBeSupplied() {
        Object id = idOf(connector.create(book, data("title", "first")));
        connector.delete(book, Where.ALL);
        // an id of the connector's own kind, freed by the delete, is accepted back
        Map<String, Object> again = connector.create(book, data("id", id, "title", "again"));
        assertThat(idOf(again)).isEqualTo(id);
        assertThat(byId(book, id)).containsEntry("title", "again");
    }

    @Test
    public void returnedRecordsAreTheCallersToModify() {
        Map<String, Object> created = connector.create(book, data("title", "Dune", "meta", data("pages", 1L)));
        created.put("title", "changed");
        Object id = idOf(created);
        Map<String, Object> found = byId(book, id);
        assertThat(found).containsEntry("title", "Dune");
        found.put("title", "changed again");
        assertThat(byId(book, id)).containsEntry("title", "Dune");
    }

    // ---- values round-trip

    @Test
    public void datesRoundTripToTheMillisecond() {
        Object id = idOf(connector.create(book, data("title", "Neuromancer", "published", NEUROMANCER_DATE)));
        assertThat(byId(book, id)).containsEntry("published", NEUROMANCER_DATE);
    }

    @Test
    public void nestedObjectsArraysAndScalarsRoundTrip() {
        Map<String, Object> meta = data("pages", 412L, "lang", "en", "ratio", 1.5, "available", true,
                "dims", data("w", 13L, "h", 20.5), "editions", List.of(data("year", 1965L), data("year", 2005L)),
                "note", null);
        Object id = idOf(connector.create(book, data("title", "Dune", "meta", meta, "tags", List.of("sf", "classic"),
                "price", 10L)));
        Map<String, Object> found = byId(book, id);
        assertThat(found.get("meta")).isEqualTo(meta);
        assertThat(found.get("tags")).isEqualTo(List.of("sf", "classic"));
        assertThat(found.get("price")).isEqualTo(10L);
        assertThat(found.get("title")).isEqualTo("Dune");
    }

    @Test
    public void propertiesTheModelDoesNotDeclareAreKept() {
        Object id = idOf(connector.create(book, data("title", "Dune", "extra", "x")));
        assertThat(byId(book, id)).containsEntry("extra", "x");
    }

    // ---- updates and deletes

    @Test
    public void patchByIdKeepsOtherPropertiesAndReturnsTheWholeRecord() {
        Object id = idOf(connector.create(book, data("title", "Dune", "price", 10L)));
        Map<String, Object> patched = connector.patchById(book, id, data("price", 11L, "author", "Herbert")).orElseThrow();
        assertThat(patched).containsEntry("title", "Dune").containsEntry("price", 11L)
                .containsEntry("author", "Herbert").containsEntry("id", id);
        assertThat(byId(book, id)).isEqualTo(patched);
    }

    @Test
    public void replaceByIdRemovesAbsentProperties() {
        Object id = idOf(connector.create(book, data("title", "Dune", "price", 10L)));
        Map<String, Object> replaced = connector.replaceById(book, id, data("title", "Dune Messiah")).orElseThrow();
        assertThat(replaced).containsEntry("title", "Dune Messiah").containsEntry("id", id).doesNotContainKey("price");
        assertThat(byId(book, id)).doesNotContainKey("price").containsEntry("title", "Dune Messiah");
    }

    @Test
    public void writesByAnUnknownIdFindNothing() {
        connector.create(tag, data("id", "sf"));
        assertThat(connector.patchById(tag, "nope", data("label", "x"))).isEmpty();
        assertThat(connector.replaceById(tag, "nope", data("label", "x"))).isEmpty();
        assertThat(connector.count(tag, Where.ALL)).isEqualTo(1);
    }

    @Test
    public void replaceOrCreateCreatesThenReplaces() {
        Map<String, Object> created = connector.replaceOrCreate(tag, data("id", "sf", "label", "SF"));
        assertThat(created).containsEntry("id", "sf").containsEntry("label", "SF");
        Map<String, Object> replaced = connector.replaceOrCreate(tag, data("id", "sf"));
        assertThat(replaced).containsEntry("id", "sf").doesNotContainKey("label");
        assertThat(connector.count(tag, Where.ALL)).isEqualTo(1);
        Map<String, Object> generated = connector.replaceOrCreate(book, data("title", "Dune"));
        assertThat(idOf(generated)).isNotNull();
    }

    @Test
    public void patchOrCreateCreatesThenPatches() {
        connector.patchOrCreate(item, data("id", 5L, "n", 1L, "label", "five"));
        Map<String, Object> patched = connector.patchOrCreate(item, data("id", 5L, "n", 2L));
        assertThat(patched).containsEntry("id", 5L).containsEntry("n", 2L).containsEntry("label", "five");
        assertThat(connector.count(item, Where.ALL)).isEqualTo(1);
        Map<String, Object> generated = connector.patchOrCreate(book, data("title", "Dune"));
        assertThat(byId(book, idOf(generated))).containsEntry("title", "Dune");
    }

    @Test
    public void updateSetsPropertiesOnMatchingRecordsOnly() {
        seedBooks();
        long updated = connector.update(book, cond("price", Operator.LT, 10L), data("cheap", true, "price", 5L));
        assertThat(updated).isEqualTo(2);
        assertThat(titles(Where.eq("cheap", true))).containsExactly("Emma", "Solaris");
        assertThat(titles(Where.eq("price", 5L))).containsExactly("Emma", "Solaris");
        Map<String, Object> emma = connector.find(book, Filter.where(Where.eq("title", "Emma"))).get(0);
        assertThat(emma).containsEntry("author", "Austen").containsEntry("published", EMMA_DATE);
        assertThat(connector.update(book, Where.eq("title", "nope"), data("cheap", false))).isZero();
    }

    @Test
    public void updateOfEveryRecord() {
        seedBooks();
        assertThat(connector.update(book, Where.ALL, data("shelf", "A"))).isEqualTo(5);
        assertThat(connector.count(book, Where.eq("shelf", "A"))).isEqualTo(5);
    }

    @Test
    public void deleteRemovesMatchingRecordsAndCountsThem() {
        seedBooks();
        assertThat(connector.delete(book, cond("tags", Operator.EQ, "sf"))).isEqualTo(3);
        assertThat(titles(Where.ALL)).containsExactly("Emma", "Untitled");
        assertThat(connector.delete(book, Where.eq("title", "nope"))).isZero();
        assertThat(connector.delete(book, Where.ALL)).isEqualTo(2);
        assertThat(connector.count(book, Where.ALL)).isZero();
    }

    @Test
    public void deleteById() {
        Object id = idOf(connector.create(book, data("title", "Dune")));
        connector.create(book, data("title", "Emma"));
        assertThat(connector.delete(book, Where.eq("id", id))).isEqualTo(1);
        assertThat(byId(book, id)).isNull();
        assertThat(connector.count(book, Where.ALL)).isEqualTo(1);
    }

    // ---- where operators

    @Test
    public void equalityAndInequality() {
        seedBooks();
        assertThat(titles(Where.eq("author", "Lem"))).containsExactly("Solaris");
        assertThat(titles(Where.eq("price", 12.5))).containsExactly("Neuromancer");
        // neq matches records without the property, as in LoopBack
        assertThat(titles(cond("author", Operator.NEQ, "Lem"))).containsExactly("Dune", "Emma", "Neuromancer", "Untitled");
    }

    @Test
    public void nullMatchesMissingProperties() {
        seedBooks();
        connector.create(book, data("title", "Zero", "author", null));
        assertThat(titles(Where.eq("author", null))).containsExactly("Untitled", "Zero");
    }

    @Test
    public void numericComparisons() {
        seedBooks();
        assertThat(titles(cond("price", Operator.GT, 9L))).containsExactly("Dune", "Neuromancer");
        assertThat(titles(cond("price", Operator.GTE, 9L))).containsExactly("Dune", "Neuromancer", "Solaris");
        assertThat(titles(cond("price", Operator.LT, 10L))).containsExactly("Emma", "Solaris");
        assertThat(titles(cond("price", Operator.LTE, 10.0))).containsExactly("Dune", "Emma", "Solaris");
        assertThat(titles(cond("price", Operator.BETWEEN, List.of(9L, 12L)))).containsExactly("Dune", "Solaris");
    }

    @Test
    public void dateComparisons() {
        seedBooks();
        assertThat(titles(cond("published", Operator.GT, Instant.parse("1962-01-01T00:00:00Z"))))
                .containsExactly("Dune", "Neuromancer");
        assertThat(titles(cond("published", Operator.LTE, SOLARIS_DATE))).containsExactly("Emma", "Solaris");
        assertThat(titles(cond("published", Operator.BETWEEN, List.of(SOLARIS_DATE, DUNE_DATE))))
                .containsExactly("Dune", "Solaris");
        assertThat(titles(Where.eq("published", NEUROMANCER_DATE))).containsExactly("Neuromancer");
    }

    @Test
    public void betweenNeedsTwoValues() {
        seedBooks();
        assertThatThrownBy(() -> connector.find(book, Filter.where(cond("price", Operator.BETWEEN, List.of(1L)))))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    public void inqAndNin() {
        seedBooks();
        assertThat(titles(cond("author", Operator.INQ, List.of("Lem", "Austen", "Nobody")))).containsExactly("Emma", "Solaris");
        assertThat(titles(cond("author", Operator.NIN, List.of("Lem", "Austen")))).containsExactly("Dune", "Neuromancer", "Untitled");
        assertThat(titles(cond("author", Operator.INQ, List.of()))).isEmpty();
        assertThat(titles(cond("price", Operator.INQ, List.of(8L, 12.5)))).containsExactly("Emma", "Neuromancer");
    }

    @Test
    public void likePatternsUsePercentAndUnderscore() {
        seedBooks();
        assertThat(titles(cond("title", Operator.LIKE, "Neuro%"))).containsExactly("Neuromancer");
        assertThat(titles(cond("title", Operator.LIKE, "_mma"))).containsExactly("Emma");
        // unanchored, as LoopBack's memory connector
        assertThat(titles(cond("title", Operator.LIKE, "ari"))).containsExactly("Solaris");
        // every other character is literal
        assertThat(titles(cond("title", Operator.LIKE, "D.ne"))).isEmpty();
        assertThat(titles(cond("title", Operator.LIKE, "D(u"))).isEmpty();
        assertThat(titles(cond("title", Operator.LIKE, "dune"))).isEmpty();
        assertThat(titles(cond("title", Operator.NLIKE, "%a%"))).containsExactly("Dune", "Untitled");
    }

    @Test
    public void caseInsensitiveLike() {
        seedBooks();
        assertThat(titles(cond("title", Operator.ILIKE, "dUNE"))).containsExactly("Dune");
        assertThat(titles(new Where.Condition("title", Operator.LIKE, "EMMA", true))).containsExactly("Emma");
        assertThat(titles(cond("title", Operator.NILIKE, "%N%"))).containsExactly("Emma", "Solaris");
    }

    @Test
    public void regularExpressions() {
        seedBooks();
        assertThat(titles(cond("title", Operator.REGEXP, new Regexp("^[DE]", "")))).containsExactly("Dune", "Emma");
        assertThat(titles(cond("title", Operator.REGEXP, new Regexp("^s", "i")))).containsExactly("Solaris");
        assertThat(titles(cond("title", Operator.REGEXP, new Regexp("mancer$", "")))).containsExactly("Neuromancer");
        assertThat(titles(cond("author", Operator.REGEXP, new Regexp("^.e", "")))).containsExactly("Dune", "Solaris");
    }

    @Test
    public void existence() {
        seedBooks();
        assertThat(titles(cond("author", Operator.EXISTS, true))).containsExactly("Dune", "Emma", "Neuromancer", "Solaris");
        assertThat(titles(cond("author", Operator.EXISTS, false))).containsExactly("Untitled");
        assertThat(titles(cond("meta.lang", Operator.EXISTS, true))).hasSize(4);
    }

    @Test
    public void andOrAndTheirNesting() {
        seedBooks();
        Where sfAndCheap = new Where.And(List.of(Where.eq("tags", "sf"), cond("price", Operator.LT, 12L)));
        assertThat(titles(sfAndCheap)).containsExactly("Dune", "Solaris");
        Where lemOrAusten = new Where.Or(List.of(Where.eq("author", "Lem"), Where.eq("author", "Austen")));
        assertThat(titles(lemOrAusten)).containsExactly("Emma", "Solaris");
        Where nested = new Where.Or(List.of(
                new Where.And(List.of(Where.eq("tags", "classic"), cond("price", Operator.GT, 9L))),
                new Where.And(List.of(cond("title", Operator.LIKE, "S%"), new Where.Or(List.of(
                        Where.eq("meta.lang", "pl"), Where.eq("meta.lang", "de")))))));
        assertThat(titles(nested)).containsExactly("Dune", "Solaris");
        assertThat(titles(new Where.And(List.of()))).hasSize(5);
    }

    @Test
    public void dottedPathsIntoNestedObjects() {
        seedBooks();
        assertThat(titles(cond("meta.pages", Operator.GT, 400L))).containsExactly("Dune", "Emma");
        assertThat(titles(Where.eq("meta.lang", "pl"))).containsExactly("Solaris");
        assertThat(titles(cond("meta.lang", Operator.INQ, List.of("pl", "fr")))).containsExactly("Solaris");
        Map<String, Object> ordered = connector.find(book,
                filter(cond("meta.pages", Operator.EXISTS, true), List.of(desc("meta.pages")), 1, 0, Fields.ALL)).get(0);
        assertThat(ordered).containsEntry("title", "Emma");
        assertThat(titles(filter(cond("price", Operator.EXISTS, true), List.of(desc("meta.pages")), null, 0, Fields.ALL)))
                .containsExactly("Emma", "Dune", "Neuromancer", "Solaris");
    }

    @Test
    public void arrayPropertiesMatchAnyElement() {
        seedBooks();
        assertThat(titles(Where.eq("tags", "sf"))).containsExactly("Dune", "Neuromancer", "Solaris");
        assertThat(titles(cond("tags", Operator.INQ, List.of("romance", "cyberpunk")))).containsExactly("Emma", "Neuromancer");
    }

    @Test
    public void objectsInArraysMatchByDottedPath() {
        connector.create(book, data("title", "Dune", "meta", data("editions", List.of(data("year", 1965L), data("year", 2005L)))));
        connector.create(book, data("title", "Emma", "meta", data("editions", List.of(data("year", 1815L)))));
        assertThat(titles(Where.eq("meta.editions.year", 2005L))).containsExactly("Dune");
    }

    @Test
    public void whereOnTheId() {
        Object dune = idOf(connector.create(book, data("title", "Dune")));
        Object emma = idOf(connector.create(book, data("title", "Emma")));
        connector.create(book, data("title", "Solaris"));
        assertThat(titles(cond("id", Operator.INQ, List.of(dune, emma)))).containsExactly("Dune", "Emma");
        assertThat(titles(cond("id", Operator.NIN, List.of(dune, emma)))).containsExactly("Solaris");
        assertThat(titles(cond("id", Operator.NEQ, dune))).containsExactly("Emma", "Solaris");
    }

    // ---- order, paging, fields, count

    @Test
    public void orderBySeveralKeys() {
        seedBooks();
        Where priced = cond("price", Operator.EXISTS, true);
        assertThat(titles(filter(priced, List.of(asc("price")), null, 0, Fields.ALL)))
                .containsExactly("Emma", "Solaris", "Dune", "Neuromancer");
        assertThat(titles(filter(priced, List.of(desc("price")), null, 0, Fields.ALL)))
                .containsExactly("Neuromancer", "Dune", "Solaris", "Emma");
        connector.create(book, data("title", "Another", "price", 10L));
        assertThat(titles(filter(cond("price", Operator.EQ, 10L), List.of(desc("price"), desc("title")), null, 0, Fields.ALL)))
                .containsExactly("Dune", "Another");
        assertThat(titles(filter(cond("published", Operator.EXISTS, true), List.of(asc("published")), null, 0, Fields.ALL)))
                .containsExactly("Emma", "Solaris", "Dune", "Neuromancer");
    }

    @Test
    public void limitAndSkip() {
        seedBooks();
        List<Order> byTitle = List.of(asc("title"));
        assertThat(titles(filter(Where.ALL, byTitle, 2, 0, Fields.ALL))).containsExactly("Dune", "Emma");
        assertThat(titles(filter(Where.ALL, byTitle, 2, 2, Fields.ALL))).containsExactly("Neuromancer", "Solaris");
        assertThat(titles(filter(Where.ALL, byTitle, null, 4, Fields.ALL))).containsExactly("Untitled");
        assertThat(titles(filter(Where.ALL, byTitle, 10, 10, Fields.ALL))).isEmpty();
        assertThat(titles(filter(cond("tags", Operator.EQ, "sf"), byTitle, 1, 1, Fields.ALL))).containsExactly("Neuromancer");
        assertThat(connector.find(book, filter(Where.ALL, List.of(), 3, 0, Fields.ALL))).hasSize(3);
    }

    @Test
    public void fieldsIncludeOnlyTheListedProperties() {
        seedBooks();
        List<Map<String, Object>> rows = connector.find(book,
                filter(Where.eq("title", "Dune"), List.of(), null, 0, new Fields(Set.of("title", "price"), Set.of())));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsOnlyKeys("title", "price");
        List<Map<String, Object>> withId = connector.find(book,
                filter(Where.eq("title", "Dune"), List.of(), null, 0, new Fields(Set.of("id", "author"), Set.of())));
        assertThat(withId.get(0)).containsOnlyKeys("id", "author");
    }

    @Test
    public void fieldsExcludeTheListedProperties() {
        seedBooks();
        Map<String, Object> row = connector.find(book,
                filter(Where.eq("title", "Dune"), List.of(), null, 0, new Fields(Set.of(), Set.of("meta", "tags", "id")))).get(0);
        assertThat(row).containsOnlyKeys("title", "author", "price", "published");
    }

    @Test
    public void countWithAndWithoutWhere() {
        assertThat(connector.count(book, Where.ALL)).isZero();
        seedBooks();
        assertThat(connector.count(book, Where.ALL)).isEqualTo(5);
        assertThat(connector.count(book, Where.eq("tags", "sf"))).isEqualTo(3);
        assertThat(connector.count(book, cond("meta.pages", Operator.LT, 300L))).isEqualTo(2);
        assertThat(connector.count(author, Where.ALL)).isZero();
    }

    // ---- what include resolution asks of a connector

    @Test
    public void includePathsHasManyAndBelongsTo() {
        Object herbert = idOf(connector.create(author, data("name", "Herbert")));
        Object lem = idOf(connector.create(author, data("name", "Lem")));
        connector.create(author, data("name", "Nobody"));
        connector.create(book, data("title", "Dune", "authorId", herbert));
        connector.create(book, data("title", "Dune Messiah", "authorId", herbert));
        connector.create(book, data("title", "Solaris", "authorId", lem));
        connector.create(book, data("title", "Orphan"));

        // hasMany: the children of several parents in one query, projected to what is shown plus the key
        List<Map<String, Object>> children = connector.find(book, filter(cond("authorId", Operator.INQ, List.of(herbert, lem)),
                List.of(asc("title")), null, 0, new Fields(Set.of("title", "authorId"), Set.of())));
        assertThat(children).extracting(r -> r.get("title")).containsExactly("Dune", "Dune Messiah", "Solaris");
        assertThat(children).extracting(r -> r.get("authorId")).containsExactly(herbert, herbert, lem);

        // belongsTo: the parents of several children, by id
        List<Object> keys = new ArrayList<>(Arrays.asList(herbert, lem, herbert));
        List<Map<String, Object>> parents = connector.find(author,
                filter(cond("id", Operator.INQ, keys), List.of(asc("name")), null, 0, Fields.ALL));
        assertThat(parents).extracting(r -> r.get("name")).containsExactly("Herbert", "Lem");
        assertThat(parents).extracting(this::idOf).containsExactly(herbert, lem);

        // a scoped include: the where of the scope and the key, limited per query
        assertThat(connector.count(book, new Where.And(List.of(Where.eq("authorId", herbert),
                cond("title", Operator.LIKE, "%Messiah"))))).isEqualTo(1);
    }

    // ---- concurrency

    @Test
    public void concurrentCreatesAreAllStoredWithDistinctIds() throws Exception {
        int threads = 8;
        int each = 25;
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            tasks.add(() -> {
                List<Object> ids = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    ids.add(idOf(connector.create(book, data("title", "t" + thread + "-" + i, "thread", (long) thread))));
                }
                return ids;
            });
        }
        Set<Object> ids = new HashSet<>();
        for (List<Object> batch : runAll(tasks)) {
            ids.addAll(batch);
        }
        assertThat(ids).hasSize(threads * each);
        assertThat(connector.count(book, Where.ALL)).isEqualTo(threads * each);
        assertThat(connector.count(book, Where.eq("thread", 3L))).isEqualTo(each);
    }

    @Test
    public void concurrentPatchesOfDifferentPropertiesAllSurvive() throws Exception {
        Object id = idOf(connector.create(book, data("title", "Dune")));
        int threads = 8;
        int each = 10;
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String property = "p" + t;
            tasks.add(() -> {
                for (long i = 1; i <= each; i++) {
                    connector.patchById(book, id, data(property, i));
                }
                return List.of();
            });
        }
        runAll(tasks);
        Map<String, Object> record = byId(book, id);
        for (int t = 0; t < threads; t++) {
            assertThat(record).containsEntry("p" + t, (long) each);
        }
        assertThat(record).containsEntry("title", "Dune");
    }

    @Test
    public void concurrentUpsertsOfOneNewIdLeaveOneRecord() throws Exception {
        assumeTrue(connector.capabilities().contains(ConnectorCapability.ATOMIC_UPSERT),
                "the connector does not declare ATOMIC_UPSERT");
        int threads = 8;
        List<Callable<Map<String, Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long n = t;
            tasks.add(() -> n % 2 == 0 ? connector.patchOrCreate(item, data("id", 42L, "n" + n, n))
                    : connector.replaceOrCreate(item, data("id", 42L, "label", "x")));
        }
        for (Map<String, Object> result : runAll(tasks)) {
            assertThat(result).containsEntry("id", 42L);
        }
        assertThat(connector.count(item, Where.ALL)).isEqualTo(1);
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    // ---- schema

    @Test
    public void automigrateDeletesTheModelsRecordsOnly() {
        seedBooks();
        connector.create(author, data("name", "Lem"));
        connector.automigrate(book);
        assertThat(connector.count(book, Where.ALL)).isZero();
        assertThat(connector.count(author, Where.ALL)).isEqualTo(1);
    }

    @Test
    public void autoupdateKeepsRecords() {
        seedBooks();
        connector.autoupdate(book);
        assertThat(connector.count(book, Where.ALL)).isEqualTo(5);
    }

    @Test
    public void capabilitiesAreDeclared() {
        assertThat(connector.capabilities()).isNotNull();
        assertThat(connector.generatedIdType()).isIn(PropertyType.NUMBER, PropertyType.STRING);
    }
}
