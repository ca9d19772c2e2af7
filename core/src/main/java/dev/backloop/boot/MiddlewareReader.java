package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.server.EdgeSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the two entries of LoopBack 3's {@code server/middleware.json} that are not JavaScript: {@code cors}
 * and {@code compression}, in whichever phase they sit. Without a middleware.json the app gets what
 * {@code lb app} scaffolds (CORS reflecting the origin with credentials, compression); with one, exactly
 * what it declares. Other entries name Express middleware and are ignored.
 */
final class MiddlewareReader {

    private MiddlewareReader() {
    }

    static EdgeSettings read(ObjectNode middleware, boolean present) {
        if (!present) {
            return EdgeSettings.SCAFFOLD;
        }
        JsonNode cors = entry(middleware, "cors");
        JsonNode compression = entry(middleware, "compression");
        return new EdgeSettings(cors == null ? null : cors(cors.path("params")),
                compression == null ? null : compression(compression.path("params")));
    }

    /**
     * The {@code params} of LoopBack's token middleware ({@code "loopback#token"}, in any phase), which say
     * where requests carry access tokens; {@code null} when the app does not configure it.
     */
    static JsonNode tokenParams(ObjectNode middleware) {
        JsonNode token = entry(middleware, "loopback#token");
        return token == null ? null : token.path("params");
    }

    /** The enabled entry with this name in any phase, or null. */
    private static JsonNode entry(ObjectNode middleware, String name) {
        Iterator<Map.Entry<String, JsonNode>> phases = middleware.fields();
        while (phases.hasNext()) {
            JsonNode entry = phases.next().getValue().get(name);
            if (entry != null && entry.isObject() && entry.path("enabled").asBoolean(true)) {
                return entry;
            }
        }
        return null;
    }

    private static EdgeSettings.Cors cors(JsonNode params) {
        JsonNode origin = params.path("origin");
        List<String> origins = new ArrayList<>();
        if (origin.isMissingNode() || origin.isNull() || (origin.isBoolean() && origin.booleanValue())
                || "*".equals(origin.asText())) {
            origins.add("*");
        } else if (origin.isTextual()) {
            origins.add(origin.textValue());
        } else if (origin.isArray()) {
            origin.forEach(o -> origins.add(o.asText()));
        } else if (origin.isBoolean()) {
            return null; // origin: false turns CORS off
        } else {
            throw new BootException("middleware.json: cors \"origin\" must be true, false, a string or an array "
                    + "of origins, not " + origin);
        }
        List<String> exposed = new ArrayList<>();
        JsonNode exposedHeaders = params.path("exposedHeaders");
        if (exposedHeaders.isTextual()) {
            for (String header : exposedHeaders.textValue().split(",")) {
                if (!header.isBlank()) {
                    exposed.add(header.trim());
                }
            }
        } else if (exposedHeaders.isArray()) {
            exposedHeaders.forEach(h -> exposed.add(h.asText()));
        }
        return new EdgeSettings.Cors(origins, params.path("credentials").asBoolean(false),
                params.path("maxAge").asInt(0), exposed);
    }

    private static EdgeSettings.Compression compression(JsonNode params) {
        JsonNode threshold = params.path("threshold");
        if (threshold.isMissingNode() || threshold.isNull()) {
            return EdgeSettings.Compression.DEFAULT;
        }
        try {
            return new EdgeSettings.Compression(
                    (int) Math.min(Integer.MAX_VALUE, dev.backloop.rest.RestSettings.parseSize(threshold.isNumber() ? threshold.numberValue()
                            : threshold.asText())));
        } catch (IllegalArgumentException e) {
            throw new BootException("middleware.json: compression \"threshold\" " + e.getMessage());
        }
    }
}
