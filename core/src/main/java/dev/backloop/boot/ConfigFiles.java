package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads one configuration file of {@code server/} with its overlays, as loopback-boot does:
 * {@code NAME.json}, then {@code NAME.local.json}, then {@code NAME.<env>.json}, each merged over the
 * previous one (objects key by key, any other value replaced), so the environment file wins.
 */
final class ConfigFiles {
    private final Path serverDir;
    private final String env;

    ConfigFiles(Path serverDir, String env) {
        this.serverDir = serverDir;
        this.env = env;
    }

    /** Whether {@code NAME.json} itself exists. */
    boolean exists(String name) {
        return Files.isRegularFile(serverDir.resolve(name + ".json"));
    }

    /** The merged content; an empty object when none of the files exists. */
    ObjectNode read(String name) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (String file : new String[] {name + ".json", name + ".local.json", name + "." + env + ".json"}) {
            mergeInto(merged, JsonFile.readIfExists(serverDir.resolve(file)));
        }
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing != null && existing.isObject() && field.getValue().isObject()) {
                mergeInto((ObjectNode) existing, (ObjectNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }
}
