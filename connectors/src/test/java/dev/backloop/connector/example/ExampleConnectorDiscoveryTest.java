package dev.backloop.connector.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.datasource.ConnectorRegistry;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service file makes the example connector available by name, as the guide says. */
class ExampleConnectorDiscoveryTest {

    @Test
    void foundByServiceLoaderUnderItsName() {
        ConnectorRegistry registry = ConnectorRegistry.discover(getClass().getClassLoader());
        assertThat(registry.create(new DataSourceSettings("db", "example", Map.of(), Path.of("."))))
                .isInstanceOf(ExampleConnector.class);
    }
}
