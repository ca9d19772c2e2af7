package dev.backloop.storage;

import static dev.backloop.storage.StorageApp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backloop.storage.StorageApp.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names that try to leave the storage root are 400, and nothing is written outside it. */
class HostileNamesTest {
    private static final String[] NAMES = {"..", "../evil", "../../etc/passwd", "a/b", "a\\b", "..\\evil", "/etc/passwd",
        "a\u0000b", ".hidden", "C:\\evil", "C:evil", "x"};

    @TempDir
    static Path temp;
    private static StorageApp app;

    @BeforeAll
    static void boot() throws Exception {
        app = new StorageApp(temp, "");
        app.send("POST", "/api/containers", "{\"name\": \"safe\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        // only the app, the root and its one container exist
        try (Stream<Path> top = Files.list(temp)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("app", "storage-root");
        }
        try (Stream<Path> inRoot = Files.list(app.root)) {
            assertThat(inRoot.map(p -> p.getFileName().toString())).containsExactly("safe");
        }
    }

    static List<String> names() {
        List<String> names = new java.util.ArrayList<>(List.of(NAMES).subList(0, NAMES.length - 1));
        names.add("x".repeat(256));
        names.add("\u00e9".repeat(128)); // 256 bytes in UTF-8
        return names;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void containerNameIs400(int index) throws Exception {
        String name = names().get(index);
        var response = app.send("POST", "/api/containers", "{\"name\": " + JSON.writeValueAsString(name) + "}");
        assertThat(response.statusCode()).as(name).isEqualTo(400);
        assertThat(StorageApp.json(response).path("error").path("code").asText()).isEqualTo("INVALID_NAME");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void uploadedFileNameIs400(int index) throws Exception {
        String name = names().get(index);
        var response = app.upload("safe", List.of(new Part("file", name, "text/plain", "pwned".getBytes())));
        assertThat(response.statusCode()).as(name).isEqualTo(400);
        try (Stream<Path> files = Files.list(app.root.resolve("safe"))) {
            assertThat(files).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/containers/%2e%2e/files", "/api/containers/%2E%2E%2F%2E%2E/files",
        "/api/containers/safe/files/%2e%2e%2fsafe", "/api/containers/safe/download/..%2F..%2Fapp%2Fserver%2Fconfig.json",
        "/api/containers/safe/download/%00", "/api/containers/.%2e/download/storage-root",
        "/api/containers/safe/files/..%5C..%5Cx", "/api/containers/safe/download/.hidden"})
    void encodedPathParametersNeverEscape(String path) throws Exception {
        var response = app.download(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
    }
}
