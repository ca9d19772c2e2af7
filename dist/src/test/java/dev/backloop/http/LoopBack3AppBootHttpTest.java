package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backloop.app.AppBooter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app directory as LoopBack 3's `lb app` scaffolds it boots unchanged, JSON files only. */
class LoopBack3AppBootHttpTest {
    @TempDir
    Path tempDir;

    @Test
    void theScaffoldedNotesAppBootsAndServesItsModel() {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            HttpClientSupport.Reply created = app.http.post("/api/Notes", "{\"title\":\"hello\",\"content\":\"world\"}");
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.json().get("id").asInt()).isEqualTo(1);
            assertThat(app.http.get("/api/Notes").json().get(0).get("content").asText()).isEqualTo("world");
            assertThat(app.http.get("/api/Notes/count").json().get("count").asInt()).isEqualTo(1);
            assertThat(app.http.post("/api/Notes", "{}").status()).isEqualTo(422);
        }
    }

    @Test
    void theScaffoldedExplorerServesLoopBacksSwaggerJson() {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            HttpClientSupport.Reply swagger = app.http.get("/explorer/swagger.json");
            assertThat(swagger.status()).isEqualTo(200);
            assertThat(swagger.json().path("swagger").asText()).isEqualTo("2.0");
            assertThat(swagger.json().path("basePath").asText()).isEqualTo("/api");
            assertThat(swagger.json().path("info").path("title").asText()).isEqualTo("lb3-notes");
            assertThat(swagger.json().path("paths").path("/Notes").path("get").path("operationId").asText())
                    .isEqualTo("Note.find");
            assertThat(app.http.get("/explorer/").status()).isEqualTo(302);
        }
    }

    @Test
    void theFileOfTheMemoryDatasourceSurvivesARestart() throws Exception {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        Files.writeString(appDir.resolve("server/datasources.json"),
                "{\"db\":{\"name\":\"db\",\"connector\":\"memory\",\"file\":\"db.json\"}}");
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            assertThat(app.http.post("/api/Notes", "{\"title\":\"kept\"}").status()).isEqualTo(200);
        }
        String file = Files.readString(appDir.resolve("db.json"));
        assertThat(file).contains("\"Note\"").contains("kept");
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            assertThat(app.http.get("/api/Notes/1").json().get("title").asText()).isEqualTo("kept");
            assertThat(app.http.post("/api/Notes", "{\"title\":\"next\"}").json().get("id").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aMemoryFileWrittenByLoopBack3Loads() throws Exception {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        Files.writeString(appDir.resolve("server/datasources.json"),
                "{\"db\":{\"name\":\"db\",\"connector\":\"memory\",\"file\":\"db.json\"}}");
        // byte for byte what LoopBack 3's memory connector writes: records as JSON strings, next ids
        Files.writeString(appDir.resolve("db.json"), """
                {
                  "ids": {
                    "User": 1,
                    "AccessToken": 1,
                    "ACL": 1,
                    "RoleMapping": 1,
                    "Role": 1,
                    "Note": 3
                  },
                  "models": {
                    "User": {},
                    "AccessToken": {},
                    "ACL": {},
                    "RoleMapping": {},
                    "Role": {},
                    "Note": {
                      "1": "{\\"title\\":\\"first\\",\\"content\\":\\"from lb3\\",\\"id\\":1}",
                      "2": "{\\"title\\":\\"second\\",\\"id\\":2}"
                    }
                  }
                }""");
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of())) {
            assertThat(app.http.get("/api/Notes/count").json().get("count").asInt()).isEqualTo(2);
            assertThat(app.http.get("/api/Notes/1").json().get("content").asText()).isEqualTo("from lb3");
            assertThat(app.http.post("/api/Notes", "{\"title\":\"third\"}").json().get("id").asInt()).isEqualTo(3);
        }
    }

    @Test
    void anUnknownConnectorFailsBootNamingTheConnectorsFound() throws Exception {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        Files.writeString(appDir.resolve("server/datasources.json"),
                "{\"db\":{\"name\":\"db\",\"connector\":\"oracle\"}}");
        assertThatThrownBy(() -> AppBooter.boot(appDir, "test", Map.of()))
                .hasMessageContaining("\"oracle\"")
                .hasMessageContaining("memory");
    }

    @Test
    void environmentOverlaysAndVariablesApply() throws Exception {
        Path appDir = TestApps.copy("lb3-notes", tempDir);
        Files.writeString(appDir.resolve("server/datasources.json"),
                "{\"db\":{\"name\":\"db\",\"connector\":\"memory\",\"file\":\"${NOTES_FILE}\"}}");
        Files.writeString(appDir.resolve("server/config.test.json"), "{\"restApiRoot\":\"/v1\"}");
        try (AppUnderTest app = new AppUnderTest(appDir, Map.of("NOTES_FILE", "notes-store.json"))) {
            assertThat(app.http.post("/v1/Notes", "{\"title\":\"x\"}").status()).isEqualTo(200);
            assertThat(app.http.get("/api/Notes").status()).isEqualTo(404);
        }
        assertThat(appDir.resolve("notes-store.json")).exists();
    }
}
