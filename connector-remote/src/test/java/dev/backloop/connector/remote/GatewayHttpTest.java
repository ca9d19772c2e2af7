package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.model.ModelInstance;
import dev.backloop.server.BackloopServer;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backloop to Backloop over HTTP: the "gateway" app's models are on a remote datasource pointing at the
 * "backend" app, and the gateway's own REST API serves the backend's data.
 */
class GatewayHttpTest {
    private static BackendApp backend;
    private static App gateway;
    private static BackloopServer gatewayServer;
    private static GatewayClient client;

    @BeforeAll
    static void start() {
        backend = new BackendApp();
        gateway = AppBooter.boot(BackendApp.fixture("gateway"), "test",
                Map.of("BACKEND_URL", backend.url(), "BACKEND_TOKEN", ""));
        gatewayServer = gateway.listen("127.0.0.1", 0);
        client = new GatewayClient(gatewayServer.uri().resolve("/api"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        backend.close();
    }

    @BeforeEach
    void empty() {
        backend.reset();
    }

    @Test
    void theGatewayServesTheBackendsRecords() {
        backend.app.model("Book").create(List.of(
                Map.of("title", "Dune", "price", 12.5, "published", "1965-08-01T00:00:00.000Z"),
                Map.of("title", "Emma", "price", 8),
                Map.of("title", "Ubik", "price", 20)));
        GatewayClient.Reply found = client.send("GET", "/Books?filter="
                + GatewayClient.query("{\"where\":{\"price\":{\"gt\":10}},\"order\":\"price DESC\",\"fields\":[\"title\",\"id\"]}"),
                null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().findValuesAsText("title")).containsExactly("Ubik", "Dune");
        assertThat(found.json().get(0).has("price")).isFalse();
        assertThat(client.send("GET", "/Books/count?where=" + GatewayClient.query("{\"price\":{\"lt\":15}}"), null)
                .json().get("count").asLong()).isEqualTo(2);
        JsonNode dune = client.send("GET", "/Books/findOne?filter=" + GatewayClient.query("{\"where\":{\"title\":\"Dune\"}}"),
                null).json();
        assertThat(dune.get("published").asText()).isEqualTo("1965-08-01T00:00:00.000Z");
    }

    @Test
    void writesThroughTheGatewayLandInTheBackend() {
        GatewayClient.Reply created = client.send("POST", "/Books", "{\"title\":\"Kindred\",\"price\":9}");
        assertThat(created.status()).isEqualTo(200);
        long id = created.json().get("id").asLong();
        assertThat(backend.app.model("Book").findById(id).map(b -> b.get("title"))).contains("Kindred");

        assertThat(client.send("PATCH", "/Books/" + id, "{\"price\":11}").json().get("price").asDouble()).isEqualTo(11);
        assertThat(client.send("POST", "/Books/update?where=" + GatewayClient.query("{\"title\":\"Kindred\"}"),
                "{\"author\":\"Butler\"}").json().get("count").asLong()).isEqualTo(1);
        ModelInstance stored = backend.app.model("Book").findById(id).orElseThrow();
        assertThat(stored.get("author")).isEqualTo("Butler");
        assertThat(((Number) stored.get("price")).doubleValue()).isEqualTo(11.0);

        assertThat(client.send("DELETE", "/Books/" + id, null).json().get("count").asLong()).isEqualTo(1);
        assertThat(backend.app.model("Book").count(null)).isZero();
        GatewayClient.Reply missing = client.send("GET", "/Books/" + id, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("code").asText()).isEqualTo("MODEL_NOT_FOUND");
    }

    @Test
    void aBackendThatIsDownIsA503OfTheGateway() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (App down = AppBooter.boot(BackendApp.fixture("gateway"), "test",
                Map.of("BACKEND_URL", "http://127.0.0.1:" + port + "/api", "BACKEND_TOKEN", ""))) {
            BackloopServer server = down.listen("127.0.0.1", 0);
            GatewayClient.Reply reply = new GatewayClient(server.uri().resolve("/api")).send("GET", "/Books", null);
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.error().get("message").asText()).contains("Remote datasource backend is unreachable");
        }
    }
}
