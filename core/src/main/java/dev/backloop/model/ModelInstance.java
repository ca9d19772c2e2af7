package dev.backloop.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record of a model, as the juggler's model instances: its data plus the instance methods that write
 * it back ({@link #patchAttributes}, {@link #replaceAttributes}, {@link #save}, {@link #destroy}).
 */
public final class ModelInstance {
    private final Model model;
    private Map<String, Object> data;
    /** Related data attached by an include, by relation name, already in its wire form. */
    private final Map<String, Object> included = new LinkedHashMap<>();

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

    /**
     * The wire view: the data without the model's hidden properties, then the included relations. As the
     * juggler's toJSON, declared properties come first in definition order (an injected id after the
     * declared ones, a relation's foreign key after that), then the others in the order they were set.
     */
    public Map<String, Object> toJSON() {
        Map<String, Object> json = new LinkedHashMap<>(Math.max(4, (data.size() + included.size()) * 4 / 3 + 1));
        Set<String> hidden = model.definition().hidden();
        for (String name : model.definition().properties().keySet()) {
            Object value = data.get(name);
            if ((value != null || data.containsKey(name)) && !hidden.contains(name)) {
                json.put(name, value);
            }
        }
        if (json.size() < data.size()) {
            data.forEach((name, value) -> {
                if (!hidden.contains(name)) {
                    json.putIfAbsent(name, value);
                }
            });
        }
        json.putAll(included);
        return json;
    }

    /**
     * The wire view of a related record inside another one: as {@link #toJSON()}, without the model's
     * protected properties too (LoopBack shows those only at the top level).
     */
    public Map<String, Object> toNestedJSON() {
        Map<String, Object> json = toJSON();
        json.keySet().removeAll(model.definition().protectedProperties());
        return json;
    }

    /**
     * This record as a record or POJO, bound through Jackson from its data and included relations
     * (properties the type does not declare are ignored): {@code instance.as(Book.class)}.
     */
    public <T> T as(Class<T> type) {
        Map<String, Object> all = new LinkedHashMap<>(data);
        all.putAll(included);
        return dev.backloop.json.Json.bind(all, type);
    }

    /** Attaches related data, in wire form, under a relation name (what an include does). */
    public ModelInstance include(String relation, Object related) {
        included.put(relation, related);
        return this;
    }

    /** The related data attached by includes, by relation name. */
    public Map<String, Object> included() {
        return Collections.unmodifiableMap(included);
    }

    /**
     * Drops properties from this instance's data: the join keys a find fetched only to stitch related
     * records, which the caller's {@code fields} left out.
     */
    public ModelInstance removeProperties(java.util.Collection<String> properties) {
        data.keySet().removeAll(properties);
        return this;
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
