package dev.backloop.embed;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.relation.TableConnector;
import dev.backloop.spi.Connector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory connector that remembers being started and closed. */
final class ClosingConnector implements Connector {
    private final TableConnector tables = new TableConnector();
    boolean started;
    boolean closed;

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        return tables.create(model, data);
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        return tables.find(model, filter);
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        return tables.count(model, where);
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        return tables.update(model, where, changes);
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        return tables.delete(model, where);
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        return tables.replaceById(model, id, data);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        return tables.patchById(model, id, changes);
    }
}
