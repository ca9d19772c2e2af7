package dev.backloop.cli.command;

import dev.backloop.cli.files.AppFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -C/--app-dir}: the app a command changes; the current directory by default. */
public final class AppDirOption {
    @Option(names = {"-C", "--app-dir"}, paramLabel = "APP_DIR", defaultValue = ".",
            description = "The app directory (default: the current directory).")
    Path appDir;

    AppFiles app() {
        return AppFiles.of(appDir);
    }
}
