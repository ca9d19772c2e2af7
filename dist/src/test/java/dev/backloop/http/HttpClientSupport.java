package dev.backloop.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests: sends a request, returns status, headers and the body parsed as JSON. */
final class HttpClientSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    HttpClientSupport(URI base) {
        this.base = base;
    }

    /** A response: status, content type and body (JSON when it parses, else text). */
    record Reply(int status, String contentType, String text, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        JsonNode error() {
            return json().path("error");
        }
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply head(String path) {
        return send("HEAD", path, null, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    /** A JSON request (when {@code body} is not null) with extra headers. */
    Reply sendWith(String method, String path, String body, Map<String, String> headers) {
        HttpResponse<byte[]> response = exchange(method, path,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                body == null ? headers : withJson(headers));
        return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                new String(response.body(), java.nio.charset.StandardCharsets.UTF_8), null);
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes with any headers and returns the raw answer (bodies are not decompressed). */
    HttpResponse<byte[]> exchange(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes a query value (a stringified JSON filter, say). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
