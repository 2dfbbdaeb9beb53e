package dev.migrate.cli;

/**
 * A failure the user can act on. The message must say what is wrong, where, and what to do next;
 * it is printed as a single line without a stack trace.
 */
public class CliException extends RuntimeException {
    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CliException invalidInput(String message) {
        return new CliException(ExitCode.INVALID_INPUT, message);
    }

    public static CliException environment(String message) {
        return new CliException(ExitCode.ENVIRONMENT, message);
    }
}
