package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RemoteConnectorFactoryTest {

    @Test
    void isFoundByNameAndByLoopBacksPackageName() {
        ConnectorFactory factory = ServiceLoader.load(ConnectorFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("remote")).findFirst().orElseThrow();
        assertThat(factory.aliases()).contains("loopback-connector-remote");
        assertThat(factory.create(new DataSourceSettings("r", "remote", Map.of("url", "http://127.0.0.1:1/api"),
                Path.of(".")))).isInstanceOf(RemoteConnector.class);
    }

    @Test
    void hostPortAndRootMakeTheUrlAsInLoopBack() {
        RemoteSettings settings = RemoteSettings.of(new DataSourceSettings("r", "remote",
                Map.of("host", "127.0.0.1", "port", 8080, "root", "/rest", "timeout", 500), Path.of(".")));
        assertThat(settings.root()).get().hasToString("http://127.0.0.1:8080/rest");
        assertThat(settings.timeout().toMillis()).isEqualTo(500);
        assertThat(settings.auth().header(login -> fail("no login expected"))).isEmpty();
        assertThat(settings.headers()).isEmpty();
        assertThat(settings.retries()).isEqualTo(2);
        assertThat(settings.retryDelay().toMillis()).isEqualTo(100);
        assertThat(settings.maxConnections()).isEqualTo(50);
    }

    @Test
    void withNoAddressTheRemoteIsTheAppItself() {
        assertThat(settings(Map.of()).root()).isEmpty();
        assertThat(settings(Map.of("url", "")).root()).isEmpty();
    }

    @Test
    void eachWayToAuthenticateMakesItsHeader() {
        assertThat(settings(Map.of("accessToken", "raw")).auth().header(login -> null)).contains("raw");
        assertThat(settings(Map.of("auth", Map.of("accessToken", "raw"))).auth().header(login -> null)).contains("raw");
        assertThat(settings(Map.of("auth", Map.of("bearer", "jwt"))).auth().header(login -> null)).contains("Bearer jwt");
        assertThat(settings(Map.of("auth", Map.of("basic", Map.of("username", "ann", "password", "s3cret:x"))))
                .auth().header(login -> null)).contains("Basic YW5uOnMzY3JldDp4");
        RemoteAuth login = settings(Map.of("auth", Map.of("email", "a@b.c", "password", "pw", "passThrough", true))).auth();
        assertThat(login.passThrough()).isTrue();
        assertThat(login.logsIn()).isTrue();
        List<RemoteAuth.LoginRequest> sent = new ArrayList<>();
        Object token = Map.of("id", "tok-1", "ttl", 1209600);
        assertThat(login.header(request -> {
            sent.add(request);
            return token;
        })).contains("tok-1");
        // the token is kept until it is due or refused
        assertThat(login.header(request -> fail("logged in twice"))).contains("tok-1");
        assertThat(sent).containsExactly(new RemoteAuth.LoginRequest("/Users/login", Map.of("email", "a@b.c", "password", "pw")));
        assertThat(login.forget("tok-1")).isTrue();
        assertThat(login.header(request -> Map.of("id", "tok-2", "ttl", -1))).contains("tok-2");
    }

    @Test
    void badSettingsAreRefusedAtBootWithTheirName() {
        assertThatThrownBy(() -> settings(Map.of("auth", Map.of("bearer", "a", "accessToken", "b"))))
                .hasMessageContaining("Datasource r: auth gives more than one way");
        assertThatThrownBy(() -> settings(Map.of("auth", Map.of("token", "a"))))
                .hasMessageContaining("unknown keys [token]");
        assertThatThrownBy(() -> settings(Map.of("auth", Map.of("password", "a"))))
                .hasMessageContaining("no username or email");
        assertThatThrownBy(() -> settings(Map.of("auth", Map.of("basic", "ann:pw"))))
                .hasMessageContaining("basic must be");
        assertThatThrownBy(() -> settings(Map.of("auth", "token")))
                .hasMessageContaining("auth must be an object");
        assertThatThrownBy(() -> settings(Map.of("retries", -1))).hasMessageContaining("retries must be at least 0");
        assertThatThrownBy(() -> settings(Map.of("maxConnections", 0))).hasMessageContaining("maxConnections must be at least 1");
        assertThatThrownBy(() -> settings(Map.of("timeout", "soon"))).hasMessageContaining("timeout must be a number");
        assertThatThrownBy(() -> settings(Map.of("url", "ftp://x/api"))).hasMessageContaining("url must be http(s)");
    }

    private static RemoteSettings settings(Map<String, Object> values) {
        return RemoteSettings.of(new DataSourceSettings("r", "remote", values, Path.of(".")));
    }

    @Test
    void headersAreReadAndRestrictedOnesRefusedAtBoot() {
        RemoteSettings settings = RemoteSettings.of(new DataSourceSettings("r", "remote",
                Map.of("url", "http://127.0.0.1:1/api", "headers", Map.of("X-Tenant", "acme", "X-Level", 3)),
                Path.of(".")));
        assertThat(settings.headers()).containsEntry("X-Tenant", "acme").containsEntry("X-Level", "3");
        assertThatThrownBy(() -> RemoteSettings.of(new DataSourceSettings("r", "remote",
                Map.of("url", "http://127.0.0.1:1/api", "headers", Map.of("Host", "evil")), Path.of("."))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header Host");
        assertThatThrownBy(() -> RemoteSettings.of(new DataSourceSettings("r", "remote",
                Map.of("url", "http://127.0.0.1:1/api", "headers", "X-A: b"), Path.of("."))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headers must be an object");
    }
}
