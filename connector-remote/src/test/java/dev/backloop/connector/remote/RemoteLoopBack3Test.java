package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.filter.Where;
import dev.backloop.json.Json;
import dev.backloop.model.JsonValue;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.Invocation;
import dev.backloop.spi.DuplicateIdException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with a real LoopBack 3 app (loopback 3.28 from the npm registry, {@code src/test/lb3}):
 * a Backloop app whose models are on a {@code loopback-connector-remote} datasource pointing at it runs
 * CRUD and filters, and every answer of LoopBack 3 is read back as LoopBack's own remote connector would.
 */
class RemoteLoopBack3Test {
    private static LoopBack3Peer peer;
    private static App client;
    private static Model people;
    private static Model labels;

    @BeforeAll
    static void start() {
        peer = new LoopBack3Peer();
        client = AppBooter.boot(BackendApp.fixture("lb3client"), "test", Map.of("LB3_URL", peer.url()));
        people = client.model("Person");
        labels = client.model("Label");
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    /** Empties the peer through the connector itself: find the ids, delete each. */
    @BeforeEach
    void empty() {
        people.destroyAll(Where.ALL);
        labels.destroyAll(Where.ALL);
        client.model("Pet").destroyAll(Where.ALL);
    }

    @Test
    void createGetsTheNumericIdLoopBackGeneratedAndTypedValuesBack() {
        ModelInstance ann = people.create(Map.of("name", "Ann", "age", 30, "born", "1990-05-01T00:00:00.000Z",
                "tags", List.of("a", "b"), "address", Map.of("city", "Oslo")));
        assertThat(ann.id()).isInstanceOf(Number.class);
        ModelInstance read = people.findById(ann.id()).orElseThrow();
        assertThat(read.get("name")).isEqualTo("Ann");
        assertThat(read.get("born")).isEqualTo(Instant.parse("1990-05-01T00:00:00Z"));
        assertThat(read.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(read.get("address")).isEqualTo(Map.of("city", "Oslo"));
        assertThat(people.findById(ann.id() instanceof Long l ? l + 1000 : 1000)).isEmpty();
    }

    @Test
    void filtersTravelInLoopBacksWireForm() {
        seed();
        assertThat(names(filter("{\"where\":{\"age\":{\"gt\":25}},\"order\":\"age DESC\"}")))
                .containsExactly("Cid", "Bo");
        assertThat(names(filter("{\"where\":{\"or\":[{\"name\":\"Ann\"},{\"age\":{\"inq\":[40]}}]},\"order\":\"name\"}")))
                .containsExactly("Ann", "Cid");
        assertThat(names(filter("{\"order\":\"name ASC\",\"limit\":2,\"skip\":1}"))).containsExactly("Bo", "Cid");
        assertThat(names(filter("{\"where\":{\"born\":{\"lt\":\"1990-01-01T00:00:00.000Z\"}}}"))).containsExactly("Cid");
        assertThat(names(filter("{\"where\":{\"name\":{\"neq\":\"Bo\"},\"age\":{\"between\":[10,50]}},\"order\":\"name\"}")))
                .containsExactly("Ann", "Cid");
        ModelInstance projected = people.find(filter("{\"fields\":{\"name\":true},\"where\":{\"name\":\"Bo\"}}")).get(0);
        assertThat(projected.data()).containsOnlyKeys("name");
        assertThat(people.count(where("{\"age\":{\"gte\":30}}"))).isEqualTo(2);
        assertThat(people.count(Where.ALL)).isEqualTo(3);
    }

    @Test
    void updateAllPatchAndReplaceChangeTheRemoteRecords() {
        seed();
        assertThat(people.updateAll(where("{\"age\":{\"lt\":35}}"), Map.of("tags", List.of("young")))).isEqualTo(2);
        assertThat(people.count(where("{\"tags\":\"young\"}"))).isEqualTo(2);

        Object bo = people.findOne(filter("{\"where\":{\"name\":\"Bo\"}}")).orElseThrow().id();
        ModelInstance patched = people.patchById(bo, Map.of("age", 33));
        assertThat(patched.get("age")).isEqualTo(33L);
        assertThat(patched.get("name")).isEqualTo("Bo");
        ModelInstance replaced = people.replaceById(bo, Map.of("name", "Bob"));
        assertThat(replaced.get("name")).isEqualTo("Bob");
        assertThat(people.findById(bo).orElseThrow().get("age")).isNull();

        // misses of LoopBack 3 (its 404s) are misses here
        assertThat(people.connector().patchById(people.definition(), 4242L, Map.of("age", 1))).isEmpty();
        assertThat(people.connector().replaceById(people.definition(), 4242L, Map.of("name", "x"))).isEmpty();
    }

    @Test
    void upsertsCreateOrChange() {
        ModelInstance dan = people.upsert(Map.of("name", "Dan", "age", 20));
        ModelInstance older = people.upsert(Map.of("id", dan.id(), "age", 21));
        assertThat(older.get("name")).isEqualTo("Dan");
        assertThat(older.get("age")).isEqualTo(21L);
        ModelInstance replaced = people.replaceOrCreate(Map.of("id", dan.id(), "name", "Daniel"));
        assertThat(replaced.get("age")).isNull();
        people.replaceOrCreate(Map.of("id", 777, "name", "Eve"));
        assertThat(people.findById(777L).orElseThrow().get("name")).isEqualTo("Eve");
        assertThat(people.count(Where.ALL)).isEqualTo(2);
    }

    @Test
    void deleteWithAWhereDeletesOnlyTheMatches() {
        seed();
        assertThat(people.destroyAll(where("{\"age\":{\"gte\":30}}"))).isEqualTo(2);
        assertThat(names(Filter.ALL)).containsExactly("Ann");
        Object ann = people.find().get(0).id();
        assertThat(people.destroyById(ann)).isEqualTo(1);
        assertThat(people.destroyById(ann)).isZero();
    }

    @Test
    void stringIdsOfTheRemoteAreKept() {
        labels.create(Map.of("code", "en-GB", "text", "English"));
        assertThat(labels.findById("en-GB").orElseThrow().get("text")).isEqualTo("English");
        assertThat(labels.patchById("en-GB", Map.of("text", "British")).get("text")).isEqualTo("British");
        assertThatThrownBy(() -> labels.connector().create(labels.definition(), Map.of("code", "en-GB")))
                .isInstanceOf(DuplicateIdException.class);
        assertThat(labels.destroyAll(where("{\"code\":{\"like\":\"en\"}}"))).isEqualTo(1);
    }

    @Test
    void loopBacksValidationErrorKeeps422AndItsDetails() {
        // sent straight to the connector, past this app's own validation, so LoopBack 3 is the one refusing
        assertThatThrownBy(() -> people.connector().create(people.definition(), Map.of("age", 3)))
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.name()).isEqualTo("ValidationError");
                    assertThat(Json.toText(e.details())).contains("\"codes\":{\"name\":[\"presence\"]}");
                });
        ModelInstance ann = people.create(Map.of("name", "Ann"));
        assertThatThrownBy(() -> people.create(Map.of("id", ann.id(), "name", "Ann again")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    }

    @Test
    void theRemotesCustomMethodsAreForwardedStaticAndInstance() throws Exception {
        ModelInstance ann = people.create(Map.of("name", "Ann"));
        var shared = client.sharedClass("Person");
        var greet = shared.method("greet").orElseThrow();
        assertThat(greet.handler().invoke(new Invocation(people, greet, Map.of("name", "Bo"), null)))
                .isEqualTo("Hello, Bo, from LoopBack 3");
        var describe = shared.method("prototype.describe").orElseThrow();
        assertThat(describe.handler().invoke(new Invocation(people, describe, Map.of("style", "bold"), ann)))
                .isEqualTo("Ann (bold)");
    }

    @Test
    void relationsAndIncludeWorkAcrossTheRemoteBoundary() {
        ModelInstance ann = people.create(Map.of("name", "Ann"));
        people.create(Map.of("name", "Bo"));
        Model pets = client.model("Pet");
        pets.create(List.of(Map.of("name", "Rex", "ownerId", ann.id()), Map.of("name", "Tom", "ownerId", ann.id())));
        List<ModelInstance> withPets = people.find(filter("{\"include\":\"pets\",\"order\":\"name\"}"));
        assertThat(withPets).hasSize(2);
        assertThat(withPets.get(0).toNestedJSON().get("pets")).asList().hasSize(2);
        assertThat(withPets.get(1).toNestedJSON().get("pets")).asList().isEmpty();
        ModelInstance rex = pets.find(filter("{\"where\":{\"name\":\"Rex\"},\"include\":\"owner\"}")).get(0);
        assertThat(rex.toNestedJSON().get("owner")).asString().contains("Ann");
    }

    private static void seed() {
        people.create(List.of(
                Map.of("name", "Ann", "age", 20, "born", "1995-01-01T00:00:00.000Z"),
                Map.of("name", "Bo", "age", 30, "born", "1992-01-01T00:00:00.000Z"),
                Map.of("name", "Cid", "age", 40, "born", "1980-01-01T00:00:00.000Z")));
    }

    private static List<String> names(Filter filter) {
        return people.find(filter).stream().map(p -> (String) p.get("name")).toList();
    }

    private static Filter filter(String json) {
        return new FilterParser().parseFilter(parse(json));
    }

    private static Object parse(String json) {
        try {
            return JsonValue.toJava(Json.mapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Where where(String json) {
        return new FilterParser().parseWhere(parse(json));
    }
}
