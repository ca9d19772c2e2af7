package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 8 clients × 1,000 mixed writes over HTTP against a memory datasource with a file. Afterwards both the
 * running store and the file (read by a fresh boot) hold exactly what the server acknowledged.
 */
class ConcurrentWritesHttpTest {
    private static final int THREADS = 8;
    private static final int WRITES = 1_000;

    @TempDir
    Path tempDir;

    @Test
    void noAcknowledgedWriteIsLost() throws Exception {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        Files.writeString(appDir.resolve("server/datasources.json"),
                "{\"db\":{\"name\":\"db\",\"connector\":\"memory\",\"file\":\"db.json\"}}");
        // each client owns its notes, so the expected state follows from its own acknowledged replies
        Map<Long, String> expected = new ConcurrentHashMap<>();
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int client = t;
                clients.add(pool.submit(() -> runClient(app.http, client, expected)));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
            assertThat(stored(app.http)).isEqualTo(new TreeMap<>(expected));
        }
        try (AppUnderTest reopened = new AppUnderTest(appDir, Map.of())) {
            assertThat(stored(reopened.http)).isEqualTo(new TreeMap<>(expected));
        }
    }

    private static void runClient(HttpClientSupport http, int client, Map<Long, String> expected) {
        List<Long> mine = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < WRITES; i++) {
            int op = mine.isEmpty() ? 0 : random.nextInt(10);
            if (op < 5) {
                String title = "c" + client + "-" + i;
                HttpClientSupport.Reply reply = http.post("/api/Notes", "{\"title\":\"" + title + "\"}");
                assertThat(reply.status()).isEqualTo(200);
                long id = reply.json().get("id").asLong();
                mine.add(id);
                expected.put(id, title);
            } else if (op < 8) {
                long id = mine.get(random.nextInt(mine.size()));
                String title = "c" + client + "-" + i + "-patched";
                HttpClientSupport.Reply reply = http.patch("/api/Notes/" + id, "{\"title\":\"" + title + "\"}");
                assertThat(reply.status()).isEqualTo(200);
                expected.put(id, title);
            } else {
                long id = mine.remove(random.nextInt(mine.size()));
                HttpClientSupport.Reply reply = http.delete("/api/Notes/" + id);
                assertThat(reply.json().get("count").asInt()).isEqualTo(1);
                expected.remove(id);
            }
        }
    }

    private static Map<Long, String> stored(HttpClientSupport http) {
        Map<Long, String> stored = new TreeMap<>();
        for (JsonNode note : http.get("/api/Notes").json()) {
            stored.put(note.get("id").asLong(), note.get("title").asText());
        }
        return stored;
    }
}
