package dev.backloop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.error.HttpError;
import dev.backloop.error.ValidationError;
import dev.backloop.model.ModelDefinition;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataCoercionTest {
    private static final ModelDefinition ITEM = Definitions.read("{'name': 'Item', 'properties': {"
            + "'name': 'string', 'price': 'number', 'active': 'boolean', 'at': 'date',"
            + "'tags': ['string'], 'counts': {'type': ['number']}, 'meta': 'object', 'where': 'geopoint', 'extra': 'any',"
            + "'status': {'type': 'string', 'default': 'new'}, 'created': {'type': 'date', 'default': '$now'},"
            + "'stamp': {'type': 'date', 'defaultFn': 'now'}, 'ref': {'type': 'string', 'defaultFn': 'uuidv4'}}}");

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ValidationError failure(ModelDefinition model, Map<String, Object> data) {
        try {
            DataCoercion.forCreate(model, data);
        } catch (ValidationError e) {
            return e;
        }
        throw new AssertionError("no ValidationError for " + data);
    }

    @Test
    void convertsValuesToDeclaredTypes() {
        Map<String, Object> typed = DataCoercion.forUpdate(ITEM, data("name", 12, "price", "9.5", "active", "true",
                "at", "2020-01-02T03:04:05.006Z", "counts", List.of("1", 2), "where", "10.5,-20"));
        assertThat(typed).containsEntry("name", "12").containsEntry("price", 9.5).containsEntry("active", true)
                .containsEntry("at", Instant.parse("2020-01-02T03:04:05.006Z"))
                .containsEntry("counts", List.of(1L, 2L))
                .containsEntry("where", Map.of("lat", 10.5, "lng", -20.0));
    }

    @Test
    void createFillsDefaultsAndGeneratorsButUpdateDoesNot() {
        Instant before = Instant.now();
        Map<String, Object> created = DataCoercion.forCreate(ITEM, data("name", "a"));
        assertThat(created).containsEntry("status", "new");
        assertThat((Instant) created.get("created")).isAfterOrEqualTo(before);
        assertThat((Instant) created.get("stamp")).isAfterOrEqualTo(before);
        assertThat((String) created.get("ref")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(DataCoercion.forUpdate(ITEM, data("name", "a"))).containsOnlyKeys("name");
    }

    @Test
    void givenValuesWinOverDefaultsAndNullIsKept() {
        Map<String, Object> created = DataCoercion.forCreate(ITEM, data("status", "old", "price", null));
        assertThat(created).containsEntry("status", "old").containsEntry("price", null);
    }

    @Test
    void uncoercibleValuesAreAllReportedAs422() {
        ValidationError error = failure(ITEM, data("price", "cheap", "at", "yesterday", "active", "maybe",
                "tags", "sf", "meta", 5, "where", Map.of("lat", 100, "lng", 0), "name", Map.of("x", 1)));
        assertThat(error.statusCode()).isEqualTo(422);
        @SuppressWarnings("unchecked")
        Map<String, List<String>> codes = (Map<String, List<String>>) ((Map<?, ?>) error.details()).get("codes");
        assertThat(codes).containsEntry("price", List.of("number")).containsEntry("at", List.of("date"))
                .containsEntry("active", List.of("boolean")).containsEntry("tags", List.of("array"))
                .containsEntry("meta", List.of("object")).containsEntry("where", List.of("geopoint"))
                .containsEntry("name", List.of("string"));
        assertThat(error.getMessage()).startsWith("The `Item` instance is not valid. Details: ")
                .contains("`price` is not a number (value: \"cheap\")")
                .contains("`at` is not a valid date (value: \"yesterday\")");
    }

    @Test
    void strictModesTreatUndeclaredPropertiesAsLoopBackDoes() {
        Map<String, Object> extra = data("name", "a", "color", "red");
        assertThat(DataCoercion.forCreate(Definitions.read("{'name': 'A', 'properties': {'name': 'string'}}"), extra))
                .containsEntry("color", "red");
        assertThat(DataCoercion.forCreate(
                Definitions.read("{'name': 'B', 'strict': 'filter', 'properties': {'name': 'string'}}"), extra))
                .doesNotContainKey("color");
        ValidationError strict = failure(
                Definitions.read("{'name': 'C', 'strict': true, 'properties': {'name': 'string'}}"), extra);
        assertThat(strict.getMessage()).contains("`color` is not defined in the model (value: \"red\")");
        assertThatThrownBy(() -> DataCoercion.forCreate(
                Definitions.read("{'name': 'D', 'strict': 'throw', 'properties': {'name': 'string'}}"), extra))
                .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("Unknown property: color");
    }

    @Test
    void longValuesAreCutShortInTheMessage() {
        ValidationError error = failure(ITEM, data("price", "x".repeat(10_000)));
        assertThat(error.getMessage()).hasSizeLessThan(200).contains("...");
    }
}
