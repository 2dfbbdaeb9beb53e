package dev.migrate.cli;

/** Entry point of the runnable jar. The only place that calls {@link System#exit}. */
public final class Main {
    /**
     * SnakeYAML warns on stderr, through java.util.logging, about every duplicate key in a user's YAML (a Prefect 2
     * {@code deployment build} output often holds {@code infra_overrides} twice); its readers here keep the last value,
     * as PyYAML did for Prefect, so the warning only adds timestamped noise to the command's own report. Held in a
     * field because java.util.logging keeps loggers weakly and would forget the level.
     */
    private static final java.util.logging.Logger SNAKEYAML = java.util.logging.Logger.getLogger("org.yaml.snakeyaml");

    private Main() {
    }

    public static void main(String[] args) {
        SNAKEYAML.setLevel(java.util.logging.Level.SEVERE);
        System.exit(run(args));
    }

    /**
     * picocli turns exceptions into exit codes ({@link ExceptionExitCodes}) but lets errors through, and an
     * error escaping {@code main} makes the JVM exit with 1, which the contract reserves for findings.
     */
    static int run(String[] args) {
        try {
            return MigrateCli.create().execute(args);
        } catch (OutOfMemoryError e) {
            // the work that filled the heap is unreachable once unwound, so there is room to say so
            System.err.println("migrate: out of memory: the Java heap (at most " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB) is too small for this input. Give it more, e.g. MIGRATE_JAVA_OPTS=-Xmx8g bin/migrate ...,"
                    + " or run the command on one subdirectory at a time.");
            return ExitCode.ENVIRONMENT.code();
        } catch (StackOverflowError | LinkageError | AssertionError e) {
            return MigrateCli.internalError(e, new java.io.PrintWriter(System.err, true),
                    java.util.Arrays.asList(args).contains("--stacktrace"));
        }
    }
}
