package dev.backloop.embed;

import java.util.Map;
import java.util.Objects;

/**
 * A datasource declared in code, LoopBack 3's {@code app.dataSource(name, settings)}. Models created on it
 * ({@link #createModel}) are attached to it when the app {@linkplain BackloopApp#model(DeclaredModel)
 * configures} them.
 */
public final class DeclaredDataSource {
    private final BackloopApp app;
    private final String name;

    DeclaredDataSource(BackloopApp app, String name) {
        this.app = app;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Defines a model attached to this datasource, LoopBack 3's {@code ds.createModel(name, properties,
     * options)}.
     *
     * @param properties as a model JSON file's {@code properties}: {@code Map.of("title", "string")} or
     *                   {@code Map.of("title", Map.of("type", "string", "required", true))}
     * @param options    the rest of a model JSON file: {@code base}, {@code strict}, {@code hidden},
     *                   {@code relations}, {@code acls}, {@code mixins}...
     */
    public DeclaredModel createModel(String modelName, Map<String, ?> properties, Map<String, ?> options) {
        return app.define(modelName, properties, options, name);
    }

    /**
     * A schema-less model on this datasource: no properties and {@code strict: false}, so any JSON is
     * stored and returned as it is (LoopBack 3's {@code ds.createModel('container')}).
     */
    public DeclaredModel createModel(String modelName) {
        return createModel(modelName, Map.of(), Map.of("strict", false));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeclaredDataSource d && d.app == app && d.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }

    @Override
    public String toString() {
        return "DataSource " + name;
    }
}
