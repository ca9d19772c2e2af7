package dev.backloop.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The storage fixture app booted over a root in a temp folder, with a small HTTP client. */
final class StorageApp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOUNDARY = "----backloop-test-boundary";
    private final HttpClient http = HttpClient.newHttpClient();
    private final App app;
    private final BackloopServer server;
    final Path root;

    /** A file or field of a multipart body; a null file name makes a plain field. */
    record Part(String field, String fileName, String contentType, byte[] bytes) {
        static Part field(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    StorageApp(Path tempDir, String extraSettings) throws IOException {
        Path appDir = tempDir.resolve("app");
        root = tempDir.resolve("storage-root");
        copy(fixture(), appDir);
        Files.writeString(appDir.resolve("server/datasources.json"), "{\"storage\": {\"name\": \"storage\", "
                + "\"connector\": \"loopback-component-storage\", "
                + (extraSettings.contains("\"provider\"") ? "" : "\"provider\": \"filesystem\", ") + "\"root\": "
                + JSON.writeValueAsString(root.toString()) + extraSettings + "}}");
        app = AppBooter.boot(appDir, "development", Map.of());
        server = app.listen("127.0.0.1", 0);
    }

    HttpResponse<String> send(String method, String path, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with headers given as name, value pairs. */
    HttpResponse<byte[]> download(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> upload(String container, List<Part> parts) throws Exception {
        return uploadBytes(container, multipart(parts));
    }

    HttpResponse<String> uploadBytes(String container, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/containers/" + container + "/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    StorageConnector connector() {
        return (StorageConnector) app.dataSource("storage").connector();
    }

    static byte[] multipart(List<Part> parts) {
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

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        app.close();
    }

    private static Path fixture() {
        try {
            URI uri = StorageApp.class.getResource("/apps/storage").toURI();
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
