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
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys beginning with $ never reach MongoDB as operators, unless a model allows update operators. */
class OperatorSafetyTest {
    private MongoFixture mongo;

    @AfterEach
    void close() {
        if (mongo != null) {
            mongo.close();
        }
    }

    private static ModelDefinition counter(Boolean allowExtendedOperators) {
        ObjectNode settings = new ObjectMapper().createObjectNode();
        if (allowExtendedOperators != null) {
            settings.putObject("mongodb").put("allowExtendedOperators", allowExtendedOperators);
        }
        return GeneratedIds.typed(ConformanceModels.model("Counter", settings, ConformanceModels.generatedId(),
                PropertyDefinition.of("n", PropertyType.NUMBER), PropertyDefinition.of("tags", PropertyType.ARRAY)),
                PropertyType.STRING);
    }

    private static void refused(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(HttpError.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("OPERATOR_NOT_ALLOWED");
        });
    }

    @Test
    void dollarKeysInDataAreRefusedAtAnyDepth() {
        mongo = MongoFixture.start(List.of(counter(null)));
        ModelDefinition model = counter(null);
        refused(() -> mongo.connector.create(model, Map.of("$where", "sleep(100)")));
        refused(() -> mongo.connector.create(model, Map.of("meta", Map.of("$gt", 1))));
        refused(() -> mongo.connector.create(model, Map.of("list", List.of(Map.of("$expr", 1)))));
        Object id = mongo.connector.create(model, Map.of("n", 1L)).get("id");
        refused(() -> mongo.connector.patchById(model, id, Map.of("$inc", Map.of("n", 1L))));
        refused(() -> mongo.connector.update(model, Where.ALL, Map.of("$set", Map.of("n", 5L))));
        refused(() -> mongo.connector.replaceById(model, id, Map.of("n", Map.of("$numberLong", "1"))));
        // _id is reachable only through the id property
        refused(() -> mongo.connector.create(model, Map.of("_id", "chosen")));
        refused(() -> mongo.connector.patchById(model, id, Map.of("_id", "other")));
        assertThat(mongo.collection("Counter").countDocuments()).isEqualTo(1);
        assertThat(mongo.connector.find(model, dev.backloop.filter.Filter.ALL).get(0)).containsEntry("n", 1L);
    }

    @Test
    void updateOperatorsWhenTheDatasourceAllowsThem() {
        mongo = MongoFixture.start(List.of(counter(null)), "allowExtendedOperators", true);
        ModelDefinition model = counter(null);
        Object id = mongo.connector.create(model, Map.of("n", 1L, "tags", List.of("a"))).get("id");
        Map<String, Object> after = mongo.connector.patchById(model, id,
                Map.of("$inc", Map.of("n", 2L), "$push", Map.of("tags", Map.of("$each", List.of("b", "c"))))).orElseThrow();
        assertThat(after).containsEntry("n", 3L).containsEntry("tags", List.of("a", "b", "c"));
        assertThat(mongo.connector.update(model, Where.ALL, Map.of("$unset", Map.of("tags", ""), "label", "x"))).isEqualTo(1);
        assertThat(mongo.connector.find(model, dev.backloop.filter.Filter.ALL).get(0))
                .doesNotContainKey("tags").containsEntry("label", "x");
        // evaluating operators and operators inside values stay refused
        refused(() -> mongo.connector.update(model, Where.ALL, Map.of("$where", Map.of("n", 1L))));
        refused(() -> mongo.connector.update(model, Where.ALL, Map.of("$function", Map.of("n", 1L))));
        refused(() -> mongo.connector.update(model, Where.ALL, Map.of("$set", Map.of("n", Map.of("$accumulator", 1)))));
        refused(() -> mongo.connector.create(model, Map.of("$inc", Map.of("n", 1L))));
    }

    @Test
    void aModelSettingOverridesTheDatasource() {
        mongo = MongoFixture.start(List.of(counter(false)), "allowExtendedOperators", true);
        ModelDefinition denied = counter(false);
        Object id = mongo.connector.create(denied, Map.of("n", 1L)).get("id");
        refused(() -> mongo.connector.patchById(denied, id, Map.of("$inc", Map.of("n", 1L))));
        ModelDefinition allowed = counter(true);
        assertThat(mongo.connector.patchById(allowed, id, Map.of("$inc", Map.of("n", 1L))).orElseThrow())
                .containsEntry("n", 2L);
    }
}
