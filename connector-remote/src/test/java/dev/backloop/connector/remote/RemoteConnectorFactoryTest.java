package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
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
        assertThat(settings.root()).hasToString("http://127.0.0.1:8080/rest");
        assertThat(settings.timeout().toMillis()).isEqualTo(500);
        assertThat(settings.accessToken()).isEmpty();
        assertThat(settings.headers()).isEmpty();
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
