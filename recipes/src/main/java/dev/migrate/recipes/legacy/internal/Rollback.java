package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.JobKind;
import dev.migrate.rewriters.shell.ShellLine;
import java.util.List;
import java.util.Map;

/** ROLLBACK.md and the host scripts a phase emits: the exact steps that undo it, and those that carry it out. */
final class Rollback {
    static final String DUAL_RUN_RECIPE = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";

    private Rollback() {
    }

    static String markdown(Plan plan, String outputDir) {
        StringBuilder md = new StringBuilder("# Rolling back phase " + plan.phase().option() + "\n\n");
        List<JobPlan> timers = timers(plan);
        if (plan.phase() == Phase.DUAL_RUN) {
            md.append("The legacy schedulers were not touched. To stop the dual run, delete the new deployments:\n\n```sh\n");
            for (JobPlan p : plan.jobs()) {
                md.append("prefect deployment delete '").append(p.flowName()).append('/').append(p.deploymentName()).append("'\n");
            }
            md.append("```\n\nthen remove `").append(outputDir).append("/` from the repository.\n");
            return md.toString();
        }
        // steps are numbered as they are written: which of them a phase needs depends on what it moved
        int step = 0;
        md.append(++step).append(". Pause the Prefect schedules of the new deployments (find each schedule id with `schedule ls`):\n\n```sh\n");
        for (JobPlan p : plan.jobs()) {
            String ref = "'" + p.flowName() + "/" + p.deploymentName() + "'";
            md.append("prefect deployment schedule ls ").append(ref).append("\n");
            md.append("prefect deployment schedule pause ").append(ref).append(" <SCHEDULE_ID>\n");
        }
        md.append("```\n\n");
        if (plan.phase() == Phase.CLEANUP && (!plan.deleted().isEmpty() || !plan.masked().isEmpty())) {
            md.append(++step).append(". Restore the deleted legacy files from version control (the commit before the cleanup), then copy ")
                    .append("units back to the host and run `systemctl daemon-reload`:\n\n```sh\n");
            for (String path : plan.deleted()) {
                md.append("git restore --source=<commit-before-cleanup> -- '").append(path).append("'\n");
            }
            for (VendorUnits.Mask mask : plan.masked()) {
                if (mask.override() != null && !mask.replaced()) {
                    md.append("rm -f '").append(mask.override()).append("'\n"); // the empty file that masks a package's unit
                }
            }
            md.append("```\n\n");
        }
        // the lines this phase commented out under markers (crontabs, anacrontabs, scheduler scripts)
        if (!plan.crontabLines().isEmpty()) {
            md.append(++step).append(". Re-enable the legacy side. In the repository, running the dual-run phase again removes every ")
                    .append("`# migrate: disabled` marker and uncomments the line below it:\n\n```sh\n")
                    .append("migrate rewrite <project> --recipe ").append(DUAL_RUN_RECIPE).append("\n```\n\n");
            md.append("   By hand: in each file, delete the marker line and remove the leading `#` of the line after it ")
                    .append("(in Python scripts, the `# ` after the indentation of each of the lines the marker counts):\n\n");
            for (Map.Entry<String, List<Integer>> e : plan.crontabLines().entrySet()) {
                md.append("   - `").append(e.getKey()).append("`: marker lines ").append(e.getValue()).append("\n");
            }
            md.append("\n");
            if (plan.crontabLines().keySet().stream().anyMatch(f -> !f.endsWith(".py"))) {
                // cron runs what is installed on the host, whichever way the repository's copy was re-enabled
                md.append(++step).append(". Install the re-enabled crontabs on the host (`crontab -u <user> <file>` for ")
                        .append("user crontabs, copy files of `/etc/cron.d`).\n\n");
            }
        }
        List<JobPlan> civis = plan.jobs().stream().filter(p -> p.job().kind() == JobKind.CIVIS_SCRIPT).toList();
        if (!civis.isEmpty()) {
            md.append(++step).append(". In Civis, turn the schedules back on:\n\n");
        }
        for (JobPlan p : civis) {
            md.append("   - script ").append(p.job().attributes().get(CivisJobs.SCRIPT_ID))
                    .append(": `").append(p.job().schedules().get(0).expression()).append("` ")
                    .append(p.job().schedules().get(0).timezone()).append("\n");
        }
        if (!civis.isEmpty()) {
            md.append("\n");
        }
        if (!runPartsScripts(plan).isEmpty()) {
            md.append(++step).append(". run-parts scripts: give them their execute bit back on the host:\n\n```sh\n");
            runPartsScripts(plan).forEach(script -> md.append("chmod +x '").append(script).append("'\n"));
            md.append("```\n\n");
        }
        List<String> schedulers = schedulerServices(plan);
        if (!timers.isEmpty() || !schedulers.isEmpty()) {
            md.append(++step).append(". Start the systemd units again on the host")
                    .append(schedulers.isEmpty() ? "" : " (in-process schedulers after deploying their restored scripts)")
                    .append(":\n\n```sh\n");
            for (JobPlan p : timers) {
                if (plan.masked().stream().anyMatch(m -> m.path().equals(p.job().source().path()))) {
                    md.append(HostUnits.undo("unmask", p.hostUnitPath())).append("\n"); // a package's unit the cleanup masked
                }
                // a runtime unit (RuntimeUnits) was stopped, not disabled: it has no install state to restore
                md.append(HostUnits.undo(RuntimeUnits.isRuntime(p.hostUnitPath()) ? "start" : "enable --now", p.hostUnitPath(),
                        p.job().attributes().get(RuntimeUnits.OWNER))).append("\n");
            }
            for (String service : schedulers) {
                md.append(deletedService(plan, service) ? "systemctl enable --now " : "systemctl try-restart ").append(service).append("\n");
            }
            md.append("```\n");
        }
        List<String> kept = KeptRunningSteps.rollback(plan);
        if (!kept.isEmpty()) {
            List<String> files = KeptRunningSteps.files(plan);
            // a service whose file migrate left as written (needed by others, flow style) has nothing to restore
            String how = plan.phase() == Phase.CLEANUP
                    ? ", once their files are restored (`git restore --source=<commit-before-cleanup> -- FILE`"
                    : !files.isEmpty() ? ", once their files are restored (running the dual-run phase again takes the "
                    + "`# migrate: disabled` marker and the lines it counts out, and puts each `# migrate: was <job-id>: ` line back"
                    : " (their files were left as written: nothing to restore";
            md.append(md.toString().endsWith("\n\n") ? "" : "\n").append(++step)
                    .append(". Start the supervisor programs and compose services again").append(how)
                    .append(files.isEmpty() ? "" : "; " + String.join(", ", files.stream().map(f -> "`" + f + "`").toList()))
                    .append("):\n\n```sh\n");
            kept.forEach(line -> md.append(line).append('\n'));
            md.append("```\n");
        }
        return md.toString();
    }

