package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Boots an app directory on 127.0.0.1 in its own JVM and prints the port, for tests that need a small
 * heap. It stops when its standard input closes (when the test ends or dies).
 */
public final class StreamingServerMain {
    private StreamingServerMain() {
    }

    public static void main(String[] args) throws Exception {
        try (App app = AppBooter.boot(Path.of(args[0]), "test", Map.of())) {
            BackloopServer server = app.listen("127.0.0.1", 0);
            System.out.println("PORT " + server.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the parent to close our input
            }
        }
    }
}
