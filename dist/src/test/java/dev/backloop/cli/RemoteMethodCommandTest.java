package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteMethodCommandTest {
    @TempDir
    Path tempDir;
    Path app;

    @BeforeEach
    void newApp() {
        app = Cli.newApp(tempDir, "people");
        assertThat(Cli.in(app, "model", "Person", "-p", "name").code()).isZero();
    }

    private JsonNode methods() throws Exception {
        return Json.mapper().readTree(app.resolve("common/models/person.json").toFile()).get("methods");
    }

    private Path stub() {
        return app.resolve("src/main/java/app/code/PersonCode.java");
    }

    @Test
    void declaresTheMethodAsLoopBackWritesIt() throws Exception {
        Cli.Result result = Cli.in(app, "remote-method", "Person", "greet", "--accepts", "msg:string:required",
                "--returns", "greeting:string", "--http", "get:/greet", "--http", "post:/sayhi", "--description", "Says hi");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(methods().toString()).isEqualTo("{\"greet\":{"
                + "\"accepts\":[{\"arg\":\"msg\",\"type\":\"string\",\"required\":true}],"
                + "\"returns\":[{\"arg\":\"greeting\",\"type\":\"string\",\"root\":false}],"
                + "\"description\":\"Says hi\","
                + "\"http\":[{\"path\":\"/greet\",\"verb\":\"get\"},{\"path\":\"/sayhi\",\"verb\":\"post\"}]}}");
        assertThat(Files.readString(stub())).contains("package app.code;", "public final class PersonCode implements ModelCustomizer",
                "return \"Person\";", "// greet(msg: string) returns greeting: string", "model.implement(\"greet\"",
                "new HttpError(501");
        assertThat(Files.readString(app.resolve("src/main/resources/META-INF/services/dev.backloop.app.ModelCustomizer")))
                .isEqualTo("app.code.PersonCode\n");
    }

    @Test
    void anInstanceMethodIsPrototypeAndDefaultsToPostAtItsName() throws Exception {
        assertThat(Cli.in(app, "remote-method", "Person", "shout", "--instance", "--java-package", "org.example.people")
                .code()).isZero();

        assertThat(methods().get("prototype.shout").toString())
                .isEqualTo("{\"accepts\":[],\"returns\":[],\"http\":[{\"path\":\"/shout\",\"verb\":\"post\"}]}");
        assertThat(app.resolve("src/main/java/org/example/people/PersonCode.java")).exists();
    }

    @Test
    void aSecondMethodJoinsTheSameCustomizer() throws Exception {
        assertThat(Cli.in(app, "remote-method", "Person", "greet").code()).isZero();
        assertThat(Cli.in(app, "remote-method", "Person", "wave").code()).isZero();

        String source = Files.readString(stub());
        assertThat(source).contains("model.implement(\"greet\"", "model.implement(\"wave\"");
        assertThat(source.indexOf("\"wave\"")).isGreaterThan(source.indexOf("\"greet\""));
        assertThat(Files.readAllLines(app.resolve("src/main/resources/META-INF/services/dev.backloop.app.ModelCustomizer")))
                .containsExactly("app.code.PersonCode");
    }

    @Test
    void aCustomizerWithoutTheMarkerIsLeftAloneAndTheSnippetShown() throws Exception {
        Files.createDirectories(stub().getParent());
        Files.writeString(stub(), "// my own code\n");

        Cli.Result result = Cli.in(app, "remote-method", "Person", "greet");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("has no marker line", "model.implement(\"greet\"");
        assertThat(Files.readString(stub())).isEqualTo("// my own code\n");
    }

    @Test
    void mistakesAreUsageErrors() throws Exception {
        assertThat(Cli.in(app, "remote-method", "Person", "greet").code()).isZero();
        Cli.Result again = Cli.in(app, "remote-method", "Person", "greet");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already has method greet; use --force");
        assertThat(Cli.in(app, "remote-method", "Person", "greet", "--force", "--accepts", "n:number").code()).isZero();
        assertThat(methods().at("/greet/accepts/0/arg").asText()).isEqualTo("n");

        Cli.Result route = Cli.in(app, "remote-method", "Person", "wave", "--http", "fetch:/wave");
        assertThat(route.code()).isEqualTo(2);
        assertThat(route.err()).contains("--http fetch:/wave: expected VERB:PATH");
        assertThat(Cli.in(app, "remote-method", "Person", "1wave").code()).isEqualTo(2);
        assertThat(Cli.in(app, "remote-method", "Robot", "wave").err()).contains("the app has no model \"Robot\"");
        assertThat(Cli.in(app, "remote-method", "Person", "wave", "--java-package", "App.Code").err())
                .contains("is not a valid Java package");
        assertThat(methods().has("wave")).isFalse();
    }

    @Test
    void helpShowsEveryOption() {
        assertThat(Cli.run("remote-method", "--help").out()).contains("--[no-]instance", "--http=VERB:PATH", "--accepts",
                "--returns", "--java-package", "--description", "--force");
    }
}
