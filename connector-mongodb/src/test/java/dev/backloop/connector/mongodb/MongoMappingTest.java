package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Fields;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Order;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.DuplicateIdException;
import dev.backloop.spi.GeneratedIds;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How records look in MongoDB: ids, ObjectIds, collection and field names. */
class MongoMappingTest {
    private static final String HEX = "5f1d7a3b9c8e4d2a1b0c9d8e";
    private MongoFixture mongo;

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    private static Map<String, Object> data(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Note: stored in "notes" with title in field "t"; ownerId declared mongodb.dataType ObjectId. */
    private static ModelDefinition note() {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        settings.putObject("mongodb").put("collection", "notes");
        ObjectNode properties = settings.putObject("properties");
        properties.putObject("title").putObject("mongodb").put("fieldName", "t");
        properties.putObject("ownerId").putObject("mongodb").put("dataType", "ObjectId");
        return ConformanceModels.model("Note", settings, ConformanceModels.generatedId(),
                PropertyDefinition.of("title", PropertyType.STRING), PropertyDefinition.of("ownerId", PropertyType.STRING),
                PropertyDefinition.of("authorId", PropertyType.STRING), PropertyDefinition.of("when", PropertyType.DATE));
    }

    private ModelDefinition attached() {
        return GeneratedIds.typed(note(), mongo.connector.generatedIdType());
    }

    @Test
    void generatedIdsAreObjectIdsStoredInUnderscoreId() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        Map<String, Object> created = mongo.connector.create(model, data("title", "a"));
        String id = (String) created.get("id");
        assertThat(ObjectIds.isHex(id)).isTrue();
        Document raw = mongo.collection("notes").find().first();
        assertThat(raw.get("_id")).isEqualTo(new ObjectId(id));
        assertThat(raw).doesNotContainKey("id");
        assertThat(mongo.connector.find(model, Filter.where(Where.eq("id", id)))).hasSize(1);
    }

    @Test
    void suppliedHexIdsAreObjectIdsAndOtherIdsStayAsGiven() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        assertThat(mongo.connector.create(model, data("id", HEX, "title", "hex")).get("id")).isEqualTo(HEX);
        assertThat(mongo.connector.create(model, data("id", "my-key", "title", "text")).get("id")).isEqualTo("my-key");
        assertThat(mongo.collection("notes").find(new Document("_id", new ObjectId(HEX))).first()).isNotNull();
        assertThat(mongo.collection("notes").find(new Document("_id", "my-key")).first()).isNotNull();
        assertThatThrownBy(() -> mongo.connector.create(model, data("id", HEX.toUpperCase())))
                .isInstanceOf(DuplicateIdException.class);
    }

    @Test
    void collectionAndFieldNamesComeFromTheMongodbSettings() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        mongo.connector.create(model, data("title", "b"));
        mongo.connector.create(model, data("title", "a"));
        Document raw = mongo.collection("notes").find(new Document("t", "a")).first();
        assertThat(raw).containsKey("t").doesNotContainKey("title");
        List<Map<String, Object>> found = mongo.connector.find(model, new Filter(Where.ALL,
                new Fields(Set.of("title"), Set.of()), List.of(new Order("title", Order.Direction.ASC)), null, 0, List.of()));
        assertThat(found).containsExactly(Map.of("title", "a"), Map.of("title", "b"));
        assertThat(mongo.connector.update(model, Where.eq("title", "a"), data("title", "c"))).isEqualTo(1);
        assertThat(mongo.collection("notes").countDocuments(new Document("t", "c"))).isEqualTo(1);
    }

    @Test
    void datesAreBsonDates() {
        mongo = MongoFixture.start(List.of(note()));
        Instant when = Instant.parse("2024-02-29T12:34:56.789Z");
        mongo.connector.create(attached(), data("when", when));
        assertThat(mongo.collection("notes").find().first().get("when")).isEqualTo(Date.from(when));
    }

    @Test
    void declaredObjectIdPropertiesStoreObjectIdsAndRefuseOtherValues() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        Map<String, Object> created = mongo.connector.create(model, data("ownerId", HEX, "authorId", HEX));
        Document raw = mongo.collection("notes").find().first();
        assertThat(raw.get("ownerId")).isEqualTo(new ObjectId(HEX));
        // a string property keeps its hex string as a string (LoopBack 3 turned it into an ObjectId)
        assertThat(raw.get("authorId")).isEqualTo(HEX);
        assertThat(created).containsEntry("ownerId", HEX).containsEntry("authorId", HEX);
        assertThat(mongo.connector.count(model, Where.eq("ownerId", HEX))).isEqualTo(1);
        assertThatThrownBy(() -> mongo.connector.create(model, data("ownerId", "not-an-id")))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void objectIdsWrittenByLoopBackAreFoundUnlessStrict() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        // LoopBack 3 stored any 24-digit hex string as an ObjectId
        mongo.collection("notes").insertOne(new Document("t", "legacy").append("authorId", new ObjectId(HEX)));
        assertThat(mongo.connector.count(model, Where.eq("authorId", HEX))).isEqualTo(1);
        assertThat(mongo.connector.find(model, Filter.ALL).get(0)).containsEntry("authorId", HEX);
        mongo.close();

        mongo = MongoFixture.start(List.of(note()), "strictObjectIDCoercion", true);
        mongo.collection("notes").insertOne(new Document("t", "legacy").append("authorId", new ObjectId(HEX)));
        assertThat(mongo.connector.count(attached(), Where.eq("authorId", HEX))).isZero();
    }

    @Test
    void withoutAnOrderRecordsComeInIdOrder() {
        mongo = MongoFixture.start(List.of(note()));
        ModelDefinition model = attached();
        mongo.connector.create(model, data("id", "b", "title", "1"));
        mongo.connector.create(model, data("id", "a", "title", "2"));
        mongo.connector.create(model, data("id", "c", "title", "3"));
        assertThat(mongo.connector.find(model, Filter.ALL)).extracting(r -> r.get("id")).containsExactly("a", "b", "c");
    }
}
