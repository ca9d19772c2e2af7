package dev.backloop.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.backloop.error.ValidationError;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.WhereMatcher;
import dev.backloop.model.ModelDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    /** Records "stored" for the uniqueness check, matched with the same where evaluation connectors use. */
    private final List<Map<String, Object>> stored = new ArrayList<>();
    private final List<Where> asked = new ArrayList<>();
    private final Validator validator = new Validator((model, where) -> {
        asked.add(where);
        return stored.stream().anyMatch(row -> WhereMatcher.matches(where, row));
    });

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static ModelDefinition model(String validations) {
        return Definitions.read("{'name': 'User', 'properties': {'name': {'type': 'string', 'required': true},"
                + "'email': 'string', 'age': 'number', 'role': 'string', 'org': 'string', 'nick': 'string'},"
                + "'validations': [" + validations + "]}");
    }

    private Map<String, List<String>> codes(ModelDefinition model, Map<String, Object> data, Object id) {
        try {
            validator.validate(model, data, id);
            return Map.of();
        } catch (ValidationError e) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> codes = (Map<String, List<String>>) ((Map<?, ?>) e.details()).get("codes");
            return codes;
        }
    }

    @Test
    void requiredPropertyIsPresenceWithLoopBackMessage() {
        ModelDefinition user = model("");
        try {
            validator.validate(user, data("name", ""), null);
            throw new AssertionError("expected a failure");
        } catch (ValidationError e) {
            assertThat(e.getMessage())
                    .isEqualTo("The `User` instance is not valid. Details: `name` can't be blank (value: \"\").");
        }
        assertThat(codes(user, data(), null)).containsEntry("name", List.of("presence"));
        assertThatCode(() -> validator.validate(user, data("name", " "), null)).doesNotThrowAnyException();
    }

    @Test
    void lengthChecksEveryBoundAndBlankValues() {
        ModelDefinition user = model("{'validation': 'length', 'property': 'nick', 'min': 2, 'max': 4}");
        assertThat(codes(user, data("name", "a", "nick", "x"), null)).containsEntry("nick", List.of("length.min"));
        assertThat(codes(user, data("name", "a", "nick", "xxxxx"), null)).containsEntry("nick", List.of("length.max"));
        assertThat(codes(user, data("name", "a", "nick", "xyz"), null)).isEmpty();
        assertThat(codes(user, data("name", "a"), null)).containsEntry("nick", List.of("length.blank"));
        assertThat(codes(user, data("name", "a", "nick", null), null)).containsEntry("nick", List.of("length.null"));
        ModelDefinition lenient = model(
                "{'validation': 'length', 'property': 'nick', 'is': 3, 'allowBlank': true, 'allowNull': true}");
        assertThat(codes(lenient, data("name", "a"), null)).isEmpty();
        assertThat(codes(lenient, data("name", "a", "nick", null), null)).isEmpty();
        assertThat(codes(lenient, data("name", "a", "nick", "ab"), null)).containsEntry("nick", List.of("length.is"));
    }

    @Test
    void formatInclusionExclusionNumericality() {
        ModelDefinition user = model("{'validation': 'format', 'property': 'email', 'with': '^\\\\S+@\\\\S+$'},"
                + "{'validation': 'inclusion', 'property': 'role', 'in': ['admin', 'user']},"
                + "{'validation': 'exclusion', 'property': 'nick', 'in': ['root']},"
                + "{'validation': 'numericality', 'property': 'age', 'int': true}");
        Map<String, Object> good = data("name", "a", "email", "a@b", "role", "user", "nick", "bob", "age", 3L);
        assertThat(codes(user, good, null)).isEmpty();
        Map<String, Object> bad = data("name", "a", "email", "nope", "role", "god", "nick", "root", "age", 2.5);
        assertThat(codes(user, bad, null)).containsEntry("email", List.of("format"))
                .containsEntry("role", List.of("inclusion")).containsEntry("nick", List.of("exclusion"))
                .containsEntry("age", List.of("numericality.int"));
        assertThat(codes(user, data("name", "a", "email", "a@b", "role", "user", "nick", "x", "age", "3"), null))
                .containsEntry("age", List.of("numericality.number"));
    }

    @Test
    void customMessagesReplaceDefaults() {
        ModelDefinition user = model("{'validation': 'length', 'property': 'nick', 'min': 2,"
                + " 'message': {'min': 'is too short for a nick'}},"
                + "{'validation': 'absence', 'property': 'org', 'message': 'is assigned by the server'}");
        try {
            validator.validate(user, data("name", "a", "nick", "x", "org", "acme"), null);
            throw new AssertionError("expected a failure");
        } catch (ValidationError e) {
            assertThat(e.getMessage()).contains("`nick` is too short for a nick (value: \"x\")")
                    .contains("`org` is assigned by the server (value: \"acme\")");
        }
    }

    @Test
    void uniquenessIgnoresTheRecordItselfAndHonoursScopeAndCase() {
        stored.add(data("id", 1L, "name", "a", "email", "Ann@x.io", "org", "acme"));
        ModelDefinition user = model("{'validation': 'uniqueness', 'property': 'email', 'scopedTo': ['org'],"
                + " 'ignoreCase': true}");
        assertThat(codes(user, data("name", "b", "email", "ann@x.io", "org", "acme"), null))
                .containsEntry("email", List.of("uniqueness"));
        assertThat(codes(user, data("name", "b", "email", "ann@x.io", "org", "other"), null)).isEmpty();
        assertThat(codes(user, data("name", "a", "email", "Ann@x.io", "org", "acme"), 1L)).isEmpty();
        assertThat(codes(user, data("name", "b", "email", "a.n@x.io", "org", "acme"), null))
                .as("the value is matched literally, not as a pattern").isEmpty();
        asked.clear();
        assertThat(codes(user, data("name", "b"), null)).isEmpty();
        assertThat(asked).as("blank values are not looked up").isEmpty();
    }

    @Test
    void ifAndUnlessNameTheGoverningProperty() {
        ModelDefinition user = model("{'validation': 'presence', 'property': 'email', 'if': 'org'},"
                + "{'validation': 'presence', 'property': 'nick', 'unless': 'org'}");
        assertThat(codes(user, data("name", "a", "org", "acme"), null)).containsOnlyKeys("email");
        assertThat(codes(user, data("name", "a"), null)).containsOnlyKeys("nick");
    }

    @Test
    void forceIdRefusesAClientIdOnCreateOnly() {
        ModelDefinition model = Definitions.read("{'name': 'Token', 'forceId': true, 'properties': {'v': 'string'}}");
        assertThat(codes(model, data("id", 5L), null)).containsEntry("id", List.of("absence"));
        assertThat(codes(model, data("id", 5L), 5L)).isEmpty();
        assertThat(codes(model, data("v", "x"), null)).isEmpty();
    }
}
