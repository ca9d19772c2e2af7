package dev.backloop.storage;

import static dev.backloop.storage.StorageApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.storage.StorageApp.Part;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every storage route over HTTP, on the filesystem provider. */
class StorageHttpTest {
    @TempDir
    Path temp;

    @Test
    void containerRoutes() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            assertThat(json(app.send("GET", "/api/containers", null))).isEmpty();
            HttpResponse<String> created = app.send("POST", "/api/containers", "{\"name\": \"album1\"}");
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(json(created).path("name").asText()).isEqualTo("album1");
            app.send("POST", "/api/containers", "{\"name\": \"album2\"}");
            assertThat(Files.isDirectory(app.root.resolve("album1"))).isTrue();

            JsonNode list = json(app.send("GET", "/api/containers", null));
            assertThat(list.findValuesAsText("name")).containsExactly("album1", "album2");
            JsonNode one = json(app.send("GET", "/api/containers/album1", null));
            assertThat(one.path("name").asText()).isEqualTo("album1");
            assertThat(one.has("mtime")).isTrue();

            assertThat(app.send("POST", "/api/containers", "{\"name\": \"album1\"}").statusCode()).isEqualTo(409);
            assertThat(app.send("POST", "/api/containers", "{}").statusCode()).isEqualTo(400);

