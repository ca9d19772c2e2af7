package dev.backloop.datasource;

import dev.backloop.spi.Connector;
import dev.backloop.spi.DataSourceSettings;
import java.util.Objects;

/** A named datasource of an app: its settings and the connector serving it. */
public final class DataSource implements AutoCloseable {
    private final DataSourceSettings settings;
    private final Connector connector;

    public DataSource(DataSourceSettings settings, Connector connector) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.connector = Objects.requireNonNull(connector, "connector is null");
    }

    public String name() {
        return settings.name();
    }

    public DataSourceSettings settings() {
        return settings;
    }

    public Connector connector() {
        return connector;
    }

    /** Closes the connector, which flushes what it has not written yet. */
    @Override
    public void close() {
        connector.close();
    }
}
