package dev.backloop.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Errors and the connection: an error answer to a request whose body was read keeps the connection for the
 * next request, as LoopBack's did; a body refused unread (too large) ends it, and the answer says so.
 */
class KeepAliveHttpTest extends LibraryHttpTest {

    @Test
    void aValidationErrorKeepsTheConnectionForTheNextRequest() throws IOException {
        try (Socket socket = connect()) {
            Answer invalid = exchange(socket, "POST", "/api/Books", "{\"author\":\"X\"}");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.head()).doesNotContain("connection: close");

            Answer malformed = exchange(socket, "POST", "/api/Books", "{\"title\": ");
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.head()).doesNotContain("connection: close");

            Answer created = exchange(socket, "POST", "/api/Books", "{\"title\":\"Dune\"}");
            assertThat(created.status()).as("the same connection serves the next request").isEqualTo(200);
            assertThat(created.body()).contains("\"title\":\"Dune\"");
        }
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedUnreadAndEndsTheConnection() throws IOException {
        try (Socket socket = connect()) {
            // the fixture's JSON limit is 1kb: the declared length alone is enough to refuse it
            String body = "{\"title\":\"" + "x".repeat(4096) + "\"}";
            Answer refused = exchange(socket, "POST", "/api/Books", body);
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.head()).contains("connection: close");
            assertThat(socket.getInputStream().read()).as("the server closed the connection").isEqualTo(-1);
        }
        assertThat(http.get("/api/Books/count").json().get("count").asLong()).isZero();
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.server.port());
        socket.setSoTimeout(30_000);
        return socket;
    }

    private record Answer(int status, String head, String body) {
    }

    /** One keep-alive request and its answer, read by its Content-Length so the socket stays usable. */
    private static Answer exchange(Socket socket, String method, String path, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();

        InputStream in = socket.getInputStream();
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("the connection ended inside the answer's head");
            }
            headBytes.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String answerHead = headBytes.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int status = Integer.parseInt(answerHead.substring(9, 12));
        int length = 0;
        for (String line : answerHead.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        assertThat(answerHead).as("answers here carry a Content-Length").contains("content-length:");
        String answerBody = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Answer(status, answerHead, answerBody);
    }
}
