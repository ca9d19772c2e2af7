package dev.backloop.connector.mongodb;

import dev.backloop.connector.conformance.ConnectorConformanceTest;
import dev.backloop.spi.Connector;

/** The whole conformance suite on MongoDB (in-process, or MONGODB_URL). */
class MongoConnectorConformanceTest extends ConnectorConformanceTest {

    @Override
    protected Connector createConnector() {
        return new MongoConnector(MongoTestServer.settings());
    }
}
