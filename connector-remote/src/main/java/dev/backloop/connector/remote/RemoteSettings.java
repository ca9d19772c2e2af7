package dev.backloop.connector.remote;

import dev.backloop.model.PropertyType;
import dev.backloop.spi.DataSourceSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A remote datasource's settings.
 *
 * <ul>
 *   <li>{@code url} (the remote REST root, e.g. {@code http://host:3000/api}) or LoopBack's
 *       {@code host}/{@code port}/{@code root}; with none of them, the app's own REST API once it listens</li>
 *   <li>{@code auth}: how to authenticate, see {@link RemoteAuth}; the older {@code accessToken} setting
 *       is {@code "auth": {"accessToken": ...}}</li>
 *   <li>{@code timeout} in milliseconds (default 30000) for connecting and for each request</li>
 *   <li>{@code retries} (default 2) and {@code retryDelay} in milliseconds (default 100, doubled at each
 *       attempt): idempotent requests (GET, HEAD, PUT, DELETE) that could not connect or got 502, 503 or
 *       504 are sent again</li>
 *   <li>{@code maxConnections} (default 50): requests in flight at once, so at most that many connections;
 *       more callers wait for one, up to {@code timeout}</li>
 *   <li>{@code headers}: an object of extra headers sent with every request</li>
 *   <li>{@code idType} ({@code number} or {@code string}): the type of the ids the remote generates</li>
 *   <li>{@code discover}: define the remote's models from its API description, read from
 *       {@code discoverUrl} (default: {@code /explorer/swagger.json} on the remote's host)</li>
 * </ul>
 */
public record RemoteSettings(String name, Optional<URI> root, RemoteAuth auth, Duration timeout, PropertyType idType,
        Map<String, String> headers, int retries, Duration retryDelay, int maxConnections, boolean discover,
        Optional<URI> discoverUrl) {

    public RemoteSettings {
        headers = Map.copyOf(headers);
    }

    static final long DEFAULT_TIMEOUT_MS = 30_000;
    static final long DEFAULT_RETRIES = 2;
    static final long DEFAULT_RETRY_DELAY_MS = 100;
    static final long DEFAULT_MAX_CONNECTIONS = 50;

    /** Reads the datasource's settings; does no I/O. */
    public static RemoteSettings of(DataSourceSettings settings) {
        long timeout = positive(settings, "timeout", DEFAULT_TIMEOUT_MS, 1);
        PropertyType idType = settings.string("idType")
                .map(t -> PropertyType.valueOf(t.toUpperCase(Locale.ROOT))).orElse(PropertyType.NUMBER);
        return new RemoteSettings(settings.name(), root(settings), RemoteAuth.of(settings), Duration.ofMillis(timeout),
                idType, headers(settings), (int) positive(settings, "retries", DEFAULT_RETRIES, 0),
                Duration.ofMillis(positive(settings, "retryDelay", DEFAULT_RETRY_DELAY_MS, 0)),
                (int) positive(settings, "maxConnections", DEFAULT_MAX_CONNECTIONS, 1), settings.flag("discover", false),
                settings.string("discoverUrl").filter(u -> !u.isBlank()).map(URI::create));
    }

    private static Optional<URI> root(DataSourceSettings settings) {
        Optional<String> url = settings.string("url").filter(u -> !u.isBlank());
        if (url.isEmpty() && settings.get("host").isEmpty() && settings.get("port").isEmpty()) {
            // LoopBack 3: a remote datasource with no address is the app's own REST API
            return Optional.empty();
        }
        String text = url.orElseGet(() -> "http://" + settings.string("host").orElse("127.0.0.1")
                + ":" + settings.number("port").orElse(3000L) + settings.string("root").orElse("/api"));
        URI root = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (root.getScheme() == null || !root.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("Datasource " + settings.name() + ": url must be http(s), not " + text);
        }
        return Optional.of(root);
    }

    private static long positive(DataSourceSettings settings, String key, long fallback, long min) {
        long value;
        try {
            value = settings.number(key).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Datasource " + settings.name() + ": " + key + " must be a number, not "
                    + settings.get(key).orElse(null), e);
        }
        if (value < min) {
            throw new IllegalArgumentException("Datasource " + settings.name() + ": " + key + " must be at least " + min
                    + ", not " + value);
        }
        return value;
    }

    private static Map<String, String> headers(DataSourceSettings settings) {
        Object value = settings.get("headers").orElse(Map.of());
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("Datasource " + settings.name() + ": headers must be an object of"
                    + " header names to values, not " + value);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        map.forEach((name, v) -> headers.put(String.valueOf(name), String.valueOf(v)));
        headers.forEach((name, v) -> {
            try {
                // the client refuses restricted headers (Host, Connection, ...): say so at boot, not per request
                HttpRequest.newBuilder().header(name, v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Datasource " + settings.name() + ": header " + name
                        + " cannot be set: " + e.getMessage(), e);
            }
        });
        return headers;
    }
}
