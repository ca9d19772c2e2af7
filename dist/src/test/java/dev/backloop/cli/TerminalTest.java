package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The questions, answered by a script: in this JVM through the injected reader, in a child process through
 * its standard input, and in a real pseudo-terminal (util-linux's {@code script}), where the command asks
 * without being told to.
 */
class TerminalTest {
    @TempDir
    Path tempDir;

    @Test
    void aModelIsBuiltFromAnswersWithDefaultsAndReAskedAfterABadAnswer() throws Exception {
        Path app = Cli.newApp(tempDir, "shop");
        String answers = String.join("\n",
                "bad-name", "Product",     // model name: refused, then accepted
                "",                        // datasource [db]
                "",                        // base [PersistedModel]
                "n",                       // public? no
                "",                        // plural: LoopBack's
                "title", "", "y", "",      // property title: string, required, no default
                "price", "money", "number", "", "cheap", "9.5", // a bad type or default is asked again
                "",                        // no more properties
                "");

        Cli.Result result = Cli.answering(answers, "model", "-C", app.toString(), "--interactive");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("? Model name: ", "\"bad-name\" is not a valid model name",
                "? Datasource (db, none) [db]: ", "? Base model [PersistedModel]: ", "unknown type \"money\"", "\"cheap\" is not a number");
        JsonNode product = Json.mapper().readTree(app.resolve("common/models/product.json").toFile());
        assertThat(product.get("properties").toString()).isEqualTo("{\"title\":{\"type\":\"string\",\"required\":true},"
                + "\"price\":{\"type\":\"number\",\"required\":false,\"default\":9.5}}");
        assertThat(Json.mapper().readTree(app.resolve("server/model-config.json").toFile()).get("Product").toString())
                .isEqualTo("{\"dataSource\":\"db\",\"public\":false}");
    }

    @Test
    void inputEndingBeforeARequiredAnswerIsAClearError() {
        Path app = Cli.newApp(tempDir, "shop");

        Cli.Result result = Cli.answering("", "acl", "-C", app.toString(), "--interactive");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("the app has no models yet");
        assertThat(Cli.in(app, "model", "Thing").code()).isZero();
        Cli.Result ended = Cli.answering("Thing\n", "acl", "-C", app.toString(), "--interactive");
        assertThat(ended.code()).isEqualTo(2);
        assertThat(ended.err()).contains("input ended before \"Method or property (* for all)\" was answered");
    }

    @Test
    void theCommandLineProcessReadsItsAnswersFromStandardInput() throws Exception {
        Path app = tempDir.resolve("piped");
        Process process = java("new", app.toString(), "--interactive").start();
        answer(process, "piped-api\nn\n");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("? App name [piped]: ", "? Serve the API explorer? [y]: ", "Created app piped-api");
        assertThat(Files.readString(app.resolve("server/component-config.json"))).isEqualTo("{}\n");
    }

    @Test
    void inARealTerminalTheCommandAsksWithoutBeingTold() throws Exception {
        assumeTrue(Stream.of("/usr/bin/script", "/bin/script").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "util-linux's script is not installed");
        Path app = Cli.newApp(tempDir, "tty");
        String command = String.join(" ", java("datasource", "files", "-C", app.toString()).command().stream()
                .map(TerminalTest::quoted).toList());
        // script runs the command on a pseudo-terminal and copies our stdin to it
        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        answer(process, "storage\nfilesystem\n./uploads\n1048576\n");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("? Connector", "? Folder of the containers, relative to the app [./storage]: ");
        assertThat(Json.mapper().readTree(app.resolve("server/datasources.json").toFile()).get("files").toString())
                .isEqualTo("{\"name\":\"files\",\"connector\":\"storage\",\"provider\":\"filesystem\","
                        + "\"root\":\"./uploads\",\"maxFileSize\":1048576}");
    }

    @Test
    void aSecretIsNotEchoedInARealTerminal() throws Exception {
        assumeTrue(Stream.of("/usr/bin/script", "/bin/script").anyMatch(p -> Files.isExecutable(Path.of(p))),
                "util-linux's script is not installed");
        Path app = Cli.newApp(tempDir, "secret");
        String command = String.join(" ", java("datasource", "mongo", "-C", app.toString(), "--connector", "mongodb")
                .command().stream().map(TerminalTest::quoted).toList());
        Process process = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = process.getInputStream()) {
                byte[] chunk = new byte[1024];
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    out.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            // url, host, port, database, user: typed ahead, echoed by the terminal as usual
            in.write("\n\n\nshop\nann\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            // the password only once its question is up, so the terminal's echo is off by then
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.toString().contains("? Password") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            in.write("pa55word\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        assertThat(process.exitValue()).as(out.toString()).isZero();
        assertThat(out.toString()).contains("? Password (empty: none): ").contains("ann").doesNotContain("pa55word");
        assertThat(Json.mapper().readTree(app.resolve("server/datasources.json").toFile()).get("mongo").get("password")
                .asText()).isEqualTo("pa55word");
    }

    /** {@code java -cp <this test's class path> dev.backloop.cli.Main args...}. */
    private static ProcessBuilder java(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static void answer(Process process, String lines) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(lines.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
