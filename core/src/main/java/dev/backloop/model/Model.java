package dev.backloop.model;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.FilterCoercion;
import dev.backloop.filter.Include;
import dev.backloop.filter.Where;
import dev.backloop.json.Json;
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
 * exactly these methods. Every write coerces the data to the declared types, runs the operation hooks
 * ({@link #observe}) and validates before the connector sees it; a write that fails writes nothing.
 */
public final class Model {
    private final ModelDefinition definition;
    private final Connector connector;
    private final String dataSourceName;
    private final Validator validator;
    private final Observers observers;
    private volatile IncludeResolver includeResolver;

    /** A model with hooks of its own only (no base models to inherit hooks from). */
    public Model(ModelDefinition definition, String dataSourceName, Connector connector) {
        this(definition, dataSourceName, connector, new Observers(
                name -> name.equals(definition.name()) ? Optional.of(definition) : Optional.empty()));
    }

    /** @param observers the app's operation hooks, shared by all its models so hooks are inherited */
    public Model(ModelDefinition definition, String dataSourceName, Connector connector, Observers observers) {
        this.definition = Objects.requireNonNull(definition, "definition is null");
        this.dataSourceName = dataSourceName;
        this.connector = Objects.requireNonNull(connector, "connector is null");
        this.observers = Objects.requireNonNull(observers, "observers is null");
        this.validator = new Validator((model, where) -> connector.count(model, where) > 0);
    }

    /**
     * Registers an operation hook, LoopBack's {@code Model.observe("before save", fn)}. It also runs for
     * models extending this one.
     *
     * @param hook {@code access}, {@code before save}, {@code persist}, {@code loaded}, {@code after save},
     *             {@code before delete} or {@code after delete}
     */
    public void observe(String hook, Observer observer) {
        OperationHook known = OperationHook.fromName(hook).orElseThrow(() -> new IllegalArgumentException(
                "Unknown operation hook \"" + hook + "\"; known: access, before save, persist, loaded, after save, "
                        + "before delete, after delete"));
        observe(known, observer);
    }

    public void observe(OperationHook hook, Observer observer) {
        observers.observe(name(), hook, Objects.requireNonNull(observer, "observer is null"));
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
        Filter query = filter == null ? Filter.ALL : filter;
        IncludeResolver resolver = includeResolver;
        if (!query.include().isEmpty() && resolver != null) {
            // the resolver calls find again without the include, once per model it queries, so every
            // query runs its own access and loaded hooks
            return resolver.find(this, query);
        }
        Operation op = new Operation();
        Filter typed = typed(access(op, query));
        return connector.find(definition, typed).stream().map(data -> loaded(op, data, null)).toList();
    }

    public List<ModelInstance> find() {
        return find(Filter.ALL);
    }

    /** {@link #find(Filter)} with each record bound to a record or POJO ({@link ModelInstance#as}). */
    public <T> List<T> find(Filter filter, Class<T> type) {
        return find(filter).stream().map(instance -> instance.as(type)).toList();
    }

    /** {@link #findOne(Filter)} bound to a record or POJO. */
    public <T> Optional<T> findOne(Filter filter, Class<T> type) {
        return findOne(filter).map(instance -> instance.as(type));
    }

    /** {@link #findById(Object)} bound to a record or POJO. */
    public <T> Optional<T> findById(Object id, Class<T> type) {
        return findById(id).map(instance -> instance.as(type));
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
        return idWhere(id).map(where -> count(where) > 0).orElse(false);
    }

    public long count(Where where) {
        Where accessed = access(new Operation(), Filter.where(where == null ? Where.ALL : where)).where();
        return connector.count(definition, FilterCoercion.coerce(definition, accessed));
    }

    // ---- writes

    public ModelInstance create(Map<String, Object> data) {
        Operation op = new Operation();
        return persistNew(op, prepareCreate(op, data));
    }

    /**
     * Creates a record from a Java record or POJO and answers it as stored, bound to {@code type}:
     * {@code Book saved = books.create(new Book(null, "Dune"), Book.class)}. Its properties are read through
     * Jackson; null ones are left out, so defaults and a generated id apply. Validation, hooks and
     * everything else are those of {@link #create(Map)}.
     */
    public <T> T create(Object value, Class<T> type) {
        Objects.requireNonNull(value, "value is null");
        Map<String, Object> data = new LinkedHashMap<>();
        Json.mapper().convertValue(value, new TypeReference<Map<String, Object>>() { })
                .forEach((property, v) -> {
                    if (v != null) {
                        data.put(property, v);
                    }
                });
        return create(data).as(type);
    }

    /**
     * Creates every record, or none: all are coerced, passed through {@code before save} and validated
     * before the first is stored.
     */
    public List<ModelInstance> create(List<Map<String, Object>> records) {
        List<Operation> operations = new ArrayList<>(records.size());
        List<Map<String, Object>> typed = new ArrayList<>(records.size());
        for (Map<String, Object> data : records) {
            Operation op = new Operation();
            operations.add(op);
            typed.add(prepareCreate(op, data));
        }
        List<ModelInstance> created = new ArrayList<>(typed.size());
        for (int i = 0; i < typed.size(); i++) {
            created.add(persistNew(operations.get(i), typed.get(i)));
        }
        return created;
    }

    /** LoopBack's {@code patchOrCreate} ({@code upsert}): patch the record with the data's id, or create. */
    public ModelInstance patchOrCreate(Map<String, Object> data) {
        Object id = data.get(definition.idName());
        if (id != null) {
            Optional<ModelInstance> existing = findById(id);
            if (existing.isPresent()) {
                return patch(existing.get(), data);
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
        if (id != null) {
            Optional<ModelInstance> existing = findById(id);
            if (existing.isPresent()) {
                return replace(existing.get(), data);
            }
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
        return patch(matches.get(0), data);
    }

    /** Patches every record matching {@code where}; returns how many. Validations do not run (as LoopBack). */
    public long updateAll(Where where, Map<String, Object> changes) {
        Operation op = new Operation();
        Where accessed = access(op, Filter.where(where == null ? Where.ALL : where)).where();
        Map<String, Object> typed = DataCoercion.forUpdate(definition, changes);
        HookContext saving = op.run(OperationHook.BEFORE_SAVE, c -> c.where(accessed).data(typed));
        Where finalWhere = saving == null ? accessed : saving.where();
        Map<String, Object> finalData = saving == null ? typed : DataCoercion.forUpdate(definition, saving.data());
        if (finalData.containsKey(definition.idName())) {
            throw HttpError.badRequest("The id property \"" + definition.idName() + "\" cannot be updated");
        }
        HookContext persisting = op.run(OperationHook.PERSIST, c -> c.where(finalWhere).data(finalData));
        Map<String, Object> stored = persisting == null ? finalData : persisting.data();
        long count = connector.update(definition, FilterCoercion.coerce(definition, finalWhere), stored);
        op.run(OperationHook.AFTER_SAVE, c -> c.where(finalWhere).data(stored).info(Map.of("count", count)));
        return count;
    }

    public long destroyAll(Where where) {
        return destroy(where == null ? Where.ALL : where, null);
    }

    public long destroyById(Object id) {
        return idWhere(id).map(where -> destroy(where, null)).orElse(0L);
    }

    /** Deletes one loaded instance ({@code prototype.delete}): the delete hooks see it as {@code instance}. */
    long destroy(ModelInstance instance) {
        return idWhere(instance.id()).map(where -> destroy(where, instance)).orElse(0L);
    }

    private long destroy(Where where, ModelInstance instance) {
        Operation op = new Operation();
        Where accessed = access(op, Filter.where(where)).where();
        HookContext deleting = op.run(OperationHook.BEFORE_DELETE, c -> c.where(accessed).instance(instance));
        Where finalWhere = deleting == null ? accessed : deleting.where();
        long count = connector.delete(definition, FilterCoercion.coerce(definition, finalWhere));
        op.run(OperationHook.AFTER_DELETE, c -> c.where(finalWhere).instance(instance)
                .info(Map.of("count", count)));
        return count;
    }

    /**
     * Patches the record with this id; the merged record is validated before it is stored.
     *
     * @throws HttpError 404 when there is no such record
     */
    public ModelInstance patchById(Object id, Map<String, Object> changes) {
        return patch(findById(id).orElseThrow(() -> HttpError.modelNotFound(name(), id)), changes);
    }

    /** Patches a loaded record ({@code prototype.patchAttributes}); no lookup, so no {@code access} hook. */
    ModelInstance patch(ModelInstance existing, Map<String, Object> changes) {
        Object id = existing.id();
        Map<String, Object> typed = DataCoercion.forUpdate(definition, changes);
        Where byId = idWhere(existing.id()).orElseThrow();
        Operation op = new Operation();
        HookContext saving = op.run(OperationHook.BEFORE_SAVE, c -> c.data(typed)
                .currentInstance(existing.data()).where(byId).isNewInstance(false));
        Map<String, Object> patch = saving == null ? typed : DataCoercion.forUpdate(definition, saving.data());
        rejectIdChange(existing.id(), patch);
        patch.remove(definition.idName());
        Map<String, Object> merged = new LinkedHashMap<>(existing.data());
        merged.putAll(patch);
        validator.validate(definition, merged, existing.id());
        HookContext persisting = op.run(OperationHook.PERSIST, c -> c.data(patch)
                .currentInstance(existing.data()).where(byId).isNewInstance(false));
        Map<String, Object> stored = persisting == null ? patch : persisting.data();
        Map<String, Object> written = connector.patchById(definition, existing.id(), stored)
                .orElseThrow(() -> HttpError.modelNotFound(name(), id));
        return saved(op, written, false);
    }

    /**
     * Replaces the record with this id by {@code data}.
     *
     * @throws HttpError 404 when there is no such record
     */
    public ModelInstance replaceById(Object id, Map<String, Object> data) {
        return replace(findById(id).orElseThrow(() -> replaceMiss(id)), data);
    }

    /** Replaces a loaded record ({@code prototype.replaceAttributes}). */
    ModelInstance replace(ModelInstance existing, Map<String, Object> data) {
        Object id = existing.id();
        Map<String, Object> typed = DataCoercion.forCreate(definition, withoutId(data, existing.id()));
        typed.put(definition.idName(), existing.id());
        ModelInstance replacing = instance(typed);
        Operation op = new Operation();
        if (op.run(OperationHook.BEFORE_SAVE, c -> c.instance(replacing).isNewInstance(false)) != null) {
            typed = DataCoercion.forCreate(definition, withoutId(replacing.data(), existing.id()));
            typed.put(definition.idName(), existing.id());
        }
        validator.validate(definition, typed, existing.id());
        Map<String, Object> stored = persistData(op, typed, false);
        Map<String, Object> written = connector.replaceById(definition, existing.id(), stored)
                .orElseThrow(() -> replaceMiss(id));
        return saved(op, written, false);
    }

    // ---- internals

    /** Coerces, runs {@code before save} on the new instance and validates: everything short of writing. */
    private Map<String, Object> prepareCreate(Operation op, Map<String, Object> data) {
        Map<String, Object> typed = DataCoercion.forCreate(definition, data == null ? Map.of() : data);
        ModelInstance creating = instance(typed);
        if (op.run(OperationHook.BEFORE_SAVE, c -> c.instance(creating).isNewInstance(true)) != null) {
            // a hook may have set values of any type: they are coerced like the client's
            typed = DataCoercion.forCreate(definition, creating.data());
        }
        validator.validate(definition, typed, null);
        return typed;
    }

    /** {@code persist}, the connector's create, then {@code loaded} and {@code after save}. */
    private ModelInstance persistNew(Operation op, Map<String, Object> typed) {
        return saved(op, store(persistData(op, typed, true)), true);
    }

    private Map<String, Object> persistData(Operation op, Map<String, Object> typed, boolean isNew) {
        HookContext persisting = op.run(OperationHook.PERSIST, c -> c.data(typed).currentInstance(typed)
                .isNewInstance(isNew));
        return persisting == null ? typed : persisting.data();
    }

    /** The instance of a record the connector wrote, after {@code loaded} and {@code after save}. */
    private ModelInstance saved(Operation op, Map<String, Object> written, boolean isNew) {
        ModelInstance result = loaded(op, written, isNew);
        op.run(OperationHook.AFTER_SAVE, c -> c.instance(result).isNewInstance(isNew));
        return result;
    }

    /** The {@code access} hook: observers may replace the query. */
    private Filter access(Operation op, Filter query) {
        HookContext accessing = op.run(OperationHook.ACCESS, c -> c.query(query));
        return accessing == null || accessing.query() == null ? query : accessing.query();
    }

    /** A record from the connector, through the {@code loaded} hook, as an instance. */
    private ModelInstance loaded(Operation op, Map<String, Object> data, Boolean isNew) {
        HookContext loading = op.run(OperationHook.LOADED, c -> c.data(data).isNewInstance(isNew));
        return instance(loading == null || loading.data() == null ? data : loading.data());
    }

    /**
     * One operation's hooks: they share a {@code hookState}, and a context is built only when a hook has
     * observers, so reads without hooks stay cheap.
     */
    private final class Operation {
        private final Map<String, Object> state = new LinkedHashMap<>();

        /** Runs the hook's observers; returns the context they saw, or {@code null} when none observed. */
        HookContext run(OperationHook hook, java.util.function.UnaryOperator<HookContext> fill) {
            if (!observers.any(definition, hook)) {
                return null;
            }
            HookContext context = fill.apply(new HookContext(Model.this, Map.of(), state));
            observers.notify(definition, hook, context);
            return context;
        }
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
        if (!typed.include().isEmpty()) {
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
