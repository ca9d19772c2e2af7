package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 generated malformed requests: broken and hostile bodies in every content type, mangled filters and
 * ids. Every one must get a 4xx (bad queries may also be answered 200 when they happen to be valid), none a
 * 5xx, and the stored data must be exactly what it was. The seed is fixed so a failure can be replayed.
 */
class MalformedInputFuzzHttpTest {
    private static final long SEED = 20261123L;
    private static final int CASES = 1000;

    @TempDir
    static Path tempDir;
    static AppUnderTest app;
    static HttpClientSupport http;
    static String firstId;

    @BeforeAll
    static void boot() {
        app = AppUnderTest.library(tempDir);
        http = app.http;
        firstId = http.post("/api/Books", "{\"title\":\"Dune\",\"price\":9.5,\"published\":\"1965-08-01T00:00:00.000Z\"}")
                .json().get("id").asText();
        http.post("/api/Books", "{\"title\":\"Emma\",\"price\":4,\"tags\":[\"classic\"]}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** One generated request and whether a 200 is acceptable for it (only reads may be accidentally valid). */
    record Case(String method, String path, byte[] body, Map<String, String> headers, boolean readOnly) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " " + headers + " " + (shown.length() > 200 ? shown.substring(0, 200) + "..." : shown);
        }
    }

    @Test
    void malformedInputNeverFailsTheServerNorWritesAnything() {
        String before = http.get("/api/Books").text();
        Random random = new Random(SEED);
        List<Supplier<Case>> generators = List.of(
                () -> body(random, truncatedJson(random), "application/json"),
                () -> body(random, "{\"" + garbage(random, 1 + random.nextInt(40)), "application/json"),
                () -> body(random, wrongType(random), "application/json"),
                () -> body(random, deep(random), "application/json"),
                () -> body(random, "{\"title\":\"" + "y".repeat(1100 + random.nextInt(3000)) + "\"}", "application/json"),
                () -> body(random, "<book><title>" + garbage(random, random.nextInt(30)), "application/xml"),
                () -> body(random, "{\"title\":\"x\"}", pick(random, "text/plain", "image/png", "application/octet-stream",
                        "multipart/form-data; boundary=x", "application/json; charset=klingon")),
                () -> body(random, pick(random, "\"just text\"", "42", "true", "[1,2,3]", "[[]]"), "application/json"),
                () -> body(random, "title[" + garbage(random, 5) + "][][[=" + garbage(random, 10)
                        + "&price=abc", "application/x-www-form-urlencoded"),
                () -> idChange(random),
                () -> query(random),
                () -> idPath(random));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Case c = generators.get(random.nextInt(generators.size())).get();
            int status;
            try {
                status = RawHttp.send(app.server.port(), c.method(), c.path(), c.body(), c.headers());
            } catch (IOException | RuntimeException e) {
                failures.add("no answer (" + e + ") for case " + i + ": " + c);
                continue;
            }
            boolean ok = status >= 400 && status < 500 || (c.readOnly() && status == 200);
            if (!ok) {
                failures.add(status + " for case " + i + ": " + c);
            }
        }
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(http.get("/api/Books").text()).as("stored data after the fuzz").isEqualTo(before);
    }

    private static Case body(Random random, String text, String contentType) {
        String target = pick(random, "POST /api/Books", "PUT /api/Books", "PATCH /api/Books",
                "PUT /api/Books/" + firstId, "PATCH /api/Books/" + firstId, "POST /api/Books/" + firstId + "/replace",
                "POST /api/Books/replaceOrCreate", "POST /api/Books/upsertWithWhere?where=%7B%22title%22%3A%22Dune%22%7D",
                "POST /api/Books/update?where=%7B%7D");
        String[] parts = target.split(" ", 2);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Case(parts[0], parts[1], text.getBytes(StandardCharsets.UTF_8), headers, false);
    }

    private static String truncatedJson(Random random) {
        String valid = "{\"title\":\"Changed\",\"price\":12.5,\"tags\":[\"a\",\"b\"],\"meta\":{\"pages\":3}}";
        return valid.substring(0, 1 + random.nextInt(valid.length() - 1));
    }

    private static String wrongType(Random random) {
        return pick(random,
                "{\"price\":\"" + garbage(random, 6) + "x\"}",
                "{\"published\":\"" + garbage(random, 8) + "\"}",
                "{\"inStock\":\"maybe\"}",
                "{\"title\":{\"$gt\":\"\"}}",
                "{\"title\":[\"a\"]}",
                "{\"title\":null,\"price\":1}",
                "{\"tags\":\"not an array\"}",
                "{\"meta\":12}",
                "{\"price\":1e999}");
    }

    private static String deep(Random random) {
        int depth = 40 + random.nextInt(200);
        return "{\"meta\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}";
    }

    private static Case idChange(Random random) {
        String body = "{\"id\":" + (1000 + random.nextInt(1000)) + ",\"title\":\"Moved\"}";
        String method = pick(random, "PUT", "PATCH");
        return new Case(method, "/api/Books/" + firstId, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"), false);
    }

    private static Case query(Random random) {
        String path = pick(random, "/api/Books", "/api/Books/findOne", "/api/Books/count", "/api/Books/" + firstId);
        String param = path.endsWith("count") ? "where" : "filter";
        String query = pick(random,
                param + "=" + HttpClientSupport.q(truncatedJson(random)),
                param + "=" + HttpClientSupport.q("{\"where\":{\"title\":{\"" + pick(random, "$where", "$regex", "near",
                        "contains", "elemMatch") + "\":\"x\"}}}"),
                param + "[where][price][" + pick(random, "gt", "between", "inq", "regexp") + "]="
                        + HttpClientSupport.q(garbage(random, 6)),
                param + "[limit]=" + pick(random, "-1", "abc", "1e999", "9999999999999999999999"),
                param + "[order]=" + pick(random, "title%3B%20DROP", "title%20SIDEWAYS", "%5B%5D"),
                param + "=" + HttpClientSupport.q("{\"where\":" + "{\"and\":[".repeat(20) + "{}" + "]}".repeat(20) + "}"),
                param + "[where][title][regexp]=" + HttpClientSupport.q("/(a+)+$/"),
                param + "[include]=" + HttpClientSupport.q(garbage(random, 5)),
                param + "=" + "%zz%" + HttpClientSupport.q(garbage(random, 3)),
                param + "[where][title]=%e2%28%a1",
                param + "=a&" + param + "=b",
                param + "[where][secret]=x");
        return new Case("GET", path + "?" + query, null, Map.of(), true);
    }

    private static Case idPath(Random random) {
        String id = pick(random, "%2e%2e", "abc", "-1", "1.5.6", "%00", "%ff%fe", "99999999999999999999999", "%20");
        String suffix = pick(random, "", "/exists", "/replace");
        String method = suffix.equals("/replace") ? "POST" : pick(random, "GET", "DELETE", "HEAD");
        return new Case(method, "/api/Books/" + id + suffix,
                method.equals("POST") ? "{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8) : null,
                method.equals("POST") ? Map.of("Content-Type", "application/json") : Map.of(),
                !method.equals("POST"));
    }

    /** Printable junk, including the characters parsers trip on. */
    private static String garbage(Random random, int length) {
        String alphabet = "abcXYZ019{}[]\"':,\\/<>&;=%$#@!?*+()|^~` \t";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
