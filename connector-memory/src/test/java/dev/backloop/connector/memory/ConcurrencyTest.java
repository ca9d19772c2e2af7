package dev.backloop.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ConcurrencyTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrencyTest.class);
    private static final int THREADS = 8;
    private static final int WRITES = 1_000;

    @TempDir
    Path dir;

    private final ModelDefinition book = Models.book();

    private MemoryConnector open() {
        MemoryConnector connector = new MemoryConnector(new DataSourceSettings("db", "memory", Map.of("file", "db.json"), dir));
        connector.define(book);
        connector.start();
        return connector;
    }

    /** What one thread saw acknowledged: its own records, and its last write to the shared record. */
    private record Outcome(Map<Object, Map<String, Object>> records, String sharedKey, Long sharedValue) {
    }

    @Test
    void mixedConcurrentWritesAreAllDurableAndNoneIsLost() throws Exception {
        MemoryConnector connector = open();
        Object sharedId = connector.create(book, Map.of("title", "shared")).get("id");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Outcome>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<Outcome> work = () -> run(connector, thread, sharedId);
            futures.add(pool.submit(work));
        }
        Map<Object, Map<String, Object>> expected = new HashMap<>();
        Map<String, Object> shared = new LinkedHashMap<>(Map.of("title", "shared", "id", sharedId));
        for (Future<Outcome> future : futures) {
            Outcome outcome = future.get(120, TimeUnit.SECONDS);
            expected.putAll(outcome.records());
            if (outcome.sharedValue() != null) {
                shared.put(outcome.sharedKey(), outcome.sharedValue());
            }
        }
        pool.shutdown();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info("{} writes in {} ms with {} file writes", THREADS * WRITES, millis, connector.fileWrites());
        expected.put(sharedId, shared);

        assertThat(byId(connector.find(book, Filter.ALL))).isEqualTo(expected);
        assertThat(connector.fileWrites()).isLessThanOrEqualTo(THREADS * WRITES + 1L);
        // the file already holds everything acknowledged, before close()
        MemoryConnector reloaded = open();
        assertThat(byId(reloaded.find(book, Filter.ALL))).isEqualTo(expected);
        connector.close();
        reloaded.close();
    }

    private static Map<Object, Map<String, Object>> byId(List<Map<String, Object>> records) {
        Map<Object, Map<String, Object>> result = new HashMap<>();
        for (Map<String, Object> record : records) {
            result.put(record.get("id"), record);
        }
        return result;
    }

    private Outcome run(MemoryConnector connector, int thread, Object sharedId) {
        Random random = new Random(thread);
        Map<Object, Map<String, Object>> mine = new HashMap<>();
        List<Object> ids = new ArrayList<>();
        String sharedKey = "t" + thread;
        Long sharedValue = null;
        for (long i = 0; i < WRITES; i++) {
            int dice = random.nextInt(100);
            if (dice < 45 || ids.isEmpty()) {
                Map<String, Object> data = new LinkedHashMap<>(Map.of("title", "b" + thread + "-" + i, "owner", (long) thread));
                Map<String, Object> created = connector.create(book, data);
                data.put("id", created.get("id"));
                assertThat(created).isEqualTo(data);
                mine.put(created.get("id"), data);
                ids.add(created.get("id"));
            } else if (dice < 70) {
                Object id = ids.get(random.nextInt(ids.size()));
                Optional<Map<String, Object>> patched = connector.patchById(book, id, Map.of("n", i));
                assertThat(patched).isPresent();
                mine.get(id).put("n", i);
                assertThat(patched.get()).isEqualTo(mine.get(id));
            } else if (dice < 80) {
                Object id = ids.remove(random.nextInt(ids.size()));
                assertThat(connector.delete(book, Where.eq("id", id))).isEqualTo(1);
                mine.remove(id);
            } else if (dice < 90) {
                // every thread patches its own key of one shared record: a lost update would drop a key
                assertThat(connector.update(book, Where.eq("id", sharedId), Map.of(sharedKey, i))).isEqualTo(1);
                sharedValue = i;
            } else {
                Object id = ids.get(random.nextInt(ids.size()));
                Map<String, Object> replacement = new LinkedHashMap<>(Map.of("title", "r" + i, "owner", (long) thread, "id", id));
                connector.replaceOrCreate(book, replacement);
                mine.put(id, replacement);
            }
        }
        return new Outcome(mine, sharedKey, sharedValue);
    }
}
