package dev.backloop.cli;

/** A command that cannot do what it was asked: its message is printed, the process exits with its code. */
public final class CliError extends RuntimeException {
    /** The command ran and failed (an app that does not boot, a connector without a schema). */
    public static final int FAILED = 1;
    /** The command line or an answer was wrong (a bad name, an existing file, a missing value). */
    public static final int USAGE = 2;

    private final int exitCode;

    private CliError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliError usage(String message) {
        return new CliError(USAGE, message);
    }

    public static CliError failed(String message) {
        return new CliError(FAILED, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
