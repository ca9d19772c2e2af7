package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway app against a remote that requires a token: the datasource's {@code accessToken} and
 * {@code headers} are sent, a refusal keeps its 401 on the gateway's REST API, a caller's token can be
 * forwarded, and an answer that is not JSON is a 502.
 */
class RemoteAuthHttpTest {
    private GuardedRemote remote;

    @BeforeEach
    void start() throws Exception {
        remote = new GuardedRemote();
    }

    @AfterEach
    void stop() throws Exception {
        remote.close();
    }

    @Test
    void theConfiguredTokenAndHeadersAreSent() {
        try (App gateway = gateway(GuardedRemote.TOKEN)) {
            GatewayClient.Reply reply = client(gateway).send("GET", "/Books", null);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get(0).get("title").asText()).isEqualTo("Guarded");
            assertThat(remote.seen).containsExactly(Map.of("Authorization", GuardedRemote.TOKEN, "X-Tenant", "acme"));
        }
    }

    @Test
    void aWrongTokenIsThe401OfTheRemote() {
        try (App gateway = gateway("stale-token")) {
            GatewayClient.Reply reply = client(gateway).send("GET", "/Books", null);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.error().get("code").asText()).isEqualTo("AUTHORIZATION_REQUIRED");
            assertThat(reply.error().get("message").asText()).isEqualTo("Authorization Required");
        }
    }

    @Test
    void aForwardedCallerTokenReplacesTheConfiguredOne() {
        try (App gateway = gateway("stale-token")) {
            var books = CallerToken.forward(GuardedRemote.TOKEN, () -> gateway.model("Book").find(Filter.ALL));
            assertThat(books).hasSize(1);
            // outside forward, the configured token is used again
            assertThat(client(gateway).send("GET", "/Books", null).status()).isEqualTo(401);
            assertThat(remote.seen).extracting(h -> h.get("Authorization"))
                    .containsExactly(GuardedRemote.TOKEN, "stale-token");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsA502() {
        try (App gateway = gateway(GuardedRemote.TOKEN)) {
            GatewayClient.Reply reply = client(gateway).send("GET", "/Members", null);
            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.error().get("message").asText())
                    .contains("Remote datasource backend").contains("not JSON");
        }
    }

    @Test
    void aRemoteThatDoesNotAnswerWithinTheTimeoutIsA503() {
        ModelDefinition tag = ConformanceModels.model("Tag", ConformanceModels.generatedId());
        RemoteConnector connector = new RemoteConnector(RemoteSettings.of(new DataSourceSettings("slow", "remote",
                Map.of("url", remote.url(), "timeout", 300), Path.of("."))));
        assertThatThrownBy(() -> connector.count(tag, Where.ALL)).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.getMessage()).contains("Remote datasource slow is unreachable").contains("timed out");
        });
    }

    private App gateway(String token) {
        return AppBooter.boot(BackendApp.fixture("gateway"), "test",
                Map.of("BACKEND_URL", remote.url(), "BACKEND_TOKEN", token));
    }

    private static GatewayClient client(App gateway) {
        return new GatewayClient(gateway.listen("127.0.0.1", 0).uri().resolve("/api"));
    }
}
