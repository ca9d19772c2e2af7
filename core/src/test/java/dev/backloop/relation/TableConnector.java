package dev.backloop.relation;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.Connector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-memory connector for tests, counting the finds it serves; tests that need a connector with
 * one more trait (it remembers being closed, it reports changes) extend it.
 */
public class TableConnector implements Connector {
    private final Map<String, List<Map<String, Object>>> tables = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> nextIds = new ConcurrentHashMap<>();
    final AtomicLong finds = new AtomicLong();

    private List<Map<String, Object>> table(ModelDefinition model) {
        return tables.computeIfAbsent(model.name(), k -> new ArrayList<>());
    }

    @Override
    public synchronized Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        Map<String, Object> record = new LinkedHashMap<>(data);
        record.putIfAbsent(model.idName(),
                nextIds.computeIfAbsent(model.name(), k -> new AtomicLong()).incrementAndGet());
        table(model).add(record);
        return new LinkedHashMap<>(record);
    }

    @Override
    public synchronized List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        finds.incrementAndGet();
        List<Map<String, Object>> out = new ArrayList<>();
        InMemoryQuery.compile(filter).apply(table(model)).forEach(r -> out.add(new LinkedHashMap<>(r)));
        return out;
    }

    @Override
    public synchronized long count(ModelDefinition model, Where where) {
        return InMemoryQuery.compile(Filter.where(where)).count(table(model));
    }

    @Override
    public synchronized long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        List<Map<String, Object>> matching = InMemoryQuery.compile(Filter.where(where)).matching(table(model));
        matching.forEach(r -> r.putAll(changes));
        return matching.size();
    }

    @Override
    public synchronized long delete(ModelDefinition model, Where where) {
        List<Map<String, Object>> matching = InMemoryQuery.compile(Filter.where(where)).matching(table(model));
        table(model).removeIf(r -> matching.stream().anyMatch(m -> m == r));
        return matching.size();
    }

    @Override
    public synchronized Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id,
            Map<String, Object> data) {
        Optional<Map<String, Object>> record = byId(model, id);
        record.ifPresent(r -> {
            r.clear();
            r.putAll(data);
        });
        return record.map(LinkedHashMap::new);
    }

    @Override
    public synchronized Optional<Map<String, Object>> patchById(ModelDefinition model, Object id,
            Map<String, Object> changes) {
        Optional<Map<String, Object>> record = byId(model, id);
        record.ifPresent(r -> r.putAll(changes));
        return record.map(LinkedHashMap::new);
    }

    private Optional<Map<String, Object>> byId(ModelDefinition model, Object id) {
        return table(model).stream().filter(r -> Keys.of(r.get(model.idName())).equals(Keys.of(id))).findFirst();
    }
}
