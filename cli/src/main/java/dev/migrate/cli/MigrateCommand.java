package dev.migrate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command. Each subcommand lives in its own class and is registered in {@link MigrateCli}. */
@Command(
        name = "migrate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Move scheduled data jobs onto Prefect 3.",
        description = {
            "Inventory every scheduled job in a repository or host dump, rewrite code and config to "
                    + "the Prefect 3 model, compare dual-run outputs, and plan the cutover.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  findings at or above --fail-on, or a validation mismatch",
            "  2  invalid input (bad option, config or file)",
            "  3  environment problem (missing tool, unreachable database, unreadable path)",
            "  4  internal error (please report it, with --stacktrace output)"
        })
public final class MigrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @CommandLine.Option(
            names = {"-x", "--stacktrace"},
            scope = CommandLine.ScopeType.INHERIT,
            description = "Print the full stack trace of an error (for bug reports).")
    boolean stacktrace;

    @Override
    public Integer call() {
        // No subcommand given: show what there is to run, and treat it as a usage error.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT.code();
    }
}
