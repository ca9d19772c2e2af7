package dev.backloop.cli.command;

import dev.backloop.cli.BackloopCommand;
import dev.backloop.cli.prompt.Prompter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code backloop autoupdate}: LoopBack's {@code dataSource.autoupdate()}. */
@Command(name = "autoupdate", mixinStandardHelpOptions = true,
        description = "Brings the storage of a datasource's models in line with their definitions without losing "
                + "data (LoopBack's autoupdate): missing indexes are created. Only for connectors with a schema (mongodb).",
        footer = {"%nExample:%n  backloop autoupdate mongo -C todo"})
public final class AutoupdateCommand implements Callable<Integer> {
    @ParentCommand
    BackloopCommand root;

    @Mixin
    AppDirOption appDir;

    @Mixin
    ClasspathOption classpath;

    @Mixin
    SchemaTargetOptions target;

    @Override
    public Integer call() {
        SchemaSync.run(appDir.app(), classpath, target.dataSource, target.models, "autoupdate",
                new Prompter(root.terminal().in(), root.terminal().out(), false),
                names -> true, (source, model) -> source.connector().autoupdate(model.definition()));
        return 0;
    }
}
