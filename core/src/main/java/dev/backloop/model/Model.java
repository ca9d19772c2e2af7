package dev.backloop.model;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterCoercion;
import dev.backloop.filter.Include;
import dev.backloop.filter.Where;
import dev.backloop.spi.Connector;
import dev.backloop.spi.DuplicateIdException;
import dev.backloop.validation.DataCoercion;
import dev.backloop.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model attached to a datasource: the juggler's {@code PersistedModel} API in Java. The REST routes call
 * exactly these methods. Every write coerces the data to the declared types and validates it before the
 * connector sees it; a write that fails writes nothing.
 */
public final class Model {
    private final ModelDefinition definition;
    private final Connector connector;
    private final String dataSourceName;
    private final Validator validator;
    private volatile IncludeResolver includeResolver;

    public Model(ModelDefinition definition, String dataSourceName, Connector connector) {
        this.definition = Objects.requireNonNull(definition, "definition is null");
        this.dataSourceName = dataSourceName;
        this.connector = Objects.requireNonNull(connector, "connector is null");
        this.validator = new Validator((model, where) -> connector.count(model, where) > 0);
    }

    public String name() {
        return definition.name();
    }

    public ModelDefinition definition() {
        return definition;
    }

    public String dataSourceName() {
        return dataSourceName;
    }

    public Connector connector() {
        return connector;
    }

    /** Installs what answers finds with an {@code include}; the app does this once relations are known. */
    public void includeResolver(IncludeResolver resolver) {
        this.includeResolver = resolver;
    }

    // ---- reads

    public List<ModelInstance> find(Filter filter) {
        Filter typed = typed(filter);
        if (!typed.include().isEmpty()) {
            return includeResolver.find(this, typed);
        }
        return connector.find(definition, typed).stream().map(this::instance).toList();
    }

    public List<ModelInstance> find() {
        return find(Filter.ALL);
    }

