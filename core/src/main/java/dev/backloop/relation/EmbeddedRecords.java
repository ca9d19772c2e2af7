package dev.backloop.relation;

import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.ModelInstance;
import dev.backloop.model.PropertyType;
import dev.backloop.validation.DataCoercion;
import dev.backloop.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The data an instance embeds through an embedsOne or embedsMany relation. Embedded data is coerced and
 * validated against the embedded model's definition and written back to the owner with a patch. Items of an
 * embedsMany get an id when they have none: the next number for a numeric id, else a UUID.
 */
public final class EmbeddedRecords {
    private static final Validator VALIDATOR = new Validator((model, where) -> false);

    private final Relation relation;
    private final ModelDefinition definition;
    private final ModelInstance owner;

    EmbeddedRecords(Relation relation, ModelDefinition definition, ModelInstance owner) {
        if (!relation.embedded()) {
            throw new IllegalArgumentException("relation " + relation.name() + " is not embedded");
        }
        this.relation = relation;
        this.definition = definition;
        this.owner = Objects.requireNonNull(owner, "owner is null");
    }

    public Relation relation() {
        return relation;
    }

    // ---- embedsOne

    /** The embedded object of an embedsOne, if set. */
    public Optional<Map<String, Object>> get() {
        return owner.get(relation.keyFrom()) instanceof Map<?, ?> map
                ? Optional.of(EmbeddedItems.wire(map, definition)) : Optional.empty();
    }

    /** Sets the embedded object of an embedsOne (replacing any). */
    public Map<String, Object> create(Map<String, Object> data) {
        Map<String, Object> item = valid(data, null);
        owner.patchAttributes(Map.of(relation.keyFrom(), item));
        return EmbeddedItems.wire(item, definition);
    }

    /** Patches the embedded object of an embedsOne; sets it when there is none. */
    public Map<String, Object> update(Map<String, Object> data) {
        Optional<Map<String, Object>> current = rawOne();
        if (current.isEmpty()) {
            return create(data);
        }
        Map<String, Object> merged = current.get();
        merged.putAll(data == null ? Map.of() : data);
        return create(merged);
    }

    /** Removes the embedded object of an embedsOne. */
    public void destroy() {
        Map<String, Object> unset = new LinkedHashMap<>();
        unset.put(relation.keyFrom(), null);
        owner.patchAttributes(unset);
    }

    // ---- embedsMany

    /** The items of an embedsMany matching {@code filter} (merged with the relation's scope). */
    public List<Map<String, Object>> find(Filter filter) {
        Filter merged = ScopeMerge.merge(filter == null ? Filter.ALL : filter.withInclude(List.of()),
                relation.scope());
        return InMemoryQuery.compile(merged).apply(items()).stream()
                .map(item -> EmbeddedItems.wire(item, definition)).toList();
    }

    public long count(Where where) {
        Where scoped = ScopeMerge.and(where == null ? Where.ALL : where, relation.scope().where());
        return InMemoryQuery.compile(Filter.where(scoped)).count(items());
    }

    /**
     * The item with this id.
     *
     * @throws HttpError 404 when there is none
     */
    public Map<String, Object> findById(Object fk) {
        return EmbeddedItems.wire(items().get(indexOf(fk)), definition);
    }

    /** Adds an item (one id generated when missing); returns it. */
    public Map<String, Object> add(Map<String, Object> data) {
        List<Map<String, Object>> items = items();
        Map<String, Object> values = new LinkedHashMap<>(data == null ? Map.of() : data);
        String idName = idName();
        if (values.get(idName) == null) {
            values.put(idName, nextId(items));
        } else if (indexOfOptional(items, values.get(idName)) >= 0) {
            throw new HttpError(409, "Error", "Duplicate entry for " + relation.modelTo() + "." + idName, null, null);
        }
        // the id is ours, so forceId's "id can't be set" does not apply: validate as an existing item
        Map<String, Object> item = valid(values, values.get(idName));
        items.add(item);
        save(items);
        return EmbeddedItems.wire(item, definition);
    }

    /** Patches the item with this id. */
    public Map<String, Object> updateById(Object fk, Map<String, Object> data) {
        List<Map<String, Object>> items = items();
        int index = indexOf(fk);
        Map<String, Object> merged = new LinkedHashMap<>(items.get(index));
        Object id = merged.get(idName());
        merged.putAll(data == null ? Map.of() : data);
        merged.put(idName(), id);
        Map<String, Object> item = valid(merged, id);
        items.set(index, item);
        save(items);
        return EmbeddedItems.wire(item, definition);
    }

    /** Removes the item with this id. */
    public void destroyById(Object fk) {
        List<Map<String, Object>> items = items();
        items.remove(indexOf(fk));
        save(items);
    }

    /** Removes every item. */
    public void destroyAll() {
        save(new ArrayList<>());
    }

    // ---- internals

    private Optional<Map<String, Object>> rawOne() {
        return owner.get(relation.keyFrom()) instanceof Map<?, ?> map
                ? Optional.of(EmbeddedItems.of(List.of(map)).get(0)) : Optional.empty();
    }

    private List<Map<String, Object>> items() {
        return EmbeddedItems.of(owner.get(relation.keyFrom()));
    }

    private void save(List<Map<String, Object>> items) {
        owner.patchAttributes(Map.of(relation.keyFrom(), items));
    }

    private int indexOf(Object fk) {
        int index = indexOfOptional(items(), fk);
        if (index < 0) {
            throw HttpError.modelNotFound(relation.modelTo(), fk);
        }
        return index;
    }

    private int indexOfOptional(List<Map<String, Object>> items, Object fk) {
        String key = Keys.of(fk);
        for (int i = 0; i < items.size(); i++) {
            if (key != null && key.equals(Keys.of(items.get(i).get(idName())))) {
                return i;
            }
        }
        return -1;
    }

    private String idName() {
        return definition == null ? "id" : definition.idName();
    }

    private Object nextId(List<Map<String, Object>> items) {
        boolean numeric = definition == null || definition.idProperty()
                .map(p -> p.type() == PropertyType.NUMBER).orElse(false);
        if (!numeric) {
            return UUID.randomUUID().toString();
        }
        long max = 0;
        for (Map<String, Object> item : items) {
            if (item.get(idName()) instanceof Number n) {
                max = Math.max(max, n.longValue());
            }
        }
        return max + 1;
    }

    /** Coerces and validates embedded data against the embedded model, when its definition is known. */
    private Map<String, Object> valid(Map<String, Object> data, Object currentId) {
        Map<String, Object> values = data == null ? new LinkedHashMap<>() : new LinkedHashMap<>(data);
        if (definition == null) {
            return values;
        }
        Map<String, Object> typed = DataCoercion.forCreate(definition, values);
        VALIDATOR.validate(definition, typed, currentId);
        return typed;
    }
}
