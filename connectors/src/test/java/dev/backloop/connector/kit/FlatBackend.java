package dev.backloop.connector.kit;

import dev.backloop.connector.example.ExampleConnector;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A backend that evaluates neither dotted paths nor regexp, and fails loudly when asked to: the example
 * connector behind a check of every where it receives.
 */
final class FlatBackend implements Connector {
    private final ExampleConnector store = new ExampleConnector();

    @Override
    public Set<ConnectorCapability> capabilities() {
        return Set.of(ConnectorCapability.ATOMIC_UPSERT, ConnectorCapability.GENERATED_IDS);
    }

    private static Where checked(Where where) {
        if (where instanceof Where.Condition c) {
            if (c.property().contains(".") || c.operator() == Operator.REGEXP) {
                throw new AssertionError("the backend was asked for what it cannot do: " + c);
            }
        } else if (where instanceof Where.And and) {
            and.clauses().forEach(FlatBackend::checked);
        } else if (where instanceof Where.Or or) {
            or.clauses().forEach(FlatBackend::checked);
        }
        return where;
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        return store.create(model, data);
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        checked(filter.where());
        for (var order : filter.order()) {
            if (order.property().contains(".")) {
                throw new AssertionError("the backend was asked to sort by a path: " + order);
            }
        }
        return store.find(model, filter);
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        return store.count(model, checked(where));
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        return store.update(model, checked(where), changes);
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        return store.delete(model, checked(where));
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        return store.replaceById(model, id, data);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        return store.patchById(model, id, changes);
    }

    @Override
    public Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        return store.replaceOrCreate(model, data);
    }

    @Override
    public Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        return store.patchOrCreate(model, data);
    }
}
