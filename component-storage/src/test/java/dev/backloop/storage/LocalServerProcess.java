package dev.backloop.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real server the provider tests run as a child process on 127.0.0.1 (S3Proxy, Azurite): started with its
 * output in a log file, awaited until its port accepts connections, stopped with the tests.
 */
public final class LocalServerProcess implements AutoCloseable {
    private final Process process;

    private LocalServerProcess(Process process) {
        this.process = process;
    }

    /** A port nothing listens on now, for the server to take. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts {@code command} and waits until {@code port} accepts connections.
     *
     * @throws IllegalStateException with the server's log when it exits or does not listen in time
     */
    public static LocalServerProcess start(String name, ProcessBuilder command, int port, Path log, Duration patience)
            throws IOException, InterruptedException {
        LocalServerProcess server = new LocalServerProcess(command.redirectErrorStream(true)
                .redirectOutput(log.toFile()).start());
        long deadline = System.nanoTime() + patience.toNanos();
        while (!accepts(port)) {
            if (!server.process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException(name + " did not start; its output:\n" + Files.readString(log));
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
}
