package dev.backloop.datasource;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.Providers;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors on the classpath, found with {@link ServiceLoader}, by name and alias. A broken provider
 * or two providers claiming one name are reported, never silently skipped.
 */
public final class ConnectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, ConnectorFactory> byName = new TreeMap<>();

    private ConnectorRegistry() {
    }

    /** Every connector factory visible to {@code classLoader}. */
    public static ConnectorRegistry discover(ClassLoader classLoader) {
        ConnectorRegistry registry = new ConnectorRegistry();
        Providers.load(ConnectorFactory.class, classLoader, "connector").forEach(registry::register);
        return registry;
    }

    /** Adds a factory under its name and aliases. */
    public ConnectorRegistry register(ConnectorFactory factory) {
        claim(factory.name(), factory);
        for (String alias : factory.aliases()) {
            claim(alias, factory);
        }
        LOG.debug("Registered connector '{}' from {}", factory.name(), factory.getClass().getName());
        return this;
    }

    private void claim(String name, ConnectorFactory factory) {
        ConnectorFactory previous = byName.putIfAbsent(name, factory);
        if (previous != null && previous != factory) {
            throw new IllegalStateException("Two connectors claim the name \"" + name + "\": "
                    + previous.getClass().getName() + " and " + factory.getClass().getName());
        }
    }

    /**
     * Creates the connector a datasource names.
     *
     * @throws UnknownConnectorException naming the connectors that are available
     */
    public Connector create(DataSourceSettings settings) {
        ConnectorFactory factory = byName.get(settings.connector());
        if (factory == null) {
            throw new UnknownConnectorException(settings.name(), settings.connector(), new TreeSet<>(byName.keySet()));
        }
        return factory.create(settings);
    }
}
