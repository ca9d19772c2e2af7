package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Reads config.json's merged content.
     *
     * @throws BootException when {@code port} is not a port number
     */
    public static AppConfig of(ObjectNode raw) {
        JsonNode root = raw.get("restApiRoot");
        JsonNode host = raw.get("host");
        return new AppConfig(
                root != null && root.isTextual() ? root.textValue() : DEFAULT_REST_API_ROOT,
                host != null && host.isTextual() && !host.textValue().isBlank()
                        ? host.textValue() : DEFAULT_HOST,
                port(raw.get("port")),
                raw);
    }

    private static int port(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_PORT;
        }
        try {
            int port = node.isNumber() ? node.intValue() : Integer.parseInt(node.asText().trim());
            if (port >= 0 && port <= 65535 && (!node.isNumber() || node.canConvertToInt())) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BootException("config.json: \"port\" must be a number from 0 to 65535, not " + node);
    }
}
