package dev.backloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.BootException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDefinitionReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ModelDefinition> known = new HashMap<>();
    private final ModelDefinitionReader reader = new ModelDefinitionReader(n -> Optional.ofNullable(known.get(n)));

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ModelDefinition read(String text) {
        return reader.read(json(text));
    }

    private ModelDefinition define(String text) {
        ModelDefinition definition = read(text);
        known.put(definition.name(), definition);
        return definition;
    }

    @Test
    void minimalDefinitionGetsLoopBackDefaults() {
        ModelDefinition book = read("{'name': 'Book'}");
        assertThat(book.plural()).isEqualTo("Books");
        assertThat(book.base()).isEqualTo("PersistedModel");
        assertThat(book.strict()).isEqualTo(StrictMode.FALSE);
        assertThat(book.replaceOnPut()).isTrue();
        assertThat(book.httpPath()).isNull();
        assertThat(book.restPath()).isEqualTo("Books");
        assertThat(book.hidden()).isEmpty();
        assertThat(book.validations()).isEmpty();
        assertThat(book.settings().get("name").asText()).isEqualTo("Book");
    }

    @Test
    void missingNameIsAClearError() {
        assertThatThrownBy(() -> read("{'properties': {}}"))
                .isInstanceOf(BootException.class)
                .hasMessageContaining("Model definition has no \"name\"");
        assertThatThrownBy(() -> read("{'name': '  '}")).hasMessageContaining("no \"name\"");
    }

    @Test
    void explicitPluralAndHttpPath() {
        ModelDefinition person = read("{'name': 'Person', 'plural': 'persons', 'http': {'path': '/folks'}}");
        assertThat(person.plural()).isEqualTo("persons");
        assertThat(person.httpPath()).isEqualTo("/folks");
        assertThat(person.restPath()).isEqualTo("folks");
        assertThat(read("{'name': 'Person'}").plural()).isEqualTo("People");
    }

    @Test
    void readsEveryPropertyForm() {
        ModelDefinition m = read("""
                {'name': 'Item', 'properties': {
                  'title': 'string',
                  'count': {'type': 'number', 'required': true, 'default': 3, 'index': true},
                  'price': {'type': 'Number', 'default': 2.5},
                  'tags': ['string'],
                  'codes': {'type': ['number']},
                  'anything': {'type': 'array'},
                  'empty': [],
                  'owner': 'Person',
                  'owners': ['Person'],
                  'address': {'type': {'street': 'string'}},
                  'mystery': {'type': 'Whatever'},
                  'flag': {'type': 'boolean', 'default': false},
                  'meta': {'type': 'object', 'default': {'a': [1, 'x']}},
                  'created': {'type': 'date', 'default': '$now', 'defaultFn': 'now'},
                  'uid': {'type': 'string', 'defaultFn': 'uuidv4'},
                  'untyped': {'required': false},
                  'location': 'GeoPoint',
                  'blob': 'buffer',
                  'any': 'any'
                }}""");
        Map<String, PropertyDefinition> p = m.properties();
        assertThat(p.get("title")).isEqualTo(PropertyDefinition.of("title", PropertyType.STRING));
        assertThat(p.get("count").type()).isEqualTo(PropertyType.NUMBER);
        assertThat(p.get("count").required()).isTrue();
        assertThat(p.get("count").defaultValue()).isEqualTo(3L);
        assertThat(p.get("count").index()).isTrue();
        assertThat(p.get("price").defaultValue()).isEqualTo(2.5d);
        assertThat(p.get("tags").type()).isEqualTo(PropertyType.ARRAY);
        assertThat(p.get("tags").itemType()).isEqualTo(PropertyType.STRING);
        assertThat(p.get("codes").type()).isEqualTo(PropertyType.ARRAY);
        assertThat(p.get("codes").itemType()).isEqualTo(PropertyType.NUMBER);
        assertThat(p.get("anything").itemType()).isEqualTo(PropertyType.ANY);
        assertThat(p.get("empty").type()).isEqualTo(PropertyType.ARRAY);
        assertThat(p.get("empty").itemType()).isEqualTo(PropertyType.ANY);
        assertThat(p.get("owner").type()).isEqualTo(PropertyType.OBJECT);
        assertThat(p.get("owner").modelType()).isEqualTo("Person");
        assertThat(p.get("owners").type()).isEqualTo(PropertyType.ARRAY);
        assertThat(p.get("owners").itemType()).isEqualTo(PropertyType.OBJECT);
        assertThat(p.get("owners").modelType()).isEqualTo("Person");
        assertThat(p.get("address").type()).isEqualTo(PropertyType.OBJECT);
        assertThat(p.get("address").modelType()).isNull();
        assertThat(p.get("mystery").type()).isEqualTo(PropertyType.OBJECT);
        assertThat(p.get("mystery").modelType()).isEqualTo("Whatever");
        assertThat(p.get("flag").defaultValue()).isEqualTo(false);
        assertThat(p.get("meta").defaultValue()).isEqualTo(Map.of("a", List.of(1L, "x")));
        assertThat(p.get("created").type()).isEqualTo(PropertyType.DATE);
        assertThat(p.get("created").defaultValue()).isEqualTo("$now");
        assertThat(p.get("created").defaultFn()).isEqualTo("now");
        assertThat(p.get("uid").defaultFn()).isEqualTo("uuidv4");
        assertThat(p.get("title").defaultFn()).isNull();
        assertThat(p.get("untyped").type()).isEqualTo(PropertyType.ANY);
        assertThat(p.get("location").type()).isEqualTo(PropertyType.GEOPOINT);
        assertThat(p.get("blob").type()).isEqualTo(PropertyType.BUFFER);
        assertThat(p.get("any").type()).isEqualTo(PropertyType.ANY);
        // Declaration order is kept; the injected id comes last.
        assertThat(p.keySet()).startsWith("title", "count", "price").endsWith("any", "id");
    }

    @Test
    void unknownDefaultFnIsKeptWithAWarning() {
        ModelDefinition m = read("{'name': 'A', 'properties': {'x': {'type': 'string', 'defaultFn': 'custom'}}}");
        assertThat(m.properties().get("x").defaultFn()).isEqualTo("custom");
    }

    @Test
    void badPropertiesAreErrorsNamingModelAndProperty() {
        assertThatThrownBy(() -> read("{'name': 'A', 'properties': {'x': null}}"))
                .isInstanceOf(BootException.class).hasMessage("Model A: property \"x\" has no type");
        assertThatThrownBy(() -> read("{'name': 'A', 'properties': {'x': {'type': 12}}}"))
                .hasMessage("Model A: property \"x\" has an invalid type 12");
        assertThatThrownBy(() -> read("{'name': 'A', 'properties': {'x': {'type': 'string', 'id': 'yes'}}}"))
                .hasMessageContaining("Model A: property \"x\" has an invalid \"id\"");
        assertThatThrownBy(() -> read("{'name': 'A', 'properties': []}"))
                .hasMessage("Model A: \"properties\" must be an object");
    }

    @Test
    void idInjectionAddsAGeneratedNumberId() {
        ModelDefinition m = read("{'name': 'A', 'properties': {'title': 'string'}}");
        assertThat(m.properties().keySet()).containsExactly("title", "id");
        PropertyDefinition id = m.properties().get("id");
        assertThat(id.type()).isEqualTo(PropertyType.NUMBER);
        assertThat(id.id()).isEqualTo(1);
        assertThat(id.generated()).isTrue();
        assertThat(m.idName()).isEqualTo("id");
        assertThat(m.forceId()).isTrue();
    }

    @Test
    void idInjectionReplacesAPlainIdPropertyInPlace() {
        ModelDefinition m = read("{'name': 'A', 'properties': {'id': 'string', 'title': 'string'}}");
        assertThat(m.properties().keySet()).containsExactly("id", "title");
        assertThat(m.properties().get("id").type()).isEqualTo(PropertyType.NUMBER);
        assertThat(m.properties().get("id").isId()).isTrue();
    }

    @Test
    void noInjectionWhenDisabledOrWhenAnIdIsDeclared() {
        assertThat(read("{'name': 'A', 'idInjection': false, 'properties': {'t': 'string'}}").properties())
                .containsOnlyKeys("t");
        assertThat(read("{'name': 'A', 'options': {'idInjection': false}}").properties()).isEmpty();
        ModelDefinition m = read("{'name': 'A', 'properties': {'code': {'type': 'string', 'id': true}}}");
        assertThat(m.properties()).containsOnlyKeys("code");
        assertThat(m.idName()).isEqualTo("code");
        assertThat(m.properties().get("code").id()).isEqualTo(1);
        ModelDefinition composite = read("{'name': 'B', 'properties': {"
                + "'a': {'type': 'string', 'id': 2}, 'b': {'type': 'string', 'id': 1}}}");
        assertThat(composite.idName()).isEqualTo("b");
    }

    @Test
    void forceIdDefaultsToWhetherTheIdIsGenerated() {
        assertThat(read("{'name': 'A'}").forceId()).isTrue();
        assertThat(read("{'name': 'A', 'forceId': false}").forceId()).isFalse();
        assertThat(read("{'name': 'A', 'forceId': 'auto'}").forceId()).isTrue();
        assertThat(read("{'name': 'A', 'properties': {'code': {'type': 'string', 'id': true}}}").forceId())
                .isFalse();
        assertThat(read("{'name': 'A', 'properties': {'code': {'type': 'string', 'id': true, "
                + "'generated': true}}}").forceId()).isTrue();
        assertThat(read("{'name': 'A', 'forceId': true, 'properties': {'code': {'type': 'string', 'id': true}}}")
                .forceId()).isTrue();
        assertThatThrownBy(() -> read("{'name': 'A', 'forceId': 3}"))
                .hasMessage("Model A: \"forceId\" must be true or false, not 3");
    }

    @Test
    void strictForms() {
        assertThat(read("{'name': 'A', 'strict': true}").strict()).isEqualTo(StrictMode.TRUE);
        assertThat(read("{'name': 'A', 'strict': false}").strict()).isEqualTo(StrictMode.FALSE);
        assertThat(read("{'name': 'A', 'strict': 'filter'}").strict()).isEqualTo(StrictMode.FILTER);
        assertThat(read("{'name': 'A', 'strict': 'throw'}").strict()).isEqualTo(StrictMode.THROW);
        assertThat(read("{'name': 'A', 'strict': 'validate'}").strict()).isEqualTo(StrictMode.TRUE);
        assertThat(read("{'name': 'A', 'options': {'strict': 'filter'}}").strict()).isEqualTo(StrictMode.FILTER);
        assertThat(read("{'name': 'A', 'strict': true, 'options': {'strict': 'filter'}}").strict())
                .isEqualTo(StrictMode.TRUE);
        assertThatThrownBy(() -> read("{'name': 'A', 'strict': 'loose'}"))
                .hasMessage("Model A: invalid \"strict\" \"loose\" (expected true, false, \"filter\" or \"throw\")");
    }

    @Test
    void hiddenProtectedAndReplaceOnPut() {
        ModelDefinition m = read("{'name': 'A', 'hidden': ['password'], 'protected': ['email'], "
                + "'replaceOnPUT': false}");
        assertThat(m.hidden()).containsExactly("password");
        assertThat(m.protectedProperties()).containsExactly("email");
        assertThat(m.replaceOnPut()).isFalse();
        assertThatThrownBy(() -> read("{'name': 'A', 'hidden': 'password'}"))
                .hasMessage("Model A: \"hidden\" must be an array of property names");
    }

    @Test
    void validationsAfterPresenceRulesOfRequiredProperties() {
        ModelDefinition m = read("""
                {'name': 'A', 'properties': {'name': {'type': 'string', 'required': true}, 'code': 'string',
                  'age': {'type': 'number', 'required': true}},
                 'validations': [
                  {'validation': 'length', 'property': 'name', 'min': 3, 'max': 10},
                  {'validation': 'format', 'property': 'code', 'with': '^[A-Z]+$'},
                  {'validation': 'inclusion', 'property': 'code', 'in': ['A', 'B']},
                  {'validation': 'exclusion', 'property': 'code', 'in': ['Z']},
                  {'validation': 'numericality', 'property': 'age', 'int': true},
                  {'validation': 'uniqueness', 'property': 'name', 'scopedTo': ['code']},
                  {'validation': 'presence', 'property': 'code'},
                  {'validation': 'absence', 'property': 'secret', 'message': null}
                 ]}""");
        assertThat(m.validations()).containsExactly(
                new ValidationRule(ValidationRule.Kind.PRESENCE, "name", Map.of()),
                new ValidationRule(ValidationRule.Kind.PRESENCE, "age", Map.of()),
                new ValidationRule(ValidationRule.Kind.LENGTH, "name", Map.of("min", 3L, "max", 10L)),
                new ValidationRule(ValidationRule.Kind.FORMAT, "code", Map.of("with", "^[A-Z]+$")),
                new ValidationRule(ValidationRule.Kind.INCLUSION, "code", Map.of("in", List.of("A", "B"))),
                new ValidationRule(ValidationRule.Kind.EXCLUSION, "code", Map.of("in", List.of("Z"))),
                new ValidationRule(ValidationRule.Kind.NUMERICALITY, "age", Map.of("int", true)),
                new ValidationRule(ValidationRule.Kind.UNIQUENESS, "name", Map.of("scopedTo", List.of("code"))),
                new ValidationRule(ValidationRule.Kind.PRESENCE, "code", Map.of()),
                new ValidationRule(ValidationRule.Kind.ABSENCE, "secret", Map.of()));
    }

    @Test
    void emptyValidationsFromTheGeneratorAreFine() {
        assertThat(read("{'name': 'A', 'validations': []}").validations()).isEmpty();
        assertThat(read("{'name': 'A', 'validations': {}}").validations()).isEmpty();
    }

    @Test
    void badValidationsAreErrors() {
        assertThatThrownBy(() -> read("{'name': 'A', 'validations': [{'validation': 'custom', 'property': 'x'}]}"))
                .isInstanceOf(BootException.class)
                .hasMessageStartingWith("Model A: validations[0] has an unknown validation kind \"custom\"");
        assertThatThrownBy(() -> read("{'name': 'A', 'validations': [{'validation': 'length'}]}"))
                .hasMessage("Model A: validations[0] (length) has no \"property\"");
        assertThatThrownBy(() -> read("{'name': 'A', 'validations': [{'property': 'x'}]}"))
                .hasMessageStartingWith("Model A: validations[0] has no \"validation\" kind");
        assertThatThrownBy(() -> read("{'name': 'A', 'validations': ['length']}"))
                .hasMessage("Model A: validations[0] is not an object: \"length\"");
        assertThatThrownBy(() -> read("{'name': 'A', 'validations': 'length'}"))
                .hasMessage("Model A: \"validations\" must be an array");
    }

    @Test
    void inheritsFromAKnownBase() {
        define("""
                {'name': 'Animal', 'plural': 'Beasts', 'http': {'path': 'beasts'}, 'strict': true,
                 'hidden': ['secret'], 'forceId': false, 'replaceOnPUT': false,
                 'properties': {'name': {'type': 'string', 'required': true}, 'legs': 'number', 'secret': 'string'},
                 'validations': [{'validation': 'length', 'property': 'name', 'min': 2}],
                 'acls': [{'principalId': '$everyone', 'permission': 'DENY'}],
                 'relations': {'owner': {'type': 'belongsTo', 'model': 'Person'}}}""");
        ModelDefinition dog = read("""
                {'name': 'Dog', 'base': 'Animal', 'hidden': ['chip'],
                 'properties': {'legs': {'type': 'number', 'default': 4}, 'chip': 'string'},
                 'acls': [{'principalId': '$owner', 'permission': 'ALLOW'}],
                 'relations': {'vet': {'type': 'belongsTo', 'model': 'Vet'}}}""");
        assertThat(dog.base()).isEqualTo("Animal");
        assertThat(dog.plural()).isEqualTo("Dogs");
        assertThat(dog.httpPath()).isNull();
        // Base properties first; the overridden one keeps its place; the inherited injected id too.
        assertThat(dog.properties().keySet()).containsExactly("name", "legs", "secret", "id", "chip");
        assertThat(dog.properties().get("legs").defaultValue()).isEqualTo(4L);
        assertThat(dog.strict()).isEqualTo(StrictMode.TRUE);
        assertThat(dog.hidden()).containsExactlyInAnyOrder("secret", "chip");
        assertThat(dog.forceId()).isFalse();
        assertThat(dog.replaceOnPut()).isFalse();
        assertThat(dog.validations()).containsExactly(
                new ValidationRule(ValidationRule.Kind.PRESENCE, "name", Map.of()),
                new ValidationRule(ValidationRule.Kind.LENGTH, "name", Map.of("min", 2L)));
        assertThat(dog.settings().get("acls")).hasSize(2);
        assertThat(dog.settings().get("relations").fieldNames()).toIterable().containsExactly("owner", "vet");
        assertThat(dog.settings().get("name").asText()).isEqualTo("Dog");
        assertThat(dog.settings().has("plural")).isFalse();
    }

    @Test
    void childSettingsWinOverTheBase() {
        define("{'name': 'Base', 'strict': true, 'properties': {'a': {'type': 'string', 'required': true}}}");
        ModelDefinition child = read("{'name': 'Child', 'base': 'Base', 'strict': 'filter', "
                + "'properties': {'a': 'string'}}");
        assertThat(child.strict()).isEqualTo(StrictMode.FILTER);
        // Overriding a required property with an optional one drops its presence rule.
        assertThat(child.validations()).isEmpty();
    }

    @Test
    void aChildDeclaringAnIdDoesNotInheritTheBaseId() {
        define("{'name': 'Base', 'properties': {'a': 'string'}}");
        ModelDefinition child = read("{'name': 'Child', 'base': 'Base', "
                + "'properties': {'code': {'type': 'string', 'id': true}}}");
        assertThat(child.properties().keySet()).containsExactly("a", "code");
        assertThat(child.idName()).isEqualTo("code");
        assertThat(child.forceId()).isFalse();
    }

    @Test
    void builtInBasesNeedNoLookup() {
        assertThat(read("{'name': 'A', 'base': 'Model'}").base()).isEqualTo("Model");
        assertThat(read("{'name': 'A', 'base': 'KeyValueModel'}").base()).isEqualTo("KeyValueModel");
    }

    @Test
    void unknownBaseIsAnErrorNamingIt() {
        assertThatThrownBy(() -> read("{'name': 'Dog', 'base': 'Animal'}"))
                .isInstanceOf(BootException.class)
                .hasMessage("Model Dog extends unknown base model \"Animal\"; define Animal in a model source "
                        + "folder or use PersistedModel or Model");
        assertThatThrownBy(() -> read("{'name': 'Dog', 'base': 'Dog'}")).hasMessage("Model Dog cannot extend itself");
    }

    @Test
    void readingAFileNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("book.json"), "{\"name\": \"Book\"}");
        assertThat(reader.read(good).name()).isEqualTo("Book");
        Path nameless = Files.writeString(dir.resolve("nameless.json"), "{}");
        assertThatThrownBy(() -> reader.read(nameless))
                .isInstanceOf(BootException.class)
                .hasMessageStartingWith(nameless + ": Model definition has no \"name\"");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"name\": \"X\",\n  oops\n}");
        assertThatThrownBy(() -> reader.read(broken))
                .hasMessageStartingWith(broken + ": malformed JSON at line 3, column 3");
        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertThatThrownBy(() -> reader.read(array)).hasMessage(array + ": expected a JSON object but found array");
    }
}
