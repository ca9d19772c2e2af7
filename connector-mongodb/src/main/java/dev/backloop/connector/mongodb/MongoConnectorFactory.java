package dev.backloop.connector.mongodb;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.ConnectorSetting;
import dev.backloop.spi.DataSourceSettings;
import java.util.List;
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

    /** What LoopBack's datasource generator asks for MongoDB; a url wins over the other parts. */
    @Override
    public List<ConnectorSetting> settings() {
        return List.of(
                ConnectorSetting.text("url", "Connection string (empty: built from host, port, database)", ""),
                ConnectorSetting.text("host", "Host", "127.0.0.1"),
                new ConnectorSetting("port", "Port", ConnectorSetting.Type.NUMBER, "27017"),
                ConnectorSetting.text("database", "Database", "test"),
                ConnectorSetting.text("user", "User (empty: none)", ""),
                ConnectorSetting.secret("password", "Password (empty: none)"));
    }
}
