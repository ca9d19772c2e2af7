package dev.backloop.cli;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.server.BackloopServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar backloop-server.jar APP_DIR [--port N] [--host H]}: boots an app directory and serves it
 * until SIGTERM/SIGINT, then stops gracefully (requests in flight finish, datasources are flushed).
 */
public final class Main {
    private static final String USAGE = "usage: java -jar backloop-server.jar APP_DIR [--port N] [--host HOST]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(System.err, e.getMessage());
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        if (!Files.isDirectory(options.appDir())) {
            fail(System.err, "not a directory: " + options.appDir());
            return;
        }
        App app;
        BackloopServer server;
        try {
            app = AppBooter.boot(options.appDir());
            server = options.port() == null && options.host() == null ? app.listen()
                    : app.listen(options.host() != null ? options.host() : "0.0.0.0",
                            options.port() != null ? options.port() : 3000);
        } catch (RuntimeException e) {
            fail(System.err, "could not start " + options.appDir() + ": " + e.getMessage());
            return;
        }
        System.out.println("Backloop is serving " + options.appDir() + " at " + server.uri() + app.restSettings().restApiRoot());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "backloop-shutdown"));
        stopped.await();
    }

    private static void fail(PrintStream err, String message) {
        err.println("backloop: " + message);
        err.println(USAGE);
        System.exit(2);
    }

    /** The command line, parsed. */
    record Options(Path appDir, Integer port, String host) {
        /** @return null when help was asked for */
        static Options parse(String[] args) {
            Path dir = null;
            Integer port = null;
            String host = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--port", "-p" -> port = parsePort(value(args, ++i, "--port"));
                    case "--host" -> host = value(args, ++i, "--host");
                    default -> {
                        if (args[i].startsWith("-") || dir != null) {
                            throw new IllegalArgumentException("unexpected argument: " + args[i]);
                        }
                        dir = Path.of(args[i]);
                    }
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("APP_DIR is missing");
            }
            return new Options(dir, port, host);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int parsePort(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number from 0 to 65535, not \"" + text + "\"");
            }
        }
    }
}
