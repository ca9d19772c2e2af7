package dev.backloop.http;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Copies an app directory fixture to a temporary folder and boots it. */
final class TestApps {
    private TestApps() {
    }

    /** The fixture folder {@code apps/NAME} of the test resources, copied below {@code target}. */
    static Path copy(String name, Path into) {
        try {
            Path source = Path.of(TestApps.class.getResource("/apps/" + name).toURI());
            Path target = into.resolve(name);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(file, destination);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Boots an app directory in the "test" environment with the given environment variables. */
    static App boot(Path appDir, Map<String, String> environment) {
        return AppBooter.boot(appDir, "test", environment);
    }
}
