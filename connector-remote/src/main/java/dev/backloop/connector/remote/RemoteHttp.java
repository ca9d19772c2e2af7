package dev.backloop.connector.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.error.HttpError;
import dev.backloop.json.Json;
import dev.backloop.model.JsonValue;
import dev.backloop.remoting.Invocation;
import dev.backloop.security.token.TokenSources;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One remote app's REST API over {@link HttpClient}: sends JSON, parses JSON, and turns failures into
 * {@link HttpError}s. A remote error keeps its status, name, message, code and details; a remote that
 * cannot be reached or does not answer in time is a 503; an answer that is not JSON is a 502.
 *
 * <p>The one client keeps its connections alive and reuses them across requests and threads; at most
 * {@code maxConnections} requests are in flight at once. Idempotent requests that could not connect, or
 * were answered 502, 503 or 504, are sent again after a growing pause; a request that timed out is not
 * (it may still be running on the remote, and a retry would double the caller's wait).
 */
final class RemoteHttp {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final Set<Integer> TRANSIENT = Set.of(502, 503, 504);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final RemoteSettings settings;
    private final HttpClient client;
    private final Semaphore inFlight;
    /** This app's own REST API, once it listens: the remote of a datasource with no url. */
    private volatile URI ownRoot;

    RemoteHttp(RemoteSettings settings) {
        this.settings = settings;
        // HTTP/1.1: no h2c upgrade dance with servers that do not speak it, one request per connection
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).build();
        this.inFlight = new Semaphore(settings.maxConnections(), true);
    }

    /** Where this app serves its own REST API; used when the datasource names no url. */
    void serving(URI restApiUrl) {
        this.ownRoot = restApiUrl;
    }

    /** Sends a request to {@code root + path} (path and query already encoded); returns the parsed JSON body. */
    Object send(String method, String path, Object body) {
        return send(method, path, body, Map.of());
    }

    /** As {@link #send(String, String, Object)}, with extra headers for this request. */
    Object send(String method, String path, Object body, Map<String, String> headers) {
        return sendTo(method, URI.create(root() + path), body, headers);
    }

    /** A GET of a document beside the REST API (the API description, for discovery). */
    Object get(URI uri) {
        return sendTo("GET", uri, null, Map.of());
    }

    /** The REST root requests go to: the url, or this app's own once it listens. */
    URI root() {
        return settings.root().or(() -> Optional.ofNullable(ownRoot)).orElseThrow(() -> new HttpError(503,
                "ServiceUnavailableError", "Remote datasource " + settings.name() + " has no url, so it points at this"
                + " app's own REST API, and the app is not listening yet", "REMOTE_UNAVAILABLE", null));
    }

    private Object sendTo(String method, URI uri, Object body, Map<String, String> headers) {
        acquire(method, uri);
        try {
            return exchange(method, uri, body, headers);
        } finally {
            inFlight.release();
        }
    }

    private Object exchange(String method, URI uri, Object body, Map<String, String> headers) {
        Optional<String> callerToken = callerToken();
        boolean renewed = false;
        int attempt = 0;
        while (true) {
            String authorization = callerToken.or(this::ownCredential).orElse(null);
            HttpResponse<byte[]> response;
            try {
                response = client.send(request(method, uri, body, headers, authorization),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                boolean timedOut = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
                if (!timedOut && retries(method, attempt)) {
                    pause(method, uri, attempt++);
                    continue;
                }
                throw unreachable(method, uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(method, uri, e);
            }
            int status = response.statusCode();
            if (status == 401 && callerToken.isEmpty() && authorization != null && !renewed
                    && settings.auth().forget(authorization)) {
                // the remote no longer takes our login's token (revoked, restarted): log in again, once
                renewed = true;
                continue;
            }
            if (TRANSIENT.contains(status) && retries(method, attempt)) {
                pause(method, uri, attempt++);
                continue;
            }
            Object json = parse(method, uri, response);
            if (status >= 400) {
                throw remoteError(status, json);
            }
            return json;
        }
    }

    private HttpRequest request(String method, URI uri, Object body, Map<String, String> headers, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        settings.headers().forEach(request::header);
        headers.forEach(request::setHeader);
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return request.build();
    }

    /** The token to forward: one bound from Java, or with passThrough the one the REST caller sent. */
    private Optional<String> callerToken() {
        Optional<String> bound = CallerToken.current();
        if (bound.isPresent() || !settings.auth().passThrough()) {
            return bound;
        }
        return Invocation.current().map(i -> TokenSources.read(i.request()));
    }

    private Optional<String> ownCredential() {
        return settings.auth().header(this::logIn);
    }

    /** Exchanges the datasource's credentials for a token; a refusal is this datasource's fault: 502. */
    private Object logIn(RemoteAuth.LoginRequest login) {
        URI uri = URI.create(root() + login.path());
        try {
            HttpResponse<byte[]> response = client.send(request("POST", uri, login.credentials(), Map.of(), null),
                    HttpResponse.BodyHandlers.ofByteArray());
            Object json = parse("POST", uri, response);
            if (response.statusCode() >= 400) {
                HttpError refusal = remoteError(response.statusCode(), json);
                throw new HttpError(502, "BadGatewayError", "Remote datasource " + settings.name()
                        + " could not log in at " + uri + ": " + refusal.statusCode() + " " + refusal.getMessage(),
                        "REMOTE_LOGIN_FAILED", null, refusal);
            }
            return json;
        } catch (IOException e) {
            throw unreachable("POST", uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("POST", uri, e);
        }
    }

    private void acquire(String method, URI uri) {
        try {
            if (!inFlight.tryAcquire(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HttpError(503, "ServiceUnavailableError", "Remote datasource " + settings.name() + ": all "
                        + settings.maxConnections() + " connections stayed busy for " + settings.timeout().toMillis()
                        + " ms; " + method + " " + uri + " was not sent", "REMOTE_BUSY", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(method, uri, e);
        }
    }

    private boolean retries(String method, int attempt) {
        return IDEMPOTENT.contains(method) && attempt < settings.retries();
    }

    private void pause(String method, URI uri, int attempt) {
        long millis = settings.retryDelay().toMillis() << Math.min(attempt, 16);
        try {
            Thread.sleep(Math.min(millis, MAX_PAUSE.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(method, uri, e);
        }
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
