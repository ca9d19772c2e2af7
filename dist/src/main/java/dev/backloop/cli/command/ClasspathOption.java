package dev.backloop.cli.command;

import dev.backloop.cli.CliError;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --classpath}: the app's own Java code (customizers, connectors, mixins, components) for the
 * commands that boot it. Boot finds providers through the thread's context class loader, so the entries
 * are put in one for the time of the command.
 */
public final class ClasspathOption {
    @Option(names = "--classpath", paramLabel = "PATHS", split = "${sys:path.separator}",
            description = "Jars and class folders holding the app's Java code (its ModelCustomizers, connectors, "
                    + "mixins), separated by the path separator.")
    List<Path> entries = new ArrayList<>();

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Makes the entries visible to boot until the returned handle is closed. */
    Scope open() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (entries.isEmpty()) {
            return () -> { };
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw CliError.usage("--classpath: " + entry + " does not exist");
            }
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw CliError.usage("--classpath: " + entry + ": " + e.getMessage());
            }
        }
        thread.setContextClassLoader(new URLClassLoader(urls.toArray(URL[]::new), previous));
        return () -> thread.setContextClassLoader(previous);
    }

    /** The class loader's lifetime; closing restores the previous one. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
