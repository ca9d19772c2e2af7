package dev.backloop.server;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of an app: Jetty with Jersey on it, wrapped in request ids, an access log, CORS and
 * compression as the app's {@link EdgeSettings} ask. Stopping is graceful: new connections are refused,
 * requests in flight finish (up to the stop timeout), then the server closes.
 */
public final class BackloopServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackloopServer.class);

    private final Server server;
    private final AccessLog accessLog = new AccessLog();
    private final ServerConnector connector;

    /**
     * @param host        the address to bind ({@code 127.0.0.1}, {@code 0.0.0.0})
     * @param port        the port, 0 for any free one
     * @param application the Jersey application
     * @param stopTimeout how long in-flight requests may take to finish on stop
     */
    public BackloopServer(String host, int port, ResourceConfig application, Duration stopTimeout) {
        this(host, port, application, stopTimeout, EdgeSettings.NONE);
    }

    /**
     * @param edge CORS and compression around every route
     */
    public BackloopServer(String host, int port, ResourceConfig application, Duration stopTimeout,
            EdgeSettings edge) {
        Objects.requireNonNull(application, "application is null");
        Objects.requireNonNull(edge, "edge is null");
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        Handler inner = edge.around(JerseyServlet.context("/", application));
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(inner);
        server.setHandler(new RequestIds(graceful));
        server.setRequestLog(accessLog);
        server.setErrorHandler(new JsonErrors());
        server.setStopTimeout(stopTimeout.toMillis());
        server.setStopAtShutdown(false);
    }

    public BackloopServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP server on " + connector.getHost() + ":"
                    + connector.getPort() + ": " + e.getMessage(), e);
        }
        LOG.info("Backloop is listening at {}", uri());
        return this;
    }

    /** The port actually bound (useful after binding port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URI clients use, e.g. {@code http://127.0.0.1:3000}. */
    public URI uri() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "localhost"
                : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** Stops gracefully; in-flight requests finish first. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
        accessLog.close();
    }

    public void join() throws InterruptedException {
        server.join();
    }
}
