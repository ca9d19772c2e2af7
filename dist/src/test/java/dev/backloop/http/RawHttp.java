package dev.backloop.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes given (invalid percent
 * escapes and all, which {@link java.net.URI} would refuse) and returns the status code.
 */
final class RawHttp {
    private RawHttp() {
    }

    static int send(int port, String method, String target, byte[] body, Map<String, String> headers)
            throws IOException {
        return exchange(port, method, target, body, headers).status();
    }

    /** A raw answer: the status and everything after the status line (headers and body) as Latin-1 text. */
    record Answer(int status, String rest) {
    }

    static Answer exchange(int port, String method, String target, byte[] body, Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                statusLine.append((char) b);
            }
            // read to the end, so the server is never cut off mid-answer
            String rest = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.1")) {
                throw new IOException("no HTTP answer: \"" + statusLine + "\"");
            }
            return new Answer(Integer.parseInt(parts[1]), rest);
        }
    }
}