            HttpResponse<String> missing = app.send("GET", "/api/containers/nope", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(json(missing).path("error").path("statusCode").asInt()).isEqualTo(404);
            assertThat(json(missing).path("error").path("code").asText()).isEqualTo("CONTAINER_NOT_FOUND");

            assertThat(app.send("DELETE", "/api/containers/album1", null).statusCode()).isEqualTo(200);
            assertThat(app.send("GET", "/api/containers/album1", null).statusCode()).isEqualTo(404);
            assertThat(app.send("DELETE", "/api/containers/album1", null).statusCode()).isEqualTo(404);
            assertThat(Files.exists(app.root.resolve("album1"))).isFalse();
        }
    }

    @Test
    void storageModelsHaveNoCrudRoutes() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            assertThat(app.send("PATCH", "/api/containers", "{\"name\": \"x\"}").statusCode()).isEqualTo(404);
            assertThat(app.send("PUT", "/api/containers", "{\"name\": \"x\"}").statusCode()).isEqualTo(404);
            assertThat(app.send("GET", "/api/containers/count", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void uploadSeveralFilesThenReadListDownloadAndRemoveThem() throws Exception {
        byte[] photo = new byte[300_000];
        new Random(42).nextBytes(photo);
        byte[] text = "hello storage\n".getBytes(StandardCharsets.UTF_8);
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"album\"}");
            HttpResponse<String> uploaded = app.upload("album", List.of(
                    Part.field("note", "holiday"),
                    new Part("file", "photo.png", "image/png", photo),
                    new Part("file", "notes.txt", "text/plain", text),
                    new Part("empty", "", "application/octet-stream", new byte[0])));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            JsonNode result = json(uploaded).path("result");
            JsonNode files = result.path("files").path("file");
            assertThat(files).as(uploaded.body()).hasSize(2);
            assertThat(files.get(0).path("name").asText()).isEqualTo("photo.png");
            assertThat(files.get(0).path("container").asText()).isEqualTo("album");
            assertThat(files.get(0).path("type").asText()).isEqualTo("image/png");
            assertThat(files.get(0).path("field").asText()).isEqualTo("file");
            assertThat(files.get(0).path("originalFilename").asText()).isEqualTo("photo.png");
            assertThat(files.get(0).path("size").asLong()).isEqualTo(photo.length);
            assertThat(result.path("fields").path("note").get(0).asText()).isEqualTo("holiday");

            JsonNode list = json(app.send("GET", "/api/containers/album/files", null));
            assertThat(list.findValuesAsText("name")).containsExactly("notes.txt", "photo.png");
            JsonNode meta = json(app.send("GET", "/api/containers/album/files/notes.txt", null));
            assertThat(meta.path("container").asText()).isEqualTo("album");
            assertThat(meta.path("size").asLong()).isEqualTo(text.length);

            HttpResponse<byte[]> download = app.download("/api/containers/album/download/photo.png");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(photo);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(download.headers().firstValue("Content-Length")).hasValue(String.valueOf(photo.length));
            assertThat(download.headers().firstValue("Last-Modified")).isPresent();
            assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment; filename=\"photo.png\"");

            assertThat(app.download("/api/containers/album/download/missing.png").statusCode()).isEqualTo(404);
            assertThat(app.download("/api/containers/nope/download/photo.png").statusCode()).isEqualTo(404);
            assertThat(app.send("DELETE", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(200);
            assertThat(app.send("GET", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(404);
            assertThat(app.send("DELETE", "/api/containers/album/files/notes.txt", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void uploadToAnUnknownContainerIs404AndANonMultipartBodyIs400() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            assertThat(app.upload("nope", List.of(new Part("f", "a.txt", "text/plain", new byte[3]))).statusCode())
                    .isEqualTo(404);
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            assertThat(app.send("POST", "/api/containers/c/upload", "{}").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void maxFileSizeIs413AndLeavesNoFileBehind() throws Exception {
        try (StorageApp app = new StorageApp(temp, ", \"maxFileSize\": 1000")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            HttpResponse<String> response = app.upload("c", List.of(
                    new Part("file", "small.txt", "text/plain", new byte[500]),
                    new Part("file", "big.bin", "application/octet-stream", new byte[5000])));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(json(response).path("error").path("message").asText()).contains("maxFileSize exceeded");
            try (Stream<Path> left = Files.list(app.root.resolve("c"))) {
                assertThat(left).isEmpty();
            }
            assertThat(app.upload("c", List.of(new Part("file", "ok.bin", "application/octet-stream", new byte[1000])))
                    .statusCode()).isEqualTo(200);
            // a failed upload replaces nothing: ok.bin keeps its bytes
            assertThat(app.upload("c", List.of(new Part("file", "ok.bin", "application/octet-stream", new byte[10]),
                    new Part("file", "big.bin", "application/octet-stream", new byte[5000]))).statusCode()).isEqualTo(413);
            assertThat(Files.size(app.root.resolve("c/ok.bin"))).isEqualTo(1000);
            try (Stream<Path> left = Files.list(app.root.resolve("c"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("ok.bin");
            }
        }
    }

    @Test
    void allowedContentTypesRefusesOthersWith415() throws Exception {
        try (StorageApp app = new StorageApp(temp, ", \"allowedContentTypes\": [\"image/png\"]")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            assertThat(app.upload("c", List.of(new Part("f", "a.txt", "text/plain", new byte[3]))).statusCode())
                    .isEqualTo(415);
            assertThat(app.upload("c", List.of(new Part("f", "a.png", "image/png", new byte[3]))).statusCode())
                    .isEqualTo(200);
            try (Stream<Path> left = Files.list(app.root.resolve("c"))) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("a.png");
            }
        }
    }

    @Test
    void makeUniqueGivesEachUploadAFreshName() throws Exception {
        try (StorageApp app = new StorageApp(temp, ", \"nameConflict\": \"makeUnique\"")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            String first = json(app.upload("c", List.of(new Part("f", "same.txt", "text/plain", "one".getBytes()))))
                    .path("result").path("files").path("f").get(0).path("name").asText();
            JsonNode second = json(app.upload("c", List.of(new Part("f", "same.txt", "text/plain", "two".getBytes()))))
                    .path("result").path("files").path("f").get(0);
            assertThat(first).endsWith(".txt").isNotEqualTo("same.txt").isNotEqualTo(second.path("name").asText());
            assertThat(second.path("originalFilename").asText()).isEqualTo("same.txt");
            assertThat(json(app.send("GET", "/api/containers/c/files", null))).hasSize(2);
            assertThat(app.download("/api/containers/c/download/" + first).body()).isEqualTo("one".getBytes());
        }
    }

    @Test
    void aTruncatedUploadIs400AndLeavesNoFile() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            byte[] whole = StorageApp.multipart(List.of(
                    new Part("file", "first.txt", "text/plain", new byte[2000]),
                    new Part("file", "second.txt", "text/plain", new byte[2000])));
            byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 100);
            HttpResponse<String> response = app.uploadBytes("c", cut);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("error").path("code").asText()).isIn("MULTIPART_TRUNCATED", "MULTIPART_MALFORMED");
            try (Stream<Path> left = Files.list(app.root.resolve("c"))) {
                assertThat(left).isEmpty();
            }
        }
    }

    @Test
    void aProviderNotYetSupportedFailsBootNamingTheAvailableOnes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StorageApp(temp, ", \"provider\": \"amazon\"").close())
                .hasStackTraceContaining("storage provider \"amazon\" is not yet supported (available: filesystem)");
    }

    @Test
    void downloadHonoursIfNoneMatchAndOneRange() throws Exception {
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            app.upload("c", List.of(new Part("f", "d.bin", "application/octet-stream", bytes)));
            String path = "/api/containers/c/download/d.bin";
            HttpResponse<byte[]> whole = app.download(path);
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");

            HttpResponse<byte[]> notModified = app.download(path, "If-None-Match", etag);
            assertThat(notModified.statusCode()).isEqualTo(304);
            assertThat(notModified.body()).isEmpty();

            HttpResponse<byte[]> middle = app.download(path, "Range", "bytes=2-5");
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(new String(middle.body(), StandardCharsets.US_ASCII)).isEqualTo("2345");
            assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 2-5/16");
            assertThat(new String(app.download(path, "Range", "bytes=-3").body(), StandardCharsets.US_ASCII)).isEqualTo("def");
            assertThat(new String(app.download(path, "Range", "bytes=14-").body(), StandardCharsets.US_ASCII)).isEqualTo("ef");
            assertThat(app.download(path, "Range", "bytes=16-20").statusCode()).isEqualTo(416);
            assertThat(app.download(path, "Range", "bytes=0-1,4-5").body()).isEqualTo(bytes);
            assertThat(app.download(path, "Range", "bytes=2-5", "If-Range", "W/\"other\"").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCompressedDownloadStillArrivesWhole() throws Exception {
        byte[] text = "a line of text that compresses well\n".repeat(2000).getBytes(StandardCharsets.UTF_8);
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            app.upload("c", List.of(new Part("f", "t.txt", "text/plain", text)));
            HttpResponse<byte[]> response = app.download("/api/containers/c/download/t.txt", "Accept-Encoding", "gzip");
            assertThat(response.statusCode()).isEqualTo(200);
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equals).isPresent()) {
                body = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes();
            }
            assertThat(body).isEqualTo(text);
        }
    }

    @Test
    void getFilenameHookNamesUploadsAndItsNamesAreCheckedToo() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            app.connector().getFilename((file, req) -> file.get("field") + "-" + file.get("name"));
            JsonNode stored = json(app.upload("c", List.of(new Part("avatar", "me.png", "image/png", new byte[4]))))
                    .path("result").path("files").path("avatar").get(0);
            assertThat(stored.path("name").asText()).isEqualTo("avatar-me.png");
            assertThat(stored.path("originalFilename").asText()).isEqualTo("me.png");
            app.connector().getFilename((file, req) -> "../escape.png");
            assertThat(app.upload("c", List.of(new Part("f", "x.png", "image/png", new byte[4]))).statusCode()).isEqualTo(400);
            assertThat(Files.exists(app.root.resolve("escape.png"))).isFalse();
        }
    }

    @Test
    void symbolicLinksUnderTheRootAreNotFollowed() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            Path outside = Files.createDirectories(temp.resolve("outside"));
            Files.writeString(outside.resolve("secret.txt"), "secret");
            app.send("POST", "/api/containers", "{\"name\": \"c\"}");
            Files.createSymbolicLink(app.root.resolve("link"), outside);
            Files.createSymbolicLink(app.root.resolve("c/secret.txt"), outside.resolve("secret.txt"));
            assertThat(json(app.send("GET", "/api/containers", null)).findValuesAsText("name")).containsExactly("c");
            assertThat(app.download("/api/containers/link/download/secret.txt").statusCode()).isEqualTo(404);
            assertThat(app.download("/api/containers/c/download/secret.txt").statusCode()).isEqualTo(404);
            assertThat(json(app.send("GET", "/api/containers/c/files", null))).isEmpty();
        }
    }

    @Test
    void javaStreamsUploadAndDownloadOneFile() throws Exception {
        try (StorageApp app = new StorageApp(temp, "")) {
            StorageConnector storage = app.connector();
            storage.store().createContainer("docs");
            try (var out = storage.uploadStream("docs", "a.txt")) {
                out.write("streamed".getBytes(StandardCharsets.UTF_8));
                assertThat(storage.store().getFiles("docs")).isEmpty(); // not visible until closed
            }
            try (var in = storage.downloadStream("docs", "a.txt")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("streamed");
            }
            assertThat(app.download("/api/containers/docs/download/a.txt").headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualToIgnoringCase("text/plain;charset=utf-8"));
        }
    }
}
