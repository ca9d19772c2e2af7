package dev.backloop.connector.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real LoopBack 3 app of {@code src/test/lb3} ({@code node server.js}) on a free port of 127.0.0.1.
 * It exits when its stdin closes, so it does not outlive the test even if {@link #close} is never called.
 */
final class LoopBack3Peer implements AutoCloseable {
    static final Path APP = Path.of("src", "test", "lb3");
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** A guard against a peer that never starts (npm install broken); not a timing assertion. */
    private static final long START_LIMIT_SECONDS = 60;

    private final Process process;
    private final String url;

    LoopBack3Peer() {
        requireInstalled();
        ProcessBuilder builder = new ProcessBuilder("node", "server.js").directory(APP.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PORT", "0");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run `node` (Node.js 20 is needed for the LoopBack 3 peer test;"
                    + " CI installs the peer with .ci/lb3.sh): " + e.getMessage(), e);
        }
        try {
            url = awaitListening();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The peer's REST root, e.g. {@code http://127.0.0.1:40123/api}. */
    String url() {
        return url;
    }

    static void requireInstalled() {
        if (!Files.isDirectory(APP.resolve("node_modules"))) {
            throw new IllegalStateException("The LoopBack 3 peer app is not installed: run `bash .ci/lb3.sh`"
                    + " (npm ci in connector-remote/src/test/lb3) before the tests");
        }
    }

    private String awaitListening() {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> started = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return m.group(1);
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String found = started.get(START_LIMIT_SECONDS, TimeUnit.SECONDS);
            if (found == null) {
                throw new IllegalStateException("The LoopBack 3 peer (node server.js) exited before listening; see its"
                        + " output above");
            }
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The LoopBack 3 peer (node server.js) did not start listening", e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the process is destroyed below anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
