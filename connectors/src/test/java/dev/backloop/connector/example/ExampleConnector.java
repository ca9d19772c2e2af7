package dev.backloop.connector.example;

import dev.backloop.connector.kit.IdValues;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.DuplicateIdException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connector of docs/custom-connector.md: each model's records in a map keyed by id, every query
 * evaluated in memory by the platform's {@link InMemoryQuery}. Small, but it passes the conformance suite.
 */
public final class ExampleConnector implements Connector {
    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    /** One model's records; every method locks it, so each write is atomic. */
    private static final class Table {
        final Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
        long nextId = 1;
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        // everything happens in memory, so nested paths and regexps work, and upserts hold the lock
        return Set.of(ConnectorCapability.NESTED_PROPERTIES, ConnectorCapability.REGEXP,
                ConnectorCapability.ATOMIC_UPSERT, ConnectorCapability.GENERATED_IDS);
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        Table table = table(model);
        synchronized (table) {
            return copy(insert(table, model, data));
        }
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        InMemoryQuery query = InMemoryQuery.compile(filter);
        Table table = table(model);
        synchronized (table) {
            return query.apply(table.rows.values()).stream().map(ExampleConnector::copy).toList();
        }
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        InMemoryQuery query = InMemoryQuery.compile(Filter.where(where));
        Table table = table(model);
        synchronized (table) {
            return query.count(table.rows.values());
        }
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        InMemoryQuery query = InMemoryQuery.compile(Filter.where(where));
        Table table = table(model);
        synchronized (table) {
            List<Map<String, Object>> matches = query.matching(table.rows.values());
            for (Map<String, Object> row : matches) {
                row.putAll(copy(changes));
                row.put(model.idName(), keyOf(model, row));
            }
            return matches.size();
        }
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        InMemoryQuery query = InMemoryQuery.compile(Filter.where(where));
        Table table = table(model);
        synchronized (table) {
            List<Map<String, Object>> matches = query.matching(table.rows.values());
            matches.forEach(row -> table.rows.remove(keyOf(model, row)));
            return matches.size();
        }
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        Table table = table(model);
        Object key = IdValues.coerce(model, id);
        synchronized (table) {
            if (!table.rows.containsKey(key)) {
                return Optional.empty();
            }
            Map<String, Object> row = copy(data);
            row.put(model.idName(), key);
            table.rows.put(key, row);
            return Optional.of(copy(row));
        }
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        Table table = table(model);
        Object key = IdValues.coerce(model, id);
        synchronized (table) {
            Map<String, Object> row = table.rows.get(key);
            if (row == null) {
                return Optional.empty();
            }
            row.putAll(copy(changes));
            row.put(model.idName(), key);
            return Optional.of(copy(row));
        }
    }

    @Override
    public Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        Table table = table(model);
        synchronized (table) {
            Object id = data.get(model.idName());
            return id != null && table.rows.containsKey(IdValues.coerce(model, id))
                    ? replaceById(model, id, data).orElseThrow() : copy(insert(table, model, data));
        }
    }

    @Override
    public Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        Table table = table(model);
        synchronized (table) {
            Object id = data.get(model.idName());
            return id != null && table.rows.containsKey(IdValues.coerce(model, id))
                    ? patchById(model, id, data).orElseThrow() : copy(insert(table, model, data));
        }
    }

    /** Stores a new row; the caller holds the table's lock. */
    private static Map<String, Object> insert(Table table, ModelDefinition model, Map<String, Object> data) {
        Object given = data.get(model.idName());
        Object key;
        if (given == null) {
            do {
                key = IdValues.coerce(model, table.nextId++);
            } while (table.rows.containsKey(key));
        } else {
            key = IdValues.coerce(model, given);
            if (table.rows.containsKey(key)) {
                throw new DuplicateIdException(model.name(), model.idName(), key);
            }
        }
        Map<String, Object> row = copy(data);
        row.put(model.idName(), key);
        table.rows.put(key, row);
        return row;
    }

    private static Object keyOf(ModelDefinition model, Map<String, Object> row) {
        return IdValues.coerce(model, row.get(model.idName()));
    }

    private Table table(ModelDefinition model) {
        return tables.computeIfAbsent(model.name(), name -> new Table());
    }

    /** Records never share mutable maps or lists with callers. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }
}
