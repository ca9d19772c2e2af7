package dev.backloop.storage;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The containers and files of one storage datasource, as a provider keeps them.
 *
 * <p>Container and file names reaching it are already checked to be one plain path segment (no
 * separator, no leading dot, no control character, at most 255 bytes): the connector wraps every
 * provider's service in that check. A provider still keeps every key under its root, and may refuse a
 * name its backend cannot hold (an S3 bucket name, say) with the backend's 400.
 *
 * <p>Errors are {@code dev.backloop.error.HttpError}s with LoopBack 3's statuses: 404 for an unknown
 * container or file, 409 for a container that exists. Metadata maps are LoopBack 3's shapes: at least
 * {@code name} for a container; {@code container}, {@code name} and {@code size} for a file, plus what
 * the backend knows ({@code mtime}, {@code etag}...).
 *
 * <p>Uploads stream: {@link #upload} returns a {@link PendingFile} that is written a buffer at a time and
 * becomes visible only on {@link PendingFile#commit()}; an aborted one leaves nothing visible and
 * replaces nothing.
 */
public interface StorageService {

    /** Connects, or creates the root; called once at boot. */
    default void start() {
    }

    /** Releases the backend's client (connections, threads); called once when the app closes. */
    default void close() {
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

    /** Size and modification time of an existing file, for download headers; 404 when absent. */
    FileStat stat(String container, String file);

    /** The bytes of an existing file from {@code offset} on, streamed; the caller closes the stream. */
    InputStream download(String container, String file, long offset);

    /**
     * A new file of an existing container, invisible until {@link PendingFile#commit()}; 404 when the
     * container is absent (now or at commit).
     *
     * @param contentType the file's media type as the client sent it, for backends that keep it
     */
    PendingFile upload(String container, String file, String contentType);

    /** What a download needs to know of a file. */
    record FileStat(long size, Instant lastModified) {
    }
}
