package dev.backloop.storage;

import static dev.backloop.storage.StorageApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.storage.StorageApp.Part;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every storage provider does, over HTTP: the same suite runs on the filesystem, S3 and Azure
 * providers (a subclass each, giving its datasource settings). Container names are valid S3 bucket and
 * Azure container names (lowercase, 3 to 63 characters). Each test starts from a store with no
 * container.
 */
public abstract class StorageProviderContract {
    @TempDir
    protected Path temp;
    private StorageApp app;

    /** The datasource's settings after its name and connector ({@code "provider": "amazon", ...}). */
    protected abstract String settings() throws Exception;

    /** An app on the provider with more settings ({@code , "maxFileSize": 10}); the caller closes it. */
    protected StorageApp boot(String extraSettings) throws Exception {
        Path dir = Files.createTempDirectory(temp, "app");
        return StorageApp.withSettings(dir, settings() + extraSettings);
    }

    @BeforeEach
    void emptyStore() throws Exception {
        app = boot("");
        for (JsonNode container : json(app.send("GET", "/api/containers", null))) {
            app.connector().store().destroyContainer(container.path("name").asText());
        }
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void containersAreCreatedListedReadAndDestroyedWithTheirFiles() throws Exception {
        assertThat(json(app.send("GET", "/api/containers", null))).isEmpty();
        HttpResponse<String> created = app.send("POST", "/api/containers", "{\"name\": \"album1\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(json(created).path("name").asText()).isEqualTo("album1");
        app.send("POST", "/api/containers", "{\"name\": \"album2\"}");
        assertThat(json(app.send("GET", "/api/containers", null)).findValuesAsText("name")).containsExactly("album1", "album2");
        assertThat(json(app.send("GET", "/api/containers/album1", null)).path("name").asText()).isEqualTo("album1");

        assertThat(app.send("POST", "/api/containers", "{\"name\": \"album1\"}").statusCode()).isEqualTo(409);
        assertThat(app.send("POST", "/api/containers", "{}").statusCode()).isEqualTo(400);
        assertThat(app.send("GET", "/api/containers/nope1", null).statusCode()).isEqualTo(404);
        assertThat(app.send("GET", "/api/containers/nope1/files", null).statusCode()).isEqualTo(404);

        app.upload("album1", List.of(new Part("f", "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8))));
        assertThat(app.send("DELETE", "/api/containers/album1", null).statusCode()).isEqualTo(200);
        assertThat(app.send("GET", "/api/containers/album1", null).statusCode()).isEqualTo(404);
        assertThat(json(app.send("GET", "/api/containers", null)).findValuesAsText("name")).containsExactly("album2");
        assertThat(app.send("DELETE", "/api/containers/album1", null).statusCode()).isEqualTo(404);
    }

    @Test
    void filesAreUploadedListedDownloadedAndRemoved() throws Exception {
        byte[] photo = random(300_000, 1);
        byte[] text = "hello storage\n".getBytes(StandardCharsets.UTF_8);
        app.send("POST", "/api/containers", "{\"name\": \"album\"}");
        HttpResponse<String> uploaded = app.upload("album", List.of(Part.field("note", "holiday"),
                new Part("file", "photo.png", "image/png", photo), new Part("file", "notes.txt", "text/plain", text),
                new Part("empty", "", "application/octet-stream", new byte[0])));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode result = json(uploaded).path("result");
        JsonNode files = result.path("files").path("file");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).path("name").asText()).isEqualTo("photo.png");
        assertThat(files.get(0).path("container").asText()).isEqualTo("album");
        assertThat(files.get(0).path("type").asText()).isEqualTo("image/png");
        assertThat(files.get(0).path("size").asLong()).isEqualTo(photo.length);
        assertThat(result.path("fields").path("note").get(0).asText()).isEqualTo("holiday");

        assertThat(json(app.send("GET", "/api/containers/album/files", null)).findValuesAsText("name"))
                .containsExactly("notes.txt", "photo.png");
        JsonNode meta = json(app.send("GET", "/api/containers/album/files/notes.txt", null));
        assertThat(meta.path("container").asText()).isEqualTo("album");
        assertThat(meta.path("name").asText()).isEqualTo("notes.txt");
        assertThat(meta.path("size").asLong()).isEqualTo(text.length);

        HttpResponse<byte[]> download = app.download("/api/containers/album/download/photo.png");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(photo);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(photo.length));
        assertThat(download.headers().firstValue("ETag")).isPresent();
        assertThat(download.headers().firstValue("Last-Modified")).isPresent();

        assertThat(app.download("/api/containers/album/download/missing.png").statusCode()).isEqualTo(404);
        assertThat(app.download("/api/containers/nope1/download/photo.png").statusCode()).isEqualTo(404);
        assertThat(app.send("GET", "/api/containers/album/files/missing.png", null).statusCode()).isEqualTo(404);
        assertThat(app.send("DELETE", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(200);
        assertThat(app.send("GET", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(404);
        assertThat(app.send("DELETE", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptyFileAndAReplacedFileAreStoredAsSent() throws Exception {
        app.send("POST", "/api/containers", "{\"name\": \"docs\"}");
        assertThat(app.upload("docs", List.of(new Part("f", "empty.bin", "application/octet-stream", new byte[0])))
                .statusCode()).isEqualTo(200);
        HttpResponse<byte[]> empty = app.download("/api/containers/docs/download/empty.bin");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).isEmpty();

        app.upload("docs", List.of(new Part("f", "a.txt", "text/plain", "first version".getBytes(StandardCharsets.UTF_8))));
        app.upload("docs", List.of(new Part("f", "a.txt", "text/plain", "second".getBytes(StandardCharsets.UTF_8))));
        assertThat(new String(app.download("/api/containers/docs/download/a.txt").body(), StandardCharsets.UTF_8))
                .isEqualTo("second");
        assertThat(json(app.send("GET", "/api/containers/docs/files", null)).findValuesAsText("name"))
                .containsExactly("a.txt", "empty.bin");
    }

    @Test
    void downloadHonoursIfNoneMatchAndASingleRange() throws Exception {
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        app.send("POST", "/api/containers", "{\"name\": \"ranges\"}");
        app.upload("ranges", List.of(new Part("f", "d.bin", "application/octet-stream", bytes)));
        String path = "/api/containers/ranges/download/d.bin";
        HttpResponse<byte[]> whole = app.download(path);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

        HttpResponse<byte[]> notModified = app.download(path, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(app.download(path, "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);

        HttpResponse<byte[]> middle = app.download(path, "Range", "bytes=2-5");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(new String(middle.body(), StandardCharsets.US_ASCII)).isEqualTo("2345");
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 2-5/16");
        assertThat(middle.headers().firstValue("Content-Length")).hasValue("4");
        assertThat(new String(app.download(path, "Range", "bytes=-3").body(), StandardCharsets.US_ASCII)).isEqualTo("def");
        assertThat(new String(app.download(path, "Range", "bytes=14-").body(), StandardCharsets.US_ASCII)).isEqualTo("ef");
        assertThat(app.download(path, "Range", "bytes=16-20").statusCode()).isEqualTo(416);
        // several ranges: the whole file, 200 (single-range only, as RFC 9110 allows)
        HttpResponse<byte[]> several = app.download(path, "Range", "bytes=0-1,4-5");
        assertThat(several.statusCode()).isEqualTo(200);
        assertThat(several.body()).isEqualTo(bytes);
    }

    @Test
    void aFileOfSeveralPartsGoesUpAndComesBackIntact() throws Exception {
        byte[] big = random(12 * 1024 * 1024 + 12345, 2); // more than one 8 MB S3 part or Azure block
        app.send("POST", "/api/containers", "{\"name\": \"big\"}");
        HttpResponse<String> uploaded = app.upload("big", List.of(new Part("f", "big.bin", "application/octet-stream", big)));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(json(app.send("GET", "/api/containers/big/files/big.bin", null)).path("size").asLong())
                .isEqualTo(big.length);
        assertThat(app.download("/api/containers/big/download/big.bin").body()).isEqualTo(big);
        int from = 8 * 1024 * 1024 - 10;
        HttpResponse<byte[]> across = app.download("/api/containers/big/download/big.bin", "Range",
                "bytes=" + from + "-" + (from + 19));
        assertThat(across.statusCode()).isEqualTo(206);
        assertThat(across.body()).isEqualTo(Arrays.copyOfRange(big, from, from + 20));
    }

    @Test
    void maxFileSizeIs413AndAFailedUploadStoresAndReplacesNothing() throws Exception {
        app.send("POST", "/api/containers", "{\"name\": \"limits\"}");
        try (StorageApp limited = boot(", \"maxFileSize\": 1000")) {
            HttpResponse<String> response = limited.upload("limits", List.of(
                    new Part("file", "small.txt", "text/plain", new byte[500]),
                    new Part("file", "big.bin", "application/octet-stream", new byte[5000])));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).path("error").path("message").asText()).contains("maxFileSize exceeded");
            assertThat(json(limited.send("GET", "/api/containers/limits/files", null))).isEmpty();

            assertThat(limited.upload("limits", List.of(new Part("file", "ok.bin", "application/octet-stream",
                    random(1000, 3)))).statusCode()).isEqualTo(200);
            assertThat(limited.upload("limits", List.of(new Part("file", "ok.bin", "application/octet-stream", new byte[10]),
                    new Part("file", "big.bin", "application/octet-stream", new byte[5000]))).statusCode()).isEqualTo(413);
            assertThat(limited.download("/api/containers/limits/download/ok.bin").body()).isEqualTo(random(1000, 3));
            assertThat(json(limited.send("GET", "/api/containers/limits/files", null)).findValuesAsText("name"))
                    .containsExactly("ok.bin");
        }
    }

    @Test
    void aTruncatedUploadIs400AndLeavesNoFile() throws Exception {
        app.send("POST", "/api/containers", "{\"name\": \"cut\"}");
        byte[] whole = StorageApp.multipart(List.of(new Part("file", "first.txt", "text/plain", new byte[2000]),
                new Part("file", "second.txt", "text/plain", new byte[2000])));
        HttpResponse<String> response = app.uploadBytes("cut", Arrays.copyOf(whole, whole.length - 100));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(app.send("GET", "/api/containers/cut/files", null))).isEmpty();
        assertThat(app.upload("nope1", List.of(new Part("f", "a.txt", "text/plain", new byte[3]))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void hostileNamesAre400BeforeTheProviderSeesThem() throws Exception {
        app.send("POST", "/api/containers", "{\"name\": \"safe\"}");
        for (String name : List.of("..", "../evil", "a/b", "a\\b", ".hidden", "x".repeat(256))) {
            String quoted = StorageApp.JSON.writeValueAsString(name);
            assertThat(app.send("POST", "/api/containers", "{\"name\": " + quoted + "}").statusCode()).as(name).isEqualTo(400);
            assertThat(app.upload("safe", List.of(new Part("f", name, "text/plain", new byte[1]))).statusCode())
                    .as(name).isEqualTo(400);
        }
        assertThat(app.download("/api/containers/safe/download/..%2F..%2Fx").statusCode()).isEqualTo(400);
        assertThat(json(app.send("GET", "/api/containers/safe/files", null))).isEmpty();
        assertThat(json(app.send("GET", "/api/containers", null)).findValuesAsText("name")).containsExactly("safe");
    }

    @Test
    void javaStreamsWriteAFileVisibleOnlyOnceClosed() throws Exception {
        StorageConnector storage = app.connector();
        storage.store().createContainer("streams");
        byte[] bytes = random(100_000, 4);
        try (OutputStream out = storage.uploadStream("streams", "s.bin")) {
            out.write(bytes, 0, 50_000);
            out.write(bytes, 50_000, 50_000);
            assertThat(storage.store().getFiles("streams")).isEmpty();
        }
        try (InputStream in = storage.downloadStream("streams", "s.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(storage.store().stat("streams", "s.bin").size()).isEqualTo(bytes.length);
    }

    protected static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
