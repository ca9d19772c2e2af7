package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backloop.model.JsonValue;
import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the merged {@code datasources.json} into checked {@link DataSourceSettings}. */
final class DataSourcesReader {
    private final VariableSubstitution substitution;
    private final Path appDir;

    DataSourcesReader(Map<String, String> environment, Path appDir) {
        this.substitution = new VariableSubstitution(environment);
        this.appDir = appDir;
    }

    Map<String, DataSourceSettings> read(ObjectNode dataSources) {
        Map<String, DataSourceSettings> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = dataSources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            result.put(entry.getKey(), read(entry.getKey(), entry.getValue()));
        }
        return result;
    }

    private DataSourceSettings read(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new BootException("Datasource \"" + name + "\" in datasources.json must be an object of settings");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f ->
                values.put(f.getKey(), substitution.substitute(name, f.getKey(), JsonValue.toJava(f.getValue()))));
        Object connector = values.get("connector");
        if (!(connector instanceof String text) || text.isBlank()) {
            throw new BootException("Datasource \"" + name + "\" in datasources.json has no \"connector\" "
                    + "(e.g. \"connector\": \"memory\")");
        }
        // Relative paths (the memory connector's "file") resolve against the app root, LB3's working directory.
        return new DataSourceSettings(name, text, values, appDir);
    }
}
