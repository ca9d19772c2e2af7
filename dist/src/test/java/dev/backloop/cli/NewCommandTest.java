package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    @TempDir
    Path tempDir;

    @Test
    void writesTheLoopBack3LayoutWithAMemoryDatasourceAndTheExplorer() throws Exception {
        Cli.Result result = Cli.run("new", tempDir.resolve("shop").toString(), "--name", "shop-api", "--no-interactive");

        assertThat(result.code()).as(result.toString()).isZero();
        Path app = tempDir.resolve("shop");
        assertThat(Files.readString(app.resolve("server/datasources.json"))).isEqualTo("""
                {
                  "db": {
                    "name": "db",
                    "connector": "memory"
                  }
                }
                """);
        assertThat(Files.readString(app.resolve("server/component-config.json"))).isEqualTo("""
                {
                  "loopback-component-explorer": {
                    "mountPath": "/explorer"
                  }
                }
                """);
        assertThat(Files.readString(app.resolve("package.json"))).contains("\"name\": \"shop-api\"");
        assertThat(Files.readString(app.resolve("server/model-config.json"))).contains("\"../common/models\"");
        assertThat(app.resolve("common/models")).isDirectory();
        try (App booted = AppBooter.boot(app, "test", Map.of())) {
            assertThat(booted.dataSource("db").settings().connector()).isEqualTo("memory");
        }
    }

    @Test
    void theAppNameDefaultsToTheDirectoryName() throws Exception {
        assertThat(Cli.run("new", tempDir.resolve("todo").toString(), "--no-interactive").code()).isZero();
        assertThat(Files.readString(tempDir.resolve("todo/package.json"))).contains("\"name\": \"todo\"");
    }

    @Test
    void noExplorerLeavesComponentConfigEmpty() throws Exception {
        assertThat(Cli.run("new", tempDir.resolve("bare").toString(), "--no-explorer", "--no-interactive").code()).isZero();
        assertThat(Files.readString(tempDir.resolve("bare/server/component-config.json"))).isEqualTo("{}\n");
    }

    @Test
    void refusesToOverwriteAnAppUnlessForced() throws Exception {
        Path app = Cli.newApp(tempDir, "twice");
        Files.writeString(app.resolve("server/config.json"), "{\"port\": 4000}\n");

        Cli.Result again = Cli.run("new", app.toString(), "--no-interactive");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already has package.json, server/config.json", "use --force");
        assertThat(Files.readString(app.resolve("server/config.json"))).isEqualTo("{\"port\": 4000}\n");

        assertThat(Cli.run("new", app.toString(), "--force", "--no-interactive").code()).isZero();
        assertThat(Files.readString(app.resolve("server/config.json"))).contains("\"port\": 3000");
    }

    @Test
    void theSameAnswersWriteTheSameBytes() throws Exception {
        Path first = Cli.newApp(tempDir, "one");
        byte[] before = Files.readAllBytes(first.resolve("server/config.json"));
        assertThat(Cli.run("new", first.toString(), "--force", "--no-interactive").code()).isZero();
        assertThat(Files.readAllBytes(first.resolve("server/config.json"))).isEqualTo(before);
    }

    @Test
    void aBadAppNameIsAUsageError() {
        Cli.Result result = Cli.run("new", tempDir.resolve("x").toString(), "--name", "my app!", "--no-interactive");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--name: \"my app!\" is not a valid app name");
        assertThat(tempDir.resolve("x")).doesNotExist();
    }

    @Test
    void withoutATerminalTheDirectoryMustBeGiven() {
        Cli.Result result = Cli.run("new", "--no-interactive");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("App directory is missing: give APP_DIR");
    }

    @Test
    void helpListsEveryOption() {
        Cli.Result result = Cli.run("new", "--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("APP_DIR", "--name", "--[no-]explorer", "--force", "--[no-]interactive");
    }
}
