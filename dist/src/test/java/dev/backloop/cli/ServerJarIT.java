package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it: {@code java -jar backloop-server.jar examples/todo --port 0}; it
 * prints its URL, serves, and on SIGTERM stops with the memory file flushed.
 */
class ServerJarIT {
    private static final Pattern URL = Pattern.compile("at (http://\\S+)");

    @TempDir
    Path tempDir;

    @Test
    void servesTheTodoExampleAndStopsCleanlyOnSigterm() throws Exception {
        Path jar = Path.of("target", "backloop-server.jar");
        assertThat(jar).exists();
        Path app = copyExample(tempDir.resolve("todo"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(), app.toString(),
                "--host", "127.0.0.1", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = URL.matcher(line);
                if (line.startsWith("Backloop is serving") && m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            assertThat(base).as("the URL line").isNotNull().endsWith("/api");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(base + "/Todos"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"from the jar\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("\"title\":\"from the jar\"");
            // the explorer's service file and Swagger UI's webjar made it into the shaded jar
            String root = base.substring(0, base.length() - "/api".length());
            HttpResponse<String> openApi = client.send(HttpRequest.newBuilder(URI.create(root + "/explorer/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).contains("\"/Todos\"");
            HttpResponse<String> ui = client.send(HttpRequest.newBuilder(URI.create(root + "/explorer/swagger-ui-bundle.js")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ui.statusCode()).isEqualTo(200);

            // SIGTERM through the handle, which leaves our end of its output open to read to the end
            server.toHandle().destroy();
            String rest = readRest(out);
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(app.resolve("data/todo-db.json"))).contains("from the jar");
            // the access log is off unless asked for (a graceful stop writes out what it had queued)
            assertThat(rest).contains("Stopped").doesNotContain("backloop.access");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void theAccessLogIsWrittenWhenItsLoggerIsTurnedOn() throws Exception {
        Path jar = Path.of("target", "backloop-server.jar").toAbsolutePath();
        Path app = copyExample(tempDir.resolve("logged"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Dorg.slf4j.simpleLogger.log.backloop.access=info", "-jar",
                jar.toString(), app.toString(), "--host", "127.0.0.1", "--port", "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String base = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = URL.matcher(line);
                if (line.startsWith("Backloop is serving") && m.find()) {
                    base = m.group(1);
                    break;
                }
            }
            assertThat(base).as("the URL line").isNotNull();
            HttpResponse<String> found = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/Todos"))
                    .header("X-Request-Id", "trace-42").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            server.toHandle().destroy();
            String rest = readRest(out);
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).containsPattern("backloop.access - trace-42 GET /api/Todos 200 \\d+B \\d+ms");
        } finally {
            server.destroyForcibly();
        }
    }

    /** What the process wrote after what was read already, up to its end. */
    private static String readRest(BufferedReader out) throws IOException {
        StringBuilder rest = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            rest.append(line).append('\n');
        }
        return rest.toString();
    }

    @Test
    void theLauncherScriptScaffoldsAnAppAndServesIt() throws Exception {
        Path launcher = Path.of("bin", "backloop").toAbsolutePath();
        assertThat(launcher).isExecutable();
        Path app = tempDir.resolve("shop");
        assertThat(launch(launcher, "new", app.toString(), "--no-interactive")).contains("Created app shop");
        assertThat(launch(launcher, "model", "Item", "-C", app.toString(), "-p", "name:string:required",
                "--no-interactive")).contains("common/models/item.json");
        assertThat(launch(launcher, "--help")).contains("remote-method", "openapi", "migrate");

        Process server = new ProcessBuilder(launcher.toString(), "run", app.toString(), "--host", "127.0.0.1",
                "--port", "0").redirectErrorStream(true).start();
        try {
            String base = servingUrl(server);
            HttpResponse<String> created = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/Items")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"pen\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("\"name\":\"pen\"");
            server.destroy(); // the launcher execs java, so SIGTERM reaches the server
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    /** Runs the launcher to completion; its output, after checking it exited 0. */
    private static String launch(Path launcher, String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(launcher.toString()));
        command.addAll(java.util.List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static String servingUrl(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = URL.matcher(line);
            if (line.startsWith("Backloop is serving") && m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the server stopped before printing its URL");
    }

    private static Path copyExample(Path target) throws Exception {
        Path source = Path.of("..", "examples", "todo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path destination = target.resolve(source.relativize(file).toString());
                if (source.relativize(file).startsWith("data")) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
        return target;
    }
}
