package dev.backloop.connector.example;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;

/** Makes {@code "connector": "example"} in datasources.json create an {@link ExampleConnector}. */
public final class ExampleConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "example";
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new ExampleConnector();
    }
}
