package dev.backloop.storage.s3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * S3Proxy, a real S3-compatible server (from Maven Central, copied into target/ by the build), run as a
 * separate JVM on 127.0.0.1 with its in-memory blob store, so its own Jetty and SDKs never meet ours.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String IDENTITY = "test-key-id";
    static final String CREDENTIAL = "test-secret-key";
    private final Process process;
    final String endpoint;

    private S3ProxyServer(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        String jar = System.getProperty("s3proxy.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
                "S3Proxy's jar is missing (the build copies it to target/s3proxy; run the tests through Maven)");
        int port = freePort();
        String endpoint = "http://127.0.0.1:" + port;
        Path properties = dir.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=" + endpoint,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + IDENTITY,
                "s3proxy.credential=" + CREDENTIAL,
                "jclouds.provider=transient-nio2",
                "jclouds.identity=unused",
                "jclouds.credential=unused"));
        Path log = dir.resolve("s3proxy.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx384m", "-jar", jar, "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, endpoint);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!accepts(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("S3Proxy did not start; its log:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return server;
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
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
