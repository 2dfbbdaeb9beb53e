package dev.migrate.recipes.legacy.internal;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * In the dual-run phase the new deployment runs the legacy job's command a second time, some minutes after the
 * legacy run. The flow passes the sandbox root on as {@code MIGRATE_SANDBOX_ROOT}, but a command written for cron
 * does not read it: its files, tables, uploads and mails would be written and sent twice, into the places the legacy
 * run writes (a backup overwritten, rows loaded twice). Each such job gets a note naming the files its command
 * redirects into, so that someone points its outputs at the sandbox (or keeps the deployment paused) before the
 * dual run starts.
 */
final class DualRunWrites {
    static final String SANDBOX_VARIABLE = "MIGRATE_SANDBOX_ROOT";

    private DualRunWrites() {
    }

    /** The plan with the note, unless its command already writes under the sandbox. */
    static JobPlan withNote(JobPlan p) {
        String command = InProcessJobs.isInProcess(p.job()) ? null : p.job().command();
        if (p.job().command() != null && p.job().command().contains(SANDBOX_VARIABLE)) {
            return p;
        }
        Set<String> files = p.commandIsSecret() || command == null ? Set.of() : redirectedInto(command);
        return p.withNote("dual-run: the deployment runs this job a second time, after the legacy run, and "
                + (command == null ? "the code it calls" : "its command") + " does not read " + SANDBOX_VARIABLE
                + ", so whatever it writes or sends happens twice, in the same places"
                + (files.isEmpty() ? "" : " (it writes " + String.join(", ", files) + ")")
                + ": make it write under $" + SANDBOX_VARIABLE + " by hand, or keep the deployment paused until the"
                + " cutover");
    }

    /** The files the command's redirections write ({@code > f}, {@code >> f}, {@code 2> f}, {@code &> f}), not /dev/*. */
    static Set<String> redirectedInto(String command) {
        Set<String> out = new LinkedHashSet<>();
        List<ShellToken> tokens;
        try {
            tokens = ShellLine.parse(command).tokens();
        } catch (RuntimeException unparsable) {
            return out; // the note still says the command writes twice, without the list
        }
        for (int i = 0; i < tokens.size(); i++) {
            ShellToken t = tokens.get(i);
            if (t.kind() != ShellToken.Kind.REDIRECT || !t.raw().contains(">") || t.raw().endsWith("&")) {
                continue; // input, here-documents, and 2>&1 (a descriptor, not a file)
            }
            for (int j = i + 1; j < tokens.size(); j++) {
                ShellToken target = tokens.get(j);
                if (target.kind() == ShellToken.Kind.SPACE) {
                    continue;
                }
                if (target.isWord() && !target.value().startsWith("/dev/") && !target.value().startsWith("&")) {
                    out.add(target.value());
                }
                break;
            }
        }
        return out;
    }
}
