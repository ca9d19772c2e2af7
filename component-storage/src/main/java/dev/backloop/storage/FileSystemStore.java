package dev.backloop.storage;

import dev.backloop.error.HttpError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code filesystem} provider: a container is a folder under the root, a file a regular file in it.
 * Metadata is shaped as LoopBack 3's filesystem provider shapes it ({@code name}, {@code size},
 * {@code atime}, {@code mtime}, {@code ctime}, and {@code container} for files). Names starting with a
 * dot are never served, so in-progress uploads ({@code .name.part}) stay invisible.
 */
public final class FileSystemStore implements StorageService {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemStore.class);
    private final Path root;

    public FileSystemStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Creates the root when missing, and deletes the hidden temporary files of uploads that a crash left
     * behind: a root belongs to one server, so at boot no upload of it is in progress.
     */
    @Override
    public void start() {
        try {
            Files.createDirectories(root);
            int removed = 0;
            for (Path dir : list(root)) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    removed += FileSystemPendingFile.removeLeftovers(dir);
                }
            }
            if (removed > 0) {
                LOG.info("Removed {} unfinished upload(s) left in the storage root {}", removed, root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the storage root " + root, e);
        }
    }

    @Override
    public List<Map<String, Object>> getContainers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Path dir : list(root)) {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                containers.add(stat(dir, null));
            }
        }
        return containers;
    }

    @Override
    public Map<String, Object> getContainer(String name) {
        return stat(container(name), null);
    }

    @Override
    public Map<String, Object> createContainer(String name) {
        Path dir = StorageNames.resolve(root, "container", name);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new HttpError(409, "Error", "Container \"" + name + "\" already exists", "CONTAINER_EXISTS", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stat(dir, null);
    }

    @Override
    public void destroyContainer(String name) {
        Path dir = container(name);
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Map<String, Object>> getFiles(String container) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Path file : list(container(container))) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(stat(file, container));
            }
        }
        return files;
    }

    @Override
    public Map<String, Object> getFile(String container, String name) {
        return stat(file(container, name), container);
    }

    @Override
    public void removeFile(String container, String name) {
        try {
            Files.delete(file(container, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public FileStat stat(String container, String name) {
        Path file = file(container, name);
        try {
            return new FileStat(Files.size(file), Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream download(String container, String name, long offset) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(file(container, name));
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public PendingFile upload(String container, String name, String contentType) {
        try {
            return new FileSystemPendingFile(StorageNames.resolve(container(container), "file", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder of an existing container; 400 for a hostile name, 404 when absent. */
    Path container(String name) {
        Path dir = StorageNames.resolve(root, "container", name);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new HttpError(404, "Error", "Container \"" + name + "\" not found", "CONTAINER_NOT_FOUND", null);
        }
        return dir;
    }

    /** An existing file; 400 for a hostile name, 404 when it or its container is absent. */
    Path file(String container, String name) {
        Path dir = container(container);
        Path file = StorageNames.resolve(dir, "file", name);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new HttpError(404, "Error", "File \"" + name + "\" not found in container \"" + container + "\"",
                    "FILE_NOT_FOUND", null);
        }
        return file;
    }

    private static List<Path> list(Path dir) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().startsWith("."))) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }

    private static Map<String, Object> stat(Path path, String container) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> info = new LinkedHashMap<>();
            if (container != null) {
                info.put("container", container);
            }
            info.put("name", path.getFileName().toString());
            info.put("size", a.size());
            info.put("atime", a.lastAccessTime().toInstant().toString());
            info.put("mtime", a.lastModifiedTime().toInstant().toString());
            info.put("ctime", a.creationTime().toInstant().toString());
            return info;
        } catch (NoSuchFileException e) {
            throw new HttpError(404, "Error", "\"" + path.getFileName() + "\" not found", "NOT_FOUND", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
