package dev.backloop.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A {@link PendingFile} sent to an object store in chunks (S3 parts, Azure blocks): written bytes fill one
 * chunk-sized buffer and each full buffer is {@linkplain #send sent}, so the heap holds one chunk whatever
 * the file's size; {@link #close()} sends what is left. Subclasses say how a chunk is sent and how the
 * file is committed or aborted.
 */
public abstract class ChunkedPendingFile implements PendingFile {
    private final int chunkSize;
    private ByteBuffer buffer;
    private boolean closed;
    private int sent;

    /** @param chunkSize the bytes of every chunk but the last */
    protected ChunkedPendingFile(int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunkSize must be positive, not " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }

    /**
     * Sends one chunk: its bytes are {@code chunk}'s from position 0 to its limit, in its backing array,
     * read in place (no copy); the buffer is reused once this returns.
     *
     * @param number the chunk's number, from 1
     */
    protected abstract void send(ByteBuffer chunk, int number) throws IOException;

    /**
     * Whether an empty file still sends one (empty) chunk at {@link #close()}: an S3 multipart upload needs
     * a part, an Azure block list may be empty.
     */
    protected boolean sendsEmptyChunk() {
        return false;
    }

    @Override
    public final void write(ByteBuffer bytes) throws IOException {
        if (closed) {
            throw new IOException("The file is closed");
        }
        while (bytes.hasRemaining()) {
            if (buffer == null) {
                buffer = ByteBuffer.allocate(chunkSize);
            }
            int n = Math.min(bytes.remaining(), buffer.remaining());
            buffer.put(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            if (!buffer.hasRemaining()) {
                sendBuffered();
            }
        }
    }

    /** Sends what is buffered as the last chunk, so no buffer is held until commit. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (buffered() > 0 || sent == 0 && sendsEmptyChunk()) {
            sendBuffered();
        }
        buffer = null;
    }

    /** Forgets the buffer and refuses further writes; for {@link #abort()} and single-request commits. */
    protected final void discard() {
        closed = true;
        buffer = null;
    }

    /** Whether {@link #close()} (or {@link #discard()}) was called. */
    protected final boolean isClosed() {
        return closed;
    }

    /** How many chunks were sent. */
    protected final int chunksSent() {
        return sent;
    }

    /** The bytes written and not sent yet, flipped for reading (empty when none); valid until the next write. */
    protected final ByteBuffer pending() {
        return buffer == null ? ByteBuffer.allocate(0) : buffer.duplicate().flip();
    }

    private int buffered() {
        return buffer == null ? 0 : buffer.position();
    }

    private void sendBuffered() throws IOException {
        ByteBuffer chunk = pending();
        send(chunk, ++sent);
        if (buffer != null) {
            buffer.clear();
        }
    }
}
