package dev.backloop.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in this JVM with scripted answers, capturing what it prints. */
final class Cli {
    private Cli() {
    }

    /** What one command line did. */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs without a terminal: nothing is asked unless --interactive is given. */
    static Result run(String... args) {
        return answering("", args);
    }

    /** Runs with {@code input} as the answers typed (one line each). */
    static Result answering(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        int code = Main.execute(args, terminal);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code args} followed by {@code -C app --no-interactive}. */
    static Result in(Path app, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-C", app.toString(), "--no-interactive"));
        return run(all.toArray(String[]::new));
    }

    /** A new app (memory datasource db, explorer) in {@code dir/name}. */
    static Path newApp(Path dir, String name) {
        Path app = dir.resolve(name);
        Result result = run("new", app.toString(), "--no-interactive");
        if (result.code() != 0) {
            throw new AssertionError(result.toString());
        }
        return app;
    }
}
