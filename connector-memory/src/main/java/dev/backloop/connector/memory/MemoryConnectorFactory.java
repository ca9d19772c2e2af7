package dev.backloop.connector.memory;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.ConnectorSetting;
import dev.backloop.spi.DataSourceSettings;
import java.util.List;
import java.util.Set;

/**
 * The {@code memory} connector. LoopBack 3 resolves {@code "connector": "memory"} to the juggler's built-in
 * {@code lib/connectors/memory}; no npm package {@code loopback-connector-memory} exists, so there is no
 * alias.
 */
public final class MemoryConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new MemoryConnector(settings);
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(ConnectorSetting.text("file",
                "JSON file the data is saved to, relative to the app (empty: memory only)", ""));
    }
}
