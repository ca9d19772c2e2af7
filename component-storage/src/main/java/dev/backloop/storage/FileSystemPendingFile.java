package dev.backloop.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** A file written to a hidden {@code .<uuid>.part} file beside its target and renamed on commit. */
final class FileSystemPendingFile implements PendingFile {
    private final Path temp;
    private final Path target;
    private final FileChannel channel;
    private boolean committed;

    FileSystemPendingFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling("." + UUID.randomUUID() + ".part");
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.force(false);
            channel.close();
        }
    }

    @Override
    public void commit() throws IOException {
        close();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
    }

    @Override
    public void abort() {
        if (committed) {
            return;
        }
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more to do: the hidden file is never listed or served
        }
    }
}
