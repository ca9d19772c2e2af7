package dev.backloop.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for a served app's REST API: sends JSON, answers status and the parsed body. */
final class GatewayClient {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    GatewayClient(URI api) {
        this.api = api;
    }

    record Reply(int status, JsonNode json) {
        JsonNode error() {
            return json.path("error");
        }
    }

    Reply send(String method, String path, String jsonBody) {
        return send(method, path, jsonBody, new String[0]);
    }

    /** @param headers names and values, alternating */
    Reply send(String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api + path))
                .header("Content-Type", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body.isEmpty() ? null : Json.mapper().readTree(body));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String query(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
