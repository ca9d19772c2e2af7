package dev.backloop.storage.azure;

import com.azure.storage.blob.models.PublicAccessType;
import dev.backloop.spi.DataSourceSettings;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings of an {@code azure} storage datasource: LoopBack 3's {@code storageAccount} and
 * {@code storageAccessKey} (with {@code endpoint} to reach another host, such as Azurite), or a
 * {@code connectionString}; {@code acl}, the public access of the containers it creates ({@code private},
 * {@code blob} or {@code container}); {@code blockSize}, the bytes buffered per staged block of an upload
 * (8 MB by default).
 */
record AzureSettings(Optional<String> connectionString, Optional<String> account, Optional<String> accessKey,
        Optional<String> endpoint, PublicAccessType publicAccess, int blockSize) {
    static final int DEFAULT_BLOCK = 8 * 1024 * 1024;
    private static final int MAX_BLOCK = 100 * 1024 * 1024;

    static AzureSettings of(DataSourceSettings settings) {
        Optional<String> connectionString = settings.string("connectionString");
        Optional<String> account = settings.string("storageAccount");
        Optional<String> key = settings.string("storageAccessKey");
        if (connectionString.isEmpty() && (account.isEmpty() || key.isEmpty())) {
            throw new IllegalArgumentException("Datasource \"" + settings.name() + "\": the azure storage provider needs "
                    + "\"storageAccount\" and \"storageAccessKey\", or a \"connectionString\"");
        }
        long blockSize = settings.number("blockSize").orElse((long) DEFAULT_BLOCK);
        if (blockSize < 1 || blockSize > MAX_BLOCK) {
            throw new IllegalArgumentException("Datasource \"" + settings.name() + "\": \"blockSize\" must be between 1 and "
                    + MAX_BLOCK + " bytes");
        }
        return new AzureSettings(connectionString, account, key, settings.string("endpoint"),
                publicAccess(settings.name(), settings.string("acl").orElse("private")), (int) blockSize);
    }

    private static PublicAccessType publicAccess(String datasource, String acl) {
        return switch (acl.toLowerCase(Locale.ROOT)) {
            case "private" -> null;
            case "blob", "public-read" -> PublicAccessType.BLOB;
            case "container" -> PublicAccessType.CONTAINER;
            default -> throw new IllegalArgumentException("Datasource \"" + datasource + "\": the azure \"acl\" is "
                    + "\"private\", \"blob\" or \"container\", not \"" + acl + "\"");
        };
    }
}
