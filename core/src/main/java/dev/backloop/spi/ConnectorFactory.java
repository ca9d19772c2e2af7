package dev.backloop.spi;

import java.util.List;
import java.util.Set;

/**
 * Creates connectors of one kind. Found with {@link java.util.ServiceLoader}: a connector jar lists its
 * factory in {@code META-INF/services/dev.backloop.spi.ConnectorFactory}.
 *
 * <pre>{@code
 * public final class RedisConnectorFactory implements ConnectorFactory {
 *     public String name() { return "redis"; }
 *     public Set<String> aliases() { return Set.of("loopback-connector-redis"); }
 *     public Connector create(DataSourceSettings settings) { return new RedisConnector(settings); }
 * }
 * }</pre>
 */
public interface ConnectorFactory {

    /** The name a datasource uses in its {@code connector} setting, e.g. {@code "memory"}. */
    String name();

    /** Other names accepted for this connector, e.g. LoopBack's npm package name. */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Creates a connector for one datasource. Must do no I/O: connecting happens in
     * {@link Connector#start()}.
     */
    Connector create(DataSourceSettings settings);

    /**
     * The settings a datasource of this connector usually sets, in the order to ask for them, with their
     * defaults. Tools that write {@code datasources.json} (the command line's {@code datasource} command)
     * prompt for these; a connector may read more. The default declares none.
     */
    default List<ConnectorSetting> settings() {
        return List.of();
    }
}
