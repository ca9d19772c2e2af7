package dev.backloop.explorer.openapi;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;

/** LoopBack's error body, {@code {"error": {"statusCode", "name", "message", ...}}}, and responses carrying it. */
public final class ErrorSchema {
    public static final String NAME = "loopback.Error";

    private ErrorSchema() {
    }

    public static Schema<?> schema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("statusCode", new IntegerSchema().format(null));
        error.addProperty("name", new StringSchema().description("ValidationError, Error, ..."));
        error.addProperty("message", new StringSchema());
        error.addProperty("code", new StringSchema().description("A stable code, e.g. MODEL_NOT_FOUND"));
        error.addProperty("details", new Schema<>().description("For validation errors: the failed properties and codes"));
        error.addProperty("stack", new StringSchema().description("Only outside production"));
        error.setRequired(List.of("statusCode", "name", "message"));
        ObjectSchema body = new ObjectSchema();
        body.addProperty("error", error);
        body.setRequired(List.of("error"));
        return body;
    }

    /** A response with the error body. */
    public static ApiResponse response(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref(TypeSchemas.REF_PREFIX + NAME))));
    }
}
