package dev.backloop.connector.mongodb;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MongoDB the tests talk to: the server at {@code MONGODB_URL} when that is set (a real MongoDB; give a
 * url without a database, each test picks its own), else an in-process mongo-java-server on 127.0.0.1,
 * started on first use and stopped when the test JVM exits.
 */
final class MongoTestServer {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static String url;

    private MongoTestServer() {
    }

    /** Whether the tests run against the in-process server (which lacks some MongoDB features). */
    static boolean inProcess() {
        return realUrl() == null;
    }

    static synchronized String url() {
        if (url == null) {
            url = realUrl();
            if (url == null) {
                MongoServer server = new MongoServer(new MemoryBackend());
                server.bind("127.0.0.1", 0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
                url = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            }
        }
        return url;
    }

    /** Settings for a datasource on a database no other test uses, plus {@code extra} settings. */
    static DataSourceSettings settings(Object... extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", url());
        values.put("database", "backloop_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        for (int i = 0; i < extra.length; i += 2) {
            values.put((String) extra[i], extra[i + 1]);
        }
        return new DataSourceSettings("mongo", "mongodb", values, Path.of("."));
    }

    private static String realUrl() {
        String real = System.getenv("MONGODB_URL");
        return real == null || real.isBlank() ? null : real;
    }
}
