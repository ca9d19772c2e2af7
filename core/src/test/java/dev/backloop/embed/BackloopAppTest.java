package dev.backloop.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.app.App;
import dev.backloop.boot.BootException;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.model.ModelInstance;
import dev.backloop.server.BackloopServer;
import dev.backloop.server.EdgeSettings;
import dev.backloop.spi.BootScript;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackloopAppTest {

    record Book(Long id, String title, Instant published, List<String> tags) {
    }

    /** A POJO, bound through its setters. */
    public static final class BookBean {
        private String title;
        private int pages;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public int getPages() {
            return pages;
        }

        public void setPages(int pages) {
            this.pages = pages;
        }
    }

    /** Named in config.json's bootScripts; records the order scripts ran in. */
    public static final class RecordingScript implements BootScript {
        static final List<String> RAN = new ArrayList<>();

        @Override
        public void boot(App app) {
            RAN.add("config:" + app.model("Book").count(null));
        }
    }

    private static BackloopApp library(ClosingConnector connector) {
        BackloopApp app = Backloop.app();
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", connector));
        app.model(db.createModel("Book", Map.of(
                "title", Map.of("type", "string", "required", true),
                "published", "date",
                "tags", List.of("string"),
                "pages", "number"), Map.of()));
        return app;
    }

    @Test
    void schemaLessModelStoresAndReturnsAnyJsonAsIs() {
        BackloopApp app = Backloop.app();
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", new ClosingConnector()));
        DeclaredModel product = db.createModel("Product");
        app.model(product);
        try (app) {
            Model products = app.boot().model("Product");
            Map<String, Object> doc = Map.of("name", "Chair", "price", "12.5", "dims", Map.of("w", 40, "h", List.of(1, "two")),
                    "flags", List.of(true, false));
            ModelInstance created = products.create(doc);
            Map<String, Object> read = products.findById(created.id()).orElseThrow().data();
            assertThat(read).containsAllEntriesOf(doc).containsKey("id");
            // nothing checked, nothing coerced: a string price stays a string
            assertThat(read.get("price")).isEqualTo("12.5");
            assertThat(product.definition().properties().keySet()).containsExactly("id");
        }
    }

    @Test
    void findBindsRecordsToRecordsAndPojos() {
        ClosingConnector connector = new ClosingConnector();
        try (BackloopApp app = library(connector)) {
            Model books = app.boot().model("Book");
            books.create(Map.of("title", "Dune", "published", "1965-08-01T00:00:00.000Z", "tags", List.of("sf"),
                    "pages", 412, "extra", "ignored by the types"));
            books.create(Map.of("title", "Emma", "pages", 300));

            List<Book> found = books.find(Filter.where(Where.eq("title", "Dune")), Book.class);
            assertThat(found).containsExactly(new Book(1L, "Dune", Instant.parse("1965-08-01T00:00:00Z"), List.of("sf")));
            assertThat(books.findById(2, Book.class)).contains(new Book(2L, "Emma", null, null));
            assertThat(books.findById(99, Book.class)).isEmpty();
            BookBean bean = books.findOne(Filter.where(Where.eq("title", "Dune")), BookBean.class).orElseThrow();
            assertThat(bean.getTitle()).isEqualTo("Dune");
            assertThat(bean.getPages()).isEqualTo(412);
        }
        assertThat(connector.started).isTrue();
        assertThat(connector.closed).isTrue();
    }

    @Test
    void edgeSettingsPutCorsAroundAnAppBuiltInCode() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (boolean withCors : new boolean[] {false, true}) {
            try (BackloopApp app = library(new ClosingConnector()).host("127.0.0.1")) {
                if (withCors) {
                    app.edge(EdgeSettings.SCAFFOLD);
                }
                BackloopServer server = app.start(0);
                HttpResponse<String> books = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/Books"))
                        .header("Origin", "http://example.com").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(books.statusCode()).isEqualTo(200);
                assertThat(books.headers().firstValue("Access-Control-Allow-Origin"))
                        .isEqualTo(withCors ? Optional.of("http://example.com") : Optional.empty());
                assertThatThrownBy(() -> app.edge(EdgeSettings.NONE)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void createTakesARecordAndAnswersItAsStored() {
        try (BackloopApp app = library(new ClosingConnector())) {
            Model books = app.boot().model("Book");
            Book saved = books.create(new Book(null, "Dune", Instant.parse("1965-08-01T00:00:00Z"), List.of("sf")),
                    Book.class);
            assertThat(saved.id()).isNotNull();
            assertThat(saved).isEqualTo(new Book(saved.id(), "Dune", Instant.parse("1965-08-01T00:00:00Z"), List.of("sf")));
            assertThat(books.findById(saved.id()).orElseThrow().data()).containsEntry("title", "Dune")
                    .containsEntry("published", Instant.parse("1965-08-01T00:00:00Z")).doesNotContainKey("pages");
            // validation applies as to any create: a required title
            assertThatThrownBy(() -> books.create(new Book(null, null, null, null), Book.class))
                    .isInstanceOf(HttpError.class).hasMessageContaining("title");
        }
    }

    @Test
    void bindingDataThatDoesNotFitTheTypeFailsClearly() {
        try (BackloopApp app = library(new ClosingConnector())) {
            Model books = app.boot().model("Book");
            books.create(Map.of("title", "Dune", "pages", 412));
            record Wrong(List<String> title) {
            }
            assertThatThrownBy(() -> books.find(Filter.ALL, Wrong.class)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("title");
        }
    }

    @Test
    void extendedModelsInheritPropertiesSettingsAndHooks() {
        BackloopApp app = Backloop.app();
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", new ClosingConnector()));
        DeclaredModel item = app.createModel("Item", Map.of("sku", Map.of("type", "string", "required", true)),
                Map.of("strict", true, "hidden", List.of("secret")));
        DeclaredModel shoe = item.extend("Shoe", Map.of("size", "number"), Map.of());
        app.model(shoe, Map.of("dataSource", "db"));
        app.model(item, Map.of("dataSource", db.name(), "public", false));
        try (app) {
            App booted = app.boot();
            List<String> seen = new ArrayList<>();
            booted.model("Item").observe("before save", ctx -> seen.add(ctx.model().name()));
            Model shoes = booted.model("Shoe");
            assertThat(shoes.definition().base()).isEqualTo("Item");
            assertThat(shoes.definition().properties().keySet()).contains("sku", "size");
            assertThat(shoes.definition().hidden()).contains("secret");
            shoes.create(Map.of("sku", "S-1", "size", "42"));
            assertThat(seen).containsExactly("Shoe");
            assertThat(shoes.find().get(0).get("size")).isEqualTo(42L);
            // strict inherited: an undeclared property is refused, a required one is checked
            assertThatThrownBy(() -> shoes.create(Map.of("sku", "S-2", "colour", "red"))).hasMessageContaining("colour");
            assertThatThrownBy(() -> shoes.create(Map.of("size", 40))).hasMessageContaining("sku");
            assertThat(booted.restApi().routes()).anyMatch(r -> r.contains("/api/Shoes"))
                    .noneMatch(r -> r.contains("/api/Items"));
        }
    }

    @Test
    void bootScriptsRunInOrderAfterModelsAreAttached() {
        RecordingScript.RAN.clear();
        BackloopApp app = library(new ClosingConnector());
        app.set("bootScripts", List.of(RecordingScript.class.getName()));
        app.bootScript(booting -> {
            booting.model("Book").create(Map.of("title", "Seeded"));
            RecordingScript.RAN.add("code:" + booting.model("Book").count(null));
        });
        app.bootScript(booting -> RecordingScript.RAN.add("code:" + booting.model("Book").count(null)));
        try (app) {
            app.boot();
            assertThat(RecordingScript.RAN).containsExactly("config:0", "code:1", "code:1");
            assertThat(app.app().model("Book").find(Filter.ALL, Book.class)).extracting(Book::title).containsExactly("Seeded");
        }
    }

    @Test
    void aFailingBootScriptStopsBootWithItsMessageAndClosesTheApp() {
        ClosingConnector connector = new ClosingConnector();
        BackloopApp app = library(connector);
        List<String> after = new ArrayList<>();
        app.bootScript(booting -> {
            throw new IllegalStateException("seed file missing");
        });
        app.bootScript(booting -> after.add("ran"));
        assertThatThrownBy(app::boot).isInstanceOf(BootException.class)
                .hasMessageStartingWith("Boot script ")
                .hasMessageEndingWith(" failed: seed file missing");
        assertThat(after).isEmpty();
        assertThat(connector.closed).isTrue();
    }

    @Test
    void badBootScriptSettingsAreReported() {
        BackloopApp notAnArray = library(new ClosingConnector()).set("bootScripts", "com.acme.Seed");
        assertThatThrownBy(notAnArray::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("\"bootScripts\" must be an array of class names");
        BackloopApp missing = library(new ClosingConnector()).set("bootScripts", List.of("com.acme.NoSuchScript"));
        assertThatThrownBy(missing::boot).isInstanceOf(BootException.class)
                .hasMessage("config.json: boot script com.acme.NoSuchScript is not on the class path");
        BackloopApp notAScript = library(new ClosingConnector()).set("bootScripts", List.of(String.class.getName()));
        assertThatThrownBy(notAScript::boot).isInstanceOf(BootException.class)
                .hasMessageContaining("does not implement dev.backloop.spi.BootScript");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        BackloopApp app = Backloop.app();
        assertThatThrownBy(() -> app.dataSource("db", Map.of("host", "x"))).isInstanceOf(BootException.class)
                .hasMessageContaining("has no \"connector\"");
        DeclaredModel orphan = app.createModel("Orphan", Map.of(), Map.of());
        assertThatThrownBy(() -> app.model(orphan, Map.of("dataSource", "nope"))).isInstanceOf(BootException.class)
                .hasMessageContaining("uses datasource \"nope\", which is not defined");
        assertThatThrownBy(() -> app.model(orphan, Map.of("public", "yes"))).isInstanceOf(BootException.class)
                .hasMessageContaining("\"public\" must be true or false");
        assertThatThrownBy(() -> app.createModel("Orphan", Map.of(), Map.of())).isInstanceOf(BootException.class)
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> app.createModel("Kid", Map.of(), Map.of("base", "Nobody")))
                .isInstanceOf(BootException.class).hasMessageContaining("extends unknown base model \"Nobody\"");
        assertThatThrownBy(() -> app.createModel("Bad", Map.of("n", Map.of("type", 12)), Map.of()))
                .isInstanceOf(BootException.class).hasMessageContaining("Bad");
        assertThatThrownBy(() -> app.app()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nothingCanBeDeclaredOnceBooted() {
        try (BackloopApp app = library(new ClosingConnector())) {
            app.boot();
            assertThatThrownBy(() -> app.dataSource("more", Map.of("connector", new ClosingConnector())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("has booted");
            assertThatThrownBy(() -> app.createModel("Late", Map.of(), Map.of())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aModelCanExtendABuiltInModel() {
        BackloopApp app = Backloop.app();
        DeclaredDataSource db = app.dataSource("db", Map.of("connector", new ClosingConnector()));
        app.model(db.createModel("Customer", Map.of("tier", "string"), Map.of("base", "User")));
        try (app) {
            Model customers = app.boot().model("Customer");
            assertThat(customers.definition().properties()).containsKeys("email", "password", "tier");
            ModelInstance created = customers.create(Map.of("email", "a@b.c", "password", "secret"));
            // User's password hashing runs for a model extending it
            assertThat(created.get("password")).asString().startsWith("$2");
        }
    }

    @Test
    void anAppDirectoryCanBeCompletedInCode(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("server"));
        Files.createDirectories(dir.resolve("common/models"));
        Files.writeString(dir.resolve("server/config.json"), "{\"restApiRoot\": \"/v1\"}");
        // listed without a datasource: defined, not served, there to extend
        Files.writeString(dir.resolve("server/model-config.json"), "{\"Note\": {\"dataSource\": null}}");
        Files.writeString(dir.resolve("common/models/note.json"),
                "{\"name\": \"Note\", \"properties\": {\"text\": {\"type\": \"string\", \"required\": true}}}");
        BackloopApp app = Backloop.app(dir);
        app.dataSource("db", Map.of("connector", new ClosingConnector()));
        // a model JSON file defined it; code attaches it, extends it and configures both
        DeclaredModel memo = app.createModel("Memo", Map.of("by", "string"), Map.of("base", "Note"));
        app.model(memo, Map.of("dataSource", "db"));
        try (app) {
            App booted = app.boot();
            assertThat(booted.restSettings().restApiRoot()).isEqualTo("/v1");
            assertThat(booted.model("Memo").definition().properties()).containsKeys("text", "by");
            assertThatThrownBy(() -> booted.model("Memo").create(Map.of("by", "me"))).hasMessageContaining("text");
        }
    }
}
