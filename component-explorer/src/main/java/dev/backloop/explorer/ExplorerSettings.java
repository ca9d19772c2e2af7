package dev.backloop.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explorer's entry in component-config.json, with loopback-component-explorer's option names.
 *
 * @param mountPath    where the UI and the documents are served ({@code /explorer})
 * @param apiInfo      the document's info: title, description, version, contact, license ({@code {}} when unset)
 * @param uiDirs       directories whose files override Swagger UI's, searched first
 * @param swaggerUi    whether the UI is served; {@code false} serves the documents only
 * @param resourcePath the Swagger 2.0 document's name below the mount path ({@code swagger.json})
 */
public record ExplorerSettings(String mountPath, JsonNode apiInfo, List<Path> uiDirs, boolean swaggerUi,
        String resourcePath) {
    private static final Logger LOG = LoggerFactory.getLogger(ExplorerSettings.class);
    private static final Set<String> KNOWN = Set.of("mountPath", "apiInfo", "uiDirs", "swaggerUI", "resourcePath");
    /**
     * Only plain path segments, none of them {@code .} or {@code ..}: the mount path becomes a route template,
     * where braces would be parameters.
     */
    private static final String SAFE_PATH = "(/(?!\\.\\.?(/|$))[A-Za-z0-9._~-]+)+";

    /**
     * Reads the component's config.
     *
     * @param appDirectory relative {@code uiDirs} resolve against it; {@code null} for apps built in code
     * @throws IllegalArgumentException for an unusable mount path or resource path
     */
    public static ExplorerSettings read(JsonNode config, Path appDirectory) {
        String mountPath = config.path("mountPath").asText("/explorer").trim().replaceAll("/+$", "");
        mountPath = mountPath.startsWith("/") ? mountPath : "/" + mountPath;
        if (!mountPath.matches(SAFE_PATH)) {
            throw new IllegalArgumentException("explorer: mountPath \"" + config.path("mountPath").asText()
                    + "\" must be a path below the root made of letters, digits, '.', '_', '~' and '-', such as /explorer");
        }
        String resourcePath = config.path("resourcePath").asText("swagger.json");
        if (!resourcePath.matches("[A-Za-z0-9._-]+") || resourcePath.startsWith(".")) {
            throw new IllegalArgumentException("explorer: resourcePath \"" + resourcePath + "\" must be a plain file name");
        }
        if (resourcePath.equals("openapi.json") || resourcePath.equals("openapi.yaml")) {
            throw new IllegalArgumentException("explorer: resourcePath \"" + resourcePath
                    + "\" is the OpenAPI 3 document's name; the Swagger 2.0 document needs another one");
        }
        List<Path> uiDirs = new ArrayList<>();
        JsonNode dirs = config.path("uiDirs");
        for (JsonNode dir : dirs.isArray() ? dirs : List.of(dirs)) {
            if (dir.isTextual()) {
                Path path = Path.of(dir.asText());
                uiDirs.add(appDirectory == null || path.isAbsolute() ? path : appDirectory.resolve(path));
            }
        }
        config.fieldNames().forEachRemaining(name -> {
            if (!KNOWN.contains(name)) {
                // LB3 options Backloop has no use for (protocol, host, auth...): harmless, but say so
                LOG.info("explorer: option \"{}\" is not used by Backloop", name);
            }
        });
        return new ExplorerSettings(mountPath, config.path("apiInfo").isObject() ? config.get("apiInfo") : JsonNodeFactory.instance.objectNode(),
                List.copyOf(uiDirs), config.path("swaggerUI").asBoolean(true), resourcePath);
    }
}
