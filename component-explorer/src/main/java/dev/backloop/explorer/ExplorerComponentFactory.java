package dev.backloop.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.explorer.ui.SwaggerInitializer;
import dev.backloop.explorer.ui.UiFiles;
import dev.backloop.spi.Component;
import dev.backloop.spi.ComponentContext;
import dev.backloop.spi.ComponentFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API explorer, LoopBack's {@code loopback-component-explorer}: the app's OpenAPI document (and the
 * Swagger 2.0 one LoopBack 3 served) and Swagger UI, at {@code mountPath} ({@code /explorer} by default).
 *
 * <pre>{@code
 * // server/component-config.json
 * {"loopback-component-explorer": {"mountPath": "/explorer", "apiInfo": {"title": "Todo API"}}}
 * }</pre>
 */
public final class ExplorerComponentFactory implements ComponentFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerComponentFactory.class);

    @Override
    public String name() {
        return "explorer";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("loopback-component-explorer");
    }

    @Override
    public Component create(ComponentContext context, JsonNode config) {
        ExplorerSettings settings = ExplorerSettings.read(config, context.appDirectory());
        String restRoot = context.app().restSettings().restApiRoot();
        if (!restRoot.isEmpty() && (settings.mountPath().equalsIgnoreCase(restRoot)
                || settings.mountPath().toLowerCase(Locale.ROOT).startsWith(restRoot.toLowerCase(Locale.ROOT) + "/"))) {
            // the explorer's file route would shadow the API's routes
            throw new IllegalArgumentException("explorer: mountPath \"" + settings.mountPath()
                    + "\" is inside the REST API's root \"" + restRoot + "\"; mount it beside it, e.g. /explorer");
        }
        ApiDocuments documents = new ApiDocuments(context.app(), ApiInfo.of(settings.apiInfo(), context.appDirectory()));
        Map<String, ExplorerRoutes.Document> served = new LinkedHashMap<>();
        served.put("openapi.json", new ExplorerRoutes.Document(documents::openApiJson, "application/json"));
        served.put("openapi.yaml", new ExplorerRoutes.Document(documents::openApiYaml, "application/yaml"));
        served.put(settings.resourcePath(), new ExplorerRoutes.Document(documents::swaggerJson, "application/json"));
        UiFiles files = new UiFiles(settings.uiDirs(),
                Map.of(SwaggerInitializer.FILE_NAME, SwaggerInitializer.script("openapi.json")));
        context.addResource(new ExplorerRoutes(settings, served, files).resource());
        LOG.info("Explorer at {}/ (OpenAPI at {}/openapi.json)", settings.mountPath(), settings.mountPath());
        return Component.NONE;
    }
}
