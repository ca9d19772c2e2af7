package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.GeneratedIds;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only a real MongoDB can show; skipped, with the reason, on the in-process server. Run with
 * {@code MONGODB_URL=mongodb://127.0.0.1:27017 mvn -pl connector-mongodb -am verify}.
 */
class RealMongoOnlyTest {
    private MongoFixture mongo;

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void theIndexesOfAutoupdateServeTheTranslatedQueries() {
        assumeFalse(MongoTestServer.inProcess(), "mongo-java-server has no query planner: explain is not supported");
        ObjectNode settings = new ObjectMapper().createObjectNode();
        settings.putObject("indexes").putObject("author_price").putObject("keys").put("author", 1).put("price", -1);
        ModelDefinition book = GeneratedIds.typed(ConformanceModels.model("Book", settings, ConformanceModels.generatedId(),
                PropertyDefinition.of("author", PropertyType.STRING), PropertyDefinition.of("price", PropertyType.NUMBER)),
                PropertyType.STRING);
        mongo = MongoFixture.start(List.of(book));
        mongo.connector.automigrate(book);
        for (long i = 0; i < 50; i++) {
            mongo.connector.create(book, Map.of("author", "a" + (i % 5), "price", i));
        }
        Document query = new WhereTranslator(new ModelMapping(book, false), false).translate(Where.eq("author", "a1"));
        Document explained = mongo.collection("Book").find(query)
                .sort(new Document("price", -1)).explain();
        assertThat(explained.toJson()).contains("IXSCAN").contains("author_price");
    }
}
