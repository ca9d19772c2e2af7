package dev.backloop.cli.command;

import dev.backloop.app.App;
import dev.backloop.app.AppBooter;
import dev.backloop.cli.CliError;
import dev.backloop.cli.javacode.CustomizerStub;
import java.nio.file.Files;
import java.nio.file.Path;

/** Boots an app for a command, turning boot errors into messages that say what to do. */
final class BootedApp {
    private BootedApp() {
    }

    static App boot(Path appDir, ClasspathOption classpath) {
        try {
            return AppBooter.boot(appDir);
        } catch (RuntimeException e) {
            String hint = classpath.isEmpty() && Files.isDirectory(appDir.resolve(CustomizerStub.SOURCES))
                    ? "; the app has Java code in " + CustomizerStub.SOURCES + ": compile it and pass the classes with "
                    + "--classpath (see docs/cli.md)" : "";
            throw CliError.failed("the app in " + appDir + " does not boot: " + e.getMessage() + hint);
        }
    }
}
