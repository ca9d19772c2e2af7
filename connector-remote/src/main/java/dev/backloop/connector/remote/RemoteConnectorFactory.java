package dev.backloop.connector.remote;

import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.ConnectorSetting;
import dev.backloop.spi.DataSourceSettings;
import java.util.List;
import java.util.Set;

/**
 * The {@code remote} connector: another LoopBack-compatible app as a datasource. LoopBack 3 datasources
 * that name the npm package {@code loopback-connector-remote} boot unchanged.
 */
public final class RemoteConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("loopback-connector-remote");
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new RemoteConnector(RemoteSettings.of(settings));
    }

    @Override
    public List<ConnectorSetting> settings() {
        return List.of(
                ConnectorSetting.text("url", "REST root of the remote app", "http://127.0.0.1:3000/api"),
                new ConnectorSetting("timeout", "Timeout of each request, in milliseconds",
                        ConnectorSetting.Type.NUMBER, String.valueOf(RemoteSettings.DEFAULT_TIMEOUT_MS)),
                new ConnectorSetting("retries", "Retries of an idempotent request the remote could not answer",
                        ConnectorSetting.Type.NUMBER, String.valueOf(RemoteSettings.DEFAULT_RETRIES)),
                new ConnectorSetting("maxConnections", "Requests in flight to the remote at once",
                        ConnectorSetting.Type.NUMBER, String.valueOf(RemoteSettings.DEFAULT_MAX_CONNECTIONS)),
                new ConnectorSetting("discover", "Define the remote's models from its swagger.json",
                        ConnectorSetting.Type.BOOLEAN, "false"),
                ConnectorSetting.text("idType", "Type of the ids the remote generates (number or string)", "number"));
    }
}
