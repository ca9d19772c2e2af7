package dev.backloop.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** An {@link OutputStream} over a {@link PendingFile}: the file appears under its name on {@link #close()}. */
final class PendingFileOutput extends OutputStream {
    private final PendingFile file;
    private boolean closed;

    PendingFileOutput(PendingFile file) {
        this.file = file;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            file.write(ByteBuffer.wrap(b, off, len));
        } catch (IOException | RuntimeException e) {
            file.abort();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            file.commit();
        } finally {
            file.abort();
        }
    }
}
