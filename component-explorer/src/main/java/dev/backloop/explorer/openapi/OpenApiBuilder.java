package dev.backloop.explorer.openapi;

import dev.backloop.app.App;
import dev.backloop.model.Model;
import dev.backloop.model.ModelDefinition;
import dev.backloop.remoting.SharedClass;
import dev.backloop.remoting.SharedMethod;
import dev.backloop.rest.RestApi.Endpoint;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the OpenAPI 3 document of an app from its route registry: one walk over the served routes (every
 * enabled shared method of every public model, whatever declared it), then a schema per model they use.
 * The Swagger 2.0 document is derived from this one ({@link Swagger2Converter}), never walked again.
 */
public final class OpenApiBuilder {
    /** The OpenAPI version written; 3.0 is what Swagger UI, validators and LoopBack-era tools read best. */
    public static final String VERSION = "3.0.3";

    private final App app;
    private final Info info;

    public OpenApiBuilder(App app, Info info) {
        this.app = Objects.requireNonNull(app, "app is null");
        this.info = Objects.requireNonNull(info, "info is null");
    }

    public OpenAPI build() {
        List<Endpoint> endpoints = app.restApi().endpoints();
        TypeSchemas types = new TypeSchemas(app.models().keySet());
        OperationMapper operations = new OperationMapper(types, new ParameterMapper(types, FilterSchemas.arguments()));

        Map<SharedMethod, Integer> routesPerMethod = new LinkedHashMap<>();
        endpoints.forEach(e -> routesPerMethod.merge(e.method(), 1, Integer::sum));
        Map<String, SharedClass> documented = new LinkedHashMap<>();
        Paths paths = new Paths();
        for (Endpoint endpoint : endpoints) {
            documented.putIfAbsent(endpoint.sharedClass().name(), endpoint.sharedClass());
            PathItem item = paths.computeIfAbsent(endpoint.path(), path -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(endpoint.route().verb()),
                    operations.map(endpoint, routesPerMethod.get(endpoint.method())));
        }

        OpenAPI openApi = new OpenAPI().openapi(VERSION).info(info)
                .addServersItem(new Server().url(app.restSettings().restApiRoot().isEmpty() ? "/" : app.restSettings().restApiRoot()))
                .paths(paths)
                .components(new Components());
        documented.values().forEach(shared -> openApi.addTagsItem(new Tag().name(shared.name())
                .description(ModelSchemas.text(shared.model().definition().settings().get("description")))));

        Map<String, ModelDefinition> definitions = new LinkedHashMap<>();
        for (Model model : app.models().values()) {
            definitions.put(model.name(), model.definition());
        }
        new ModelSchemas(definitions, types).schemas(documented.keySet()).forEach(openApi.getComponents()::addSchemas);
        FilterSchemas.schemas().forEach(openApi.getComponents()::addSchemas);
        openApi.getComponents().addSchemas(ErrorSchema.NAME, ErrorSchema.schema());
        if (AccessTokenSecurity.usesAccessTokens(app.models())) {
            AccessTokenSecurity.apply(openApi);
        }
        return openApi;
    }
}
