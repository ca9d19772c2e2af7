package dev.backloop.connector.remote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A fake remote on Jetty for faults the real backend cannot make on demand: it answers 503 to its first
 * {@code failures} requests, then {@code []} to a GET and a record to a POST; each answer takes
 * {@code pauseMillis}. It counts requests and the most it had in flight at once.
 */
final class FlakyRemote implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Server server;

    FlakyRemote(int failures, long pauseMillis) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                int now = inFlight.incrementAndGet();
                mostInFlight.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(pauseMillis);
                } finally {
                    inFlight.decrementAndGet();
                }
                boolean fails = requests.incrementAndGet() <= failures;
                String body = fails ? "{\"error\":{\"statusCode\":503,\"name\":\"Error\",\"message\":\"warming up\"}}"
                        : "GET".equals(request.getMethod()) ? "[]" : "{\"id\":1,\"title\":\"Saved\"}";
                response.setStatus(fails ? 503 : 200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/api";
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
