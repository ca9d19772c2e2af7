package dev.backloop.cli.command;

import dev.backloop.app.App;
import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.server.BackloopServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backloop run APP_DIR}: boots the app and serves it until SIGTERM/SIGINT, then stops gracefully
 * (requests in flight finish, datasources are flushed).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Serves an app until stopped (Ctrl-C or SIGTERM stop it gracefully). "
                + "`java -jar backloop-server.jar APP_DIR` is the same command.",
        footer = {"%nExamples:%n  backloop run examples/todo --port 8080%n"
                + "  backloop run todo --classpath todo/build   (the app's compiled ModelCustomizers)"})
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Parameters(arity = "0..1", paramLabel = "APP_DIR", defaultValue = ".",
            description = "The app directory (default: the current directory).")
    Path appDir;

    @Option(names = {"-p", "--port"}, description = "The port (default: config.json's, else 3000; 0 for any free one).")
    Integer port;

    @Option(names = "--host", description = "The address to listen on (default: config.json's, else 0.0.0.0).")
    String host;

    @Mixin
    ClasspathOption classpath;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(appDir)) {
            throw CliError.usage("not a directory: " + appDir + " (commands: "
                    + String.join(", ", commandNames()) + ")");
        }
        if (port != null && (port < 0 || port > 65535)) {
            throw CliError.usage("--port must be a number from 0 to 65535, not " + port);
        }
        classpath.open();
        App app;
        BackloopServer server;
        try {
            app = BootedApp.boot(appDir, classpath);
            server = port == null && host == null ? app.listen()
                    : app.listen(host != null ? host : "0.0.0.0", port != null ? port : 3000);
        } catch (CliError e) {
            throw e;
        } catch (RuntimeException e) {
            throw CliError.failed("could not start " + appDir + ": " + e.getMessage());
        }
        root.terminal().out().println("Backloop is serving " + appDir + " at " + server.uri() + app.restSettings().restApiRoot());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "backloop-shutdown"));
        stopped.await();
        return 0;
    }

    private static List<String> commandNames() {
        return BackloopCommand.commandNames().stream().filter(n -> !n.equals("help")).toList();
    }
}
