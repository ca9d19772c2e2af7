package dev.backloop.storage;

import dev.backloop.spi.DataSourceSettings;

/** The {@code filesystem} provider: containers are folders under the datasource's {@code root}. */
public final class FileSystemProvider implements StorageProvider {

    @Override
    public String name() {
        return "filesystem";
    }

    @Override
    public StorageService create(DataSourceSettings settings) {
        return new FileSystemStore(settings.path("root").orElseThrow(() -> new IllegalArgumentException("Datasource \""
                + settings.name() + "\": the filesystem storage provider needs a \"root\" folder")));
    }
}
