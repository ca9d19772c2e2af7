package dev.backloop.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.remoting.SharedClass;
import dev.backloop.server.BackloopServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The other direction of wire compatibility: LoopBack 3's own {@code loopback-connector-remote} (from the
 * npm registry, {@code src/test/lb3/remote-client.js}) is the client of a Backloop server and runs CRUD,
 * filters, include, relation methods, custom remote methods and errors against it with its asserts.
 */
class LoopBack3ClientTest {
    /** A guard against a script that hangs (a request never answered); not a timing assertion. */
    private static final long SCRIPT_LIMIT_SECONDS = 120;

    private App app;
    private BackloopServer server;

    @BeforeEach
    void start() {
        app = AppBooter.boot(BackendApp.fixture("shop"), "test", Map.of());
        addCustomMethods(app.sharedClass("Customer"));
        server = app.listen("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** What {@code common/models/customer.js} would add in LoopBack 3. */
    private static void addCustomMethods(SharedClass customer) {
        customer.remoteMethod("greet", Map.of(
                "accepts", Map.of("arg", "msg", "type", "string"),
                "returns", Map.of("arg", "greeting", "type", "string"),
                "http", Map.of("verb", "post", "path", "/greet")),
                ctx -> "Greetings... " + ctx.arg("msg"));
        customer.remoteMethod("prototype.describe", Map.of(
                "accepts", Map.of("arg", "prefix", "type", "string", "http", Map.of("source", "query")),
                "returns", Map.of("arg", "text", "type", "string"),
                "http", Map.of("verb", "get", "path", "/describe")),
                ctx -> ctx.arg("prefix") + " " + ctx.instance().get("name") + " of " + ctx.instance().get("city"));
    }

    @Test
    void loopBack3sRemoteConnectorPassesEveryCheckAgainstBackloop() throws Exception {
        Run run = node("remote-client.js", server.uri() + "/api");
        assertThat(run.exitCode()).as("remote-client.js failed; its output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("checks passed").doesNotContain("FAIL");
    }

    @Test
    void theChecksAreLoopBack3sOwnBehaviour() throws Exception {
        // the same script against the real LoopBack 3 app with the same models: what it expects is LoopBack's
        try (LoopBack3Peer peer = new LoopBack3Peer()) {
            Run run = node("remote-client.js", peer.url());
            assertThat(run.exitCode()).as("remote-client.js failed against LoopBack 3; its output:%n%s", run.output())
                    .isZero();
        }
    }

    @Test
    void theScriptFailsWhenTheServerLacksWhatItChecks() throws Exception {
        // a server without the custom methods: the script must notice and exit non-zero
        app.close();
        app = AppBooter.boot(BackendApp.fixture("shop"), "test", Map.of());
        server = app.listen("127.0.0.1", 0);
        Run run = node("remote-client.js", server.uri() + "/api");
        assertThat(run.exitCode()).as("output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("FAIL the custom static method Customer.greet")
                .contains("FAIL the custom instance method Customer.prototype.describe")
                .contains("ok   find with where, order, limit and skip");
    }

    @Test
    void theScriptNeedsAUrl() throws Exception {
        Run run = node("remote-client.js");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("usage: node remote-client.js");
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a script of {@code src/test/lb3} with node; its stdin is closed, stdout and stderr are merged. */
    private static Run node(String script, String... args) throws Exception {
        LoopBack3Peer.requireInstalled();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(LoopBack3Peer.APP.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("BACKLOOP_URL");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(SCRIPT_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(script + " did not finish; its output:\n" + output.get(10, TimeUnit.SECONDS));
        }
        return new Run(process.exitValue(), output.get(10, TimeUnit.SECONDS));
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
