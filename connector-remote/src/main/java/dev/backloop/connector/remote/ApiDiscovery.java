package dev.backloop.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Model definitions read from a LoopBack app's Swagger 2.0 API description, the {@code swagger.json} that
 * LoopBack 3's explorer and Backloop's both serve. Operation ids name model and method
 * ({@code Person.greet}, {@code Person.prototype.describe}); the first path segment after the base path is
 * the model's plural; {@code definitions} give the properties. CRUD and relation methods are left out (a
 * local model has its own); every other method becomes a declared method that the remote connector
 * forwards. The description does not say which property is the id, nor describe relations: a model with
 * {@code id} keeps it, and a model that needs more is declared locally (a local definition wins).
 */
final class ApiDiscovery {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** PersistedModel's own methods: the local model has them already. */
    private static final Set<String> BUILT_IN = Set.of("find", "findById", "findOne", "create", "upsert", "patchOrCreate",
            "replaceOrCreate", "upsertWithWhere", "exists", "count", "destroyById", "deleteById", "removeById",
            "destroyAll", "deleteAll", "remove", "updateAll", "update", "replaceById", "createChangeStream",
            "prototype.patchAttributes", "prototype.updateAttributes", "prototype.replaceAttributes");
    private static final Map<String, String> SOURCES = Map.of("query", "query", "path", "path", "header", "header",
            "formData", "form", "body", "body");

    private ApiDiscovery() {
    }

    /** The models of {@code swagger}, as LoopBack model definition JSON. */
    static List<ObjectNode> models(JsonNode swagger) {
        if (!swagger.path("swagger").asText().startsWith("2") || !swagger.path("paths").isObject()) {
            throw new IllegalArgumentException("the API description is not a Swagger 2.0 document with paths");
        }
        Map<String, ObjectNode> models = new LinkedHashMap<>();
        swagger.path("paths").fields().forEachRemaining(path -> {
            // Swagger 2.0 paths are relative to basePath, the REST root: /People/{id}/describe
            String[] segments = trimSlash(path.getKey()).split("/", -1);
            path.getValue().fields().forEachRemaining(op -> {
                String operationId = op.getValue().path("operationId").asText("");
                int dot = operationId.indexOf('.');
                if (dot <= 0 || segments.length == 0 || segments[0].isEmpty()) {
                    return;
                }
                String modelName = operationId.substring(0, dot);
                ObjectNode model = models.computeIfAbsent(modelName, name -> definition(name, segments[0], swagger));
                String method = methodName(operationId.substring(dot + 1));
                if (method != null && !BUILT_IN.contains(method)) {
                    ((ObjectNode) model.get("methods")).set(method,
                            method(method.startsWith("prototype."), op.getKey(), segments, op.getValue(), swagger));
                }
            });
        });
        return new ArrayList<>(models.values());
    }

    /** {@code greet}, {@code prototype.describe}; null for relation methods ({@code prototype.__get__pets}). */
    private static String methodName(String full) {
        boolean instance = full.startsWith("prototype.");
        String bare = instance ? full.substring("prototype.".length()) : full;
        if (bare.startsWith("__")) {
            return null;
        }
        // a method with several routes has one operation per route, suffixed __verb__path
        int suffix = bare.indexOf("__");
        String name = suffix > 0 ? bare.substring(0, suffix) : bare;
        return instance ? "prototype." + name : name;
    }

    private static ObjectNode definition(String name, String plural, JsonNode swagger) {
        ObjectNode model = NODES.objectNode();
        model.put("name", name);
        model.put("plural", plural);
        model.put("base", "PersistedModel");
        // the remote validates; this app passes through what the remote accepts and answers
        model.put("strict", false);
        ObjectNode properties = model.putObject("properties");
        JsonNode schema = swagger.path("definitions").path(name);
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            ObjectNode property = properties.putObject(p.getKey());
            property.set("type", type(p.getValue()));
            if (required.contains(p.getKey())) {
                property.put("required", true);
            }
            if (p.getKey().equals("id")) {
                property.put("id", true);
                property.put("generated", true);
            }
        });
        model.putObject("methods");
        return model;
    }

    private static ObjectNode method(boolean instance, String verb, String[] segments, JsonNode operation, JsonNode swagger) {
        ObjectNode method = NODES.objectNode();
        // the route below the model's path (and below /{id} for an instance method), :param style
        int from = instance ? 2 : 1;
        StringBuilder path = new StringBuilder();
        for (int i = from; i < segments.length; i++) {
            String segment = segments[i];
            path.append('/').append(segment.startsWith("{") && segment.endsWith("}")
                    ? ":" + segment.substring(1, segment.length() - 1) : segment);
        }
        ObjectNode http = method.putObject("http");
        http.put("verb", verb.toLowerCase(Locale.ROOT));
        http.put("path", path.isEmpty() ? "/" : path.toString());
        ArrayNode accepts = method.putArray("accepts");
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter, swagger);
            String in = resolved.path("in").asText();
            String name = resolved.path("name").asText();
            if (instance && "path".equals(in) && "id".equals(name) || !SOURCES.containsKey(in)) {
                continue;
            }
            ObjectNode accept = accepts.addObject();
            accept.put("arg", name);
            accept.set("type", type(resolved.has("schema") ? resolved.get("schema") : resolved));
            accept.put("required", resolved.path("required").asBoolean(false));
            accept.putObject("http").put("source", SOURCES.get(in));
        }
        JsonNode success = operation.path("responses").path("200").path("schema");
        if (!success.isMissingNode()) {
            JsonNode schema = resolve(success, swagger);
            if ("object".equals(schema.path("type").asText()) && schema.path("properties").size() > 0 && !success.has("$ref")) {
                ArrayNode returns = method.putArray("returns");
                schema.path("properties").fields().forEachRemaining(p -> {
                    ObjectNode ret = returns.addObject();
                    ret.put("arg", p.getKey());
                    ret.set("type", type(p.getValue()));
                });
            } else {
                ObjectNode ret = method.putObject("returns");
                ret.put("arg", "data");
                ret.set("type", type(success));
                ret.put("root", true);
            }
        }
        return method;
    }

    /** A LoopBack type for a Swagger schema or parameter. */
    private static JsonNode type(JsonNode schema) {
        if (schema.has("$ref")) {
            // a model's schema: its JSON as an object (the local app may not have that model)
            return NODES.textNode("object");
        }
        return switch (schema.path("type").asText("any")) {
            case "string" -> NODES.textNode("date-time".equals(schema.path("format").asText()) ? "date" : "string");
            case "number", "integer" -> NODES.textNode("number");
            case "boolean" -> NODES.textNode("boolean");
            case "array" -> NODES.arrayNode().add(type(schema.path("items")));
            case "object" -> NODES.textNode("object");
            default -> NODES.textNode("any");
        };
    }

    private static JsonNode resolve(JsonNode node, JsonNode swagger) {
        JsonNode current = node;
        for (int depth = 0; depth < 8 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                break;
            }
            current = swagger.at(ref.substring(1));
        }
        return current;
    }

    private static String trimSlash(String text) {
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
    }
}
