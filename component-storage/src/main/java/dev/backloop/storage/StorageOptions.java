package dev.backloop.storage;

import dev.backloop.spi.DataSourceSettings;
import java.util.List;
import java.util.Locale;

/**
 * The settings of a storage datasource, as LoopBack 3 names them.
 *
 * @param provider            the backend's name ({@code "filesystem"}, the default)
 * @param maxFileSize         the largest file an upload may store, in bytes; {@code -1} for no limit
 * @param allowedContentTypes the content types an uploaded file may have; empty for any
 * @param makeUnique          {@code nameConflict: "makeUnique"}: uploaded files get a fresh UUID name
 */
public record StorageOptions(String provider, long maxFileSize, List<String> allowedContentTypes, boolean makeUnique) {

    public StorageOptions {
        allowedContentTypes = List.copyOf(allowedContentTypes);
    }

    /** Reads the settings every provider shares; the provider reads its own (root, keys...). */
    public static StorageOptions of(DataSourceSettings settings) {
        String provider = settings.string("provider").orElse("filesystem").toLowerCase(Locale.ROOT);
        List<String> types = settings.get("allowedContentTypes")
                .map(v -> v instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(v)))
                .orElse(List.of());
        boolean makeUnique = settings.string("nameConflict").map("makeUnique"::equals).orElse(false);
        return new StorageOptions(provider, settings.number("maxFileSize").orElse(-1L), types, makeUnique);
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
