package dev.backloop.cli.command;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.cli.CliError;
import dev.backloop.cli.files.AppFiles;

/** Boots an app for a command that needs its models (openapi, migrate), turning boot errors into messages. */
final class BootedApp {
    private BootedApp() {
    }

    static App boot(AppFiles files) {
        try {
            return AppBooter.boot(files.root());
        } catch (RuntimeException e) {
            throw CliError.failed("the app in " + files.root() + " does not boot: " + e.getMessage());
        }
    }
}
