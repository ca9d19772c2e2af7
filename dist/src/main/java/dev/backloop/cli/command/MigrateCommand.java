package dev.backloop.cli.command;

import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.CliError;
import dev.backloop.cli.prompt.PromptOptions;
import dev.backloop.cli.prompt.Prompter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code backloop migrate}: LoopBack's {@code dataSource.automigrate()}. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Recreates the storage of a datasource's models from their definitions (LoopBack's "
                + "automigrate): collections are dropped and their indexes created. EVERY RECORD OF THOSE MODELS "
                + "IS DELETED. Only for connectors with a schema (mongodb).",
        footer = {"%nExample:%n  backloop migrate mongo -C todo --model Todo --yes"})
public final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Mixin
    PromptOptions prompts;

    @Mixin
    AppDirOption appDir;

    @Mixin
    ClasspathOption classpath;

    @Mixin
    SchemaTargetOptions target;

    @Option(names = "--yes", description = "Delete the records without asking (required without a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        Prompter prompter = prompts.prompter(root.terminal());
        SchemaSync.run(appDir.app(), classpath, target.dataSource, target.models, "migrate", prompter, names -> {
            if (yes) {
                return true;
            }
            if (!prompter.asking()) {
                throw CliError.usage("migrate deletes every record of " + String.join(", ", names)
                        + "; pass --yes to confirm");
            }
            return prompter.confirm("Delete every record of " + String.join(", ", names) + " and recreate their storage?",
                    "--yes", null, false);
        }, (source, model) -> source.connector().automigrate(model.definition()));
        return 0;
    }
}