    public Optional<ModelInstance> findOne(Filter filter) {
        List<ModelInstance> found = find(filter.withLimit(1));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The record with this id, if any. The filter's where is narrowed to the id (LoopBack merges the two);
     * its fields and include apply.
     */
    public Optional<ModelInstance> findById(Object id, Filter filter) {
        Optional<Where> byId = idWhere(id);
        if (byId.isEmpty()) {
            return Optional.empty();
        }
        Filter base = filter == null ? Filter.ALL : filter;
        Where where = base.where().matchesAll() ? byId.get() : Where.and(List.of(base.where(), byId.get()));
        return findOne(base.withWhere(where));
    }

    public Optional<ModelInstance> findById(Object id) {
        return findById(id, Filter.ALL);
    }

    public boolean exists(Object id) {
        return idWhere(id).map(where -> connector.count(definition, where) > 0).orElse(false);
    }

    public long count(Where where) {
        return connector.count(definition, FilterCoercion.coerce(definition, where == null ? Where.ALL : where));
    }

    // ---- writes

    public ModelInstance create(Map<String, Object> data) {
        Map<String, Object> typed = prepareCreate(data);
        return instance(store(typed));
    }

    /** Creates every record, or none: all are coerced and validated before the first is stored. */
    public List<ModelInstance> create(List<Map<String, Object>> records) {
        List<Map<String, Object>> typed = new ArrayList<>(records.size());
        for (Map<String, Object> data : records) {
            typed.add(prepareCreate(data));
        }
        List<ModelInstance> created = new ArrayList<>(typed.size());
        for (Map<String, Object> data : typed) {
            created.add(instance(store(data)));
        }
        return created;
    }

    /** LoopBack's {@code patchOrCreate} ({@code upsert}): patch the record with the data's id, or create. */
    public ModelInstance patchOrCreate(Map<String, Object> data) {
        Object id = data.get(definition.idName());
        if (id != null) {
            Optional<ModelInstance> existing = findById(id);
            if (existing.isPresent()) {
                return patchById(existing.get().id(), data);
            }
        }
        return create(data);
    }

    /** LoopBack's name for {@link #patchOrCreate}, kept so juggler code reads the same in Java. */
    public ModelInstance upsert(Map<String, Object> data) {
        return patchOrCreate(data);
    }

    /** LoopBack's {@code replaceOrCreate}: replace the record with the data's id, or create. */
    public ModelInstance replaceOrCreate(Map<String, Object> data) {
        Object id = data.get(definition.idName());
        if (id != null && exists(id)) {
            return replaceById(id, data);
        }
        return create(data);
    }

    /** Patches the one record matching {@code where}, or creates one when none does. */
    public ModelInstance upsertWithWhere(Where where, Map<String, Object> data) {
        List<ModelInstance> matches = find(Filter.where(where == null ? Where.ALL : where).withLimit(2));
        if (matches.isEmpty()) {
            return create(data);
        }
        if (matches.size() > 1) {
            throw HttpError.badRequest("There are multiple instances found. Upsert Operation will not be performed!");
        }
        return patchById(matches.get(0).id(), data);
    }

    /** Patches every record matching {@code where}; returns how many. Validations do not run (as LoopBack). */
    public long updateAll(Where where, Map<String, Object> changes) {
        Where typedWhere = FilterCoercion.coerce(definition, where == null ? Where.ALL : where);
        Map<String, Object> typed = DataCoercion.forUpdate(definition, changes);
        if (typed.containsKey(definition.idName())) {
            throw HttpError.badRequest("The id property \"" + definition.idName() + "\" cannot be updated");
        }
        return connector.update(definition, typedWhere, typed);
    }

    public long destroyAll(Where where) {
        return connector.delete(definition, FilterCoercion.coerce(definition, where == null ? Where.ALL : where));
    }

    public long destroyById(Object id) {
        return idWhere(id).map(where -> connector.delete(definition, where)).orElse(0L);
    }

    /**
     * Patches the record with this id; the merged record is validated before it is stored.
     *
     * @throws HttpError 404 when there is no such record
     */
    public ModelInstance patchById(Object id, Map<String, Object> changes) {
        ModelInstance existing = findById(id).orElseThrow(() -> HttpError.modelNotFound(name(), id));
        Map<String, Object> typed = DataCoercion.forUpdate(definition, changes);
        rejectIdChange(existing.id(), typed);
        typed.remove(definition.idName());
        Map<String, Object> merged = new LinkedHashMap<>(existing.data());
        merged.putAll(typed);
        validator.validate(definition, merged, existing.id());
        return instance(connector.patchById(definition, existing.id(), typed)
                .orElseThrow(() -> HttpError.modelNotFound(name(), id)));
    }

    /**
     * Replaces the record with this id by {@code data}.
     *
     * @throws HttpError 404 when there is no such record
     */
    public ModelInstance replaceById(Object id, Map<String, Object> data) {
        ModelInstance existing = findById(id).orElseThrow(() -> replaceMiss(id));
        Map<String, Object> typed = DataCoercion.forCreate(definition, withoutId(data, existing.id()));
        typed.put(definition.idName(), existing.id());
        validator.validate(definition, typed, existing.id());
        return instance(connector.replaceById(definition, existing.id(), typed).orElseThrow(() -> replaceMiss(id)));
    }

    // ---- internals

    private Map<String, Object> prepareCreate(Map<String, Object> data) {
        Map<String, Object> typed = DataCoercion.forCreate(definition, data == null ? Map.of() : data);
        validator.validate(definition, typed, null);
        return typed;
    }

    private Map<String, Object> store(Map<String, Object> typed) {
        try {
            return connector.create(definition, typed);
        } catch (DuplicateIdException e) {
            throw new HttpError(409, "Error", e.getMessage(), null, null, e);
        }
    }

    private Map<String, Object> withoutId(Map<String, Object> data, Object currentId) {
        Map<String, Object> copy = new LinkedHashMap<>(data == null ? Map.of() : data);
        Object given = copy.remove(definition.idName());
        if (given != null) {
            rejectIdChange(currentId, Map.of(definition.idName(), given));
        }
        return copy;
    }

    private void rejectIdChange(Object currentId, Map<String, Object> data) {
        Object given = data.get(definition.idName());
        if (given == null) {
            return;
        }
        Object typedGiven = idWhere(given).map(w -> ((Where.Condition) w).value()).orElse(given);
        if (!sameId(currentId, typedGiven)) {
            throw HttpError.badRequest("id property (" + definition.idName() + ") cannot be updated from "
                    + currentId + " to " + given);
        }
    }

    private static boolean sameId(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b) || (a != null && b != null && a.toString().equals(b.toString()));
    }

    private HttpError replaceMiss(Object id) {
        return new HttpError(404, "Error", "Could not replace. Object with id " + id + " does not exist!",
                "MODEL_NOT_FOUND", null);
    }

    /**
     * The where that selects one id, with the id coerced to the id property's type; empty when the id
     * cannot be of that type (e.g. "abc" for a numeric id), which no record can match.
     */
    private Optional<Where> idWhere(Object id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(FilterCoercion.coerce(definition, Where.eq(definition.idName(), id)));
        } catch (HttpError e) {
            return Optional.empty();
        }
    }

    private Filter typed(Filter filter) {
        Filter typed = FilterCoercion.coerce(definition, filter == null ? Filter.ALL : filter);
        if (!typed.include().isEmpty() && includeResolver == null) {
            Include first = typed.include().get(0);
            throw HttpError.badRequest("Relation \"" + first.relation() + "\" is not defined for "
                    + name() + " model", "RELATION_NOT_FOUND");
        }
        return typed;
    }

    private ModelInstance instance(Map<String, Object> data) {
        return new ModelInstance(this, data);
    }
}
