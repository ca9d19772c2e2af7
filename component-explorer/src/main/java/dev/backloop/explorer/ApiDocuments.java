package dev.backloop.explorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.app.App;
import dev.backloop.explorer.openapi.OpenApiBuilder;
import dev.backloop.explorer.openapi.Swagger2Converter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The app's API documents, built once, on first request: by then every route the app serves is registered
 * (components are created before code may add remote methods, and routes are fixed when the app listens).
 * Serialized with swagger-core's own mappers, which know the model classes (a plain ObjectMapper writes
 * internal fields such as {@code exampleSetFlag}).
 */
public final class ApiDocuments {
    private final App app;
    private final Info info;
    private volatile Rendered rendered;

    /** The three forms of one document. */
    private record Rendered(byte[] openApiJson, byte[] openApiYaml, byte[] swaggerJson) {
    }

    public ApiDocuments(App app, Info info) {
        this.app = Objects.requireNonNull(app, "app is null");
        this.info = Objects.requireNonNull(info, "info is null");
    }

    /**
     * The documents the explorer would serve for a booted app, for tools that write them to a file (the
     * command line's {@code openapi}).
     *
     * @param explorerConfig the explorer's entry of {@code component-config.json} ({@code {}} when absent)
     * @param appDirectory   the app directory, for its package.json name and version
     */
    public static ApiDocuments of(App app, JsonNode explorerConfig, Path appDirectory) {
        return new ApiDocuments(app, ApiInfo.of(ExplorerSettings.read(explorerConfig, appDirectory).apiInfo(), appDirectory));
    }

    /** The OpenAPI 3 document as a model, built anew (for tests and tools; HTTP answers use the cached bytes). */
    public OpenAPI openApi() {
        return new OpenApiBuilder(app, info).build();
    }

    public byte[] openApiJson() {
        return rendered().openApiJson();
    }

    public byte[] openApiYaml() {
        return rendered().openApiYaml();
    }

    /** The Swagger 2.0 form, LoopBack 3 explorer's {@code swagger.json}. */
    public byte[] swaggerJson() {
        return rendered().swaggerJson();
    }

    private Rendered rendered() {
        Rendered current = rendered;
        if (current == null) {
            synchronized (this) {
                current = rendered;
                if (current == null) {
                    current = render(openApi());
                    rendered = current;
                }
            }
        }
        return current;
    }

    private static Rendered render(OpenAPI openApi) {
        try {
            JsonNode tree = Json.mapper().valueToTree(openApi);
            return new Rendered(
                    Json.pretty().writeValueAsBytes(tree),
                    Yaml.pretty().writeValueAsString(openApi).getBytes(StandardCharsets.UTF_8),
                    Json.pretty().writeValueAsBytes(Swagger2Converter.convert(tree)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The API document could not be written: " + e.getMessage(), e);
        }
    }
}
