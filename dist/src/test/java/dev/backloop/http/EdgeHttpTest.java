package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * What happens around every route of an app without middleware.json (so with the {@code lb app} scaffold's
 * CORS and compression): request ids, CORS, compression both ways, HEAD, ETags, form bodies, long URLs.
 */
class EdgeHttpTest extends LibraryHttpTest {

    private static long count() {
        return http.get("/api/Books/count").json().get("count").asLong();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyResponseCarriesARequestId() {
        HttpResponse<byte[]> plain = http.exchange("GET", "/api/Books", null, Map.of());
        assertThat(header(plain, "X-Request-Id")).matches("[0-9a-f-]{36}");
        HttpResponse<byte[]> missing = http.exchange("GET", "/nope", null, Map.of());
        assertThat(header(missing, "X-Request-Id")).matches("[0-9a-f-]{36}");
        HttpResponse<byte[]> given = http.exchange("GET", "/api/Books", null, Map.of("X-Request-Id", "trace-42.a"));
        assertThat(header(given, "X-Request-Id")).isEqualTo("trace-42.a");
        HttpResponse<byte[]> hostile = http.exchange("GET", "/api/Books", null,
                Map.of("X-Request-Id", "<script>alert(1)</script>"));
        assertThat(header(hostile, "X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void corsReflectsTheOriginWithCredentialsAsTheScaffold() {
        HttpResponse<byte[]> simple = http.exchange("GET", "/api/Books", null, Map.of("Origin", "http://app.example"));
        assertThat(header(simple, "Access-Control-Allow-Origin")).isEqualTo("http://app.example");
        assertThat(header(simple, "Access-Control-Allow-Credentials")).isEqualTo("true");

        HttpResponse<byte[]> preflight = http.exchange("OPTIONS", "/api/Books/1", null, Map.of(
                "Origin", "http://app.example",
                "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "content-type,authorization"));
        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("http://app.example");
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase()).contains("authorization");
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("86400");
    }

    @Test
    void largeAnswersAreCompressedSmallOnesAreNot() {
        for (int i = 0; i < 30; i++) {
            http.post("/api/Books", "{\"title\":\"Book number " + i + "\",\"author\":\"Someone\"}");
        }
        HttpResponse<byte[]> plain = http.exchange("GET", "/api/Books", null, Map.of());
        HttpResponse<byte[]> gzipped = http.exchange("GET", "/api/Books", null, Map.of("Accept-Encoding", "gzip"));
        assertThat(header(gzipped, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 3);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());

        HttpResponse<byte[]> brotli = http.exchange("GET", "/api/Books", null, Map.of("Accept-Encoding", "br"));
        assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
        assertThat(brotli.body().length).isLessThan(plain.body().length / 3);

        HttpResponse<byte[]> small = http.exchange("GET", "/api/Books/count", null, Map.of("Accept-Encoding", "gzip"));
        assertThat(header(small, "Content-Encoding")).isNull();
    }

    @Test
    void gzipRequestBodiesAreInflatedWithinTheBodyLimit() {
        byte[] book = "{\"title\":\"Zipped\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> created = http.exchange("POST", "/api/Books", gzip(book),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(count()).isEqualTo(1);

        // 1 MB of spaces inflates far past the fixture's 1kb limit while being tiny on the wire
        byte[] bomb = ("{\"title\":\"x\"" + " ".repeat(1 << 20) + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> refused = http.exchange("POST", "/api/Books", gzip(bomb),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
        assertThat(refused.statusCode()).isEqualTo(413);

        HttpResponse<byte[]> broken = http.exchange("POST", "/api/Books", "not gzip at all".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));
        assertThat(broken.statusCode()).isBetween(400, 499);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void headAnswersEveryGetRouteWithoutABody() {
        String id = http.post("/api/Books", "{\"title\":\"Dune\"}").json().get("id").asText();
        for (String path : new String[] {"/api/Books", "/api/Books/count", "/api/Books/findOne", "/api/Books/" + id}) {
            HttpResponse<byte[]> head = http.exchange("HEAD", path, null, Map.of());
            assertThat(head.statusCode()).as(path).isEqualTo(200);
            assertThat(head.body()).as(path).isEmpty();
        }
        assertThat(http.exchange("HEAD", "/api/Books/999", null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void etagsAnswer304UntilTheDataChanges() {
        String id = http.post("/api/Books", "{\"title\":\"Dune\"}").json().get("id").asText();
        HttpResponse<byte[]> first = http.exchange("GET", "/api/Books/" + id, null, Map.of());
        String etag = header(first, "ETag");
        assertThat(etag).matches("W/\"[0-9a-f]+-[A-Za-z0-9+/]{27}\"");
        HttpResponse<byte[]> again = http.exchange("GET", "/api/Books/" + id, null, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        http.patch("/api/Books/" + id, "{\"title\":\"Dune Messiah\"}");
        HttpResponse<byte[]> changed = http.exchange("GET", "/api/Books/" + id, null, Map.of("If-None-Match", etag));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(header(changed, "ETag")).isNotEqualTo(etag);
    }

    @Test
    void formBodiesNestLikeQs() {
        HttpClientSupport.Reply reply = http.send("POST", "/api/Books",
                "title=Dune&price=9.5&meta%5Blang%5D=en&tags%5B0%5D=sf&tags%5B1%5D=classic",
                "application/x-www-form-urlencoded");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        JsonNode book = reply.json();
        assertThat(book.get("price").asDouble()).isEqualTo(9.5);
        assertThat(book.get("meta").get("lang").asText()).isEqualTo("en");
        assertThat(book.get("tags").toString()).isEqualTo("[\"sf\",\"classic\"]");
    }

    @Test
    void anUnsupportedBodyTypeIs415AndWritesNothing() {
        HttpClientSupport.Reply reply = http.send("POST", "/api/Books", "title: Dune", "text/yaml");
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.error().get("statusCode").asInt()).isEqualTo(415);
        assertThat(count()).isZero();
    }

    @Test
    void aClientThatAcceptsNoJsonGets406BeforeAnythingIsWritten() {
        HttpResponse<byte[]> refused = http.exchange("POST", "/api/Books",
                "{\"title\":\"Dune\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "Accept", "image/png"));
        assertThat(refused.statusCode()).isEqualTo(406);
        assertThat(count()).isZero();
        HttpResponse<byte[]> browser = http.exchange("GET", "/api/Books", null,
                Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(header(browser, "Content-Type")).startsWith("application/json");
    }

    @Test
    void aVeryLongUrlIsRefusedWith414() {
        String filter = "{\"where\":{\"title\":\"" + "x".repeat(20_000) + "\"}}";
        HttpResponse<byte[]> reply = http.exchange("GET", "/api/Books?filter=" + HttpClientSupport.q(filter), null, Map.of());
        assertThat(reply.statusCode()).isEqualTo(414);
        assertThat(header(reply, "Content-Type")).startsWith("application/json");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("\"statusCode\":414");
        assertThat(header(reply, "Connection")).as("the connection cannot be reused after an unparsed request")
                .isEqualTo("close");
        assertThat(http.get("/api/Books").status()).as("the next request gets a fresh connection").isEqualTo(200);
    }
}
