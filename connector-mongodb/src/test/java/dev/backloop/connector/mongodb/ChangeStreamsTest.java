package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backloop.changes.Change;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code changeStreams: true}: a model's changes come from MongoDB's change stream, so an app instance sees
 * what another instance on the same database wrote. The event mapping and the refusal of a server without
 * change streams run everywhere; the two-instance test needs a real replica set ({@code MONGODB_URL}, e.g.
 * {@code mongodb://127.0.0.1:27017/?replicaSet=rs0}) and is skipped, saying so, on the in-process server.
 */
class ChangeStreamsTest {
    private static final ModelDefinition BOOK = GeneratedIds.typed(ConformanceModels.book(), PropertyType.STRING);
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void eventsAreLoopBacksCreateUpdateAndRemove() {
        MongoFixture mongo = MongoFixture.start(List.of(BOOK));
        open.add(mongo);
        ModelMapping mapping = new ModelMapping(BOOK, false);
        ChangeStreamWatch watch = new ChangeStreamWatch(mongo.collection("Book"), new DocumentMapper(mapping),
                BOOK.idName(), change -> { });
        ObjectId id = new ObjectId();
        Document key = new Document("_id", id);
        Document full = new Document("_id", id).append("title", "Dune");
        assertThat(watch.toChange("insert", key, full)).contains(new Change(id.toHexString(),
                Map.of("id", id.toHexString(), "title", "Dune"), "create"));
        assertThat(watch.toChange("update", key, full).orElseThrow().type()).isEqualTo("update");
        assertThat(watch.toChange("replace", key, full).orElseThrow().type()).isEqualTo("update");
        assertThat(watch.toChange("delete", key, null)).contains(new Change(id.toHexString(), null, "remove"));
        assertThat(watch.toChange("drop", null, null)).isEmpty();
        assertThat(watch.toChange("invalidate", null, null)).isEmpty();
    }

    @Test
    void aServerWithoutChangeStreamsIsRefusedNamingTheSetting() {
        assumeTrue(MongoTestServer.inProcess(), "a real MongoDB may well have change streams");
        MongoConnector connector = connector(MongoTestServer.settings("changeStreams", true));
        assertThat(connector.watches(BOOK)).isTrue();
        assertThatThrownBy(() -> connector.watch(BOOK, change -> { })).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.getMessage()).contains("changeStreams").contains("replica set");
            assertThat(e.code()).isEqualTo("CHANGE_STREAMS_UNAVAILABLE");
        });
    }

    @Test
    void withoutTheSettingNothingIsWatched() {
        assertThat(connector(MongoTestServer.settings()).watches(BOOK)).isFalse();
    }

    @Test
    void anInstanceSeesWhatAnotherInstanceWrote() throws Exception {
        assumeFalse(MongoTestServer.inProcess(),
                "mongo-java-server has no change streams: run with MONGODB_URL of a replica set");
        DataSourceSettings first = MongoTestServer.settings("changeStreams", true);
        Map<String, Object> same = new HashMap<>(first.values());
        MongoConnector watching = connector(first);
        MongoConnector writing = connector(new DataSourceSettings("other", "mongodb", same, Path.of(".")));
        List<Change> seen = new CopyOnWriteArrayList<>();
        watching.watch(BOOK, seen::add);
        Map<String, Object> created = writing.create(BOOK, Map.of("title", "Dune"));
        Object id = created.get("id");
        writing.patchById(BOOK, id, Map.of("title", "Dune Messiah"));
        writing.delete(BOOK, Where.eq("id", id));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (seen.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(seen).extracting(Change::type).containsExactly("create", "update", "remove");
        assertThat(seen).extracting(Change::target).containsOnly(id);
        assertThat(seen.get(1).data()).isEqualTo(Map.of("id", id, "title", "Dune Messiah"));
    }

    private MongoConnector connector(DataSourceSettings settings) {
        MongoConnector connector = new MongoConnector(settings);
        connector.define(BOOK);
        connector.start();
        open.add(connector);
        return connector;
    }
}
