package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What clients see when the database cannot be reached, and that the connector recovers. */
class ConnectionFailureTest {
    private static final ModelDefinition BOOK = GeneratedIds.typed(ConformanceModels.book(), PropertyType.STRING);

    /** Settings that fail fast while the database is away (the driver waits 30 s by default). */
    private static DataSourceSettings settings(String url, int serverSelectionTimeoutMs, Object... extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", url);
        values.put("database", "backloop_failures");
        values.put("serverSelectionTimeoutMS", serverSelectionTimeoutMs);
        for (int i = 0; i < extra.length; i += 2) {
            values.put((String) extra[i], extra[i + 1]);
        }
        return new DataSourceSettings("library", "mongodb", values, Path.of("."));
    }

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void unavailable(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(e.getMessage()).contains("\"library\"");
        });
    }

    @Test
    void startFailsWithAClearErrorWhenTheServerIsUnreachable() throws IOException {
        int port = closedPort();
        MongoConnector connector = new MongoConnector(settings("mongodb://app:s3cret@127.0.0.1:" + port, 300));
        connector.define(BOOK);
        assertThatThrownBy(connector::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Datasource \"library\" cannot connect to MongoDB at mongodb://app:***@127.0.0.1:" + port)
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void lazyConnectStartsAndAnswers503UntilTheServerIsThere() throws IOException {
        MongoConnector connector = new MongoConnector(settings("mongodb://127.0.0.1:" + closedPort(), 300, "lazyConnect", true));
        connector.define(BOOK);
        connector.start();
        try {
            unavailable(() -> connector.find(BOOK, Filter.ALL));
            unavailable(() -> connector.create(BOOK, Map.of("title", "Dune")));
        } finally {
            connector.close();
        }
    }

    @Test
    @Timeout(120)
    void aLostConnectionIs503AndAcknowledgedWritesSurviveTheReconnect() throws InterruptedException {
        String host = new ConnectionString(MongoTestServer.url()).getHosts().get(0);
        int colon = host.lastIndexOf(':');
        try (TcpProxy proxy = new TcpProxy(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)))) {
            // a loaded machine needs time for the first handshake
            MongoConnector connector = new MongoConnector(settings("mongodb://127.0.0.1:" + proxy.port(), 2000));
            connector.define(BOOK);
            connector.start();
            try {
                connector.automigrate(BOOK);
                Object id = connector.create(BOOK, Map.of("title", "Dune")).get("id");

                proxy.cut();
                unavailable(() -> connector.find(BOOK, Filter.ALL));
                unavailable(() -> connector.create(BOOK, Map.of("title", "lost")));
                unavailable(() -> connector.update(BOOK, Where.ALL, Map.of("title", "x")));

                proxy.restore();
                // the driver reconnects by itself; poll until it has (a failed attempt is a 503 as above)
                Long count = null;
                while (count == null) {
                    try {
                        count = connector.count(BOOK, Where.ALL);
                    } catch (HttpError e) {
                        assertThat(e.statusCode()).isEqualTo(503);
                        Thread.sleep(100);
                    }
                }
                assertThat(connector.find(BOOK, Filter.where(Where.eq("id", id)))).extracting(r -> r.get("title"))
                        .containsExactly("Dune");
                assertThat(connector.count(BOOK, Where.eq("title", "x"))).isZero();
                connector.create(BOOK, Map.of("title", "after"));
                assertThat(connector.count(BOOK, Where.ALL)).isEqualTo(2);
            } finally {
                connector.close();
            }
        }
    }
}
