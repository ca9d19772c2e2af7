package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a LoopBack 3 app directory, as loopback-boot does, into an {@link AppLayout}:
 * {@code server/config.json}, {@code server/datasources.json}, {@code server/model-config.json},
 * {@code server/component-config.json} (each with {@code .local} and {@code .<env>} overlays) and the
 * model definitions in the {@code _meta.sources} folders. Everything is checked here, so a broken app
 * fails at boot with a message naming the file and entry at fault, not at its first request.
 */
public final class AppDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(AppDirectory.class);

    /** loopback-boot's default {@code _meta.sources}, relative to {@code server/}. */
    private static final List<String> DEFAULT_SOURCES =
            List.of("loopback/common/models", "loopback/server/models", "../common/models", "./models");

    /** Models LoopBack 3 ships that Backloop does not (the security models are built in). */
    private static final Set<String> LOOPBACK_BUILT_INS = Set.of("Email", "Application", "Change", "Checkpoint", "Scope", "KeyValueModel");

    private AppDirectory() {
    }

    /**
     * The environment name used to pick overlay files: {@code BACKLOOP_ENV}, else {@code NODE_ENV}
     * (so an LB3 deployment's setting keeps working), else {@code "development"}.
     */
    public static String environmentName(Map<String, String> environment) {
        for (String variable : new String[] {"BACKLOOP_ENV", "NODE_ENV"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return "development";
    }

    /**
     * Reads and checks the app in {@code appDir}.
     *
     * @param appDir      the app directory (the one holding {@code server/})
     * @param env         the environment name for overlay files; {@code null} for
     *                    {@link #environmentName(Map)}
     * @param environment environment variables, for {@code ${VAR}} in datasource settings
     * @throws BootException naming the file and entry when the app cannot be booted
     */
    public static AppLayout load(Path appDir, String env, Map<String, String> environment) {
        Path root = appDir.toAbsolutePath().normalize();
        Path serverDir = root.resolve("server");
        if (!Files.isDirectory(serverDir)) {
            throw new BootException(root + " is not a LoopBack app directory: it has no server/ folder");
        }
        ConfigFiles files = new ConfigFiles(serverDir, env == null ? environmentName(environment) : env);
        if (!files.exists("model-config")) {
            throw new BootException(serverDir.resolve("model-config.json") + " is missing; it lists the app's "
                    + "models and is required");
        }
        AppConfig config = AppConfig.of(files.read("config"));
        Map<String, DataSourceSettings> dataSources = new DataSourcesReader(environment, root)
                .read(files.read("datasources"));
        ObjectNode modelConfig = files.read("model-config");
        ModelSources sources = new ModelSources(sourceFolders(serverDir, modelConfig.get("_meta")));

        List<ModelConfigEntry> models = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = modelConfig.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            if (name.equals("_meta")) {
                continue;
            }
            ModelConfigEntry model = modelEntry(name, entry.getValue(), dataSources);
            if (sources.defines(name)) {
                sources.definition(name);
                models.add(model);
            } else if (LOOPBACK_BUILT_INS.contains(name)) {
                // LB3 scaffolds list User, AccessToken, ACL... even when unused; they come from elsewhere.
                LOG.warn("model-config.json configures LoopBack built-in model {}, which has no definition in "
                        + "the app; it is left out", name);
            } else {
                throw new BootException("model-config.json configures model " + name + ", but no definition "
                        + "with \"name\": \"" + name + "\" was found in " + describe(sources.folders()));
            }
        }
        return new AppLayout(root, config, dataSources, models, sources.resolvedInOrder(),
                components(files.read("component-config")),
                MiddlewareReader.read(files.read("middleware"), files.exists("middleware")),
                MiddlewareReader.tokenParams(files.read("middleware")));
    }

    private static List<Path> sourceFolders(Path serverDir, JsonNode meta) {
        List<String> sources = DEFAULT_SOURCES;
        JsonNode declared = meta == null ? null : meta.get("sources");
        if (declared != null && !declared.isNull()) {
            if (!declared.isArray()) {
                throw new BootException("model-config.json: \"_meta.sources\" must be an array of folders");
            }
            sources = new ArrayList<>();
            for (JsonNode source : declared) {
                if (!source.isTextual()) {
                    throw new BootException("model-config.json: \"_meta.sources\" must be an array of folders");
                }
                sources.add(source.textValue());
            }
        }
        return sources.stream()
                // LB3's own models (loopback/common/models) live in the loopback npm package, not the app.
                .filter(source -> !source.startsWith("loopback/"))
                .map(source -> serverDir.resolve(source).normalize())
                .toList();
    }

    private static ModelConfigEntry modelEntry(String name, JsonNode node,
            Map<String, DataSourceSettings> dataSources) {
        ModelConfigEntry model;
        try {
            model = ModelConfigEntry.read(name, node);
        } catch (BootException e) {
            throw new BootException("model-config.json: " + e.getMessage(), e);
        }
        if (model.dataSource() != null && !dataSources.containsKey(model.dataSource())) {
            throw new BootException("model-config.json: model " + name + " uses datasource \"" + model.dataSource()
                    + "\", which is not defined in datasources.json");
        }
        return model;
    }

    private static Map<String, JsonNode> components(ObjectNode merged) {
        Map<String, JsonNode> components = new LinkedHashMap<>();
        merged.fields().forEachRemaining(f -> {
            // component-config's way to switch a component off (typically in an environment overlay).
            if (!f.getValue().isNull()) {
                components.put(f.getKey(), f.getValue());
            }
        });
        return components;
    }

    private static String describe(List<Path> folders) {
        return folders.isEmpty() ? "no model source folder"
                : folders.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
