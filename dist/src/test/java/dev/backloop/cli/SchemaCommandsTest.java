package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.backloop.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** migrate and autoupdate against an in-process MongoDB, and their refusal on connectors without a schema. */
class SchemaCommandsTest {
    @TempDir
    Path tempDir;
    Path app;
    MongoServer server;
    MongoClient client;

    @BeforeEach
    void appOnMongo() throws Exception {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        String url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/shop";
        client = MongoClients.create(url);
        app = Cli.newApp(tempDir, "shop");
        assertThat(Cli.in(app, "datasource", "mongo", "--connector", "mongodb", "-s", "url=" + url).code()).isZero();
        assertThat(Cli.in(app, "model", "Product", "-d", "mongo", "-p", "sku:string:required").code()).isZero();
        assertThat(Cli.in(app, "model", "Note", "-d", "db").code()).isZero();
        Path file = app.resolve("common/models/product.json");
        ObjectNode definition = (ObjectNode) Json.mapper().readTree(file.toFile());
        ((ObjectNode) definition.at("/properties/sku")).put("index", true);
        Files.writeString(file, definition.toString());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private MongoDatabase database() {
        return client.getDatabase("shop");
    }

    private List<String> indexedFields() {
        List<String> fields = new ArrayList<>();
        database().getCollection("Product").listIndexes().forEach(i -> fields.addAll(((Document) i.get("key")).keySet()));
        return fields;
    }

    @Test
    void autoupdateCreatesTheIndexesAndKeepsTheData() {
        database().getCollection("Product").insertOne(new Document("sku", "A-1"));

        Cli.Result result = Cli.run("autoupdate", "-C", app.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("autoupdate Product on datasource mongo: done").doesNotContain("Note");
        assertThat(indexedFields()).contains("sku");
        assertThat(database().getCollection("Product").countDocuments()).isEqualTo(1);
    }

    @Test
    void migrateDeletesTheRecordsOnlyWhenConfirmed() {
        database().getCollection("Product").insertOne(new Document("sku", "A-1"));

        Cli.Result unconfirmed = Cli.in(app, "migrate", "mongo");
        assertThat(unconfirmed.code()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("migrate deletes every record of Product; pass --yes");
        Cli.Result declined = Cli.answering("n\n", "migrate", "mongo", "-C", app.toString(), "--interactive");
        assertThat(declined.code()).isEqualTo(1);
        assertThat(declined.err()).contains("cancelled");
        assertThat(database().getCollection("Product").countDocuments()).isEqualTo(1);

        Cli.Result confirmed = Cli.answering("y\n", "migrate", "mongo", "-C", app.toString(), "--interactive");
        assertThat(confirmed.code()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("Delete every record of Product", "migrate Product on datasource mongo: done");
        assertThat(database().getCollection("Product").countDocuments()).isZero();
        assertThat(indexedFields()).contains("sku");
    }

    @Test
    void aConnectorWithoutASchemaIsRefusedClearly() {
        Cli.Result memory = Cli.run("migrate", "db", "-C", app.toString(), "--yes");
        assertThat(memory.code()).isEqualTo(1);
        assertThat(memory.err()).contains("datasource db uses connector memory, which has no schema: there is nothing to migrate");

        Cli.Result unknown = Cli.run("autoupdate", "nosuch", "-C", app.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no datasource \"nosuch\" (datasources: db, mongo)");

        Cli.Result model = Cli.run("autoupdate", "mongo", "-C", app.toString(), "--model", "Note");
        assertThat(model.code()).isEqualTo(2);
        assertThat(model.err()).contains("--model Note: no such model on mongo");
    }

    @Test
    void help() {
        assertThat(Cli.run("migrate", "--help").out()).contains("DATASOURCE", "--model", "--yes", "EVERY RECORD");
        assertThat(Cli.run("autoupdate", "--help").out()).contains("DATASOURCE", "--model", "--classpath");
    }
}
