package dev.backloop.http;

import dev.backloop.connector.memory.MemoryConnector;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.ConnectorFactory;
import dev.backloop.spi.DataSourceSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code counting} connector of the test fixtures: the memory connector, counting the finds and counts
 * it serves, so tests can show how many queries a request costs.
 */
public final class CountingConnectorFactory implements ConnectorFactory {

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public Connector create(DataSourceSettings settings) {
        return new CountingConnector(new MemoryConnector(settings));
    }

    /** Delegates every call; counts reads. */
    static final class CountingConnector implements Connector {
        private final Connector delegate;
        private final AtomicLong reads = new AtomicLong();

        CountingConnector(Connector delegate) {
            this.delegate = delegate;
        }

        /** Finds and counts served since the last reset. */
        long reads() {
            return reads.get();
        }

        void resetCount() {
            reads.set(0);
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void define(ModelDefinition model) {
            delegate.define(model);
        }

        @Override
        public Set<ConnectorCapability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
            return delegate.create(model, data);
        }

        @Override
        public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
            reads.incrementAndGet();
            return delegate.find(model, filter);
        }

        @Override
        public long count(ModelDefinition model, Where where) {
            reads.incrementAndGet();
            return delegate.count(model, where);
        }

        @Override
        public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
            return delegate.update(model, where, changes);
        }

        @Override
        public long delete(ModelDefinition model, Where where) {
            return delegate.delete(model, where);
        }

        @Override
        public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
            return delegate.replaceById(model, id, data);
        }

        @Override
        public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
            return delegate.patchById(model, id, changes);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
