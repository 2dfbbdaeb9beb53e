package dev.migrate.analyzers.schedule;

/**
 * A schedule expression that cannot be read. {@code column} is the 0-based offset inside the expression,
 * so that callers can turn it into a file:line:col position.
 */
public class ScheduleSyntaxException extends IllegalArgumentException {
    private final int column;

    public ScheduleSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
