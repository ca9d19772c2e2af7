package dev.backloop.connector.mongodb;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.ReturnDocument;
import dev.backloop.error.HttpError;
import dev.backloop.filter.Filter;
import dev.backloop.filter.Order;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import dev.backloop.changes.Change;
import dev.backloop.spi.ChangeSource;
import dev.backloop.spi.Connector;
import dev.backloop.spi.ConnectorCapability;
import dev.backloop.spi.DataSourceSettings;
import dev.backloop.spi.DuplicateIdException;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LoopBack's MongoDB connector on {@code mongodb-driver-sync}. One collection per model; the id lives in
 * {@code _id}; generated ids are ObjectIds, sent to clients as hex strings. Filters are translated to
 * native queries ({@link WhereTranslator}), never passed through.
 *
 * <p>Every write waits for the server's acknowledgement (the connection string's write concern, by default
 * acknowledged by the primary) before it returns, so a write the client saw succeed is on the server. While
 * the server cannot be reached, operations fail with a 503 {@code HttpError}; the driver reconnects on its
 * own.
 *
 * <pre>{@code
 * // datasources.json
 * "mongo": {"connector": "mongodb", "url": "${MONGODB_URL}", "strictObjectIDCoercion": true}
 * }</pre>
 */
public final class MongoConnector implements Connector, ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(MongoConnector.class);
    private static final Set<ConnectorCapability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            ConnectorCapability.NESTED_PROPERTIES, ConnectorCapability.REGEXP, ConnectorCapability.ATOMIC_UPSERT,
            ConnectorCapability.GENERATED_IDS, ConnectorCapability.SCHEMA));

    private final String dataSourceName;
    private final MongoSettings settings;
    private final Map<String, Mapped> models = new ConcurrentHashMap<>();
    private volatile MongoClient client;
    private volatile MongoDatabase database;
    private final List<ChangeStreamWatch> watches = new CopyOnWriteArrayList<>();

    /** A model's mapping with its translators, built once. */
    private record Mapped(ModelMapping mapping, DocumentMapper mapper, WhereTranslator where) {
    }

    /** Reads the settings; connects in {@link #start()}. */
    public MongoConnector(DataSourceSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        this.dataSourceName = settings.name();
        this.settings = MongoSettings.from(settings);
    }

    @Override
    public void define(ModelDefinition model) {
        models.put(model.name(), mapped(model));
    }

    /**
     * Creates the client and, unless {@code lazyConnect}, checks that the server answers.
     *
     * @throws IllegalStateException naming the datasource and the (password-less) url when it does not
     */
    @Override
    public void start() {
        if (client != null) {
            throw new IllegalStateException(this + " is already started");
        }
        ConnectionString connectionString = settings.connectionString();
        client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(connectionString).build());
        database = client.getDatabase(settings.database());
        if (!settings.lazyConnect()) {
            try {
                database.runCommand(new Document("ping", 1));
            } catch (MongoException e) {
                client.close();
                client = null;
                throw new IllegalStateException("Datasource \"" + dataSourceName + "\" cannot connect to MongoDB at "
                        + settings.redactedUrl() + ": " + e.getMessage(), e);
            }
        }
        LOG.info("Datasource '{}' uses MongoDB database '{}' at {}", dataSourceName, settings.database(),
                settings.redactedUrl());
    }

    @Override
    public Set<ConnectorCapability> capabilities() {
        return CAPABILITIES;
    }

    /** ObjectIds, as hex strings. */
    @Override
    public PropertyType generatedIdType() {
        return PropertyType.STRING;
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        Mapped m = model(model);
        Document document = m.mapper().toDocument(data);
        if (!document.containsKey(ModelMapping.ID_FIELD)) {
            // generated here, so the id is known without reading the document back
            Document withId = new Document(ModelMapping.ID_FIELD, new ObjectId());
            withId.putAll(document);
            document = withId;
        }
        Document stored = document;
        run(() -> {
            try {
                return collection(m).insertOne(stored);
            } catch (MongoException e) {
                throw duplicateId(e, model, stored.get(ModelMapping.ID_FIELD));
            }
        });
        return m.mapper().toRecord(stored);
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        Mapped m = model(model);
        Document query = m.where().translate(filter.where());
        Document projection = m.mapper().projection(filter.fields());
        Document sort = filter.order().isEmpty() ? defaultSort() : sort(m.mapping(), filter.order());
        if (filter.skip() < 0 || (filter.limit() != null && filter.limit() < 0)) {
            throw HttpError.badRequest("skip and limit must not be negative");
        }
        return run(() -> {
            FindIterable<Document> cursor = collection(m).find(query);
            if (projection != null) {
                cursor = cursor.projection(projection);
            }
            if (sort != null) {
                cursor = cursor.sort(sort);
            }
            if (filter.skip() > 0) {
                cursor = cursor.skip(filter.skip());
            }
            if (filter.limit() != null && filter.limit() > 0) {
                cursor = cursor.limit(filter.limit());
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (Document document : cursor) {
                records.add(m.mapper().toRecord(document));
            }
            return records;
        });
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        Mapped m = model(model);
        Document query = m.where().translate(where);
        return run(() -> collection(m).countDocuments(query));
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        Mapped m = model(model);
        Document query = m.where().translate(where);
        Document update = UpdateDocument.of(m.mapping(), m.mapper(), changes);
        if (update.isEmpty()) {
            return run(() -> collection(m).countDocuments(query));
        }
        return run(() -> collection(m).updateMany(query, update).getMatchedCount());
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        Mapped m = model(model);
        Document query = m.where().translate(where);
        return run(() -> collection(m).deleteMany(query).getDeletedCount());
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        Mapped m = model(model);
        Document byId = byId(m, id);
        Document replacement = m.mapper().toDocument(withoutId(m, data));
        Document after = run(() -> collection(m).findOneAndReplace(byId, replacement,
                new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER)));
        return Optional.ofNullable(after).map(m.mapper()::toRecord);
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        Mapped m = model(model);
        Document byId = byId(m, id);
        Document update = UpdateDocument.of(m.mapping(), m.mapper(), changes);
        if (update.isEmpty()) {
            return Optional.ofNullable(run(() -> collection(m).find(byId).first())).map(m.mapper()::toRecord);
        }
        Document after = run(() -> collection(m).findOneAndUpdate(byId, update,
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return Optional.ofNullable(after).map(m.mapper()::toRecord);
    }

    /** One atomic upsert by {@code _id}. */
    @Override
    public Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        Mapped m = model(model);
        Object id = data.get(m.mapping().idName());
        if (id == null) {
            return create(model, data);
        }
        Document byId = byId(m, id);
        Document replacement = m.mapper().toDocument(withoutId(m, data));
        return m.mapper().toRecord(upsert(() -> collection(m).findOneAndReplace(byId, replacement,
                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.AFTER))));
    }

    /** One atomic upsert by {@code _id}. */
    @Override
    public Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        Mapped m = model(model);
        Object id = data.get(m.mapping().idName());
        if (id == null) {
            return create(model, data);
        }
        Document byId = byId(m, id);
        Document update = UpdateDocument.of(m.mapping(), m.mapper(), data);
        if (update.isEmpty()) {
            // nothing to set: an empty update is refused by the server
            Optional<Map<String, Object>> existing = patchById(model, id, Map.of());
            return existing.orElseGet(() -> create(model, data));
        }
        Document upsert = update;
        return m.mapper().toRecord(upsert(() -> collection(m).findOneAndUpdate(byId, upsert,
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))));
    }

    /** Creates the model's indexes ({@link IndexDefinitions}); existing data and indexes stay. */
    @Override
    public void autoupdate(ModelDefinition model) {
        Mapped m = model(model);
        List<IndexModel> indexes = IndexDefinitions.of(m.mapping());
        if (!indexes.isEmpty()) {
            run(() -> collection(m).createIndexes(indexes));
        }
    }

    /** Drops the model's collection, then creates its indexes. */
    @Override
    public void automigrate(ModelDefinition model) {
        Mapped m = model(model);
        run(() -> {
            collection(m).drop();
            return null;
        });
        autoupdate(model);
    }

    /** With {@code changeStreams: true}: every model's changes, from every app instance on the database. */
    @Override
    public boolean watches(ModelDefinition model) {
        return settings.changeStreams();
    }

    /**
     * Reads the model's MongoDB change stream (which needs a replica set or a sharded cluster) on a thread
     * of its own; the stream is open when this returns.
     */
    @Override
    public AutoCloseable watch(ModelDefinition model, Consumer<Change> listener) {
        Mapped m = model(model);
        ChangeStreamWatch watch;
        try {
            watch = new ChangeStreamWatch(collection(m), m.mapper(), model.idName(), listener).start();
        } catch (MongoException e) {
            RuntimeException translated = MongoFailures.translate(e, dataSourceName);
            if (translated instanceof HttpError) {
                throw translated;
            }
            throw new HttpError(500, "Error", "Datasource \"" + dataSourceName + "\" has changeStreams on, but MongoDB"
                    + " refused to open a change stream of " + model.name() + " (change streams need a replica set"
                    + " or a sharded cluster): " + e.getMessage(), "CHANGE_STREAMS_UNAVAILABLE", null, e);
        }
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    @Override
    public void close() {
        watches.forEach(ChangeStreamWatch::close);
        watches.clear();
        MongoClient current = client;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "MongoConnector[" + dataSourceName + ", " + settings.redactedUrl() + "]";
    }

    // ---- internals

    private Mapped model(ModelDefinition model) {
        Objects.requireNonNull(model, "model is null");
        Mapped m = models.get(model.name());
        if (m == null || m.mapping().model() != model) {
            // defined late, or a different definition than the one announced: map what we are given
            m = mapped(model);
            models.put(model.name(), m);
        }
        return m;
    }

    private Mapped mapped(ModelDefinition model) {
        ModelMapping mapping = new ModelMapping(model, settings.allowExtendedOperators());
        DocumentMapper mapper = new DocumentMapper(mapping);
        return new Mapped(mapping, mapper, new WhereTranslator(mapping, settings.strictObjectIdCoercion()));
    }

    private MongoCollection<Document> collection(Mapped m) {
        MongoDatabase db = database;
        if (db == null) {
            throw new IllegalStateException(this + " is not started");
        }
        return db.getCollection(m.mapping().collection());
    }

    private Document byId(Mapped m, Object id) {
        Objects.requireNonNull(id, "id is null");
        return new Document(ModelMapping.ID_FIELD, m.mapper().storedValue(m.mapping().idName(), id));
    }

    private static Map<String, Object> withoutId(Mapped m, Map<String, Object> data) {
        if (!data.containsKey(m.mapping().idName())) {
            return data;
        }
        Map<String, Object> copy = new LinkedHashMap<>(data);
        copy.remove(m.mapping().idName());
        return copy;
    }

    private static Document sort(ModelMapping mapping, List<Order> order) {
        Document sort = new Document();
        for (Order key : order) {
            OperatorGuard.checkPath(key.property());
            sort.put(mapping.fieldPath(key.property()), key.direction() == Order.Direction.ASC ? 1 : -1);
        }
        return sort;
    }

    private Document defaultSort() {
        return settings.disableDefaultSort() ? null : new Document(ModelMapping.ID_FIELD, 1);
    }

    /** Two concurrent upserts of one new id can collide on the unique _id index; the retry then updates. */
    private Document upsert(Supplier<Document> operation) {
        try {
            return run(operation);
        } catch (HttpError e) {
            if ("DUPLICATE_KEY".equals(e.code())) {
                return run(operation);
            }
            throw e;
        }
    }

    private RuntimeException duplicateId(MongoException e, ModelDefinition model, Object id) {
        if (MongoFailures.isDuplicateKey(e) && MongoFailures.onId(e)) {
            return new DuplicateIdException(model.name(), model.idName(), BsonValues.fromBson(id));
        }
        return e;
    }

    /** Runs a driver call, turning its failures into what a client should see. */
    private <T> T run(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (MongoException e) {
            throw MongoFailures.translate(e, dataSourceName);
        }
    }
}
