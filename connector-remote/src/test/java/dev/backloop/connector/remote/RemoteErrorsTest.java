package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How remote failures surface: status, name and details kept; unreachable is 503; not JSON is 502. */
class RemoteErrorsTest {
    private static final ModelDefinition MEMBER = ConformanceModels.model("Member",
            ConformanceModels.generatedId(), PropertyDefinition.of("name", PropertyType.STRING));

    @Test
    void aRemoteThatIsDownIsA503WithAClearMessage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        RemoteConnector connector = connector("http://127.0.0.1:" + port + "/api", Map.of());
        assertThatThrownBy(() -> connector.find(MEMBER, Filter.ALL))
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.getMessage()).contains("unreachable").contains("remoteDb");
                });
    }

    @Test
    void aRemoteValidationErrorKeeps422AndItsDetails() {
        try (BackendApp backend = new BackendApp()) {
            RemoteConnector connector = new RemoteConnector(backend.settings(Map.of()));
            assertThatThrownBy(() -> connector.create(MEMBER, Map.of()))
                    .isInstanceOfSatisfying(HttpError.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(422);
                        assertThat(e.name()).isEqualTo("ValidationError");
                        assertThat(e.details()).asString().contains("name");
                    });
            assertThat(connector.count(MEMBER, Where.ALL)).isZero();
            assertThat(connector.patchById(MEMBER, 99L, Map.of("name", "x"))).isEmpty();
        }
    }

    @Test
    void theAccessTokenIsSentAndRefusalsKeepTheirStatus() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/Members", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(String.valueOf(token));
            boolean ok = "s3cret".equals(token);
            byte[] body = (ok ? "[]" : "{\"error\":{\"statusCode\":401,\"name\":\"Error\",\"message\":\"Authorization Required\","
                    + "\"code\":\"AUTHORIZATION_REQUIRED\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/Pages", exchange -> {
            byte[] body = "<html>gateway</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
            assertThat(connector(url, Map.of("accessToken", "s3cret")).find(MEMBER, Filter.ALL)).isEmpty();
            assertThatThrownBy(() -> connector(url, Map.of()).find(MEMBER, Filter.ALL))
                    .isInstanceOfSatisfying(HttpError.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("AUTHORIZATION_REQUIRED");
                    });
            assertThat(seen).containsExactly("s3cret", "null");
            ModelDefinition page = ConformanceModels.model("Page", ConformanceModels.generatedId());
            assertThatThrownBy(() -> connector(url, Map.of()).find(page, Filter.ALL))
                    .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(502));
        } finally {
            server.stop(0);
        }
    }

    private static RemoteConnector connector(String url, Map<String, Object> extra) {
        Map<String, Object> values = new java.util.HashMap<>(extra);
        values.put("url", url);
        return new RemoteConnector(RemoteSettings.of(
                new dev.backloop.spi.DataSourceSettings("remoteDb", "remote", values, java.nio.file.Path.of("."))));
    }
}
