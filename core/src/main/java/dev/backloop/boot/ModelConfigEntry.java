package dev.backloop.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One model entry of {@code server/model-config.json}.
 *
 * @param name       the model name
 * @param dataSource the datasource it is attached to, or {@code null} for none (abstract/transient use)
 * @param isPublic   whether its REST routes are exposed ({@code "public"}, true unless set)
 * @param options    the entry's {@code options} (e.g. {@code remoting.sharedMethods}); empty when absent
 */
public record ModelConfigEntry(String name, String dataSource, boolean isPublic, ObjectNode options) {
    public ModelConfigEntry {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(options, "options is null");
    }

    /**
     * Reads one entry as model-config.json writes it, and as {@code app.model(model, config)} takes it:
     * {@code {"dataSource": "db", "public": true, "options": {...}}}.
     *
     * @throws BootException when a value has the wrong type
     */
    public static ModelConfigEntry read(String name, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new BootException("the entry of model " + name + " must be an object");
        }
        JsonNode dataSourceNode = node.get("dataSource");
        String dataSource = null;
        if (dataSourceNode != null && !dataSourceNode.isNull()) {
            if (!dataSourceNode.isTextual()) {
                throw new BootException("model " + name + " has an invalid \"dataSource\" " + dataSourceNode);
            }
            dataSource = dataSourceNode.textValue();
        }
        JsonNode publicNode = node.get("public");
        if (publicNode != null && !publicNode.isNull() && !publicNode.isBoolean()) {
            throw new BootException("model " + name + ": \"public\" must be true or false");
        }
        JsonNode options = node.get("options");
        return new ModelConfigEntry(name, dataSource, publicNode == null || publicNode.asBoolean(true),
                options != null && options.isObject()
                        ? ((ObjectNode) options).deepCopy() : JsonNodeFactory.instance.objectNode());
    }
}
