package dev.backloop.explorer.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the explorer's UI: the app's {@code uiDirs} first (so an app can restyle or replace any file),
 * then the files the explorer generates ({@code swagger-initializer.js}), then Swagger UI from its webjar.
 */
public final class UiFiles {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final List<Path> uiDirs;
    private final Map<String, byte[]> generated;
    private final String webjarRoot;
    private final ClassLoader classLoader;

    /** A file found: its bytes and media type. */
    public record UiFile(byte[] content, String mediaType) {
    }

    /**
     * @param uiDirs    directories searched first; missing ones are skipped
     * @param generated files the explorer writes itself, by relative name
     */
    public UiFiles(List<Path> uiDirs, Map<String, byte[]> generated) {
        this.uiDirs = realDirectories(uiDirs);
        this.generated = Map.copyOf(generated);
        this.classLoader = UiFiles.class.getClassLoader();
        this.webjarRoot = WEBJAR + webjarVersion(classLoader) + "/";
    }

    /** The file at a relative path, if there is one. */
    public Optional<UiFile> find(RelativePath path) {
        String mediaType = MediaTypes.of(path.fileName());
        for (Path dir : uiDirs) {
            Path file = dir.resolve(path.toString()).normalize();
            try {
                // the real path must stay inside the directory: a symbolic link may point anywhere
                if (Files.isRegularFile(file) && file.toRealPath().startsWith(dir)) {
                    return Optional.of(new UiFile(Files.readAllBytes(file), mediaType));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        byte[] own = generated.get(path.toString());
        if (own != null) {
            return Optional.of(new UiFile(own, mediaType));
        }
        try (InputStream in = classLoader.getResourceAsStream(webjarRoot + path)) {
            return in == null ? Optional.empty() : Optional.of(new UiFile(in.readAllBytes(), mediaType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> realDirectories(List<Path> dirs) {
        List<Path> real = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                if (Files.isDirectory(dir)) {
                    real.add(dir.toRealPath());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(real);
    }

    /** The webjar's version, which is also its folder name. */
    private static String webjarVersion(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI is not on the classpath (" + WEBJAR_POM + " is missing)");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
