package dev.backloop.connector.example;

import dev.backloop.connector.conformance.ConnectorConformanceTest;
import dev.backloop.spi.Connector;

/** The example connector passes the whole suite. */
class ExampleConnectorConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector createConnector() {
        return new ExampleConnector();
    }
}
