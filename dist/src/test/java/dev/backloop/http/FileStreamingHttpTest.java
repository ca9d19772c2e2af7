package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code type: "file"} result streams: a 100 MB download from a server whose heap is 48 MB. Buffering
 * the stream would fail with OutOfMemoryError.
 */
class FileStreamingHttpTest {
    private static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path tempDir;

    @Test
    void aHundredMegabytesThroughA48MegabyteHeap() throws Exception {
        Path appDir = TestApps.copy("remoting", tempDir);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(List.of(javaBin, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                StreamingServerMain.class.getName(), appDir.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = port(server);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/gadgets/download?size=" + SIZE))
                    .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            long total = 0;
            long mismatches = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    for (int k = 0; k < n; k++) {
                        if (buffer[k] != 'a' + (int) ((total + k) % 26)) {
                            mismatches++;
                        }
                    }
                    total += n;
                }
            }
            assertThat(total).isEqualTo(SIZE);
            assertThat(mismatches).isZero();
            assertThat(server.isAlive()).isTrue();
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("PORT ")) {
                return Integer.parseInt(line.substring(5).trim());
            }
        }
        throw new AssertionError("the server exited before printing its port: " + server.waitFor());
    }
}
