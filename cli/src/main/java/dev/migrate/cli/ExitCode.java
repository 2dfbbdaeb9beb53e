package dev.migrate.cli;

/**
 * The exit-code contract of every {@code migrate} command. Scripts and CI depend on these numbers,
 * so they are defined here once and nowhere else.
 */
public enum ExitCode {
    /** Success: nothing at or above the failure threshold, no mismatch. */
    OK(0),
    /** Findings at or above {@code --fail-on}, or a validation mismatch. */
    FINDINGS(1),
    /** Invalid input: bad flags, bad config, unknown rule code, unparsable file. */
    INVALID_INPUT(2),
    /** The environment is not as required: missing tool, unreachable database, unreadable path. */
    ENVIRONMENT(3),
    /** A bug in migrate itself. */
    INTERNAL(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
