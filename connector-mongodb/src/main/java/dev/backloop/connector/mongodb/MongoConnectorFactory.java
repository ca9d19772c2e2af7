package dev.backloop.connector.mongodb;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.util.Set;

/** {@code "connector": "mongodb"}, or LoopBack's package name {@code "loopback-connector-mongodb"}. */
public final class MongoConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("loopback-connector-mongodb");
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new MongoConnector(settings);
    }
}
