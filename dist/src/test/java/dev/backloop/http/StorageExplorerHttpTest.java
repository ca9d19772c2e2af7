package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage component in the distribution: its routes are served and documented by the explorer. */
class StorageExplorerHttpTest {
    @TempDir
    Path tempDir;

    @Test
    void theExplorerDocumentsTheContainerRoutesAndNoCrud() throws Exception {
        Path dir = TestApps.copy("storage", tempDir);
        Files.writeString(dir.resolve("server/datasources.json"), "{\"storage\": {\"connector\": \"storage\", "
                + "\"provider\": \"filesystem\", \"root\": " + new ObjectMapper().writeValueAsString(
                        tempDir.resolve("root").toString()) + "}}");
        try (AppUnderTest app = new AppUnderTest(dir, Map.of())) {
            JsonNode paths = app.http.get("/explorer/openapi.json").json().path("paths");
            assertThat(paths.has("/containers")).isTrue();
            assertThat(paths.has("/containers/{container}/upload")).isTrue();
            assertThat(paths.has("/containers/{container}/download/{file}")).isTrue();
            assertThat(paths.has("/containers/{id}")).isFalse();
            assertThat(app.http.get("/explorer/swagger.json").status()).isEqualTo(200);
            assertThat(app.http.get("/api/containers").status()).isEqualTo(200);
        }
    }
}
