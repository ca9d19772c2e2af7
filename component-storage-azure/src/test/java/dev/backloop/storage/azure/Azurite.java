package dev.backloop.storage.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backloop.storage.LocalServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Azurite, Microsoft's Azure Storage emulator (npm package {@code azurite}, installed by
 * {@code .ci/azurite.sh} into src/test/azurite), run by node on 127.0.0.1 with in-memory storage and no
 * telemetry, stopped with the tests.
 */
final class Azurite implements AutoCloseable {
    /** Azurite's well-known development account. */
    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private final LocalServerProcess process;
    final String endpoint;

    private Azurite(LocalServerProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=" + endpoint + ";";
    }

    static Azurite start(Path workspace) throws IOException, InterruptedException {
        Path main = Path.of(System.getProperty("azurite.dir", "src/test/azurite"),
                "node_modules/azurite/dist/src/blob/main.js");
        assumeTrue(Files.isRegularFile(main), "Azurite is not installed: run .ci/azurite.sh (npm ci in "
                + "component-storage-azure/src/test/azurite); CI's .ci/run does");
        int port = LocalServerProcess.freePort();
        ProcessBuilder node = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                String.valueOf(port), "--inMemoryPersistence", "--skipApiVersionCheck",
                "--disableTelemetry", "--disableProductStyleUrl", "--silent").directory(workspace.toFile());
        return new Azurite(LocalServerProcess.start("Azurite", node, port, workspace.resolve("azurite.log"),
                Duration.ofSeconds(60)), "http://127.0.0.1:" + port + "/" + ACCOUNT);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
