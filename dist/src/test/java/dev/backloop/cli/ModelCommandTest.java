package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandTest {
    @TempDir
    Path tempDir;
    Path app;

    @BeforeEach
    void newApp() {
        app = Cli.newApp(tempDir, "shop");
    }

    @Test
    void writesTheDefinitionInLoopBackOrderAndTheModelConfigEntry() throws Exception {
        Cli.Result result = Cli.in(app, "model", "BookReview", "--plural", "reviews", "-p", "title:string:required",
                "-p", "stars:number=3", "-p", "tags:[string]", "-p", "published:boolean=false");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(Files.readString(app.resolve("common/models/book-review.json"))).isEqualTo("""
                {
                  "name": "BookReview",
                  "plural": "reviews",
                  "base": "PersistedModel",
                  "idInjection": true,
                  "options": {
                    "validateUpsert": true
                  },
                  "properties": {
                    "title": {
                      "type": "string",
                      "required": true
                    },
                    "stars": {
                      "type": "number",
                      "required": false,
                      "default": 3
                    },
                    "tags": {
                      "type": [
                        "string"
                      ],
                      "required": false
                    },
                    "published": {
                      "type": "boolean",
                      "required": false,
                      "default": false
                    }
                  },
                  "validations": [],
                  "relations": {},
                  "acls": [],
                  "methods": {}
                }
                """);
        JsonNode entry = Json.mapper().readTree(app.resolve("server/model-config.json").toFile()).get("BookReview");
        assertThat(entry.toString()).isEqualTo("{\"dataSource\":\"db\",\"public\":true}");
    }

    @Test
    void keepsWhatModelConfigAlreadyHolds() throws Exception {
        Path config = app.resolve("server/model-config.json");
        JsonNode before = Json.mapper().readTree(config.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) before).putObject("Legacy").put("dataSource", "db").put("custom", 1);
        Files.writeString(config, before.toString());

        assertThat(Cli.in(app, "model", "Note", "--no-public", "--data-source", "none").code()).isZero();

        JsonNode after = Json.mapper().readTree(config.toFile());
        assertThat(after.get("Legacy").toString()).isEqualTo("{\"dataSource\":\"db\",\"custom\":1}");
        assertThat(after.get("Note").toString()).isEqualTo("{\"dataSource\":null,\"public\":false}");
        assertThat(after.fieldNames().next()).isEqualTo("_meta");
    }

    @Test
    void anExistingModelIsReplacedOnlyWithForce() throws Exception {
        assertThat(Cli.in(app, "model", "Book", "-p", "title").code()).isZero();

        Cli.Result again = Cli.in(app, "model", "Book", "-p", "isbn");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("book.json already exists; use --force to overwrite it");
        assertThat(Files.readString(app.resolve("common/models/book.json"))).contains("title").doesNotContain("isbn");

        assertThat(Cli.in(app, "model", "Book", "-p", "isbn", "--force").code()).isZero();
        assertThat(Files.readString(app.resolve("common/models/book.json"))).contains("isbn").doesNotContain("title");
    }

    @Test
    void badNamesAndTypesAreUsageErrors() {
        assertThat(Cli.in(app, "model", "book-review").err()).contains("\"book-review\" is not a valid model name");
        assertThat(Cli.in(app, "model", "9Lives").code()).isEqualTo(2);
        Cli.Result badProperty = Cli.in(app, "model", "Book", "-p", "has space:string");
        assertThat(badProperty.code()).isEqualTo(2);
        assertThat(badProperty.err()).contains("\"has space\" is not a valid property name");
        Cli.Result badType = Cli.in(app, "model", "Book", "-p", "title:text2");
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("unknown type \"text2\"");
        Cli.Result badDefault = Cli.in(app, "model", "Book", "-p", "stars:number=many");
        assertThat(badDefault.code()).isEqualTo(2);
        assertThat(badDefault.err()).contains("default \"many\" is not a number");
        assertThat(app.resolve("common/models/book.json")).doesNotExist();
    }

    @Test
    void anUnknownDatasourceIsAUsageError() {
        Cli.Result result = Cli.in(app, "model", "Book", "--data-source", "nosuch");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--data-source: \"nosuch\" is not one of db, none");
    }

    @Test
    void withoutATerminalTheNameMustBeGiven() {
        Cli.Result result = Cli.in(app, "model");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Model name is missing: give NAME");
    }

    @Test
    void outsideAnAppItSaysHowToCreateOne() {
        Cli.Result result = Cli.run("model", "Book", "-C", tempDir.resolve("nothing").toString(), "--no-interactive");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not an app directory", "backloop new");
    }

    @Test
    void helpShowsThePropertySyntax() {
        Cli.Result result = Cli.run("model", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("NAME[:TYPE][:required][=DEFAULT]", "--data-source", "--plural", "--base",
                "--[no-]public", "--force", "--app-dir");
    }
}
