package dev.backloop.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/** A file being uploaded: written in pieces, then committed (it appears under its name) or aborted. */
public interface PendingFile {

    /** Writes all of {@code bytes}. */
    void write(ByteBuffer bytes) throws IOException;

    /** Finishes writing; the file is still invisible until {@link #commit()}. */
    void close() throws IOException;

    /** Makes the file visible under its name, replacing a file of that name. */
    void commit() throws IOException;

    /** Discards what was written; safe to call more than once, and after {@link #commit()} it does nothing. */
    void abort();
}