    /**
     * The host-side half of the cutover: install the crontabs whose entries this phase commented out (cron runs what
     * is on the host, not what is in the repository), stop the timers whose jobs now run in Prefect.
     *
     * @param outputDir where the script is written, relative to the project root (the crontabs are found from there)
     */
    static String cutoverScript(Plan plan, String outputDir) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Generated by migrate: stops the systemd timers and loop services whose jobs now run as ")
                .append("Prefect deployments.\n# Undo: see ROLLBACK.md (systemctl enable --now <timer>).\nset -eu\n");
        sh.append(preflight(plan, "switched off"));
        List<String> crontabs = plan.crontabLines().keySet().stream().filter(f -> !f.endsWith(".py")).sorted().toList();
        String kept = KeptRunningSteps.cutover(plan);
        if (!crontabs.isEmpty() || !kept.isEmpty()) {
            sh.append("# The files this phase edited, from this checkout of the project:\n").append(root(outputDir));
        }
        if (!crontabs.isEmpty()) {
            sh.append("# The crontabs with their migrated entries commented out:\n");
            crontabs.forEach(f -> sh.append(HostCrontabs.install(f)).append('\n'));
        }
        // systemctl disable fails on a transient unit (systemd-run): a runtime one is stopped, and the next boot forgets it
        timers(plan).forEach(p -> sh.append(HostUnits.systemctl(RuntimeUnits.isRuntime(p.hostUnitPath()) ? "stop" : "disable --now",
                p.hostUnitPath(), p.job().attributes().get(RuntimeUnits.OWNER))).append('\n'));
        runPartsScripts(plan).forEach(script -> sh.append("chmod -x '").append(script).append("'\n"));
        sh.append(kept);
        List<String> schedulers = schedulerServices(plan);
        if (!schedulers.isEmpty()) {
            sh.append("# In-process schedulers keep running; after deploying their edited scripts (registrations commented out):\n");
            schedulers.forEach(s -> sh.append("systemctl try-restart ").append(s).append('\n'));
        }
        plan.jobs().stream().filter(p -> p.job().kind() == JobKind.CIVIS_SCRIPT).forEach(p -> sh.append(
                "# Civis (by hand): turn off the schedule of script ").append(p.job().attributes().get(CivisJobs.SCRIPT_ID))
                .append('\n'));
        return sh.toString();
    }

    /** The host-side half of the cleanup: remove the deleted crontabs and unit files from the host too. */
    static String cleanupScript(Plan plan, String outputDir) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Generated by migrate: removes the legacy crontabs and units deleted in the ")
                .append("cleanup phase from the host.\n# Undo: see ROLLBACK.md.\nset -eu\n");
        sh.append(preflight(plan, "removed"));
        String kept = KeptRunningSteps.cleanup(plan);
        if (!kept.isEmpty()) {
            sh.append(root(outputDir)).append(kept);
        }
        // crontabs first: one still running entries on the host stops the script before anything is removed
        for (String path : plan.deleted()) {
            String line = HostCrontabs.remove(path);
            if (line != null) {
                sh.append(line).append('\n');
            }
        }
        for (String service : schedulerServices(plan)) {
            if (deletedService(plan, service)) {
                sh.append("systemctl disable --now ").append(service).append('\n');
            }
        }
        java.util.Set<String> dropInDirs = new java.util.TreeSet<>();
        for (String path : plan.deleted()) {
            if (path.endsWith(".timer") || path.endsWith(".service") || UnitDropIns.isDropIn(path)) {
                String host = HostUnits.hostPath(path);
                sh.append("rm -f '").append(host).append("'\n");
                if (UnitDropIns.isDropIn(path)) {
                    dropInDirs.add(host.substring(0, host.lastIndexOf('/')));
                }
            }
        }
        // a drop-in directory goes once empty; one holding files of someone else's (notes, backups) stays
        dropInDirs.forEach(d -> sh.append("rmdir '").append(d).append("' 2>/dev/null || true\n"));
        // a package's unit stays and is masked (VendorUnits); after the rm above, which frees its name in /etc for the mask
        for (VendorUnits.Mask mask : plan.masked()) {
            sh.append(HostUnits.systemctl("disable --now", mask.path())).append('\n');
            sh.append(HostUnits.systemctl("mask", mask.path())).append('\n');
        }
        // each manager whose unit files went reads its units again: root's `systemctl daemon-reload` does not reach
        // a user's manager, which keeps the removed units loaded
        java.util.Set<String> reloads = new java.util.LinkedHashSet<>();
        reloads.add("systemctl daemon-reload");
        plan.deleted().stream().filter(p -> p.endsWith(".timer") || p.endsWith(".service") || UnitDropIns.isDropIn(p)).sorted()
                .forEach(p -> reloads.add(HostUnits.systemctl("daemon-reload", p)));
        reloads.forEach(r -> sh.append(r).append('\n'));
        return sh.toString();
    }

    /**
     * The check a host script starts with: every deployment that replaces a legacy job, and every Secret block its flow
     * reads, exists on the Prefect server; otherwise nothing is switched off or removed (a legacy job stopped before its
     * replacement can run is a job that does not run). Needs the Prefect CLI with the server's PREFECT_API_URL, as the
     * workers of the generated pools have; {@code MIGRATE_SKIP_CHECKS=1} skips it for whoever checked by hand.
     */
    static String preflight(Plan plan, String what) {
        StringBuilder sh = new StringBuilder("# Nothing is ").append(what).append(" before its replacement exists: the ")
                .append("deployments and the Secret blocks their flows read (MIGRATION.md).\n")
                .append("if [ \"${MIGRATE_SKIP_CHECKS:-}\" != 1 ]; then\n")
                .append("  if ! command -v prefect >/dev/null 2>&1; then\n")
                .append("    echo \"prefect CLI not found: run this where it reaches the Prefect server (PREFECT_API_URL), ")
                .append("or set MIGRATE_SKIP_CHECKS=1 once you checked by hand\" >&2\n    exit 3\n  fi\n")
                .append("  missing=\"\"\n");
        for (JobPlan p : plan.jobs()) {
            String ref = p.flowName() + "/" + p.deploymentName();
            sh.append("  prefect deployment inspect ").append(ShellLine.quote(ref))
                    .append(" >/dev/null 2>&1 || missing=\"$missing deployment ").append(inDoubleQuotes(ShellLine.quote(ref)))
                    .append(";\"\n");
        }
        plan.jobs().stream().flatMap(p -> p.secretBlocks().stream()).distinct().sorted().forEach(block -> sh
                .append("  prefect block inspect ").append(ShellLine.quote("secret/" + block))
                .append(" >/dev/null 2>&1 || missing=\"$missing Secret block ").append(block).append(";\"\n"));
        return sh.append("  if [ -n \"$missing\" ]; then\n")
                .append("    echo \"nothing ").append(what).append(": create these first (MIGRATION.md says how):$missing\" >&2\n")
                .append("    exit 1\n  fi\nfi\n").toString();
    }

    /** {@code ROOT=}: the project's checkout, from where the script lies in its output directory. */
    private static String root(String outputDir) {
        String up = "/..".repeat((int) java.util.Arrays.stream(outputDir.split("/")).filter(x -> !x.isEmpty() && !x.equals(".")).count());
        return "ROOT=\"$(cd \"$(dirname \"$0\")" + up + "\" && pwd)\"\n";
    }

    /** {@code text} as it reads inside a double-quoted shell word: nothing in it is expanded. */
    private static String inDoubleQuotes(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    /** Host paths of the run-parts scripts whose jobs moved (the cutover takes their execute bit). */
    private static List<String> runPartsScripts(Plan plan) {
        return plan.jobs().stream().filter(p -> p.job().kind() == JobKind.CRON_RUN_PARTS)
                .map(p -> p.job().attributes().get("runParts.script")).filter(java.util.Objects::nonNull).sorted().toList();
    }

    /** The services running in-process schedulers whose jobs moved, by unit name. */
    private static List<String> schedulerServices(Plan plan) {
        return plan.jobs().stream().map(JobPlan::schedulerService).filter(java.util.Objects::nonNull).distinct().sorted().toList();
    }

    private static boolean deletedService(Plan plan, String unit) {
        return plan.phase() == Phase.CLEANUP && plan.deleted().stream().anyMatch(p -> p.endsWith("/" + unit) || p.equals(unit));
    }

    private static List<JobPlan> timers(Plan plan) {
        return plan.jobs().stream().filter(p -> p.hostUnit() != null).toList();
    }
}
