package dev.backloop.connector.remote;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import dev.backloop.spi.DataSourceSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The fixture app {@code apps/backend} (Book, Author, Tag, Item on memory) booted in-process and served on
 * a free port of 127.0.0.1: the remote end of the tests.
 */
final class BackendApp implements AutoCloseable {
    final App app;
    final BackloopServer server;

    BackendApp() {
        this.app = AppBooter.boot(fixture("backend"), "test", Map.of());
        this.server = app.listen("127.0.0.1", 0);
    }

    /** The REST root the remote connector points at. */
    String url() {
        return server.uri() + "/api";
    }

    /** Settings of a remote datasource pointing at this app, plus any extra ones. */
    RemoteSettings settings(Map<String, Object> extra) {
        Map<String, Object> values = new java.util.HashMap<>(extra);
        values.putIfAbsent("url", url());
        return RemoteSettings.of(new DataSourceSettings("remoteDb", "remote", values, Path.of(".")));
    }

    /** Empties every model, so each test starts from nothing. */
    void reset() {
        app.models().values().forEach(m -> m.destroyAll(null));
    }

    static Path fixture(String name) {
        try {
            return Path.of(BackendApp.class.getResource("/apps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
