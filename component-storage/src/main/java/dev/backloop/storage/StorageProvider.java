package dev.backloop.storage;

import dev.backloop.spi.DataSourceSettings;

/**
 * A storage backend named by a datasource's {@code provider} setting ({@code "filesystem"}). Found with
 * {@link java.util.ServiceLoader}: a provider jar lists its class in
 * {@code META-INF/services/dev.backloop.storage.StorageProvider}, so an SDK is needed only by the
 * provider that uses it.
 */
public interface StorageProvider {

    /** The {@code provider} value this backend answers to. */
    String name();

    /** Creates the service of one datasource; must do no I/O (that happens in {@link StorageService#start()}). */
    StorageService create(DataSourceSettings settings);
}
