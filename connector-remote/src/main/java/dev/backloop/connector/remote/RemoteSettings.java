package dev.backloop.connector.remote;

import dev.backloop.model.PropertyType;
import dev.backloop.spi.DataSourceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A remote datasource's settings: {@code url} (the remote REST root, e.g. {@code http://host:3000/api}) or
 * LoopBack's {@code host}/{@code port}/{@code root}; {@code accessToken}, sent as the {@code Authorization}
 * header; {@code timeout} in milliseconds (default 30000) for connecting and for each request;
 * {@code idType} ({@code number} or {@code string}) the type of the ids the remote generates.
 */
public record RemoteSettings(String name, URI root, Optional<String> accessToken, Duration timeout,
        PropertyType idType) {

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
                Duration.ofMillis(timeout), idType);
    }
}
