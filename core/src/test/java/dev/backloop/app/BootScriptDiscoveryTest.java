package dev.backloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.boot.AppConfig;
import dev.backloop.boot.BootException;
import dev.backloop.json.Json;
import dev.backloop.spi.BootScript;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot scripts found through META-INF/services, merged with those config.json names and those given in code. */
class BootScriptDiscoveryTest {
    static final List<String> RAN = new ArrayList<>();

    public static final class First implements BootScript {
        @Override
        public void boot(App app) {
            RAN.add("first");
        }
    }

    public static final class Second implements BootScript {
        @Override
        public void boot(App app) {
            RAN.add("second");
        }
    }

    public static final class Broken implements BootScript {
        public Broken() {
            throw new IllegalStateException("no seed data configured");
        }

        @Override
        public void boot(App app) {
        }
    }

    @BeforeEach
    void clear() {
        RAN.clear();
    }

    private static ClassLoader withServices(Path dir, String... classes) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BootScript.class.getName()), String.join("\n", classes) + "\n");
        return new URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, BootScriptDiscoveryTest.class.getClassLoader());
    }

    private static AppConfig config(String json) throws IOException {
        return AppConfig.of((ObjectNode) Json.mapper().readTree(json));
    }

    @Test
    void servicesThenConfigThenCodeAndAClassListedTwiceRunsOnce(@TempDir Path dir) throws IOException {
        AppBuilder builder = new AppBuilder().classLoader(withServices(dir, First.class.getName()))
                .config(config("{\"bootScripts\": [\"" + Second.class.getName() + "\", \"" + First.class.getName() + "\"]}"))
                .bootScript(app -> RAN.add("code"));
        try (App app = builder.build()) {
            assertThat(RAN).containsExactly("first", "second", "code");
        }
    }

    @Test
    void aScriptThatCannotBeLoadedFailsBootNamingIt(@TempDir Path dir) throws IOException {
        AppBuilder fromServices = new AppBuilder().classLoader(withServices(dir, "com.acme.Missing"));
        assertThatThrownBy(fromServices::build).isInstanceOf(BootException.class)
                .hasMessageContaining("BootScript").hasMessageContaining("com.acme.Missing");
        AppBuilder fromConfig = new AppBuilder()
                .config(config("{\"bootScripts\": [\"" + Broken.class.getName() + "\"]}"));
        assertThatThrownBy(fromConfig::build).isInstanceOf(BootException.class)
                .hasMessageContaining(Broken.class.getName()).hasMessageContaining("no seed data configured");
    }
}
