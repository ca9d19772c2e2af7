package dev.backloop.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file larger than the test JVM's whole heap (surefire runs this module with {@code -Xmx96m}) goes up
 * and comes back intact: neither direction buffers it.
 */
class LargeFileStreamingTest {
    private static final long SIZE = 256L * 1024 * 1024;

    @TempDir
    Path temp;

    @Test
    void aFileLargerThanTheHeapIsUploadedAndDownloadedIntact() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(SIZE);
        try (StorageApp app = new StorageApp(temp, "")) {
            app.send("POST", "/api/containers", "{\"name\": \"big\"}");
            byte[] head = ("--" + StorageApp.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                    + "filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + StorageApp.BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            MessageDigest sent = MessageDigest.getInstance("SHA-256");
            HttpRequest upload = HttpRequest.newBuilder(app.uri("/api/containers/big/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + StorageApp.BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                            List.of(new ByteArrayInputStream(head), new DigestInputStream(new Pattern(SIZE), sent),
                                    new ByteArrayInputStream(tail))))))
                    .build();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> uploaded = http.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            assertThat(Files.size(app.root.resolve("big/big.bin"))).isEqualTo(SIZE);

            MessageDigest received = MessageDigest.getInstance("SHA-256");
            HttpResponse<InputStream> download = http.send(HttpRequest.newBuilder(
                    app.uri("/api/containers/big/download/big.bin")).build(), HttpResponse.BodyHandlers.ofInputStream());
            long count;
            try (InputStream in = new DigestInputStream(download.body(), received)) {
                count = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            assertThat(count).isEqualTo(SIZE);
            assertThat(received.digest()).isEqualTo(sent.digest());
        }
    }

    /** {@code size} bytes of a repeating, non-trivial pattern, generated as read. */
    private static final class Pattern extends InputStream {
        private final long size;
        private long position;

        Pattern(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) ((position * 31 + (position++ >> 12)) & 0xff) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
