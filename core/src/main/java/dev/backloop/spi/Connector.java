package dev.backloop.spi;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.model.PropertyType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a datasource's data lives. The platform has already validated and coerced everything a connector
 * receives: records are maps of JSON-like values (String, Long/Double, Boolean, {@link java.time.Instant}
 * for dates, List, Map), filters are typed trees with values coerced to the properties' types.
 *
 * <p>Records returned must be fresh maps the caller may modify. Methods are called concurrently from
 * many request threads.
 *
 * <pre>{@code
 * List<Map<String, Object>> books = connector.find(book, Filter.where(Where.eq("author", "Le Guin")));
 * }</pre>
 */
public interface Connector extends AutoCloseable {

    /** Connects or loads; called once, after every model is {@linkplain #define defined}. */
    default void start() {
    }

    /**
     * Tells the connector its app now serves the REST API at {@code restApiUrl} (such as
     * {@code http://127.0.0.1:3000/api}); called each time the app starts listening. The remote connector
     * with no {@code url} points at its own app this way, as LoopBack 3's did.
     */
    default void serving(URI restApiUrl) {
    }

    /** Announces a model attached to this connector's datasource, before {@link #start()}. */
    default void define(ModelDefinition model) {
    }

    /** What this connector can do beyond the required methods. */
    default Set<ConnectorCapability> capabilities() {
        return Set.of();
    }

    /**
     * The type of ids this connector generates: LoopBack's {@code getDefaultIdType()}. When a model is
     * attached, its generated id property takes this type (see {@link GeneratedIds#typed}); MongoDB says
     * {@link PropertyType#STRING} because its ObjectIds travel as 24-digit hex strings.
     */
    default PropertyType generatedIdType() {
        return PropertyType.NUMBER;
    }

    /**
     * LoopBack's {@code autoupdate}: brings the backend's schema (collections, indexes) in line with the
     * model without losing data. The default does nothing, for backends without a schema.
     */
    default void autoupdate(ModelDefinition model) {
    }

    /**
     * LoopBack's {@code automigrate}: recreates the model's storage from its definition; <b>every record of
     * the model is deleted</b>. The default deletes all records, then calls {@link #autoupdate}.
     */
    default void automigrate(ModelDefinition model) {
        delete(model, Where.ALL);
        autoupdate(model);
    }

    /**
     * Stores a new record. When the record has no id, the connector generates one.
     *
     * @return the record as stored, with its id
     * @throws DuplicateIdException when a record with the same id exists
     */
    Map<String, Object> create(ModelDefinition model, Map<String, Object> data);

    /** The records matching the filter's where, ordered, paged and projected as it says. */
    List<Map<String, Object>> find(ModelDefinition model, Filter filter);

    /** How many records match. */
    long count(ModelDefinition model, Where where);

    /**
     * Sets the given properties on every matching record (a patch; other properties are kept).
     *
     * @return how many records were updated
     */
    long update(ModelDefinition model, Where where, Map<String, Object> changes);

    /** Deletes every matching record; returns how many. */
    long delete(ModelDefinition model, Where where);

    /**
     * Replaces the record with this id by {@code data} (properties absent from {@code data} are removed).
     *
     * @return the record as stored, or empty when no record has this id
     */
    Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data);

    /**
     * Patches the record with this id.
     *
     * @return the whole record after the patch, or empty when no record has this id
     */
    Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes);

    /**
     * Replaces the record with the id in {@code data}, or creates it. Connectors that can do this atomically
     * override it and declare {@link ConnectorCapability#ATOMIC_UPSERT}.
     */
    default Map<String, Object> replaceOrCreate(ModelDefinition model, Map<String, Object> data) {
        Object id = data.get(model.idName());
        if (id != null) {
            Optional<Map<String, Object>> replaced = replaceById(model, id, data);
            if (replaced.isPresent()) {
                return replaced.get();
            }
        }
        return create(model, data);
    }

    /** Patches the record with the id in {@code data}, or creates it; see {@link #replaceOrCreate}. */
    default Map<String, Object> patchOrCreate(ModelDefinition model, Map<String, Object> data) {
        Object id = data.get(model.idName());
        if (id != null) {
            Optional<Map<String, Object>> patched = patchById(model, id, data);
            if (patched.isPresent()) {
                return patched.get();
            }
        }
        return create(model, data);
    }

    /** Releases resources and flushes pending writes; the connector is not used afterwards. */
    @Override
    default void close() {
    }
}
