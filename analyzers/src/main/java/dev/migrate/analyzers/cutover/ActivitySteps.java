package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.activity.ActivityResolver;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The first step of a job the host's scheduler logs show not running (ACT001) or failing (ACT002): find out why
 * before the dual run, which would otherwise compare outputs the legacy side never wrote, or wrote wrong. The
 * commands look at the same logs on the host.
 */
final class ActivitySteps {
    private static final Set<String> CODES = Set.of("ACT001", "ACT002");

    private ActivitySteps() {
    }

    static List<Step> of(Inventory inventory, Job legacy) {
        List<Step> out = new ArrayList<>();
        if (legacy == null) {
            return out;
        }
        for (Finding f : inventory.findings()) {
            if (!CODES.contains(f.code()) || !legacy.id().equals(f.jobId())) {
                continue;
            }
            boolean failing = f.code().equals("ACT002");
            out.add(Step.of(failing ? "Find out why the legacy job fails, and fix it or retire it before the dual run"
                            : "Find out why the legacy job has not run lately, and fix it or retire it before the dual run",
                    List.of(lookCommand(legacy)),
                    f.message() + "; a dual run of a job that does not run, or fails, has no outputs to compare, and a "
                            + "job nobody needs is better left out of the migration",
                    Step.rule(f.code()) + " at " + f.where()));
        }
        return out;
    }

    /** Where on the host to look: the unit's journal for a timer, the cron logs for the command otherwise. */
    private static String lookCommand(Job legacy) {
        return switch (legacy.kind()) {
            case SYSTEMD_TIMER -> "journalctl -u " + Step.shellWord(ActivityResolver.timerUnit(legacy)) + " --since -7d";
            case ANACRON -> "grep -F " + Step.shellWord("Job `" + legacy.name() + "'") + " /var/log/syslog* /var/log/cron*";
            default -> "grep -F -- " + Step.shellWord(legacy.command() == null ? legacy.name() : legacy.command())
                    + " /var/log/syslog* /var/log/cron*";
        };
    }
}
