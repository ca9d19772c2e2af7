package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.cli.Main;
import dev.backloop.cli.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app made only with the command line (new, model, datasource, relation, acl, remote-method) boots and
 * serves: its relation routes, its ACL, its storage datasource, the explorer, and the remote method stub,
 * compiled as a user would compile it.
 */
class GeneratedAppHttpTest {
    @TempDir
    Path tempDir;

    @Test
    void anAppMadeByTheCommandLineBootsAndServes() throws Exception {
        Path app = tempDir.resolve("library");
        cli("new", app.toString());
        cli("model", "Author", "-C", app.toString(), "-p", "name:string:required");
        cli("model", "Book", "-C", app.toString(), "-p", "title:string:required", "-p", "pages:number=100");
        cli("datasource", "files", "-C", app.toString(), "--connector", "storage", "-s", "root=./files");
        cli("model", "Container", "-C", app.toString(), "--base", "Model", "-d", "files");
        cli("relation", "Author", "-C", app.toString(), "--type", "hasMany", "--to", "Book");
        cli("relation", "Book", "-C", app.toString(), "--type", "belongsTo", "--to", "Author");
        cli("acl", "Book", "-C", app.toString(), "--access-type", "WRITE", "--role", "$everyone", "--permission", "DENY");
        cli("remote-method", "Author", "greet", "-C", app.toString(), "--accepts", "msg:string",
                "--returns", "greeting:string", "--http", "get:/greet");
        Path classes = compile(app);

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader code = new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(code);
            try (AppUnderTest served = new AppUnderTest(app, Map.of())) {
                HttpClientSupport http = served.http;
                HttpClientSupport.Reply author = http.post("/api/Authors", "{\"name\":\"Le Guin\"}");
                assertThat(author.status()).as(author.text()).isEqualTo(200);
                long authorId = author.json().get("id").asLong();

                // the ACL denies writes to books over REST; the Java API is not guarded
                assertThat(http.post("/api/Books", "{\"title\":\"Earthsea\"}").status()).isEqualTo(401);
                served.app.model("Book").create(Map.of("title", "Earthsea", "authorId", authorId));

                HttpClientSupport.Reply books = http.get("/api/Authors/" + authorId + "/books");
                assertThat(books.status()).as(books.text()).isEqualTo(200);
                assertThat(books.json().get(0).get("title").asText()).isEqualTo("Earthsea");
                assertThat(books.json().get(0).get("pages").asInt()).as("the property default").isEqualTo(100);
                HttpClientSupport.Reply owner = http.get("/api/Books/" + books.json().get(0).get("id").asLong() + "/author");
                assertThat(owner.json().get("name").asText()).isEqualTo("Le Guin");

                HttpClientSupport.Reply containers = http.get("/api/Containers");
                assertThat(containers.status()).as(containers.text()).isEqualTo(200);
                assertThat(containers.json().isArray()).isTrue();

                HttpClientSupport.Reply greet = http.get("/api/Authors/greet?msg=hi");
                assertThat(greet.status()).as("the stub answers until it is written").isEqualTo(501);
                assertThat(greet.error().get("message").asText()).isEqualTo("Author.greet is not implemented yet");

                HttpClientSupport.Reply openApi = http.get("/explorer/openapi.json");
                assertThat(openApi.status()).isEqualTo(200);
                assertThat(openApi.json().get("paths").has("/Authors/greet")).isTrue();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--no-interactive");
        StringWriter out = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader("")), new PrintWriter(out, true),
                new PrintWriter(out, true), false);
        int code = Main.execute(all.toArray(String[]::new), terminal);
        assertThat(code).as(String.join(" ", args) + "\n" + out).isZero();
    }

    /** javac the app's src/main/java into build/, with its META-INF/services, as docs/cli.md says. */
    private static Path compile(Path app) throws IOException {
        Path build = app.resolve("build");
        Files.createDirectories(build);
        List<String> args = new ArrayList<>(List.of("-d", build.toString(), "-cp", System.getProperty("java.class.path")));
        try (Stream<Path> sources = Files.walk(app.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertThat(status).as("javac of the generated stub " + errors).isZero();
        Path services = app.resolve("src/main/resources");
        try (Stream<Path> files = Files.walk(services)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = build.resolve(services.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        return build;
    }
}
