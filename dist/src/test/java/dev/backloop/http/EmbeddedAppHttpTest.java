package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.embed.Backloop;
import dev.backloop.embed.BackloopApp;
import dev.backloop.embed.DeclaredDataSource;
import dev.backloop.embed.DeclaredModel;
import dev.backloop.filter.Filter;
import dev.backloop.server.BackloopServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app built in Java code with the plugins the distribution ships (memory, storage), served on its own port:
 * the REST API is the same as for an app directory declaring the same models.
 */
class EmbeddedAppHttpTest {
    record Book(Long id, String title, String genre, Long authorId) {
    }

    @TempDir
    static Path storageRoot;

    private static BackloopApp app;
    private static HttpClientSupport http;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(storageRoot.resolve("covers"));
        app = Backloop.app().host("127.0.0.1");
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", "memory"));
        DeclaredDataSource files = app.dataSource("files",
                Map.of("connector", "loopback-component-storage", "provider", "filesystem", "root", storageRoot.toString()));
        app.model(db.createModel("Product"));
        DeclaredModel author = db.createModel("Author", Map.of("name", "string"),
                Map.of("relations", Map.of("books", Map.of("type", "hasMany", "model", "Book"))));
        DeclaredModel work = app.createModel("Work", Map.of("title", Map.of("type", "string", "required", true)), Map.of());
        DeclaredModel book = work.extend("Book", Map.of("genre", "string"),
                Map.of("relations", Map.of("author", Map.of("type", "belongsTo", "model", "Author"))));
        app.model(author);
        app.model(book, Map.of("dataSource", "db"));
        app.model(files.createModel("container"));
        app.bootScript(booted -> {
            var le = booted.model("Author").create(Map.of("name", "Le Guin"));
            booted.model("Book").create(Map.of("title", "The Dispossessed", "genre", "sf", "authorId", le.id()));
            booted.sharedClass("Book").remoteMethod("genres", Map.of(
                    "returns", Map.of("arg", "genres", "type", "array", "root", true),
                    "http", Map.of("verb", "get", "path", "/genres")),
                    ctx -> booted.model("Book").find(Filter.ALL, Book.class).stream().map(Book::genre).distinct().toList());
        });
        BackloopServer server = app.start(0);
        http = new HttpClientSupport(server.uri());
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aSchemaLessModelStoresAndReturnsAnyJson() {
        String body = "{\"name\":\"Chair\",\"price\":\"12.50\",\"dims\":{\"w\":40,\"legs\":[1,2,3,\"four\"]},\"tags\":null}";
        HttpClientSupport.Reply created = http.post("/api/Products", body);
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().path("id").asLong();
        JsonNode read = http.get("/api/Products/" + id).json();
        assertThat(read.path("price").asText()).isEqualTo("12.50");
        assertThat(read.path("dims").toString()).isEqualTo("{\"w\":40,\"legs\":[1,2,3,\"four\"]}");
        assertThat(read.has("tags")).isTrue();
        assertThat(http.get("/api/Products?filter=" + HttpClientSupport.q("{\"where\":{\"dims.w\":40}}")).json().size()).isEqualTo(1);
    }

    @Test
    void bootScriptSeedsDataAndAddsARoute() {
        assertThat(http.get("/api/Books/genres").json().toString()).isEqualTo("[\"sf\"]");
        JsonNode books = http.get("/api/Books?filter=" + HttpClientSupport.q("{\"include\":\"author\"}")).json();
        assertThat(books.get(0).path("author").path("name").asText()).isEqualTo("Le Guin");
    }

    @Test
    void anExtendedModelKeepsItsBasesRulesOverRest() {
        HttpClientSupport.Reply invalid = http.post("/api/Books", "{\"genre\":\"poetry\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.error().path("details").path("codes").has("title")).isTrue();
        assertThat(http.get("/api/Works").status()).isEqualTo(404);
    }

    @Test
    void typedJavaAccessSeesWhatRestWrote() {
        long authorId = http.get("/api/Authors").json().get(0).path("id").asLong();
        assertThat(http.post("/api/Authors/" + authorId + "/books", "{\"title\":\"Lathe of Heaven\",\"genre\":\"sf\"}").status())
                .isEqualTo(200);
        List<Book> books = app.app().model("Book").find(Filter.ALL, Book.class);
        assertThat(books).extracting(Book::title).contains("The Dispossessed", "Lathe of Heaven");
        assertThat(books).allMatch(b -> b.authorId() == authorId);
    }

    @Test
    void aStorageDatasourceDeclaredInCodeServesContainers() {
        JsonNode containers = http.get("/api/containers").json();
        assertThat(containers.toString()).contains("\"covers\"");
        assertThat(http.get("/api/containers/nope").status()).isEqualTo(404);
    }
}
