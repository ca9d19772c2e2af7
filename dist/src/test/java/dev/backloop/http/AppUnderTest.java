package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.server.BackloopServer;
import java.nio.file.Path;
import java.util.Map;

/** A booted fixture app served on a free port of 127.0.0.1, with a client pointed at it. */
final class AppUnderTest implements AutoCloseable {
    final App app;
    final BackloopServer server;
    final HttpClientSupport http;

    AppUnderTest(Path appDir, Map<String, String> environment) {
        this.app = TestApps.boot(appDir, environment);
        this.server = app.listen("127.0.0.1", 0);
        this.http = new HttpClientSupport(server.uri());
    }

    static AppUnderTest library(Path tempDir) {
        return new AppUnderTest(TestApps.copy("library", tempDir), Map.of());
    }

    /** The bookstore fixture: every relation type, on the counting memory connector. */
    static AppUnderTest bookstore(Path tempDir) {
        return new AppUnderTest(TestApps.copy("bookstore", tempDir), Map.of());
    }

    /** Empties every model, so each test starts from nothing. */
    void reset() {
        app.models().values().forEach(m -> m.destroyAll(null));
    }

    @Override
    public void close() {
        app.close();
    }
}
