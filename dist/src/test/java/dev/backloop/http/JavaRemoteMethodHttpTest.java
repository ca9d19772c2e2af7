package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterParser;
import dev.backloop.model.ModelInstance;
import dev.backloop.remoting.SharedClass;
import dev.backloop.server.BackloopServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API on a booted app: a remote method added with {@code remoteMethod} before {@code listen},
 * and LoopBack's seed example of an after hook wrapping every result as {@code {data: result}}.
 */
class JavaRemoteMethodHttpTest {
    @TempDir
    static Path tempDir;
    static App app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() {
        app = TestApps.boot(TestApps.copy("library", tempDir), Map.of());
        SharedClass books = app.sharedClass("Book");
        books.remoteMethod("cheapest", Map.of(
                "accepts", Map.of("arg", "max", "type", "number", "required", true),
                "returns", Map.of("arg", "titles", "type", "array"),
                "http", Map.of("verb", "get")), ctx -> {
                    Filter cheap = new FilterParser().parseFilter(Map.of("where", Map.of("price", Map.of("lte", ctx.arg("max"))),
                            "order", "price ASC"));
                    return ctx.model().find(cheap).stream().map(b -> b.get("title")).toList();
                });
        books.remoteMethod("prototype.discount", Map.of(
                "accepts", Map.of("arg", "percent", "type", "number", "required", true),
                "returns", Map.of("arg", "data", "type", "Book", "root", true),
                "http", Map.of("verb", "post", "path", "/discount")), ctx -> {
                    ModelInstance book = ctx.instance();
                    double price = ((Number) book.get("price")).doubleValue();
                    return book.patchAttributes(Map.of("price", price * (100 - ((Number) ctx.arg("percent")).doubleValue()) / 100));
                });
        app.remotes().after("**", ctx -> ctx.setResult(Map.of("data", ctx.result())));
        BackloopServer server = app.listen("127.0.0.1", 0);
        http = new HttpClientSupport(server.uri());
        app.model("Book").create(List.of(Map.of("title", "Dune", "price", 10), Map.of("title", "Emma", "price", 4)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theAfterHookWrapsEveryResult() {
        assertThat(http.get("/api/Books/count").text()).isEqualTo("{\"data\":{\"count\":2}}");
        assertThat(http.get("/api/Books/1").json().get("data").get("title").asText()).isEqualTo("Dune");
        assertThat(http.get("/api/Books?filter[fields][title]=true").text())
                .isEqualTo("{\"data\":[{\"title\":\"Dune\"},{\"title\":\"Emma\"}]}");
        assertThat(http.get("/api/Books/cheapest?max=5").text()).isEqualTo("{\"data\":{\"titles\":[\"Emma\"]}}");
        // a miss is still LoopBack's 404, not a wrapped null
        assertThat(http.get("/api/Books/99").status()).isEqualTo(404);
    }

    @Test
    void anInstanceMethodFromJava() {
        HttpClientSupport.Reply reply = http.post("/api/Books/1/discount", "{\"percent\":50}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("data").get("price").asDouble()).isEqualTo(5.0);
        assertThat(http.post("/api/Books/1/discount", "{}").status()).isEqualTo(400);
        assertThat(http.post("/api/Books/404/discount", "{\"percent\":1}").status()).isEqualTo(404);
        app.model("Book").findById(1).orElseThrow().patchAttributes(Map.of("price", 10));
    }
}
