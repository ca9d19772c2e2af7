package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourceCommandTest {
    @TempDir
    Path tempDir;
    Path app;

    @BeforeEach
    void newApp() {
        app = Cli.newApp(tempDir, "shop");
    }

    private JsonNode dataSources() throws Exception {
        return Json.mapper().readTree(app.resolve("server/datasources.json").toFile());
    }

    @Test
    void storageTakesTheDefaultsTheConnectorDescribes() throws Exception {
        assertThat(Cli.in(app, "datasource", "files", "--connector", "storage").code()).isZero();

        assertThat(dataSources().get("files").toString())
                .isEqualTo("{\"name\":\"files\",\"connector\":\"storage\",\"provider\":\"filesystem\",\"root\":\"./storage\"}");
        assertThat(dataSources().get("db")).as("kept").isNotNull();
    }

    @Test
    void settingsAreWrittenInTheirTypeAndEmptyOnesAreLeftOut() throws Exception {
        Cli.Result result = Cli.in(app, "datasource", "mongo", "--connector", "loopback-connector-mongodb",
                "-s", "port=27018", "-s", "database=shop", "-s", "host=", "-s", "lazyConnect=true");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(dataSources().get("mongo").toString()).isEqualTo("{\"name\":\"mongo\",\"connector\":\"mongodb\","
                + "\"port\":27018,\"database\":\"shop\",\"lazyConnect\":\"true\"}");
    }

    @Test
    void remoteAndMemoryHaveTheirSettings() throws Exception {
        assertThat(Cli.in(app, "datasource", "upstream", "--connector", "remote").code()).isZero();
        assertThat(Cli.in(app, "datasource", "saved", "-s", "file=data/saved.json").code()).isZero();

        assertThat(dataSources().get("upstream").toString()).isEqualTo("{\"name\":\"upstream\",\"connector\":\"remote\","
                + "\"url\":\"http://127.0.0.1:3000/api\",\"timeout\":30000,\"retries\":2,\"maxConnections\":50,"
                + "\"discover\":false,\"idType\":\"number\"}");
        assertThat(dataSources().get("saved").toString())
                .isEqualTo("{\"name\":\"saved\",\"connector\":\"memory\",\"file\":\"data/saved.json\"}");
    }

    @Test
    void anUnknownConnectorNamesTheOnesOnTheClasspath() {
        Cli.Result result = Cli.in(app, "datasource", "pg", "--connector", "postgresql");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no connector \"postgresql\" on the classpath", "memory", "mongodb",
                "remote", "storage", "counting");
    }

    @Test
    void aNumberSettingMustBeANumber() throws Exception {
        Cli.Result result = Cli.in(app, "datasource", "mongo", "--connector", "mongodb", "-s", "port=high");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("port must be a number, not \"high\"");
        assertThat(dataSources().has("mongo")).isFalse();
    }

    @Test
    void anExistingDatasourceIsReplacedOnlyWithForce() throws Exception {
        Cli.Result again = Cli.in(app, "datasource", "db", "--connector", "storage");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already has datasource db; use --force");
        assertThat(dataSources().get("db").get("connector").asText()).isEqualTo("memory");

        assertThat(Cli.in(app, "datasource", "db", "--connector", "storage", "--force").code()).isZero();
        assertThat(dataSources().get("db").get("connector").asText()).isEqualTo("storage");
    }

    @Test
    void aBadNameIsAUsageError() {
        Cli.Result result = Cli.in(app, "datasource", "my db");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("\"my db\" is not a valid datasource name");
    }

    @Test
    void helpShowsTheSettingOption() {
        Cli.Result result = Cli.run("datasource", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("--connector", "--setting=KEY=VALUE", "--force");
    }
}
