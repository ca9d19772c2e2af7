package dev.backloop.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A provider's service behind the name check: every container and file name is one plain path segment
 * before any provider sees it (400 otherwise), so no provider has to get that right on its own.
 */
final class NameCheckedStore implements StorageService {
    private final StorageService store;

    NameCheckedStore(StorageService store) {
        this.store = store;
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
    public List<Map<String, Object>> getContainers() {
        return store.getContainers();
    }

    @Override
    public Map<String, Object> getContainer(String container) {
        return store.getContainer(container(container));
    }

    @Override
    public Map<String, Object> createContainer(String container) {
        return store.createContainer(container(container));
    }

    @Override
    public void destroyContainer(String container) {
        store.destroyContainer(container(container));
    }

    @Override
    public List<Map<String, Object>> getFiles(String container) {
        return store.getFiles(container(container));
    }

    @Override
    public Map<String, Object> getFile(String container, String file) {
        return store.getFile(container(container), file(file));
    }

    @Override
    public void removeFile(String container, String file) {
        store.removeFile(container(container), file(file));
    }

    @Override
    public FileStat stat(String container, String file) {
        return store.stat(container(container), file(file));
    }

    @Override
    public InputStream download(String container, String file, long offset) {
        return store.download(container(container), file(file), offset);
    }

    @Override
    public PendingFile upload(String container, String file, String contentType) {
        return store.upload(container(container), file(file), contentType);
    }

    private static String container(String name) {
        StorageNames.check("container", name);
        return name;
    }

    private static String file(String name) {
        StorageNames.check("file", name);
        return name;
    }
}
