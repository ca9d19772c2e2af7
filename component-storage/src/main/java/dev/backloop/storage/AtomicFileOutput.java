package dev.backloop.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Writes to a hidden temporary file beside the target and renames it to the target on close. */
final class AtomicFileOutput extends FilterOutputStream {
    private final Path temp;
    private final Path target;
    private boolean closed;

    private AtomicFileOutput(OutputStream out, Path temp, Path target) {
        super(out);
        this.temp = temp;
        this.target = target;
    }

    static AtomicFileOutput create(Path target) {
        Path temp = target.resolveSibling("." + UUID.randomUUID() + ".part");
        try {
            return new AtomicFileOutput(Files.newOutputStream(temp), temp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
