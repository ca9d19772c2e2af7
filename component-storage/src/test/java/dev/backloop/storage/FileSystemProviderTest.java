package dev.backloop.storage;

import static dev.backloop.storage.StorageApp.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The provider contract on the filesystem provider, and its cleanup of crashed uploads. */
class FileSystemProviderTest extends StorageProviderContract {

    @Override
    protected String settings() throws Exception {
        return "\"provider\": \"filesystem\", \"root\": " + JSON.writeValueAsString(temp.resolve("root").toString());
    }

    @Test
    void theTemporaryFilesOfUploadsACrashInterruptedAreRemovedAtBoot() throws Exception {
        Path container = Files.createDirectories(temp.resolve("root/crashed"));
        Path leftover = Files.writeString(container.resolve("." + UUID.randomUUID() + ".part"), "half an upload");
        Path kept = Files.writeString(container.resolve("kept.txt"), "a file");
        Path otherHidden = Files.writeString(container.resolve(".keepme"), "not ours");
        try (StorageApp booted = boot("")) {
            assertThat(leftover).doesNotExist();
            assertThat(kept).exists();
            assertThat(otherHidden).exists();
            assertThat(StorageApp.json(booted.send("GET", "/api/containers/crashed/files", null)).findValuesAsText("name"))
                    .containsExactly("kept.txt");
        }
    }
}
