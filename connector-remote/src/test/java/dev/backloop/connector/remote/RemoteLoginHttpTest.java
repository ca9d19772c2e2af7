package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.filter.Where;
import dev.backloop.model.Model;
import dev.backloop.server.BackloopServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway whose remote datasource logs in with credentials ({@code auth.email}/{@code auth.password}) at a
 * backend whose Book needs an authenticated caller: the token is obtained, reused, obtained again when the
 * backend revokes it, refused credentials are a 502, and with {@code passThrough} a caller's own token
 * goes through instead.
 */
class RemoteLoginHttpTest {
    private App backend;
    private BackloopServer backendServer;
    private Model tokens;
    private final Map<App, BackloopServer> servers = new java.util.IdentityHashMap<>();

    @BeforeEach
    void start() {
        backend = AppBooter.boot(BackendApp.fixture("securebackend"), "test", Map.of());
        backendServer = backend.listen("127.0.0.1", 0);
        backend.model("User").create(Map.of("email", "reader@example.com", "password", "open sesame"));
        backend.model("Book").create(Map.of("title", "Dune"));
        tokens = backend.model("AccessToken");
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void logsInOnceAndReusesTheToken() {
        try (App gateway = gateway("open sesame", false)) {
            GatewayClient client = client(gateway);
            assertThat(client.send("GET", "/Books", null).json().findValuesAsText("title")).containsExactly("Dune");
            assertThat(client.send("GET", "/Books/count", null).json().get("count").asInt()).isEqualTo(1);
            assertThat(tokens.count(Where.ALL)).isEqualTo(1);
        }
    }

    @Test
    void logsInAgainWhenTheBackendRevokedItsToken() {
        try (App gateway = gateway("open sesame", false)) {
            GatewayClient client = client(gateway);
            assertThat(client.send("GET", "/Books", null).status()).isEqualTo(200);
            Object first = tokens.find(null).get(0).id();
            tokens.destroyAll(Where.ALL);
            GatewayClient.Reply again = client.send("GET", "/Books", null);
            assertThat(again.status()).isEqualTo(200);
            assertThat(tokens.find(null)).hasSize(1).allSatisfy(t -> assertThat(t.id()).isNotEqualTo(first));
        }
    }

    @Test
    void refusedCredentialsAreABadGatewayNamingTheLogin() {
        try (App gateway = gateway("wrong", false)) {
            GatewayClient.Reply reply = client(gateway).send("GET", "/Books", null);
            assertThat(reply.status()).isEqualTo(502);
            assertThat(reply.error().get("code").asText()).isEqualTo("REMOTE_LOGIN_FAILED");
            assertThat(reply.error().get("message").asText()).contains("could not log in").contains("/Users/login")
                    .contains("401");
        }
    }

    @Test
    void withPassThroughTheCallersTokenGoesInsteadOfTheLogin() {
        String token = new GatewayClient(backendServer.uri().resolve("/api")).send("POST", "/Users/login",
                "{\"email\": \"reader@example.com\", \"password\": \"open sesame\"}").json().get("id").asText();
        try (App gateway = gateway("wrong", true)) {
            GatewayClient client = client(gateway);
            // the caller's token: no login, so the wrong password never matters
            assertThat(client.send("GET", "/Books", null, "Authorization", token).status()).isEqualTo(200);
            assertThat(client.send("GET", "/Books?access_token=" + token, null).status()).isEqualTo(200);
            // no caller token: the datasource's own credentials, which are refused
            assertThat(client.send("GET", "/Books", null).status()).isEqualTo(502);
        }
    }

    private App gateway(String password, boolean passThrough) {
        App gateway = AppBooter.boot(BackendApp.fixture("logingateway"), "test", Map.of(
                "BACKEND_URL", backendServer.uri() + "/api", "BACKEND_PASSWORD", password,
                "PASS_THROUGH", String.valueOf(passThrough)));
        servers.put(gateway, gateway.listen("127.0.0.1", 0));
        return gateway;
    }

    private GatewayClient client(App gateway) {
        return new GatewayClient(servers.get(gateway).uri().resolve("/api"));
    }
}
