package dev.migrate.cli;

import picocli.CommandLine.Command;

/** {@code migrate cutover}: the per-job checklist, readiness gates backed by evidence, and rollback. */
@Command(
        name = "cutover",
        mixinStandardHelpOptions = true,
        header = "Plan, track and roll back the move of each job to Prefect 3.",
        description = {
            "Examples:",
            "  migrate cutover plan samples/k2-platform --output CUTOVER.md",
            "  migrate cutover status . --require parity-proven",
            "  migrate cutover record nightly-load runbooks-updated --by alice \\",
            "      --note 'PR #42'",
            "  migrate cutover rollback . --job nightly-load --apply",
            ""
        },
        subcommands = {CutoverPlanCommand.class, CutoverStatusCommand.class, CutoverRecordCommand.class,
            CutoverDisableCommand.class, CutoverRollbackCommand.class})
public final class CutoverCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: plan, status, record, disable or rollback");
    }
}
