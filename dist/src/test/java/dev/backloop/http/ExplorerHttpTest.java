package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer component over HTTP: its documents, Swagger UI's files, its config, and what it refuses. */
class ExplorerHttpTest {
    private static final String SECRET = "s3cr3t-outside-the-ui";

    @TempDir
    Path tempDir;

    private Path library(String componentConfig) throws IOException {
        Path dir = TestApps.copy("library", tempDir);
        Files.writeString(dir.resolve("server/component-config.json"), componentConfig);
        return dir;
    }

    @Test
    void servesSwaggerUiAndTheDocumentsAtTheMountPath() throws IOException {
        try (AppUnderTest app = new AppUnderTest(library("{\"loopback-component-explorer\": {\"mountPath\": \"/explorer\"}}"),
                Map.of())) {
            for (String mount : List.of("/explorer", "/explorer/")) {
                HttpClientSupport.Reply bare = app.http.get(mount);
                assertThat(bare.status()).as(mount).isEqualTo(302);
                assertThat(bare.raw().headers().firstValue("location").orElseThrow()).as(mount).endsWith("/explorer/index.html");
            }

            HttpClientSupport.Reply index = app.http.get("/explorer/index.html");
            assertThat(index.status()).isEqualTo(200);
            assertThat(index.contentType()).startsWith("text/html");
            assertThat(index.text()).contains("swagger-initializer.js");
            HttpClientSupport.Reply initializer = app.http.get("/explorer/swagger-initializer.js");
            assertThat(initializer.text()).contains("url: \"openapi.json\"", "persistAuthorization: true");
            HttpClientSupport.Reply bundle = app.http.get("/explorer/swagger-ui-bundle.js");
            assertThat(bundle.status()).isEqualTo(200);
            assertThat(bundle.contentType()).startsWith("text/javascript");
            assertThat(bundle.raw().headers().firstValue("x-content-type-options")).contains("nosniff");

            JsonNode openApi = app.http.get("/explorer/openapi.json").json();
            assertThat(openApi.path("openapi").asText()).isEqualTo("3.0.3");
            assertThat(openApi.path("paths").has("/Books/{id}")).isTrue();
            assertThat(openApi.path("paths").has("/gadgets")).as("http.path").isTrue();
            assertThat(openApi.path("paths").toString()).as("Ledger is not public").doesNotContain("Ledger");
            assertThat(openApi.path("components").path("schemas").path("Book").path("properties").has("secret"))
                    .as("hidden").isFalse();
            HttpClientSupport.Reply yaml = app.http.get("/explorer/openapi.yaml");
            assertThat(yaml.contentType()).startsWith("application/yaml");
            assertThat(yaml.text()).startsWith("openapi: 3.0.3");
            JsonNode swagger = app.http.get("/explorer/swagger.json").json();
            assertThat(swagger.path("swagger").asText()).isEqualTo("2.0");
            assertThat(swagger.path("paths").path("/Books").path("get").path("operationId").asText()).isEqualTo("Book.find");

            assertThat(app.http.get("/explorer/nope.js").status()).isEqualTo(404);
            assertThat(app.http.get("/api/Books").status()).as("the API still serves").isEqualTo(200);
        }
    }

