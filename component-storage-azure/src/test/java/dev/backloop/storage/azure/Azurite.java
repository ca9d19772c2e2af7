package dev.backloop.storage.azure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Azurite, Microsoft's Azure Storage emulator (npm package {@code azurite}, installed by
 * {@code .ci/azurite.sh} into src/test/azurite), run by node on 127.0.0.1 with in-memory storage and no
 * telemetry, stopped with the tests.
 */
final class Azurite implements AutoCloseable {
    /** Azurite's well-known development account. */
    static final String ACCOUNT = "devstoreaccount1";
    static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private final Process process;
    final String endpoint;

    private Azurite(Process process, String endpoint) {
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
        int port = freePort();
        Path log = workspace.resolve("azurite.log");
        Process process = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort",
                String.valueOf(port), "--inMemoryPersistence", "--skipApiVersionCheck",
                "--disableTelemetry", "--disableProductStyleUrl", "--silent")
                .directory(workspace.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Azurite azurite = new Azurite(process, "http://127.0.0.1:" + port + "/" + ACCOUNT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                azurite.close();
                throw new IllegalStateException("Azurite did not start; its output:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return azurite;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
