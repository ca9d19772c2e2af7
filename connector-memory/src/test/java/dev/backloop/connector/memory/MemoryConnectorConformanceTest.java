package dev.backloop.connector.memory;

import dev.backloop.connector.conformance.ConnectorConformanceTest;
import dev.backloop.spi.Connector;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.Map;

/** The reference connector passes the conformance suite, without a file and with one. */
class MemoryConnectorConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector createConnector() {
        return new MemoryConnector(new DataSourceSettings("db", "memory", Map.of(), Path.of(".")));
    }
}
