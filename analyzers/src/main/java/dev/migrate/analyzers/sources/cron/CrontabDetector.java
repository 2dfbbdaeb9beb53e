package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.RunPartsDirectories;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.rules.Findings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds cron jobs: user crontabs ({@code crontab -l} output, spool files), {@code /etc/crontab} and
 * {@code /etc/cron.d/*} (with the user field), anacrontab, {@code cron.hourly|daily|weekly|monthly} run-parts
 * scripts, and crontabs that shell scripts and Dockerfiles install ({@link EmbeddedCrontabs}).
 */
public final class CrontabDetector implements Detector {
    /** The attribute of an entry migrate's cutover commented out: when, and the job it named. */
    public static final String DISABLED_BY_MIGRATE = "disabled.byMigrate";

    /** When run-parts folders fire on Debian and Ubuntu (their stock /etc/crontab). */
    private static final Map<String, String> RUN_PARTS_TIMES = Map.of(
            "hourly", "17 * * * *", "daily", "25 6 * * *", "weekly", "47 6 * * 7", "monthly", "52 6 1 * *");

    /** The names Debian's run-parts accepts by default; anything else (a dot, a '~') is skipped. */
    private static final java.util.regex.Pattern RUN_PARTS_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    /** The scan's check (its host zone, {@link #hostZone}); UTC until the scanner names the zone. */
    private ScheduleCheck check;

    public CrontabDetector() {
        this(ScheduleCheck.inZone(java.time.ZoneId.of("UTC")));
    }

    public CrontabDetector(ScheduleCheck check) {
        this.check = check;
    }

    /** Schedules that name no zone are read in the scan's host zone (its options), not in a system property's. */
    @Override
    public void hostZone(java.time.ZoneId zone) {
        if (!check.hostZone().equals(zone)) {
            check = ScheduleCheck.inZone(zone);
        }
    }

    @Override
    public String name() {
        return "crontab";
    }

    /** Crontab files are known by their path; scripts only matter when they run {@code crontab} or write /etc/cron.d. */
    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("crontab", "/etc/cron.d/").orPath(CrontabSource::isCronPath);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return CrontabSource.of(file.path(), file.text()) != null;
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        CrontabSource source = CrontabSource.of(file.path(), file.text());
        if (source == null) {
            return;
        }
        CrontabScanner scanner = new CrontabScanner(check, file.jobIds(), sink);
        switch (source.type()) {
            case CRONTAB -> {
                if (file.path().matches("(?:^|.*/)cron\\.d/[^/]+") && !RUN_PARTS_NAME.matcher(file.fileName()).matches()) {
                    sink.finding(Findings.of("CRN008", "Debian's cron ignores cron.d/" + file.fileName()
                            + " because its name is not made of letters, digits, _ and - (cronie reads it)",
                            SourceRef.file(file.path()), null));
                }
                scanner.scan(file.path(), file.text(), source.format(), 1, 0, source.user(), Map.of());
            }
            case SHELL_SCRIPT -> {
                for (EmbeddedCrontabs.Body body : EmbeddedCrontabs.find(file.path(), file.text())) {
                    scanner.scan(file.path(), body.text(), body.format(), body.firstLine(), body.firstColumn(), body.user(),
                            body.attributes());
                }
            }
            case RUN_PARTS -> runParts(file, source.runPartsPeriod(), sink);
        }
    }

    private void runParts(ScanFile file, String period, InventorySink sink) {
        String name = file.fileName();
        SourceRef where = SourceRef.file(file.path());
        ScheduleSpec spec = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, RUN_PARTS_TIMES.get(period), null, where);
        String id = file.jobIds().claim(JobKind.CRON_RUN_PARTS, file.path(), name, period);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(RunPartsDirectories.PERIOD, period);
        if (!RUN_PARTS_NAME.matcher(name).matches()) {
            attributes.put(RunPartsDirectories.SKIPPED, "true");
        }
        if (RunPartsDirectories.runsAnacron(file.text())) {
            // 0anacron starts anacron or records its runs: the scheduler of the directory, not a job of it
            attributes.put(RunPartsDirectories.ANACRON_OWN, "true");
        }
        attributes.put("schedule.assumed", "Debian/Ubuntu stock /etc/crontab time for cron." + period
                + "; check the host's /etc/crontab or anacrontab");
        sink.job(new Job(id, JobKind.CRON_RUN_PARTS, name, where, List.of(spec), "/" + file.path().replaceFirst("^/", ""),
                "root", Map.of(), null, Overlap.ALLOW, List.of(), attributes));
        if (!RUN_PARTS_NAME.matcher(name).matches()) {
            sink.finding(Findings.of("CRN008", "run-parts skips " + name + " in cron." + period
                    + " because its name is not made of letters, digits, _ and -; it does not run today", where, id));
            return;
        }
        sink.finding(Findings.of("CRN001", "cron." + period + " script " + name
                + " runs outside any orchestrator: " + check.interpret(spec).describe(), where, id));
    }
}
