package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.model.ModelDefinition;
import dev.backloop.server.EdgeSettings;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything read from an app directory, checked and ready to build the running app from.
 *
 * @param root        the app directory
 * @param config      {@code server/config.json}, merged
 * @param dataSources datasources by name, in file order, with {@code ${VAR}} substituted
 * @param models      the configured models, in {@code model-config.json} order (LB3 built-ins that have
 *                    no definition yet are left out)
 * @param definitions the definitions of the configured models and of the bases they extend, every base
 *                    before the models extending it
 * @param components  component configurations by name, in file order ({@code null}-disabled ones removed)
 * @param edge        CORS and compression, from {@code middleware.json} (the scaffold's when it is absent)
 * @param tokenParams the {@code params} of the {@code loopback#token} entry of {@code middleware.json}
 *                    (where requests carry access tokens), or an empty object
 */
public record AppLayout(
        Path root,
        AppConfig config,
        Map<String, DataSourceSettings> dataSources,
        List<ModelConfigEntry> models,
        List<ModelDefinition> definitions,
        Map<String, JsonNode> components,
        EdgeSettings edge,
        JsonNode tokenParams) {

    public AppLayout {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(config, "config is null");
        dataSources = Collections.unmodifiableMap(new LinkedHashMap<>(dataSources));
        models = List.copyOf(models);
        definitions = List.copyOf(definitions);
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        Objects.requireNonNull(edge, "edge is null");
        tokenParams = tokenParams == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : tokenParams;
    }

    /** The definition of {@code modelName}, if the app defines it. */
    public Optional<ModelDefinition> definition(String modelName) {
        return definitions.stream().filter(d -> d.name().equals(modelName)).findFirst();
    }
}
