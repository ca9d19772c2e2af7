package dev.backloop.boot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The app's {@code server/config.json} (with its local and environment overlays merged in).
 *
 * @param restApiRoot where the REST API is mounted ({@code "/api"} unless set)
 * @param host        the interface to listen on ({@code "0.0.0.0"} unless set, as in LB3's scaffold)
 * @param port        the port to listen on (3000 unless set, as in LB3's scaffold)
 * @param raw         the whole merged file (remoting options, legacyExplorer, custom settings...)
 */
public record AppConfig(String restApiRoot, String host, int port, ObjectNode raw) {
    public static final String DEFAULT_REST_API_ROOT = "/api";
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 3000;

    public AppConfig {
        Objects.requireNonNull(restApiRoot, "restApiRoot is null");
        Objects.requireNonNull(host, "host is null");
        Objects.requireNonNull(raw, "raw is null");
    }
}
