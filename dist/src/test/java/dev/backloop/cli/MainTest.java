package dev.backloop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command tree as a whole: the old {@code APP_DIR} form, help, and what is not a command. */
class MainTest {

    @Test
    void aFirstArgumentThatIsNotACommandIsTheAppDirectoryOfRun() {
        assertThat(Main.withRunDefault(new String[] {"examples/todo", "--port", "0"}))
                .containsExactly("run", "examples/todo", "--port", "0");
        assertThat(Main.withRunDefault(new String[] {"model", "Book"})).containsExactly("model", "Book");
        assertThat(Main.withRunDefault(new String[] {"--help"})).containsExactly("--help");
        assertThat(Main.withRunDefault(new String[0])).isEmpty();
    }

    @Test
    void aMistypedCommandSaysWhatTheCommandsAre() {
        Cli.Result result = Cli.run("modle", "Book");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument");
        Cli.Result alone = Cli.run("modle");
        assertThat(alone.code()).isEqualTo(2);
        assertThat(alone.err()).contains("not a directory: modle (commands: new, model, datasource, relation, acl, "
                + "remote-method, run, openapi, migrate, autoupdate)");
    }

    @Test
    void runRefusesABadPortBeforeBooting() {
        Cli.Result result = Cli.run("run", ".", "--port", "70000");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--port must be a number from 0 to 65535, not 70000");
        assertThat(Cli.run("run", ".", "--port", "eighty").code()).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : Main.commandNames()) {
            if (command.equals("help")) {
                continue;
            }
            Cli.Result result = Cli.run(command, "--help");
            assertThat(result.code()).as(command).isZero();
            assertThat(result.out()).as(command).startsWith("Usage: backloop " + command);
        }
        Cli.Result top = Cli.run("--help");
        assertThat(top.out()).contains("new", "model", "datasource", "relation", "acl", "remote-method", "run",
                "openapi", "migrate", "autoupdate");
        assertThat(Cli.run().out()).as("no command: the usage").startsWith("Usage: backloop");
        assertThat(Cli.run("help", "acl").out()).startsWith("Usage: backloop acl");
    }
}
