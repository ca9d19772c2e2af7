package dev.backloop.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.connector.conformance.ConformanceModels;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.GeneratedIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Indexes from model definitions, created by autoupdate and automigrate. */
class IndexTest {
    private MongoFixture mongo;

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    /** User: email unique (property index), name + age (model index), code (index: true) in field "c". */
    private static ModelDefinition user() {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        ObjectNode properties = settings.putObject("properties");
        properties.putObject("email").putObject("index").put("unique", true);
        ObjectNode code = properties.putObject("code");
        code.put("index", true);
        code.putObject("mongodb").put("fieldName", "c");
        ObjectNode byName = settings.putObject("indexes").putObject("name_age");
        byName.putObject("keys").put("name", 1).put("age", -1);
        return GeneratedIds.typed(ConformanceModels.model("User", settings, ConformanceModels.generatedId(),
                PropertyDefinition.of("email", PropertyType.STRING), PropertyDefinition.of("name", PropertyType.STRING),
                PropertyDefinition.of("age", PropertyType.NUMBER), PropertyDefinition.of("code", PropertyType.STRING)),
                PropertyType.STRING);
    }

    private List<Document> indexes() {
        return mongo.collection("User").listIndexes().into(new ArrayList<>());
    }

    @Test
    void autoupdateCreatesDeclaredIndexesAndKeepsData() {
        mongo = MongoFixture.start(List.of(user()));
        mongo.connector.create(user(), Map.of("email", "a@x", "name", "A"));
        mongo.connector.autoupdate(user());
        List<Document> indexes = indexes();
        assertThat(indexes).extracting(i -> i.get("key", Document.class))
                .contains(new Document("email", 1), new Document("name", 1).append("age", -1), new Document("c", 1));
        assertThat(indexes).filteredOn(i -> i.get("key", Document.class).equals(new Document("name", 1).append("age", -1)))
                .extracting(i -> i.getString("name")).containsExactly("name_age");
        assertThat(mongo.connector.count(user(), Where.ALL)).isEqualTo(1);
    }

    @Test
    void aUniqueIndexRefusesDuplicatesWithA409() {
        mongo = MongoFixture.start(List.of(user()));
        mongo.connector.automigrate(user());
        mongo.connector.create(user(), Map.of("email", "a@x"));
        assertThatThrownBy(() -> mongo.connector.create(user(), Map.of("email", "a@x")))
                .isInstanceOfSatisfying(HttpError.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("DUPLICATE_KEY");
                });
        assertThat(mongo.connector.count(user(), Where.ALL)).isEqualTo(1);
    }

    @Test
    void automigrateDropsDataAndRecreatesIndexes() {
        mongo = MongoFixture.start(List.of(user()));
        mongo.connector.create(user(), Map.of("email", "a@x"));
        mongo.connector.automigrate(user());
        assertThat(mongo.connector.count(user(), Where.ALL)).isZero();
        assertThat(indexes()).extracting(i -> i.get("key", Document.class)).contains(new Document("email", 1));
    }
}
