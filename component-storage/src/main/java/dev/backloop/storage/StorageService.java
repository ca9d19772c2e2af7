package dev.backloop.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The containers and files of one storage datasource, as a provider keeps them. Container and file
 * names reaching it are already checked to be plain names ({@code StorageNames}); a provider still keeps
 * every key under its root. Unknown containers and files are {@code HttpError} 404s. Metadata maps are
 * LoopBack 3's shapes ({@code name}, {@code size}, ... and {@code container} for files).
 */
public interface StorageService {

    /** Connects, or creates the root; called once at boot. */
    default void start() {
    }

    List<Map<String, Object>> getContainers();

    Map<String, Object> getContainer(String container);

    /** Creates a container; 409 when it exists. */
    Map<String, Object> createContainer(String container);

    /** Deletes a container with its files. */
    void destroyContainer(String container);

    List<Map<String, Object>> getFiles(String container);

    Map<String, Object> getFile(String container, String file);

    void removeFile(String container, String file);

    /** Size and modification time of an existing file, for download headers. */
    FileStat stat(String container, String file);

    /** The bytes of an existing file from {@code offset} on. */
    InputStream download(String container, String file, long offset);

    /** A new file of an existing container, invisible until {@link PendingFile#commit()}. */
    PendingFile upload(String container, String file);

    /** What a download needs to know of a file. */
    record FileStat(long size, Instant lastModified) {
    }
}
