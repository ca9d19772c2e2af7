package dev.backloop.cli;

import dev.backloop.cli.command.RunCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * {@code backloop <command>} ({@code java -jar backloop-server.jar <command>}): scaffolds and runs apps.
 * {@code java -jar backloop-server.jar APP_DIR [--port N] [--host H]} still runs an app: a first argument
 * that is not a command is the app directory of {@code run}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String[] effective = withRunDefault(args);
        boolean serving = isServing(effective);
        if (serving) {
            Preload.start();
        } else {
            // boot logs are for the server; a scaffolding or migration command prints only what it did
            defaultLevel("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // no line per request unless asked for, as LoopBack 3 (no morgan) and most app servers ship
        defaultLevel("org.slf4j.simpleLogger.log.backloop.access", "warn");
        Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        Terminal terminal = new Terminal(new BufferedReader(new InputStreamReader(System.in, charset)),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.console() != null);
        int code = execute(effective, terminal);
        // a server that started returns only once a shutdown hook closed it; exiting here would wait for itself
        if (code != 0 || !serving) {
            System.exit(code);
        }
    }

    /** Sets a logger level property unless the command line (-D) already set it. */
    private static void defaultLevel(String property, String level) {
        System.setProperty(property, System.getProperty(property, level));
    }

    /** Runs one command line with the given terminal; returns the exit code (0 ok, 1 failed, 2 bad usage). */
    public static int execute(String[] args, Terminal terminal) {
        String[] effective = withRunDefault(args);
        // serving needs the run command only; the others cost a tenth of the start to build
        return commandLine(terminal, isServing(effective) ? List.of(RunCommand.class) : BackloopCommand.COMMANDS)
                .execute(effective);
    }

    private static boolean isServing(String[] effective) {
        return effective.length > 0 && effective[0].equals("run");
    }

    /** The command tree, writing to the terminal's streams and mapping failures to exit codes. */
    public static CommandLine commandLine(Terminal terminal) {
        return commandLine(terminal, BackloopCommand.COMMANDS);
    }

    private static CommandLine commandLine(Terminal terminal, List<Class<?>> commands) {
        CommandLine cli = new CommandLine(new BackloopCommand(terminal));
        commands.forEach(cli::addSubcommand);
        cli.setOut(terminal.out());
        cli.setErr(terminal.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String prefix = commandLine.getCommandSpec().qualifiedName() + ": ";
            if (e instanceof CliError error) {
                terminal.err().println(prefix + error.getMessage());
                return error.exitCode();
            }
            terminal.err().println(prefix + e.getMessage());
            return CliError.FAILED;
        });
        return cli;
    }

    /**
     * The arguments with {@code run} in front when the first one is not a command or an option, so
     * {@code backloop-server.jar examples/todo} keeps working.
     */
    static String[] withRunDefault(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || commandNames().contains(args[0])) {
            return args;
        }
        return Stream.concat(Stream.of("run"), Arrays.stream(args)).toArray(String[]::new);
    }

    static Set<String> commandNames() {
        return BackloopCommand.commandNames();
    }
}
