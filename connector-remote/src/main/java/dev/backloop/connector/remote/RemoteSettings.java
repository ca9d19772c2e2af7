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
 * A remote datasource's settings: {@code url} (the remote REST root, e.g. {@code http://host:3000/api}) or
 * LoopBack's {@code host}/{@code port}/{@code root}; {@code accessToken}, sent as the {@code Authorization}
 * header (unless a {@link CallerToken} is forwarded); {@code timeout} in milliseconds (default 30000) for
 * connecting and for each request; {@code headers}, an object of extra headers sent with every request;
 * {@code idType} ({@code number} or {@code string}) the type of the ids the remote generates.
 */
public record RemoteSettings(String name, URI root, Optional<String> accessToken, Duration timeout,
        PropertyType idType, Map<String, String> headers) {

    public RemoteSettings {
        headers = Map.copyOf(headers);
    }

    static final long DEFAULT_TIMEOUT_MS = 30_000;

    /** Reads the datasource's settings; does no I/O. */
    public static RemoteSettings of(DataSourceSettings settings) {
        String url = settings.string("url").orElseGet(() -> "http://" + settings.string("host").orElse("127.0.0.1")
                + ":" + settings.number("port").orElse(3000L) + settings.string("root").orElse("/api"));
        URI root = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (root.getScheme() == null || !root.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("Datasource " + settings.name() + ": url must be http(s), not " + url);
        }
        long timeout = settings.number("timeout").orElse(DEFAULT_TIMEOUT_MS);
        PropertyType idType = settings.string("idType")
                .map(t -> PropertyType.valueOf(t.toUpperCase(Locale.ROOT))).orElse(PropertyType.NUMBER);
        return new RemoteSettings(settings.name(), root, settings.string("accessToken").filter(t -> !t.isEmpty()),
                Duration.ofMillis(timeout), idType, headers(settings));
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
