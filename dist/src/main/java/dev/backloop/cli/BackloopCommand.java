package dev.backloop.cli;

import dev.backloop.cli.command.AclCommand;
import dev.backloop.cli.command.AutoupdateCommand;
import dev.backloop.cli.command.DataSourceCommand;
import dev.backloop.cli.command.MigrateCommand;
import dev.backloop.cli.command.ModelCommand;
import dev.backloop.cli.command.NewCommand;
import dev.backloop.cli.command.OpenApiCommand;
import dev.backloop.cli.command.RelationCommand;
import dev.backloop.cli.command.RemoteMethodCommand;
import dev.backloop.cli.command.RunCommand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backloop}: the commands, and the terminal they share. */
@Command(name = "backloop", mixinStandardHelpOptions = true, version = "Backloop 0.1.0",
        description = "Creates, changes and runs Backloop apps (LoopBack 3 layout).%n"
                + "Options not given are asked for in a terminal; with --no-interactive, defaults are taken "
                + "and a value without one must be given as an option.")
public final class BackloopCommand implements Runnable {
    /**
     * The commands, in the order of the usage. Added to the tree by {@link Main#commandLine}, not declared
     * in the annotation, so that serving an app builds the model of {@code run} alone (picocli builds every
     * declared command by reflection, a tenth of the server's start).
     */
    public static final List<Class<?>> COMMANDS = List.of(NewCommand.class, ModelCommand.class,
            DataSourceCommand.class, RelationCommand.class, AclCommand.class, RemoteMethodCommand.class,
            RunCommand.class, OpenApiCommand.class, MigrateCommand.class, AutoupdateCommand.class, HelpCommand.class);

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    public BackloopCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public Terminal terminal() {
        return terminal;
    }

    public CommandSpec spec() {
        return spec;
    }

    /** The commands' names and aliases, read from their annotations without building the command tree. */
    public static Set<String> commandNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : COMMANDS) {
            Command command = type.getAnnotation(Command.class);
            names.add(command.name());
            names.addAll(List.of(command.aliases()));
        }
        return names;
    }

    /** No command: the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
