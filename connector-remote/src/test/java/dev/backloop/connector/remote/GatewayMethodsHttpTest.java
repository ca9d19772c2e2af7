package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.model.ModelInstance;
import dev.backloop.server.BackloopServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The remote's custom methods on the gateway: the gateway's Book declares the backend's methods with no
 * code, and each call on the gateway's REST API is forwarded to the same route of the backend, arguments
 * in their declared places, results and errors back in LoopBack's shapes.
 */
class GatewayMethodsHttpTest {
    private static BackendApp backend;
    private static App gateway;
    private static GatewayClient client;

    @BeforeAll
    static void start() {
        backend = new BackendApp();
        gateway = AppBooter.boot(BackendApp.fixture("gateway"), "test",
                Map.of("BACKEND_URL", backend.url(), "BACKEND_TOKEN", ""));
        BackloopServer server = gateway.listen("127.0.0.1", 0);
        client = new GatewayClient(server.uri().resolve("/api"));
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
    void aQueryArgumentAndANamedReturn() {
        GatewayClient.Reply reply = client.send("GET", "/Books/greet?name=Ann%20Lee", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("greeting").asText()).isEqualTo("Hello, Ann Lee");
    }

    @Test
    void bodyFieldsAndARootReturn() {
        GatewayClient.Reply reply = client.send("POST", "/Books/sum", "{\"a\": 2, \"b\": 3.5}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().asDouble()).isEqualTo(5.5);
    }

    @Test
    void pathHeaderAndDateQueryArgumentsAndSeveralReturns() {
        backend.app.model("Book").create(Map.of("title", "Dune Messiah"));
        GatewayClient.Reply reply = client.send("GET", "/Books/by-title/Dune%20Messiah?since=2020-01-02", null,
                "x-tenant", "acme");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asInt()).isEqualTo(1);
        assertThat(reply.json().get("tenant").asText()).isEqualTo("acme");
        assertThat(reply.json().get("since").asText()).isEqualTo("2020-01-02T00:00:00Z");
    }

    @Test
    void anInstanceMethodRunsOnTheRemoteRecordWithTheWholeBody() {
        ModelInstance dune = backend.app.model("Book").create(Map.of("title", "Dune"));
        GatewayClient.Reply reply = client.send("POST", "/Books/" + dune.id() + "/describe", "{\"tone\": \"dry\"}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("text").asText()).isEqualTo("Dune (dry)");
        // the gateway loads the instance first: an unknown id is the gateway's own 404
        assertThat(client.send("POST", "/Books/9999/describe", "{}").status()).isEqualTo(404);
    }

    @Test
    void theRemotesErrorKeepsItsStatusCodeAndDetails() {
        GatewayClient.Reply reply = client.send("GET", "/Books/refuse", null);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.error().get("code").asText()).isEqualTo("BOOK_REFUSES");
        assertThat(reply.error().get("message").asText()).isEqualTo("The book refuses");
        assertThat(reply.error().get("details").get("why").asText()).isEqualTo("testing");
    }

    @Test
    void aMissingRequiredArgumentIsRefusedByTheGatewayItself() {
        GatewayClient.Reply reply = client.send("POST", "/Books/sum", "{\"a\": 2}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("message").asText()).contains("b");
    }

    @Test
    void javaCallersReachTheForwardedMethodToo() throws Exception {
        Object greeting = gateway.sharedClass("Book").method("greet").orElseThrow().handler()
                .invoke(new dev.backloop.remoting.Invocation(gateway.model("Book"),
                        gateway.sharedClass("Book").method("greet").orElseThrow(), Map.of("name", "Java"), null));
        assertThat(greeting).isEqualTo("Hello, Java");
    }
}
