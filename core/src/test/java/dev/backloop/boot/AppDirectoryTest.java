package dev.backloop.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.DataSourceSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppDirectoryTest {
    private static final Map<String, String> MONGO_ENV = Map.of("MONGO_HOST", "db.example.com", "MONGO_PASSWORD", "s3cr$t");

    @TempDir
    Path dir;

    private static Path scaffold() {
        try {
            return Path.of(AppDirectoryTest.class.getResource("/boot/scaffold").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private void write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content.replace('\'', '"'));
    }

    /** A minimal app in the temp dir: one memory datasource and one model. */
    private void minimalApp() throws IOException {
        write("server/datasources.json", "{'db': {'connector': 'memory'}}");
        write("server/model-config.json", "{'Note': {'dataSource': 'db'}}");
        write("common/models/note.json", "{'name': 'Note', 'properties': {'title': 'string'}}");
    }

    @Test
    void loadsTheScaffoldForDevelopment() {
        AppLayout app = AppDirectory.load(scaffold(), "development", MONGO_ENV);

        assertThat(app.root()).isEqualTo(scaffold().toAbsolutePath().normalize());
        assertThat(app.config().restApiRoot()).isEqualTo("/api");
        assertThat(app.config().host()).isEqualTo("0.0.0.0");
        assertThat(app.config().port()).isEqualTo(3001); // config.local.json
        assertThat(app.config().raw().at("/remoting/json/limit").asText()).isEqualTo("100kb");
        assertThat(app.config().raw().at("/remoting/rest/normalizeHttpPath").asBoolean(true)).isFalse();

        assertThat(app.dataSources()).containsOnlyKeys("db", "mongo");
        DataSourceSettings db = app.dataSources().get("db");
        assertThat(db.connector()).isEqualTo("memory");
        assertThat(db.values()).containsEntry("name", "db").containsEntry("file", "data/db.json");
        assertThat(db.baseDirectory()).isEqualTo(app.root());
        assertThat(db.path("file")).contains(app.root().resolve("data/db.json"));
        DataSourceSettings mongo = app.dataSources().get("mongo");
        assertThat(mongo.string("url")).contains("mongodb://db.example.com:27017/app");
        assertThat(mongo.string("password")).contains("s3cr$t");
        assertThat(mongo.get("options")).contains(Map.of("ssl", false, "appName", "app-db.example.com"));

        // The security built-ins come from Backloop itself; model-config order is kept.
        assertThat(app.models()).extracting(ModelConfigEntry::name)
                .containsExactly("User", "AccessToken", "ACL", "RoleMapping", "Role", "SpecialProduct", "Product");
        assertThat(app.definition("User").orElseThrow().hidden()).contains("password");
        ModelConfigEntry special = app.models().get(5);
        assertThat(special.dataSource()).isEqualTo("db");
        assertThat(special.isPublic()).isTrue();
        assertThat(special.options().at("/remoting/sharedMethods/deleteById").asBoolean(true)).isFalse();
        assertThat(app.models().get(6).options().isEmpty()).isTrue();

        // Bases first; the unconfigured Unused model is not read.
        assertThat(app.definitions()).extracting(ModelDefinition::name)
                .containsExactly("User", "AccessToken", "ACL", "RoleMapping", "Role", "Auditable", "Product",
                        "SpecialProduct");
        ModelDefinition auditable = app.definition("Auditable").orElseThrow();
        assertThat(auditable.properties()).containsOnlyKeys("createdAt");
        ModelDefinition product = app.definition("Product").orElseThrow();
        assertThat(product.properties().keySet()).containsExactly("createdAt", "name", "price", "tags", "id");
        assertThat(product.properties().get("createdAt").defaultFn()).isEqualTo("now");
        ModelDefinition specialProduct = app.definition("SpecialProduct").orElseThrow();
        assertThat(specialProduct.plural()).isEqualTo("specials");
        assertThat(specialProduct.properties().keySet())
                .containsExactly("createdAt", "name", "price", "tags", "id", "discountCode");
        assertThat(specialProduct.properties().get("price").defaultValue()).isEqualTo(10L);
        assertThat(specialProduct.properties().get("tags").type()).isEqualTo(PropertyType.ARRAY);
        assertThat(specialProduct.hidden()).containsExactly("discountCode");
        assertThat(specialProduct.forceId()).isTrue();
        assertThat(specialProduct.settings().at("/options/validateUpsert").asBoolean()).isTrue();

        assertThat(app.components()).containsOnlyKeys("loopback-component-explorer");
        assertThat(app.components().get("loopback-component-explorer").get("mountPath").asText())
                .isEqualTo("/explorer");
    }

    @Test
    void environmentOverlaysWinOverLocalOnes() {
        AppLayout app = AppDirectory.load(scaffold(), "production", MONGO_ENV);

        assertThat(app.config().port()).isEqualTo(8080);
        assertThat(app.config().raw().at("/remoting/json/limit").asText()).isEqualTo("1mb");
        assertThat(app.config().raw().at("/remoting/json/strict").isBoolean()).isTrue();
        assertThat(app.config().raw().at("/remoting/urlencoded/extended").asBoolean()).isTrue();
        assertThat(app.dataSources().get("db").values()).containsEntry("file", "data/db.json");
        assertThat(app.dataSources().get("mongo").get("options"))
                .contains(Map.of("ssl", true, "appName", "app-db.example.com"));
        assertThat(app.models()).filteredOn(m -> m.name().equals("Product"))
                .singleElement().extracting(ModelConfigEntry::isPublic).isEqualTo(false);
        assertThat(app.components()).isEmpty(); // null in component-config.production.json disables it
    }

    @Test
    void environmentNameComesFromBackloopEnvThenNodeEnv() {
        assertThat(AppDirectory.environmentName(Map.of())).isEqualTo("development");
        assertThat(AppDirectory.environmentName(Map.of("NODE_ENV", "staging"))).isEqualTo("staging");
        assertThat(AppDirectory.environmentName(Map.of("NODE_ENV", "staging", "BACKLOOP_ENV", "production")))
                .isEqualTo("production");
        assertThat(AppDirectory.environmentName(Map.of("BACKLOOP_ENV", " ", "NODE_ENV", "test"))).isEqualTo("test");

        Map<String, String> env = new java.util.HashMap<>(MONGO_ENV);
        env.put("NODE_ENV", "production");
        assertThat(AppDirectory.load(scaffold(), null, env).config().port()).isEqualTo(8080);
    }

    @Test
    void unsetVariableIsAnErrorNamingDataSourceKeyAndVariable() {
        assertThatThrownBy(() -> AppDirectory.load(scaffold(), "development", Map.of("MONGO_HOST", "h")))
                .isInstanceOf(BootException.class)
                .hasMessage("Datasource \"mongo\": setting \"password\" uses ${MONGO_PASSWORD}, but the "
                        + "environment variable MONGO_PASSWORD is not set");
        assertThatThrownBy(() -> AppDirectory.load(scaffold(), "development", Map.of("MONGO_PASSWORD", "p")))
                .hasMessage("Datasource \"mongo\": setting \"url\" uses ${MONGO_HOST}, but the "
                        + "environment variable MONGO_HOST is not set");
    }

    @Test
    void nestedUnsetVariableNamesTheNestedKey() throws IOException {
        minimalApp();
        write("server/datasources.json", "{'db': {'connector': 'memory', 'hosts': [{'name': '${H}'}]}}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("Datasource \"db\": setting \"hosts[0].name\" uses ${H}, but the environment "
                        + "variable H is not set");
    }

    @Test
    void onlyModelConfigIsRequired() throws IOException {
        write("server/model-config.json", "{'_meta': {'sources': ['../common/models']}, 'User': {'dataSource': null}}");
        AppLayout app = AppDirectory.load(dir, "development", Map.of());
        assertThat(app.config().restApiRoot()).isEqualTo("/api");
        assertThat(app.config().host()).isEqualTo("0.0.0.0");
        assertThat(app.config().port()).isEqualTo(3000);
        assertThat(app.dataSources()).isEmpty();
        // the built-in User is configured, but with no datasource nothing is served
        assertThat(app.models()).extracting(ModelConfigEntry::name).containsExactly("User");
        assertThat(app.models().get(0).dataSource()).isNull();
        assertThat(app.components()).isEmpty();
    }

    @Test
    void modelWithoutDataSourceAndDefaults() throws IOException {
        minimalApp();
        write("server/model-config.json", "{'Note': {}}");
        write("server/config.json", "{'port': '4000', 'restApiRoot': '/rest'}");
        AppLayout app = AppDirectory.load(dir, "development", Map.of());
        assertThat(app.models()).containsExactly(
                new ModelConfigEntry("Note", null, true, app.models().get(0).options()));
        assertThat(app.models().get(0).options().isEmpty()).isTrue();
        assertThat(app.config().port()).isEqualTo(4000);
        assertThat(app.config().restApiRoot()).isEqualTo("/rest");
    }

    @Test
    void customSourcesAreRelativeToServer() throws IOException {
        write("server/datasources.json", "{'db': {'connector': 'memory'}}");
        write("server/model-config.json", "{'_meta': {'sources': ['../lib/models', './missing']}, "
                + "'Note': {'dataSource': 'db'}}");
        write("lib/models/note.json", "{'name': 'Note'}");
        write("common/models/other.json", "{'name': 'Other'}");
        AppLayout app = AppDirectory.load(dir, "development", Map.of());
        assertThat(app.definitions()).extracting(ModelDefinition::name).containsExactly("Note");
    }

    @Test
    void missingServerFolder() {
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .isInstanceOf(BootException.class)
                .hasMessage(dir.toAbsolutePath().normalize() + " is not a LoopBack app directory: it has no server/ folder");
    }

    @Test
    void missingModelConfig() throws IOException {
        write("server/config.json", "{}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage(dir.toAbsolutePath().normalize().resolve("server/model-config.json")
                        + " is missing; it lists the app's models and is required");
    }

    @Test
    void dataSourceWithoutConnector() throws IOException {
        minimalApp();
        write("server/datasources.json", "{'db': {'name': 'db'}}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("Datasource \"db\" in datasources.json has no \"connector\" (e.g. \"connector\": \"memory\")");
    }

    @Test
    void modelOnUnknownDataSource() throws IOException {
        minimalApp();
        write("server/model-config.json", "{'Note': {'dataSource': 'mysqlDs'}}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("model-config.json: model Note uses datasource \"mysqlDs\", which is not defined "
                        + "in datasources.json");
    }

    @Test
    void configuredModelWithoutDefinition() throws IOException {
        minimalApp();
        write("server/model-config.json", "{'Note': {'dataSource': 'db'}, 'Ghost': {'dataSource': 'db'}}");
        Path root = dir.toAbsolutePath().normalize();
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("model-config.json configures model Ghost, but no definition with \"name\": \"Ghost\" "
                        + "was found in " + root.resolve("common/models") + ", " + root.resolve("server/models"));
    }

    @Test
    void twoFilesDefiningOneModel() throws IOException {
        minimalApp();
        write("server/models/note.json", "{'name': 'Note'}");
        Path root = dir.toAbsolutePath().normalize();
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("Model Note is defined twice: in " + root.resolve("common/models/note.json")
                        + " and in " + root.resolve("server/models/note.json"));
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        minimalApp();
        write("server/config.json", "{\n  'port': 3000,\n  'host': \n}");
        Path file = dir.toAbsolutePath().normalize().resolve("server/config.json");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .isInstanceOf(BootException.class)
                .hasMessageStartingWith(file + ": malformed JSON at line 4, column 1: ");
    }

    @Test
    void malformedModelFileIsNamed() throws IOException {
        minimalApp();
        write("common/models/note.json", "{'name': 'Note',}");
        Path file = dir.toAbsolutePath().normalize().resolve("common/models/note.json");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessageStartingWith(file + ": malformed JSON at line 1, column 17");
    }

    @Test
    void invalidDefinitionIsNamedWithItsFile() throws IOException {
        minimalApp();
        write("common/models/note.json", "{'name': 'Note', 'base': 'Thing'}");
        Path file = dir.toAbsolutePath().normalize().resolve("common/models/note.json");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage(file + ": Model Note extends unknown base model \"Thing\"; define Thing in a model "
                        + "source folder or use PersistedModel or Model");
    }

    @Test
    void definitionFileWithoutName() throws IOException {
        minimalApp();
        write("server/models/nameless.json", "{'properties': {}}");
        Path file = dir.toAbsolutePath().normalize().resolve("server/models/nameless.json");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessageStartingWith(file + ": Model definition has no \"name\"");
    }

    @Test
    void inheritanceCycle() throws IOException {
        minimalApp();
        write("common/models/note.json", "{'name': 'Note', 'base': 'Memo'}");
        write("common/models/memo.json", "{'name': 'Memo', 'base': 'Note'}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("Models extend each other in a cycle: Note -> Memo -> Note");
    }

    @Test
    void invalidModelConfigEntries() throws IOException {
        minimalApp();
        write("server/model-config.json", "{'Note': true}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("model-config.json: the entry of model Note must be an object");
        write("server/model-config.json", "{'Note': {'public': 'yes'}}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("model-config.json: model Note: \"public\" must be true or false");
        write("server/model-config.json", "{'_meta': {'sources': '../common/models'}, 'Note': {}}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("model-config.json: \"_meta.sources\" must be an array of folders");
    }

    @Test
    void invalidPortAndDataSourceShape() throws IOException {
        minimalApp();
        write("server/config.json", "{'port': 'http'}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("config.json: \"port\" must be a number from 0 to 65535, not \"http\"");
        write("server/config.json", "{}");
        write("server/datasources.json", "{'db': 'memory'}");
        assertThatThrownBy(() -> AppDirectory.load(dir, "development", Map.of()))
                .hasMessage("Datasource \"db\" in datasources.json must be an object of settings");
    }

    @Test
    void modelConfigEnvironmentOverlayAddsModels() throws IOException {
        minimalApp();
        write("common/models/audit.json", "{'name': 'Audit'}");
        write("server/model-config.test.json", "{'Audit': {'dataSource': 'db', 'public': false}}");
        assertThat(AppDirectory.load(dir, "test", Map.of()).models()).extracting(ModelConfigEntry::name)
                .containsExactly("Note", "Audit");
        assertThat(AppDirectory.load(dir, "development", Map.of()).models()).extracting(ModelConfigEntry::name)
                .containsExactly("Note");
    }
}
