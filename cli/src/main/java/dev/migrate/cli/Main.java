package dev.migrate.cli;

/** Entry point of the runnable jar. The only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MigrateCli.create().execute(args));
    }
}