    @Test
    void noRequestReadsAFileOutsideTheUi() throws IOException {
        Path dir = library("{\"explorer\": {\"uiDirs\": \"client/explorer\"}}");
        Files.createDirectories(dir.resolve("client/explorer"));
        Files.writeString(dir.resolve("client/explorer/custom.css"), "body{}");
        Files.writeString(dir.resolve("client/secret.txt"), SECRET);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            int port = app.server.uri().getPort();
            assertThat(RawHttp.exchange(port, "GET", "/explorer/custom.css", null, Map.of()).status()).isEqualTo(200);
            List<String> attacks = List.of(
                    "/explorer/../secret.txt", "/explorer/../../secret.txt", "/explorer/..%2fsecret.txt",
                    "/explorer/..%2f..%2fsecret.txt", "/explorer/%2e%2e/secret.txt", "/explorer/%2e%2e%2f%2e%2e%2fsecret.txt",
                    "/explorer/%252e%252e%252fsecret.txt", "/explorer/..%5csecret.txt", "/explorer/..\\..\\secret.txt",
                    "/explorer/.%2e/secret.txt", "/explorer/css/../../secret.txt", "/explorer/%2fsecret.txt",
                    "/explorer//secret.txt", "/explorer/..%00/secret.txt", "/explorer/%c0%ae%c0%ae/secret.txt",
                    "/explorer/../server/config.json", "/explorer/..%2fserver%2fconfig.json");
            for (String target : attacks) {
                RawHttp.Answer answer = RawHttp.exchange(port, "GET", target, null, Map.of());
                assertThat(answer.status()).as(target).isIn(400, 404);
                assertThat(answer.rest()).as(target).doesNotContain(SECRET).doesNotContain("restApiRoot");
            }
        }
    }

    @Test
    void uiDirsOverrideSwaggerUiFilesAndConfigIsHonoured() throws IOException {
        Path dir = library("{\"explorer\": {\"mountPath\": \"/docs\", \"uiDirs\": [\"ui\"],"
                + " \"apiInfo\": {\"title\": \"Library API\", \"version\": \"3.2.1\"}}}");
        Files.createDirectories(dir.resolve("ui"));
        Files.writeString(dir.resolve("ui/index.html"), "<html>our own explorer</html>");
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            assertThat(app.http.get("/docs/").status()).isEqualTo(302);
            assertThat(app.http.get("/docs/index.html").text()).isEqualTo("<html>our own explorer</html>");
            assertThat(app.http.get("/docs/swagger-ui.css").status()).isEqualTo(200);
            JsonNode info = app.http.get("/docs/openapi.json").json().path("info");
            assertThat(info.path("title").asText()).isEqualTo("Library API");
            assertThat(info.path("version").asText()).isEqualTo("3.2.1");
            assertThat(app.http.get("/explorer/").status()).isEqualTo(404);
        }
    }

    @Test
    void swaggerUiOffStillServesTheDocuments() throws IOException {
        try (AppUnderTest app = new AppUnderTest(library("{\"explorer\": {\"swaggerUI\": false, \"resourcePath\": \"lb3.json\"}}"),
                Map.of())) {
            assertThat(app.http.get("/explorer/").status()).isEqualTo(404);
            assertThat(app.http.get("/explorer/index.html").status()).isEqualTo(404);
            assertThat(app.http.get("/explorer/swagger-ui-bundle.js").status()).isEqualTo(404);
            assertThat(app.http.get("/explorer/openapi.json").status()).isEqualTo(200);
            assertThat(app.http.get("/explorer/lb3.json").json().path("swagger").asText()).isEqualTo("2.0");
        }
    }

    @Test
    void inProductionTheExplorerTurnedOffIsGoneAndErrorsCarryNoStack() throws IOException {
        Path dir = library("{\"loopback-component-explorer\": {\"mountPath\": \"/explorer\"}}");
        Files.writeString(dir.resolve("server/component-config.production.json"), "{\"loopback-component-explorer\": null}");
        try (App app = AppBooter.boot(dir, "production", Map.of("BACKLOOP_ENV", "production"));
                BackloopServer server = app.listen("127.0.0.1", 0)) {
            HttpClientSupport http = new HttpClientSupport(server.uri());
            for (String path : List.of("/explorer", "/explorer/", "/explorer/index.html", "/explorer/openapi.json", "/explorer/openapi.yaml",
                    "/explorer/swagger.json", "/explorer/swagger-ui-bundle.js")) {
                HttpClientSupport.Reply reply = http.get(path);
                assertThat(reply.status()).as(path).isEqualTo(404);
                assertThat(reply.error().has("stack")).as(path).isFalse();
            }
            HttpClientSupport.Reply missing = http.get("/api/Books/12345");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error().path("code").asText()).isEqualTo("MODEL_NOT_FOUND");
            assertThat(missing.error().has("stack")).isFalse();
        }
        // the same app outside production: the explorer is there, and errors do carry stacks
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            assertThat(app.http.get("/explorer/openapi.json").status()).isEqualTo(200);
            assertThat(app.http.get("/api/Books/12345").error().has("stack")).isTrue();
        }
    }
}
