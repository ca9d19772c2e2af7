package dev.backloop.connector.memory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.filter.eval.InMemoryQuery;
import dev.backloop.filter.eval.RegexGuard;
import dev.backloop.filter.eval.WhereMatcher;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.DuplicateIdException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LoopBack 3's memory connector for the JVM: records live in the process as Java maps, one collection per
 * model, ids generated per model from 1. With the {@code file} setting the data is kept in LoopBack's memory
 * file format, loaded at {@link #start()} and rewritten atomically after every acknowledged write (grouped
 * under load, see {@link GroupCommit}).
 *
 * <p>Thread-safe: each collection has a read-write lock; reads share it, every write (including the
 * upserts) is one atomic read-modify-write. Records returned are fresh mutable copies.
 *
 * <pre>{@code
 * // datasources.json: "db": {"connector": "memory", "file": "data/db.json"}
 * }</pre>
 */
public final class MemoryConnector implements Connector {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryConnector.class);
    private static final Set<ConnectorCapability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            ConnectorCapability.ATOMIC_UPSERT, ConnectorCapability.NESTED_PROPERTIES,
            ConnectorCapability.REGEXP, ConnectorCapability.GENERATED_IDS));

    private final String dataSourceName;
    private final RecordJson json = new RecordJson();
    private final MemoryFile file;
    private final GroupCommit commit;
    private final Map<String, ModelDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, ModelStore> stores = new ConcurrentHashMap<>();
    /** Collections loaded from the file whose model is not defined (yet): kept and written back as read. */
    private final Map<String, FileCollection> unclaimed = new ConcurrentHashMap<>();
    /** Collection names in file order, then in order of first use. */
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();

    /** Creates the connector; does no I/O (the file is read by {@link #start()}). */
    public MemoryConnector(DataSourceSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        this.dataSourceName = settings.name();
        // LoopBack tests the setting for truthiness: "" means no file
        this.file = settings.string("file").filter(f -> !f.isBlank())
                .flatMap(f -> settings.path("file")).map(path -> new MemoryFile(path, json)).orElse(null);
        this.commit = file == null ? null : new GroupCommit(versions::get, this::flush);
    }

    @Override
    public void define(ModelDefinition model) {
        definitions.put(collectionName(model), model);
    }

    /**
     * Loads the file when the {@code file} setting is present.
     *
     * @throws IllegalStateException naming the file when it exists but is not a valid memory file
     */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException(this + " is already started");
        }
        if (file != null) {
            load(file.read());
        }
        for (ModelDefinition model : definitions.values()) {
            store(model);
        }
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        Objects.requireNonNull(data, "data is null");
        ModelStore store = store(model);
        LinkedHashMap<String, Object> row = DeepCopy.freezeEntries(data);
        StoredRecord created;
        long version;
        store.lock.writeLock().lock();
        try {
            created = insert(store, model, row);
            version = versions.incrementAndGet();
        } finally {
            store.lock.writeLock().unlock();
        }
        awaitDurable(version);
        return DeepCopy.thawMap(created.data);
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        InMemoryQuery query = InMemoryQuery.compile(filter);
        ModelStore store = store(model);
        store.lock.readLock().lock();
        try {
            return query.apply(IdLookup.candidates(store, model, filter.where()), DeepCopy::thaw);
        } finally {
            store.lock.readLock().unlock();
        }
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        Predicate<Map<String, Object>> matcher = WhereMatcher.compile(where, RegexGuard.perQuery());
        ModelStore store = store(model);
        store.lock.readLock().lock();
        try {
            if (where.matchesAll()) {
                return store.records.size();
            }
            long count = 0;
            for (Map<String, Object> record : IdLookup.candidates(store, model, where)) {
                if (matcher.test(record)) {
                    count++;
                }
            }
            return count;
        } finally {
            store.lock.readLock().unlock();
        }
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        Predicate<Map<String, Object>> matcher = WhereMatcher.compile(where, RegexGuard.perQuery());
        ModelStore store = store(model);
        LinkedHashMap<String, Object> frozenChanges = DeepCopy.freezeEntries(changes);
        String idName = model.idName();
        long count = 0;
        long version = 0;
        store.lock.writeLock().lock();
        try {
            List<StoredRecord> matches = new ArrayList<>();
            for (StoredRecord record : IdLookup.candidateRecords(store, model, where)) {
                if (matcher.test(record.data)) {
                    matches.add(record);
                }
            }
            for (StoredRecord record : matches) {
                store.records.put(record.key, merged(record, frozenChanges, idName));
                count++;
            }
            if (count > 0) {
                version = versions.incrementAndGet();
            }
        } finally {
            store.lock.writeLock().unlock();
        }
        awaitDurable(version);
        return count;
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        Predicate<Map<String, Object>> matcher = WhereMatcher.compile(where, RegexGuard.perQuery());
        ModelStore store = store(model);
        long count = 0;
        long version = 0;
        store.lock.writeLock().lock();
        try {
            if (where.matchesAll()) {
                count = store.records.size();
                store.records.clear();
            } else {
                List<IdKey> doomed = new ArrayList<>();
                for (StoredRecord record : IdLookup.candidateRecords(store, model, where)) {
                    if (matcher.test(record.data)) {
                        doomed.add(record.key);
                    }
                }
                doomed.forEach(store.records::remove);
                count = doomed.size();
            }
            if (count > 0) {
                version = versions.incrementAndGet();
            }
        } finally {
            store.lock.writeLock().unlock();
        }
        awaitDurable(version);
        return count;
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        return modifyById(model, id, data, true);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        return modifyById(model, id, changes, false);
    }

    @Override
    public Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        return upsert(model, data, true);
    }

    @Override
    public Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        return upsert(model, data, false);
    }

    /** Writes any write not yet on disk. */
    @Override
    public void close() {
        long latest = versions.get();
        if (commit != null && latest > 0) {
            commit.awaitDurable(latest);
        }
    }

    /** How many times the file was written (0 without a file). */
    long fileWrites() {
        return commit == null ? 0 : commit.flushes();
    }

    @Override
    public String toString() {
        return "MemoryConnector[" + dataSourceName + (file == null ? "" : ", file=" + file.path()) + "]";
    }

    private Optional<Map<String, Object>> modifyById(ModelDefinition model, Object id, Map<String, Object> data,
            boolean replace) {
        Objects.requireNonNull(id, "id is null");
        ModelStore store = store(model);
        IdKey key = IdKey.of(id, IdKey.typeOf(model));
        LinkedHashMap<String, Object> row = DeepCopy.freezeEntries(data);
        StoredRecord result;
        long version;
        store.lock.writeLock().lock();
        try {
            StoredRecord existing = store.records.get(key);
            if (existing == null) {
                return Optional.empty();
            }
            result = replace ? replaced(existing.key, row, model.idName()) : merged(existing, row, model.idName());
            store.records.put(key, result);
            version = versions.incrementAndGet();
        } finally {
            store.lock.writeLock().unlock();
        }
        awaitDurable(version);
        return Optional.of(DeepCopy.thawMap(result.data));
    }

    private Map<String, Object> upsert(ModelDefinition model, Map<String, Object> data, boolean replace) {
        ModelStore store = store(model);
        String idName = model.idName();
        LinkedHashMap<String, Object> row = DeepCopy.freezeEntries(data);
        Object id = row.get(idName);
        IdKey key = id == null ? null : IdKey.of(id, IdKey.typeOf(model));
        StoredRecord result;
        long version;
        store.lock.writeLock().lock();
        try {
            StoredRecord existing = key == null ? null : store.records.get(key);
            if (existing == null) {
                result = insert(store, model, row);
            } else {
                result = replace ? replaced(existing.key, row, idName) : merged(existing, row, idName);
                store.records.put(existing.key, result);
            }
            version = versions.incrementAndGet();
        } finally {
            store.lock.writeLock().unlock();
        }
        awaitDurable(version);
        return DeepCopy.thawMap(result.data);
    }

    /** Adds a record, generating its id when absent; the caller holds the write lock. */
    private StoredRecord insert(ModelStore store, ModelDefinition model, LinkedHashMap<String, Object> row) {
        String idName = model.idName();
        PropertyType idType = IdKey.typeOf(model);
        Object given = row.get(idName);
        IdKey key;
        if (given == null) {
            long candidate = store.nextId;
            // skip ids taken by explicit ids the counter did not see (e.g. a hand-edited file)
            while (store.records.containsKey(IdKey.generated(candidate, idType))) {
                candidate++;
            }
            key = IdKey.generated(candidate, idType);
            store.nextId = candidate + 1;
        } else {
            key = IdKey.of(given, idType);
            if (store.records.containsKey(key)) {
                throw new DuplicateIdException(model.name(), idName, key.value());
            }
            store.observeId(key);
        }
        row.put(idName, key.value());
        StoredRecord record = new StoredRecord(key, FrozenRecord.of(row));
        store.records.put(key, record);
        return record;
    }

    private static StoredRecord merged(StoredRecord existing, Map<String, Object> changes, String idName) {
        LinkedHashMap<String, Object> row = new LinkedHashMap<>(existing.data);
        row.putAll(changes);
        // the id never changes through an update
        row.put(idName, existing.key.value());
        return new StoredRecord(existing.key, FrozenRecord.of(row));
    }

    private static StoredRecord replaced(IdKey key, LinkedHashMap<String, Object> row, String idName) {
        row.put(idName, key.value());
        return new StoredRecord(key, FrozenRecord.of(row));
    }

    private void awaitDurable(long version) {
        if (commit != null && version > 0) {
            commit.awaitDurable(version);
        }
    }

    private ModelStore store(ModelDefinition model) {
        Objects.requireNonNull(model, "model is null");
        String name = collectionName(model);
        ModelStore store = stores.get(name);
        if (store != null) {
            return store;
        }
        synchronized (stores) {
            store = stores.get(name);
            if (store == null) {
                FileCollection loaded = unclaimed.remove(name);
                store = loaded == null ? new ModelStore(name) : loaded.toStore(name, model, json, file);
                if (!order.contains(name)) {
                    order.add(name);
                }
                stores.put(name, store);
            }
            return store;
        }
    }

    private void load(MemoryFile.Contents contents) {
        int records = 0;
        synchronized (stores) {
            for (Map.Entry<String, Map<String, String>> collection : contents.models().entrySet()) {
                String name = collection.getKey();
                long nextId = contents.ids().getOrDefault(name, 1L);
                FileCollection loaded = new FileCollection(nextId, collection.getValue());
                records += loaded.records().size();
                ModelDefinition model = definitions.get(name);
                if (model != null) {
                    stores.put(name, loaded.toStore(name, model, json, file));
                } else {
                    unclaimed.put(name, loaded);
                }
                order.add(name);
            }
            for (Map.Entry<String, Long> ids : contents.ids().entrySet()) {
                if (!contents.models().containsKey(ids.getKey())) {
                    unclaimed.put(ids.getKey(), new FileCollection(ids.getValue(), Map.of()));
                    order.add(ids.getKey());
                }
            }
        }
        LOG.info("Loaded {} records in {} collections from {}", records, contents.models().size(), file.path());
    }

    /** Writes every collection to the file; called by {@link GroupCommit}, one at a time. */
    private void flush() throws IOException {
        List<MemoryFile.Collection> collections = new ArrayList<>();
        for (String name : order) {
            ModelStore store = stores.get(name);
            if (store != null) {
                List<StoredRecord> records;
                long nextId;
                store.lock.readLock().lock();
                try {
                    records = new ArrayList<>(store.records.values());
                    nextId = store.nextId;
                } finally {
                    store.lock.readLock().unlock();
                }
                List<Map.Entry<String, String>> entries = new ArrayList<>(records.size());
                for (StoredRecord record : records) {
                    entries.add(Map.entry(record.key.text(), record.json(json::write)));
                }
                collections.add(new MemoryFile.Collection(name, nextId, entries));
            } else {
                FileCollection loaded = unclaimed.get(name);
                if (loaded != null) {
                    collections.add(new MemoryFile.Collection(name, loaded.nextId(),
                            new ArrayList<>(loaded.records().entrySet())));
                }
            }
        }
        file.write(MemoryFile.render(collections));
        LOG.debug("Wrote {} collections to {}", collections.size(), file.path());
    }

    /** The collection a model's records go to: its {@code memory.collection} setting, else its name. */
    private static String collectionName(ModelDefinition model) {
        if (model.settings() != null) {
            JsonNode collection = model.settings().path("memory").path("collection");
            if (collection.isTextual() && !collection.textValue().isEmpty()) {
                return collection.textValue();
            }
        }
        return model.name();
    }
}
