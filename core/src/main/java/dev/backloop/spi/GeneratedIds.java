package dev.backloop.spi;

import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyDefinition;
import dev.backloop.model.PropertyType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What LoopBack's juggler does when a model is attached to a datasource: a <em>generated</em> id property
 * takes the connector's {@linkplain Connector#generatedIdType() id type}, so that ids a MongoDB datasource
 * generates are strings while the memory connector's are numbers. Ids a client supplies keep their
 * declared type.
 *
 * <pre>{@code
 * ModelDefinition attached = GeneratedIds.typed(definition, connector.generatedIdType());
 * connector.define(attached);
 * }</pre>
 */
public final class GeneratedIds {
    private GeneratedIds() {
    }

    /** The definition with every generated id property typed {@code type}; the same instance when none changes. */
    public static ModelDefinition typed(ModelDefinition model, PropertyType type) {
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(type, "type is null");
        Map<String, PropertyDefinition> properties = new LinkedHashMap<>(model.properties());
        boolean changed = false;
        for (PropertyDefinition p : model.properties().values()) {
            if (p.isId() && p.generated() && p.type() != type) {
                properties.put(p.name(), new PropertyDefinition(p.name(), type, p.itemType(), p.required(),
                        p.defaultValue(), p.id(), true, p.index(), p.modelType(), p.defaultFn()));
                changed = true;
            }
        }
        if (!changed) {
            return model;
        }
        return new ModelDefinition(model.name(), model.plural(), model.base(), properties, model.strict(),
                model.hidden(), model.protectedProperties(), model.validations(), model.httpPath(),
                model.replaceOnPut(), model.forceId(), model.settings());
    }
}
