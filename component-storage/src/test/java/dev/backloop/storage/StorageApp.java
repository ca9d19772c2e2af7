package dev.backloop.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A storage app (one public {@code container} model on a {@code storage} datasource) booted in a temp
 * folder and listening on 127.0.0.1, with a small HTTP client. Shared with the provider modules' tests
 * through this module's test-jar.
 */
public final class StorageApp implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String BOUNDARY = "----backloop-test-boundary";
    private final HttpClient http = HttpClient.newHttpClient();
    private final App app;
    private final BackloopServer server;
    /** The filesystem provider's root (unused by other providers). */
    public final Path root;

    /** A file or field of a multipart body; a null file name makes a plain field. */
    public record Part(String field, String fileName, String contentType, byte[] bytes) {
        public static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The filesystem provider over {@code tempDir/storage-root}, with more settings ({@code , "maxFileSize": 10}). */
    public StorageApp(Path tempDir, String extraSettings) throws IOException {
        this(tempDir.resolve("storage-root"), tempDir, (extraSettings.contains("\"provider\"") ? "" : "\"provider\": \"filesystem\", ") + "\"root\": "
                + JSON.writeValueAsString(tempDir.resolve("storage-root").toString()) + extraSettings);
    }

    /** Any provider: {@code settings} are the datasource's fields after its name and connector. */
    public static StorageApp withSettings(Path tempDir, String settings) throws IOException {
        return new StorageApp(tempDir.resolve("storage-root"), tempDir, settings);
    }

    private StorageApp(Path root, Path tempDir, String settings) throws IOException {
        Path appDir = tempDir.resolve("app");
        this.root = root;
        writeFixture(appDir);
        Files.writeString(appDir.resolve("server/datasources.json"), "{\"storage\": {\"name\": \"storage\", "
                + "\"connector\": \"loopback-component-storage\", " + settings + "}}");
        app = AppBooter.boot(appDir, "development", Map.of());
        server = app.listen("127.0.0.1", 0);
    }

    public HttpResponse<String> send(String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with headers given as name, value pairs. */
    public HttpResponse<byte[]> download(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> upload(String container, List<Part> parts) throws Exception {
        return uploadBytes(container, multipart(parts));
    }

    public HttpResponse<String> uploadBytes(String container, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/containers/" + container + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return server.uri().resolve(path);
    }

    public StorageConnector connector() {
        return (StorageConnector) app.dataSource("storage").connector();
    }

    public static byte[] multipart(List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"")
                    .append(part.field()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        app.close();
    }

    /** The app: one public model, {@code container}, on the {@code storage} datasource. */
    private static void writeFixture(Path appDir) throws IOException {
        Files.createDirectories(appDir.resolve("server"));
        Files.createDirectories(appDir.resolve("common/models"));
        Files.writeString(appDir.resolve("server/config.json"), "{\"restApiRoot\": \"/api\", \"host\": \"127.0.0.1\", \"port\": 0}");
        Files.writeString(appDir.resolve("server/model-config.json"), "{\"_meta\": {\"sources\": [\"../common/models\"]}, "
                + "\"container\": {\"dataSource\": \"storage\", \"public\": true}}");
        Files.writeString(appDir.resolve("common/models/container.json"),
                "{\"name\": \"container\", \"base\": \"Model\", \"idInjection\": false, \"properties\": {}}");
    }
}
