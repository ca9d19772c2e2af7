package dev.backloop.storage;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.ConnectorSetting;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.Providers;
import java.util.List;
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
        StorageOptions options = StorageOptions.of(settings);
        List<StorageProvider> providers = Providers.load(StorageProvider.class,
                Thread.currentThread().getContextClassLoader(), "storage provider");
        StorageProvider provider = providers.stream().filter(p -> p.name().equalsIgnoreCase(options.provider()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("Datasource \"" + settings.name()
                        + "\": storage provider \"" + options.provider() + "\" is not yet supported (available: "
                        + String.join(", ", providers.stream().map(StorageProvider::name).sorted().toList()) + "). The amazon and "
                        + "azure providers come with backloop-component-storage-s3 and backloop-component-storage-azure"));
        return new StorageConnector(options, provider.create(settings));
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(
                ConnectorSetting.text("provider", "Storage provider", "filesystem"),
                ConnectorSetting.text("root", "Folder of the containers, relative to the app", "./storage"),
                new ConnectorSetting("maxFileSize", "Largest upload in bytes (empty: no limit)",
                        ConnectorSetting.Type.NUMBER, ""));
    }
}
