package dev.backloop.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/** A file written to a hidden {@code .<uuid>.part} file beside its target and renamed on commit. */
final class FileSystemPendingFile implements PendingFile {
    private static final Pattern TEMP_NAME = Pattern.compile("\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.part");
    private final Path temp;
    private final Path target;
    private final FileChannel channel;
    private boolean committed;

    FileSystemPendingFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling("." + UUID.randomUUID() + ".part");
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** Deletes the temporary files of a container folder; returns how many there were. */
    static int removeLeftovers(Path dir) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, p -> TEMP_NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path temp : temps) {
                if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(temp)) {
                    removed++;
                }
            }
        }
        return removed;
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
