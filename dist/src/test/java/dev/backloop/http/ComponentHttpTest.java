package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Components named in component-config.json are found on the classpath, serve routes, and close with the app. */
class ComponentHttpTest {
    @TempDir
    Path tempDir;

    private Path appWith(String componentConfig, String testOverlay) throws IOException {
        Path dir = TestApps.copy("library", tempDir);
        Files.writeString(dir.resolve("server/component-config.json"), componentConfig);
        if (testOverlay != null) {
            Files.writeString(dir.resolve("server/component-config.test.json"), testOverlay);
        }
        return dir;
    }

    @Test
    void aConfiguredComponentServesItsRoutesBesideTheApi() throws IOException {
        int closedBefore = HealthComponentFactory.CLOSED.get();
        Path dir = appWith("{\"loopback-component-test-health\": {\"path\": \"/status\"},"
                + " \"loopback-component-not-installed\": {}}", null);
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            HttpClientSupport.Reply reply = app.http.get("/status");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.json();
            assertThat(body.get("environment").asText()).isEqualTo("test");
            assertThat(body.get("models").toString()).contains("Book");
            assertThat(app.http.get("/api/Books").status()).as("the REST API still serves").isEqualTo(200);
        }
        assertThat(HealthComponentFactory.CLOSED.get()).isEqualTo(closedBefore + 1);
    }

    @Test
    void nullInAnEnvironmentOverlayTurnsTheComponentOff() throws IOException {
        Path dir = appWith("{\"test-health\": {}}", "{\"test-health\": null}");
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            assertThat(app.http.get("/health").status()).isEqualTo(404);
        }
    }
}
