package dev.backloop.connector.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import dev.backloop.model.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * One remote app's REST API over {@link HttpClient}: sends JSON, parses JSON, and turns failures into
 * {@link HttpError}s. A remote error keeps its status, name, message, code and details; a remote that
 * cannot be reached or does not answer in time is a 503; an answer that is not JSON is a 502. The one
 * {@link HttpClient} keeps its connections alive and reuses them across requests and threads.
 */
final class RemoteHttp {
    private final RemoteSettings settings;
    private final HttpClient client;

    RemoteHttp(RemoteSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Sends a request to {@code root + path} (path and query already encoded); returns the parsed JSON body. */
    Object send(String method, String path, Object body) {
        URI uri = URI.create(settings.root() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        settings.headers().forEach(request::header);
        CallerToken.current().or(settings::accessToken).ifPresent(token -> request.setHeader("Authorization", token));
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unreachable(method, uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(method, uri, e);
        }
        Object json = parse(method, uri, response);
        if (response.statusCode() >= 400) {
            throw remoteError(response.statusCode(), json);
        }
        return json;
    }

    private HttpError unreachable(String method, URI uri, Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new HttpError(503, "ServiceUnavailableError", "Remote datasource " + settings.name()
                + " is unreachable: " + method + " " + uri + " failed (" + why + ")", "REMOTE_UNAVAILABLE", null, cause);
    }

    private Object parse(String method, URI uri, HttpResponse<byte[]> response) {
        byte[] bytes = response.body();
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            return JsonValue.toJava(node);
        } catch (JsonProcessingException e) {
            throw new HttpError(502, "BadGatewayError", "Remote datasource " + settings.name() + " answered " + method
                    + " " + uri + " with status " + response.statusCode() + " and a body that is not JSON",
                    "REMOTE_NOT_JSON", null, e);
        } catch (IOException e) {
            throw unreachable(method, uri, e);
        }
    }

    /** LoopBack's error envelope {@code {"error": {...}}} back into an {@link HttpError} with the same status. */
    private HttpError remoteError(int status, Object json) {
        Map<?, ?> error = json instanceof Map<?, ?> m && m.get("error") instanceof Map<?, ?> e ? e : Map.of();
        String name = error.get("name") instanceof String s ? s : "Error";
        String message = error.get("message") instanceof String s ? s
                : "Remote datasource " + settings.name() + " answered with status " + status;
        String code = error.get("code") instanceof String s ? s : null;
        return new HttpError(status, name, message, code, error.get("details"));
    }
}
