package dev.backloop.connector.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.GeneratedIds;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** A started connector on its own database, plus a raw driver client to look at what it stored. */
final class MongoFixture implements AutoCloseable {
    final MongoConnector connector;
    private final MongoClient raw;
    private final String database;

    private MongoFixture(DataSourceSettings settings, List<ModelDefinition> models) {
        this.database = String.valueOf(settings.values().get("database"));
        this.connector = new MongoConnector(settings);
        this.raw = MongoClients.create(MongoTestServer.url());
        models.forEach(connector::define);
        connector.start();
    }

    /** Attaches the models (generated ids become ObjectId strings) and starts the connector. */
    static MongoFixture start(List<ModelDefinition> models, Object... settings) {
        List<ModelDefinition> attached = new ArrayList<>();
        models.forEach(m -> attached.add(GeneratedIds.typed(m, dev.backloop.model.PropertyType.STRING)));
        return new MongoFixture(MongoTestServer.settings(settings), attached);
    }

    MongoCollection<Document> collection(String name) {
        return raw.getDatabase(database).getCollection(name);
    }

    @Override
    public void close() {
        connector.close();
        raw.close();
    }
}
