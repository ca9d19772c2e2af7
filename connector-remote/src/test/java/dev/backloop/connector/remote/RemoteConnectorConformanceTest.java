package dev.backloop.connector.remote;

import dev.backloop.connector.conformance.ConnectorConformanceTest;
import dev.backloop.spi.Connector;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The connector kit's conformance suite, run through the remote connector against a Backloop app. */
class RemoteConnectorConformanceTest extends ConnectorConformanceTest {
    private static BackendApp backend;

    @BeforeAll
    static void startBackend() {
        backend = new BackendApp();
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @Override
    protected Connector createConnector() {
        // automigrate does nothing over REST, so the backend is emptied here instead
        backend.reset();
        return new RemoteConnector(backend.settings(Map.of()));
    }

    @Override
    @Test
    @Disabled("automigrate of a remote datasource never deletes the remote app's data (documented)")
    public void automigrateDeletesTheModelsRecordsOnly() {
    }
}
