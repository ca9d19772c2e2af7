package dev.backloop.connector.remote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A fake remote on Jetty, for the one thing the real backend app cannot show yet: a remote that requires
 * an access token. {@code GET /api/Books} answers one book to {@code Authorization: good-token} and
 * LoopBack's 401 to anything else; {@code /api/Members} answers HTML, as a misconfigured proxy would;
 * {@code /api/Tags} does not answer until the fake is closed.
 */
final class GuardedRemote implements AutoCloseable {
    static final String TOKEN = "good-token";
    /** The Authorization and X-Tenant headers of every request, in order. */
    final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    /** Holds every request to {@code /api/Tags} until the fake is closed: a remote that never answers. */
    private final CountDownLatch released = new CountDownLatch(1);
    private final Server server;

    GuardedRemote() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String token = request.getHeaders().get(HttpHeader.AUTHORIZATION);
                String tenant = request.getHeaders().get("X-Tenant");
                seen.add(Map.of("Authorization", String.valueOf(token), "X-Tenant", String.valueOf(tenant)));
                String path = Request.getPathInContext(request);
                if (path.startsWith("/api/Tags")) {
                    awaitRelease();
                    answer(response, callback, 200, "application/json", "[]");
                } else if (path.startsWith("/api/Members")) {
                    answer(response, callback, 200, "text/html", "<html><body>Bad gateway config</body></html>");
                } else if (!TOKEN.equals(token)) {
                    answer(response, callback, 401, "application/json", "{\"error\":{\"statusCode\":401,\"name\":\"Error\","
                            + "\"message\":\"Authorization Required\",\"code\":\"AUTHORIZATION_REQUIRED\"}}");
                } else {
                    answer(response, callback, 200, "application/json", "[{\"id\":1,\"title\":\"Guarded\"}]");
                }
                return true;
            }
        });
        server.start();
    }

    private static void answer(Response response, Callback callback, int status, String type, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/api";
    }

    @Override
    public void close() throws Exception {
        released.countDown();
        server.stop();
    }
}
