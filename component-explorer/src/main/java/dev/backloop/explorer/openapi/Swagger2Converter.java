package dev.backloop.explorer.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Writes an OpenAPI 3 document (as a JSON tree) as the Swagger 2.0 document LoopBack 3's explorer served at
 * {@code swagger.json}, for the tools that read that one: same base path, tags, operation ids, parameters
 * (objects in the query as JSON strings, {@code data} as a body parameter, form fields as formData) and
 * {@code definitions}.
 */
public final class Swagger2Converter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> SCALAR_FIELDS = Set.of("type", "format", "default", "enum", "minimum", "maximum",
            "minLength", "maxLength", "pattern");

    private Swagger2Converter() {
    }

    public static ObjectNode convert(JsonNode openApi) {
        ObjectNode swagger = NODES.objectNode();
        swagger.put("swagger", "2.0");
        swagger.set("info", openApi.path("info").deepCopy());
        swagger.put("basePath", openApi.path("servers").path(0).path("url").asText("/"));
        swagger.set("consumes", NODES.arrayNode().add("application/json").add(FORM));
        swagger.set("produces", NODES.arrayNode().add("application/json"));
        if (openApi.has("tags")) {
            swagger.set("tags", openApi.get("tags").deepCopy());
        }
        ObjectNode paths = swagger.putObject("paths");
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            ObjectNode item = paths.putObject(path.getKey());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                item.set(operation.getKey(), operation((ObjectNode) operation.getValue()));
            }
        }
        swagger.set("definitions", schemas(openApi.path("components").path("schemas")));
        JsonNode schemes = openApi.path("components").path("securitySchemes");
        if (!schemes.isMissingNode()) {
            swagger.set("securityDefinitions", schemes.deepCopy());
            swagger.set("security", openApi.path("security").deepCopy());
        }
        return swagger;
    }

    private static ObjectNode operation(ObjectNode source) {
        ObjectNode target = NODES.objectNode();
        for (String field : new String[] {"tags", "summary", "description", "operationId", "deprecated", "security"}) {
            if (source.has(field)) {
                target.set(field, source.get(field).deepCopy());
            }
        }
        ArrayNode parameters = target.putArray("parameters");
        for (JsonNode parameter : source.path("parameters")) {
            parameters.add(parameter(parameter));
        }
        JsonNode body = source.path("requestBody");
        if (!body.isMissingNode()) {
            JsonNode form = body.path("content").path(FORM);
            if (!form.isMissingNode()) {
                formParameters(form.path("schema"), parameters);
            } else {
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", body.path(ParameterMapper.BODY_NAME).asText("data"));
                parameter.put("in", "body");
                copyText(body, parameter, "description");
                parameter.put("required", body.path("required").asBoolean(false));
                parameter.set("schema", schema(body.path("content").path("application/json").path("schema")));
            }
        }
        ObjectNode responses = target.putObject("responses");
        for (Map.Entry<String, JsonNode> response : source.path("responses").properties()) {
            ObjectNode converted = responses.putObject(response.getKey());
            converted.put("description", response.getValue().path("description").asText(""));
            JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                converted.set("schema", schema(schema));
            }
        }
        return target;
    }

    private static ObjectNode parameter(JsonNode source) {
        ObjectNode parameter = NODES.objectNode();
        parameter.put("name", source.path("name").asText());
        parameter.put("in", source.path("in").asText());
        copyText(source, parameter, "description");
        parameter.put("required", source.path("required").asBoolean(false));
        scalarType(source.has("content") ? null : source.path("schema"), parameter);
        return parameter;
    }

    private static void formParameters(JsonNode schema, ArrayNode parameters) {
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
            ObjectNode parameter = parameters.addObject();
            parameter.put("name", field.getKey());
            parameter.put("in", "formData");
            copyText(field.getValue(), parameter, "description");
            parameter.put("required", required.contains(field.getKey()));
            scalarType(field.getValue(), parameter);
        }
    }

    /** A non-body parameter has a type, not a schema: structured values travel as JSON text, as in LoopBack. */
    private static void scalarType(JsonNode schema, ObjectNode parameter) {
        String type = schema == null ? null : schema.path("type").asText(null);
        if (type == null || "object".equals(type) || schema.has("$ref")
                || ("array".equals(type) && schema.path("items").path("type").asText(null) == null)) {
            parameter.put("type", "string");
            parameter.put("format", "JSON");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SCALAR_FIELDS.contains(field.getKey())) {
                parameter.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        if ("array".equals(type)) {
            parameter.set("items", schema(schema.get("items")));
        }
    }

    /** A schema with its references pointed at {@code definitions} and OpenAPI-3-only keywords removed. */
    private static JsonNode schema(JsonNode source) {
        if (source.isObject()) {
            ObjectNode target = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : source.properties()) {
                String key = field.getKey();
                if ("nullable".equals(key) || "writeOnly".equals(key)) {
                    continue;
                }
                if ("$ref".equals(key) && field.getValue().isTextual()) {
                    target.put(key, field.getValue().asText().replace(TypeSchemas.REF_PREFIX, "#/definitions/"));
                } else if ("properties".equals(key)) {
                    target.set(key, schemas(field.getValue()));
                } else {
                    target.set(key, schema(field.getValue()));
                }
            }
            return target;
        }
        if (source.isArray()) {
            ArrayNode target = NODES.arrayNode();
            source.forEach(item -> target.add(schema(item)));
            return target;
        }
        return source.deepCopy();
    }

    /** A map of names to schemas (definitions, properties): the names are kept whatever they are. */
    private static ObjectNode schemas(JsonNode source) {
        ObjectNode target = NODES.objectNode();
        source.properties().forEach(entry -> target.set(entry.getKey(), schema(entry.getValue())));
        return target;
    }

    private static void copyText(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.put(field, from.get(field).asText());
        }
    }
}
