package dev.backloop.storage;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.util.Set;

/**
 * The {@code storage} connector, LoopBack 3's {@code loopback-component-storage}: a datasource of
 * containers (folders) and files. Models attached to it get the container routes, not CRUD.
 *
 * <pre>{@code
 * "files": {"connector": "loopback-component-storage", "provider": "filesystem", "root": "./storage"}
 * }</pre>
 */
public final class StorageConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("loopback-component-storage");
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new StorageConnector(StorageOptions.of(settings));
    }
}
