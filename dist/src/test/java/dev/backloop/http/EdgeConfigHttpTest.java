package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that configures its edge: middleware.json with a CORS allow-list and no compression, config.json
 * with XML, normalized paths and separate body limits.
 */
class EdgeConfigHttpTest {
    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;

    @BeforeAll
    static void boot() throws IOException {
        Path dir = TestApps.copy("library", tempDir);
        Files.writeString(dir.resolve("server/middleware.json"), """
                {
                  "initial:before": {"loopback#favicon": {}},
                  "initial": {
                    "compression": {"enabled": false},
                    "cors": {"params": {"origin": ["https://good.example"], "credentials": false, "maxAge": 600}}
                  },
                  "routes": {"loopback#rest": {"paths": ["${restApiRoot}"]}},
                  "final:after": {"strong-error-handler": {}}
                }
                """);
        Files.writeString(dir.resolve("server/config.json"), """
                {
                  "restApiRoot": "/api",
                  "host": "127.0.0.1",
                  "port": 0,
                  "remoting": {
                    "json": {"limit": "1kb"},
                    "urlencoded": {"limit": "4kb"},
                    "rest": {"xml": true, "normalizeHttpPath": true}
                  }
                }
                """);
        Files.writeString(dir.resolve("common/models/shelf-item.json"), """
                {"name": "ShelfItem", "base": "PersistedModel", "properties": {"label": "string"}}
                """);
        String modelConfig = Files.readString(dir.resolve("server/model-config.json"));
        Files.writeString(dir.resolve("server/model-config.json"), modelConfig.replace("\"Book\":",
                "\"ShelfItem\": {\"dataSource\": \"db\", \"public\": true},\n  \"Book\":"));
        app = new AppUnderTest(dir, Map.of());
        http = app.http;
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void reset() {
        app.reset();
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void corsAllowsOnlyTheListedOrigins() {
        HttpResponse<byte[]> good = http.exchange("GET", "/api/Books", null, Map.of("Origin", "https://good.example"));
        assertThat(header(good, "Access-Control-Allow-Origin")).isEqualTo("https://good.example");
        assertThat(header(good, "Access-Control-Allow-Credentials")).isNull();
        HttpResponse<byte[]> evil = http.exchange("GET", "/api/Books", null, Map.of("Origin", "https://evil.example"));
        assertThat(evil.statusCode()).isEqualTo(200);
        assertThat(header(evil, "Access-Control-Allow-Origin")).isNull();
        HttpResponse<byte[]> preflight = http.exchange("OPTIONS", "/api/Books", null,
                Map.of("Origin", "https://good.example", "Access-Control-Request-Method", "POST"));
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void compressionCanBeTurnedOff() {
        for (int i = 0; i < 30; i++) {
            http.post("/api/Books", "{\"title\":\"Book number " + i + "\"}");
        }
        HttpResponse<byte[]> reply = http.exchange("GET", "/api/Books", null, Map.of("Accept-Encoding", "gzip, br"));
        assertThat(header(reply, "Content-Encoding")).isNull();
    }

    @Test
    void xmlAnswersInStrongRemotingsShape() {
        http.post("/api/Books", "{\"title\":\"Dune\",\"tags\":[\"sf\",\"classic\"],\"meta\":{\"lang\":\"en\"}}");
        HttpResponse<byte[]> list = http.exchange("GET", "/api/Books", null, Map.of("Accept", "application/xml"));
        assertThat(header(list, "Content-Type")).startsWith("application/xml");
        assertThat(text(list)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<response><result><title>Dune</title>")
                .contains("<tags>sf</tags><tags>classic</tags><meta><lang>en</lang></meta>");
        HttpResponse<byte[]> count = http.exchange("GET", "/api/Books/count?_format=xml", null, Map.of());
        assertThat(text(count)).contains("<response><count>1</count></response>");
        HttpResponse<byte[]> textXml = http.exchange("GET", "/api/Books/count", null, Map.of("Accept", "text/xml"));
        assertThat(header(textXml, "Content-Type")).startsWith("text/xml");
        HttpResponse<byte[]> error = http.exchange("GET", "/api/Books/999", null, Map.of("Accept", "application/xml"));
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(text(error)).contains("<response><error><statusCode>404</statusCode>");
    }

    @Test
    void xmlBodiesCreateAndHostileXmlIsRefused() throws IOException {
        HttpClientSupport.Reply created = http.send("POST", "/api/Books",
                "<book><title>Emma</title><price>4.5</price><tags>classic</tags><tags>romance</tags></book>",
                "application/xml");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        assertThat(created.json().get("price").asDouble()).isEqualTo(4.5);
        assertThat(created.json().get("tags").size()).isEqualTo(2);

        Path secret = tempDir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE book [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<book><title>&x;</title></book>";
        HttpClientSupport.Reply refused = http.send("POST", "/api/Books", xxe, "application/xml");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).doesNotContain("TOP-SECRET");
        HttpClientSupport.Reply malformed = http.send("POST", "/api/Books", "<book><title>", "text/xml");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(http.get("/api/Books/count").json().get("count").asInt()).isEqualTo(1);
    }

    @Test
    void normalizeHttpPathDashesModelAndMethodPaths() {
        assertThat(http.post("/api/shelf-items", "{\"label\":\"top\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/shelf-items/find-one").json().get("label").asText()).isEqualTo("top");
        assertThat(http.get("/api/ShelfItems").status()).isEqualTo(404);
    }

    @Test
    void formBodiesHaveTheirOwnLimit() {
        String form = "title=" + "x".repeat(2000);
        assertThat(http.send("POST", "/api/Books", form, "application/x-www-form-urlencoded").status()).isEqualTo(200);
        assertThat(http.post("/api/Books", "{\"title\":\"" + "x".repeat(2000) + "\"}").status()).isEqualTo(413);
        String tooBig = "title=" + "x".repeat(5000);
        assertThat(http.send("POST", "/api/Books", tooBig, "application/x-www-form-urlencoded").status()).isEqualTo(413);
    }
}
