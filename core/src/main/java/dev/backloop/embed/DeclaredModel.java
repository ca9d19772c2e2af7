package dev.backloop.embed;

import dev.backloop.model.ModelDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model defined in code: its definition, read exactly as a model JSON file would be, and the datasource
 * it was created on, if any. It is served once the app {@linkplain BackloopApp#model(DeclaredModel)
 * configures} it; its Java API is then {@code app.app().model(name)}.
 */
public final class DeclaredModel {
    private final BackloopApp app;
    private final ModelDefinition definition;
    private final String dataSource;

    DeclaredModel(BackloopApp app, ModelDefinition definition, String dataSource) {
        this.app = app;
        this.definition = definition;
        this.dataSource = dataSource;
    }

    public String name() {
        return definition.name();
    }

    /** The complete definition, the base's properties and settings merged in. */
    public ModelDefinition definition() {
        return definition;
    }

    /** The datasource it was created on; a model made by {@link #extend} has none until configured. */
    public Optional<String> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /**
     * A model extending this one, LoopBack 3's {@code Model.extend(name, properties, settings)}: it has this
     * model's properties, settings, relations, ACLs and operation hooks, and its own on top.
     */
    public DeclaredModel extend(String modelName, Map<String, ?> properties, Map<String, ?> options) {
        Map<String, Object> settings = new LinkedHashMap<>(options == null ? Map.of() : options);
        settings.put("base", name());
        return app.define(modelName, properties, settings, null);
    }

    @Override
    public String toString() {
        return "Model " + name() + (dataSource == null ? "" : " on " + dataSource);
    }
}
