package dev.backloop.cli;

import dev.backloop.json.Json;
import dev.backloop.rest.RestApi;
import dev.backloop.rest.RestSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ApplicationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the server's heaviest libraries (Jackson, Jersey with HK2, Jetty) on a second thread while the main
 * thread reads the command line and boots the app. Much of the time to a first response is spent loading
 * and initializing those classes for the first time on the main thread; done here first, the main thread
 * finds them ready. (On 2 cores the gain is small, about 5%: the JIT compiler already takes about as much
 * CPU as the main thread during the start.) Nothing built here is kept or started: no port is bound and
 * the throwaway Jersey application is shut down.
 */
final class Preload {
    private static final Logger LOG = LoggerFactory.getLogger(Preload.class);

    private Preload() {
    }

    /** Starts the preloading thread; it ends by itself, and a JVM exiting does not wait for it. */
    static void start() {
        Thread thread = new Thread(Preload::run, "backloop-preload");
        thread.setDaemon(true);
        thread.start();
    }

    private static void run() {
        try {
            // Jackson as the app reads its JSON files and answers requests
            Json.mapper().readValue(Json.mapper().writeValueAsBytes(Map.of("preload", List.of(1, 2.5, "x"))),
                    Object.class);
            // Jersey and HK2: an API with no routes initializes the same runtime and filters the app's will
            ApplicationHandler jersey = new ApplicationHandler(
                    new RestApi(new RestSettings("/api", RestSettings.DEFAULT_JSON_LIMIT, false)).toResourceConfig());
            jersey.getInjectionManager().shutdown();
            // Jetty: the classes of the server, its connector and the servlet context, constructed, not started
            Server server = new Server();
            server.addConnector(new ServerConnector(server));
            server.setHandler(new ServletContextHandler("/"));
        } catch (RuntimeException | LinkageError | IOException e) {
            // a preload that fails only costs the time it took: the main thread loads what it needs itself
            LOG.debug("Preloading the server's libraries failed: {}", e.toString());
        }
    }
}
