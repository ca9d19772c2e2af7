package dev.backloop.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record of a model, as the juggler's model instances: its data plus the instance methods that write
 * it back ({@link #patchAttributes}, {@link #replaceAttributes}, {@link #save}, {@link #destroy}).
 */
public final class ModelInstance {
    private final Model model;
    private Map<String, Object> data;

    ModelInstance(Model model, Map<String, Object> data) {
        this.model = Objects.requireNonNull(model, "model is null");
        this.data = new LinkedHashMap<>(data);
    }

    public Model model() {
        return model;
    }

    public Object id() {
        return data.get(model.definition().idName());
    }

    public Object get(String property) {
        return data.get(property);
    }

    /** Sets a property locally; {@link #save()} writes it. */
    public ModelInstance set(String property, Object value) {
        data.put(property, value);
        return this;
    }

    /** Every property, hidden ones included (this is the Java view, not the wire view). */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** The wire view: the data without the model's hidden properties. */
    public Map<String, Object> toJSON() {
        Map<String, Object> json = new LinkedHashMap<>(data);
        json.keySet().removeAll(model.definition().hidden());
        return json;
    }

    /** Patches the stored record with {@code changes} and takes the result as this instance's data. */
    public ModelInstance patchAttributes(Map<String, Object> changes) {
        this.data = new LinkedHashMap<>(model.patch(this, changes).data);
        return this;
    }

    /** Replaces the stored record with {@code replacement} (properties not given are removed). */
    public ModelInstance replaceAttributes(Map<String, Object> replacement) {
        this.data = new LinkedHashMap<>(model.replace(this, replacement).data);
        return this;
    }

    /** Writes this instance: creates it when it has no id yet, else replaces the stored record. */
    public ModelInstance save() {
        ModelInstance saved = id() == null ? model.create(data) : model.replaceOrCreate(data);
        this.data = new LinkedHashMap<>(saved.data);
        return this;
    }

    /** Deletes the stored record; returns whether there was one. */
    public boolean destroy() {
        return model.destroy(this) > 0;
    }

    @Override
    public String toString() {
        return model.name() + data;
    }
}
