package dev.backloop.storage;

import dev.backloop.spi.DataSourceSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The settings of a storage datasource, as LoopBack 3 names them.
 *
 * @param root                the folder holding one sub-folder per container
 * @param maxFileSize         the largest file an upload may store, in bytes; {@code -1} for no limit
 * @param allowedContentTypes the content types an uploaded file may have; empty for any
 * @param makeUnique          {@code nameConflict: "makeUnique"}: uploaded files get a fresh UUID name
 */
public record StorageOptions(Path root, long maxFileSize, List<String> allowedContentTypes, boolean makeUnique) {

    public StorageOptions {
        root = root.toAbsolutePath().normalize();
        allowedContentTypes = List.copyOf(allowedContentTypes);
    }

    /** Reads the datasource settings; fails with a clear message for a missing root or another provider. */
    public static StorageOptions of(DataSourceSettings settings) {
        String provider = settings.string("provider").orElse("filesystem").toLowerCase(Locale.ROOT);
        if (!provider.equals("filesystem")) {
            throw new IllegalArgumentException("Datasource \"" + settings.name() + "\": storage provider \""
                    + provider + "\" is not yet supported (available: filesystem)");
        }
        Path root = settings.path("root").orElseThrow(() -> new IllegalArgumentException("Datasource \""
                + settings.name() + "\": the filesystem storage provider needs a \"root\" folder"));
        List<String> types = settings.get("allowedContentTypes")
                .map(v -> v instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(v)))
                .orElse(List.of());
        boolean makeUnique = settings.string("nameConflict").map("makeUnique"::equals).orElse(false);
        return new StorageOptions(root, settings.number("maxFileSize").orElse(-1L), types, makeUnique);
    }

    /** Whether an uploaded file of this content type may be stored. */
    boolean allows(String contentType) {
        if (allowedContentTypes.isEmpty()) {
            return true;
        }
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return allowedContentTypes.stream().anyMatch(t -> t.equalsIgnoreCase(bare));
    }
}
