package dev.backloop.storage.s3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backloop.storage.LocalServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * S3Proxy, a real S3-compatible server (from Maven Central, copied into target/ by the build), run as a
 * separate JVM on 127.0.0.1 with its in-memory blob store, so its own Jetty and SDKs never meet ours.
 */
final class S3ProxyServer implements AutoCloseable {
    static final String IDENTITY = "test-key-id";
    static final String CREDENTIAL = "test-secret-key";
    private final LocalServerProcess process;
    final String endpoint;

    private S3ProxyServer(LocalServerProcess process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static S3ProxyServer start(Path dir) throws IOException, InterruptedException {
        String jar = System.getProperty("s3proxy.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
                "S3Proxy's jar is missing (the build copies it to target/s3proxy; run the tests through Maven)");
        int port = LocalServerProcess.freePort();
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder s3proxy = new ProcessBuilder(java, "-Xmx384m", "-jar", jar, "--properties", properties.toString());
        return new S3ProxyServer(LocalServerProcess.start("S3Proxy", s3proxy, port, dir.resolve("s3proxy.log"),
                Duration.ofSeconds(90)), endpoint);
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
