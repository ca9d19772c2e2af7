package dev.backloop.remoting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads LoopBack 3's remote method options ({@code Model.remoteMethod(name, options)}, or an entry of a
 * model definition's {@code methods}) into a {@link SharedMethod.Builder}: {@code accepts}, {@code returns}
 * (one or an array), {@code http} (one route or an array; {@code path}, {@code verb}, {@code status},
 * {@code errorStatus}), {@code description} and {@code notes} (a string or an array of strings),
 * {@code isStatic} or the {@code prototype.} prefix, {@code accessType}. Anything malformed is an
 * {@link IllegalArgumentException} naming the method.
 */
public final class MethodOptions {
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "del", "delete", "head", "all",
            "options");
    /** Express's {@code all}: the verbs a remote client may send. */
    private static final List<String> ALL_VERBS = List.of("get", "post", "put", "patch", "delete");

    private MethodOptions() {
    }

    /** Reads options given as a JSON tree, a {@code Map} (as from Java code), or {@code null} for defaults. */
    public static SharedMethod.Builder read(String name, Object options) {
        JsonNode node = options == null ? Json.mapper().createObjectNode()
                : options instanceof JsonNode json ? json : Json.mapper().valueToTree(options);
        if (!node.isObject()) {
            throw invalid(name, "its options must be an object");
        }
        try {
            return read(name, (ObjectNode) node);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("Remote method") ? e : invalid(name, e.getMessage());
        }
    }

    private static SharedMethod.Builder read(String fullName, ObjectNode options) {
        boolean prototype = fullName.startsWith("prototype.");
        String name = prototype ? fullName.substring("prototype.".length()) : fullName;
        if (name.isEmpty()) {
            throw invalid(fullName, "a name is required");
        }
        boolean isStatic = options.has("isStatic") ? options.get("isStatic").asBoolean(true) : !prototype;
        SharedMethod.Builder builder = SharedMethod.builder(name);
        if (!isStatic) {
            builder.instanceMethod();
        }
        for (JsonNode accept : list(options.get("accepts"))) {
            builder.accepts(accept(fullName, accept));
        }
        for (JsonNode ret : list(options.get("returns"))) {
            builder.returns(ret(fullName, ret));
        }
        List<JsonNode> routes = list(options.get("http"));
        if (routes.isEmpty()) {
            builder.route("post", "/" + name);
        }
        for (JsonNode route : routes) {
            if (!route.isObject()) {
                throw invalid(fullName, "http must be an object or an array of objects");
            }
            String verb = route.path("verb").asText("post").toLowerCase(Locale.ROOT);
            if (!VERBS.contains(verb)) {
                throw invalid(fullName, "unknown http verb \"" + verb + "\"");
            }
            String path = route.path("path").asText("/" + name);
            for (String v : verb.equals("all") ? ALL_VERBS : List.of(verb)) {
                builder.route(v, path);
            }
            if (route.has("status")) {
                builder.status(status(fullName, route.get("status")));
            }
            if (route.has("errorStatus")) {
                builder.errorStatus(status(fullName, route.get("errorStatus")));
            }
        }
        builder.description(text(options.get("description")));
        builder.notes(text(options.get("notes")));
        if (options.hasNonNull("accessType")) {
            String access = options.get("accessType").asText().toUpperCase(Locale.ROOT);
            if (!Set.of("READ", "WRITE", "EXECUTE", "REPLICATE").contains(access)) {
                throw invalid(fullName, "unknown accessType \"" + access + "\" (expected READ, WRITE or EXECUTE)");
            }
            builder.accessType(access);
        }
        return builder;
    }

    private static Accept accept(String method, JsonNode node) {
        if (!node.isObject() || !node.hasNonNull("arg")) {
            throw invalid(method, "every accepts entry needs an \"arg\" name");
        }
        JsonNode http = node.get("http");
        HttpSource source = http != null && http.isObject() ? HttpSource.fromName(http.path("source").asText(null))
                : HttpSource.AUTO;
        Accept accept = new Accept(node.get("arg").asText(), type(node.get("type")), node.path("required").asBoolean(false),
                source, text(node.get("description")));
        if (node.has("default") && !node.get("default").isNull()) {
            accept = accept.withDefault(Json.mapper().convertValue(node.get("default"), Object.class));
        }
        return accept;
    }

    private static Return ret(String method, JsonNode node) {
        if (!node.isObject() || (!node.hasNonNull("arg") && !node.path("root").asBoolean(false))) {
            throw invalid(method, "every returns entry needs an \"arg\" name (or \"root\": true)");
        }
        JsonNode http = node.path("http");
        return new Return(node.path("arg").asText("data"), type(node.get("type")), node.path("root").asBoolean(false),
                http.hasNonNull("target") ? http.get("target").asText() : null,
                http.hasNonNull("header") ? http.get("header").asText() : null);
    }

    /** A type name, or LoopBack's {@code ["number"]} array form as {@code [number]}. */
    private static String type(JsonNode node) {
        if (node == null || node.isNull()) {
            return "any";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "array" : "[" + node.get(0).asText() + "]";
        }
        return node.asText();
    }

    private static int status(String method, JsonNode node) {
        int status = node.asInt(0);
        if (!node.canConvertToInt() || status < 100 || status > 599) {
            throw invalid(method, "status " + node + " is not an HTTP status");
        }
        return status;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(line -> lines.add(line.asText()));
            return String.join("\n", lines);
        }
        return node.asText();
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static IllegalArgumentException invalid(String method, String problem) {
        return new IllegalArgumentException("Remote method \"" + method + "\": " + problem);
    }
}
