package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiCommandTest {
    @TempDir
    Path tempDir;
    Path app;

    @BeforeEach
    void newApp() {
        app = Cli.newApp(tempDir, "shop");
        assertThat(Cli.in(app, "model", "Product", "-p", "title:string:required").code()).isZero();
    }

    @Test
    void writesTheExplorersOpenApiDocument() throws Exception {
        Path file = tempDir.resolve("out/api.json");

        Cli.Result result = Cli.run("openapi", "-C", app.toString(), "-o", file.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode document = Json.mapper().readTree(file.toFile());
        assertThat(document.get("openapi").asText()).isEqualTo("3.0.3");
        assertThat(document.at("/info/title").asText()).as("package.json's name").isEqualTo("shop");
        assertThat(document.get("paths").has("/Products")).isTrue();
        assertThat(document.at("/components/schemas/Product/required").toString()).contains("title");
    }

    @Test
    void yamlAndSwagger2() throws Exception {
        Path yaml = tempDir.resolve("api.yaml");
        assertThat(Cli.run("openapi", "-C", app.toString(), "-o", yaml.toString()).code()).isZero();
        assertThat(Files.readString(yaml)).startsWith("openapi: 3.0.3").contains("/Products:");

        Cli.Result swagger = Cli.run("openapi", "-C", app.toString(), "-o", "-", "--format", "swagger2");
        assertThat(swagger.code()).isZero();
        assertThat(Json.mapper().readTree(swagger.out()).get("swagger").asText()).isEqualTo("2.0");
    }

    @Test
    void anExistingFileIsOverwrittenOnlyWithForce() throws Exception {
        Path file = tempDir.resolve("api.json");
        Files.writeString(file, "keep");

        Cli.Result result = Cli.run("openapi", "-C", app.toString(), "-o", file.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("already exists; use --force");
        assertThat(Files.readString(file)).isEqualTo("keep");

        assertThat(Cli.run("openapi", "-C", app.toString(), "-o", file.toString(), "--force").code()).isZero();
        assertThat(Files.readString(file)).contains("\"/Products\"");
    }

    @Test
    void anAppThatDoesNotBootFailsWithItsReason() throws Exception {
        assertThat(Cli.in(app, "remote-method", "Product", "restock").code()).isZero();

        Cli.Result result = Cli.run("openapi", "-C", app.toString(), "-o", tempDir.resolve("x.json").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("does not boot", "restock", "compile it and pass the classes with --classpath");
        assertThat(Cli.run("openapi", "-C", app.toString(), "--format", "xml", "-o", "-").err())
                .contains("--format must be json, yaml or swagger2");
    }

    @Test
    void help() {
        assertThat(Cli.run("openapi", "--help").out()).contains("--output", "--format", "--classpath", "--force");
    }
}
