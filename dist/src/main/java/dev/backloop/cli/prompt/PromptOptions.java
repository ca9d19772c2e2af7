package dev.backloop.cli.prompt;

import dev.backloop.cli.Terminal;
import picocli.CommandLine.Option;

/** {@code --[no-]interactive}, shared by the commands that ask questions. */
public final class PromptOptions {
    @Option(names = "--interactive", negatable = true,
            description = "Ask for values not given as options, on standard input (default: only in a terminal). "
                    + "--no-interactive takes defaults and fails on a value that has none.")
    Boolean interactive;

    public Prompter prompter(Terminal terminal) {
        return new Prompter(terminal.in(), terminal.out(), interactive != null ? interactive : terminal.console());
    }
}
