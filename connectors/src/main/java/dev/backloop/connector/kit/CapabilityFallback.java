package dev.backloop.connector.kit;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Operator;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Fills the gaps a connector declares: wraps a connector whose backend evaluates neither dotted paths
 * (without {@link ConnectorCapability#NESTED_PROPERTIES}) nor {@code regexp} (without
 * {@link ConnectorCapability#REGEXP}), sends it only what it can evaluate, and evaluates the rest in
 * memory ({@link QueryPlan}). The wrapped connector then answers the whole where language.
 *
 * <p>An update or delete whose where is only partly native first finds the matching ids, then writes by
 * id: two steps, so a record changed in between by another writer may be missed or included.
 *
 * <pre>{@code
 * public Connector create(DataSourceSettings settings) {
 *     return CapabilityFallback.wrap(new CsvConnector(settings));
 * }
 * }</pre>
 */
public final class CapabilityFallback implements Connector {
    private final Connector backend;

    private CapabilityFallback(Connector backend) {
        this.backend = backend;
    }

    /** The connector itself when it declares both abilities, else a wrapper that supplies them. */
    public static Connector wrap(Connector backend) {
        Objects.requireNonNull(backend, "backend is null");
        Set<ConnectorCapability> declared = backend.capabilities();
        if (declared.contains(ConnectorCapability.NESTED_PROPERTIES) && declared.contains(ConnectorCapability.REGEXP)) {
            return backend;
        }
        return new CapabilityFallback(backend);
    }

    private QueryPlan plan(Filter filter) {
        return QueryPlan.of(filter, backend.capabilities());
    }

    /** The ids of the records a partly native where matches. */
    private List<Object> matchingIds(ModelDefinition model, QueryPlan plan) {
        List<Map<String, Object>> candidates = backend.find(model, Filter.where(plan.nativeWhere()));
        List<Object> ids = new ArrayList<>();
        for (Map<String, Object> record : InMemoryQuery.compile(Filter.where(plan.residualWhere())).matching(candidates)) {
            ids.add(record.get(model.idName()));
        }
        return ids;
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        QueryPlan plan = plan(filter);
        return plan.complete() ? backend.find(model, filter) : plan.finish(backend.find(model, plan.nativeFilter()));
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        QueryPlan plan = plan(Filter.where(where));
        return plan.complete() ? backend.count(model, where)
                : plan.count(backend.find(model, Filter.where(plan.nativeWhere())));
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        QueryPlan plan = plan(Filter.where(where));
        if (plan.complete()) {
            return backend.update(model, where, changes);
        }
        List<Object> ids = matchingIds(model, plan);
        return ids.isEmpty() ? 0 : backend.update(model, new Where.Condition(model.idName(), Operator.INQ, ids), changes);
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        QueryPlan plan = plan(Filter.where(where));
        if (plan.complete()) {
            return backend.delete(model, where);
        }
        List<Object> ids = matchingIds(model, plan);
        return ids.isEmpty() ? 0 : backend.delete(model, new Where.Condition(model.idName(), Operator.INQ, ids));
    }

    // ---- the rest is the backend's

    @Override
    public void define(ModelDefinition model) {
        backend.define(model);
    }

    @Override
    public void start() {
        backend.start();
    }

    /** The backend's capabilities plus the two this wrapper supplies. */
    @Override
    public Set<ConnectorCapability> capabilities() {
        Set<ConnectorCapability> all = EnumSet.of(ConnectorCapability.NESTED_PROPERTIES, ConnectorCapability.REGEXP);
        all.addAll(backend.capabilities());
        return Collections.unmodifiableSet(all);
    }

    @Override
    public PropertyType generatedIdType() {
        return backend.generatedIdType();
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        return backend.create(model, data);
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        return backend.replaceById(model, id, data);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        return backend.patchById(model, id, changes);
    }

    @Override
    public Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        return backend.replaceOrCreate(model, data);
    }

    @Override
    public Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        return backend.patchOrCreate(model, data);
    }

    @Override
    public void autoupdate(ModelDefinition model) {
        backend.autoupdate(model);
    }

    @Override
    public void automigrate(ModelDefinition model) {
        backend.automigrate(model);
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return "CapabilityFallback[" + backend + "]";
    }
}
