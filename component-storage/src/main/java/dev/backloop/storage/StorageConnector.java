package dev.backloop.storage;

import dev.backloop.filter.Filter;
import dev.backloop.filter.Where;
import dev.backloop.model.ModelDefinition;
import dev.backloop.remoting.SharedClass;
import dev.backloop.spi.Connector;
import dev.backloop.spi.RemoteMethodsProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A storage datasource: containers and files, not records. Models attached to it get the storage
 * routes ({@link RemoteMethodsProvider}); the CRUD operations of {@link Connector} are unsupported.
 * From Java, {@link #store()} gives the container operations and {@link #downloadStream} /
 * {@link #uploadStream} stream one file.
 */
public final class StorageConnector implements Connector, RemoteMethodsProvider {
    private final StorageOptions options;
    private final StorageService store;
    private volatile FilenameHook filenameHook;

    public StorageConnector(StorageOptions options, StorageService store) {
        this.options = options;
        this.store = new NameCheckedStore(store);
    }

    public StorageOptions options() {
        return options;
    }

    /** The containers and files, as the provider keeps them; names are checked (400) before it sees them. */
    public StorageService store() {
        return store;
    }

    @Override
    public void start() {
        store.start();
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void addRemoteMethods(SharedClass sharedClass) {
        StorageMethods.addTo(sharedClass, this);
    }

    /** Sets LoopBack's {@code getFilename} hook for uploads; {@code null} removes it. */
    public void getFilename(FilenameHook hook) {
        this.filenameHook = hook;
    }

    FilenameHook filenameHook() {
        return filenameHook;
    }

    /** LoopBack's {@code downloadStream}: the bytes of an existing file (404 when absent). */
    public InputStream downloadStream(String container, String file) {
        return store.download(container, file, 0);
    }

    /**
     * LoopBack's {@code uploadStream}: a stream whose bytes become the file when it is closed; until
     * then the file is invisible (a hidden temporary file, an S3 multipart upload, uncommitted Azure
     * blocks). Its content type is guessed from the name.
     */
    public OutputStream uploadStream(String container, String file) {
        return new PendingFileOutput(store.upload(container, file, ContentTypes.guess(file)));
    }

    private static UnsupportedOperationException notRecords() {
        return new UnsupportedOperationException("A storage datasource holds containers and files, not records");
    }

    @Override
    public Map<String, Object> create(ModelDefinition model, Map<String, Object> data) {
        throw notRecords();
    }

    @Override
    public List<Map<String, Object>> find(ModelDefinition model, Filter filter) {
        throw notRecords();
    }

    @Override
    public long count(ModelDefinition model, Where where) {
        throw notRecords();
    }

    @Override
    public long update(ModelDefinition model, Where where, Map<String, Object> changes) {
        throw notRecords();
    }

    @Override
    public long delete(ModelDefinition model, Where where) {
        throw notRecords();
    }

    @Override
    public Optional<Map<String, Object>> replaceById(ModelDefinition model, Object id, Map<String, Object> data) {
        throw notRecords();
    }

    @Override
    public Optional<Map<String, Object>> patchById(ModelDefinition model, Object id, Map<String, Object> changes) {
        throw notRecords();
    }
}
