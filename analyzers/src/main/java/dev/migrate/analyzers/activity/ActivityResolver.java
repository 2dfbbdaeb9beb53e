package dev.migrate.analyzers.activity;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.schedule.FireTimes;
import dev.migrate.analyzers.schedule.Schedule;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Joins the jobs the scan found with the scheduler logs of the host dump ({@code var/log/syslog}, {@code
 * var/log/cron}, {@code var/log/messages}, rotated {@code .1} and {@code .2.gz} files, and {@code journalctl} exports saved as
 * {@code var/log/journal*.log} or {@code .txt}, and files named with {@code scan --logs}): a cron line is matched by its user and command, an anacron job by
 * its identifier, a run-parts script by its path (where run-parts logs, as cronie's does), a systemd timer by the unit
 * it starts. A job gets {@code activity.*} attributes (runs, failures,
 * the last run, the logs read); one whose schedule fired in the span a log covers but that never ran there is ACT001,
 * one whose runs failed is ACT002. Logs are read, never trusted for more: a scheduler with no line in a file is not
 * judged by that file.
 */
public final class ActivityResolver implements JobResolver {
    /** The job attributes this pass sets (the reports read them). */
    public static final String RUNS = "activity.runs";
    public static final String FAILURES = "activity.failures";
    public static final String LAST_RUN = "activity.lastRun";
    public static final String LOGS = "activity.logs";
    /** Fire times counted at most, to say how often a schedule fired in a log's span. */
    private static final int MAX_FIRES = 10_000;
    private static final Pattern LOG_FILES = Pattern.compile(
            "(^|.*/)var/log/(syslog|messages|cron|cron\\.log|daemon\\.log|journal[^/]*\\.(log|txt))(\\.\\d+)?(\\.gz)?$");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public boolean evidenceOnly() {
        return true;
    }

    @Override
    public boolean wants(String path) {
        // asked for every file of the tree: the substring test spares the pattern nearly all of them
        return path.contains("var/log/") && LOG_FILES.matcher(path).matches();
    }

    /** Read in UTC: a caller that names no host zone gets the one a scan that names none assumes. */
    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null, java.time.ZoneId.of("UTC"));
    }

    /** Logs' local timestamps and the schedules naming no zone are read in {@code hostZone}, the scan's. */
    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, java.nio.file.Path base,
                        java.time.ZoneId hostZone) {
        // every file handed over is read: the ones under var/log/ this pass asked for, and logs named on the command
        // line (scan --logs); another resolver's files (application.properties) hold no scheduler line and add nothing
        if (files.isEmpty()) {
            return;
        }
        ScheduleCheck check = ScheduleCheck.inZone(hostZone);
        ZonedDateTime reference = check.now().atZone(check.hostZone());
        Map<RunEvent.Source, Coverage> covered = new EnumMap<>(RunEvent.Source.class);
        List<RunEvent> events = new ArrayList<>();
        for (ScanFile f : files) {
            SchedulerLog log = SchedulerLog.read(f.path(), f.text(), check.hostZone(), reference);
            events.addAll(log.events());
            for (RunEvent.Source s : log.sources()) {
                covered.computeIfAbsent(s, k -> new Coverage()).add(log);
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            RunEvent.Source source = sourceOf(job.kind());
            Coverage coverage = source == null ? null : covered.get(source);
            if (coverage == null) {
                continue;
            }
            List<RunEvent> runs = events.stream().filter(e -> e.source() == source && matches(job, e)).toList();
            jobs.set(i, withActivity(job, runs, coverage));
            if (runs.isEmpty()) {
                int fires = fires(job, coverage, check);
                if (fires > 0 && !"true".equals(job.attributes().get("disabled"))) {
                    String expected = job.kind() == JobKind.ANACRON || job.kind() == JobKind.CRON_RUN_PARTS
                            ? "it should have run at least "
                            : "its schedule fires " + (fires >= MAX_FIRES ? "at least " : "");
                    findings.add(Findings.of("ACT001", job.name() + " has no recorded run in " + coverage.describe()
                            + ", where " + expected + fires + (fires == 1 ? " time" : " times")
                            + "; make sure it still runs before migrating it", job.source(), job.id()));
                }
                continue;
            }
            List<RunEvent> failed = runs.stream().filter(RunEvent::failed).toList();
            if (!failed.isEmpty()) {
                RunEvent lastFailure = failed.get(failed.size() - 1);
                findings.add(Findings.of("ACT002", job.name() + " failed " + failed.size() + " of " + runs.size()
                        + " runs recorded in " + coverage.describe() + ", the last at " + lastFailure.at().format(SHOWN)
                        + " (" + lastFailure.file() + ":" + lastFailure.line() + ")", job.source(), job.id()));
            }
        }
    }

    private static RunEvent.Source sourceOf(JobKind kind) {
        return switch (kind) {
            case CRON -> RunEvent.Source.CRON;
            case ANACRON -> RunEvent.Source.ANACRON;
            case SYSTEMD_TIMER -> RunEvent.Source.SYSTEMD;
            case CRON_RUN_PARTS -> RunEvent.Source.RUN_PARTS; // where run-parts logs (cronie's does, Debian's does not)
            default -> null; // in-process schedulers: no log line names them
        };
    }

    private static boolean matches(Job job, RunEvent e) {
        return switch (e.source()) {
            case CRON -> job.command() != null && squeeze(job.command()).equals(squeeze(e.subject()))
                    && (job.user() == null || job.user().equals(e.user()));
            case ANACRON -> job.name().equals(e.subject());
            case SYSTEMD -> e.subject().equals(timerUnit(job));
            case RUN_PARTS -> job.command() != null && ("/" + job.command().replaceFirst("^/", "")).equals(e.subject());
        };
    }

    /**
     * The unit a timer job starts ({@code x.service}): the scan sets {@code Unit} on every timer job, from its
     * {@code Unit=} or the timer's own name.
     */
    public static String timerUnit(Job timer) {
        return timer.attributes().getOrDefault("Unit", timer.name() + ".service");
    }

    /** Runs of whitespace as one space: cron logs the command as written, a crontab may align it with tabs. */
    private static String squeeze(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static Job withActivity(Job job, List<RunEvent> runs, Coverage coverage) {
        Map<String, String> attributes = new LinkedHashMap<>(job.attributes());
        attributes.put(LOGS, String.join(", ", coverage.files));
        attributes.put(RUNS, Integer.toString(runs.size()));
        long failures = runs.stream().filter(RunEvent::failed).count();
        if (failures > 0) {
            attributes.put(FAILURES, Long.toString(failures));
        }
        runs.stream().map(RunEvent::at).max(ZonedDateTime::compareTo)
                .ifPresent(t -> attributes.put(LAST_RUN, t.truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime().toString()));
        return new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), job.command(), job.user(),
                job.env(), job.workingDir(), job.overlap(), job.dependsOn(), attributes);
    }

    /** How often the job's schedules fired in the span the logs cover (0 when that is not known). */
    private static int fires(Job job, Coverage coverage, ScheduleCheck check) {
        if (job.kind() == JobKind.ANACRON) {
            return periods(job.schedules().isEmpty() ? "" : job.schedules().get(0).expression().strip(), coverage);
        }
        if (job.kind() == JobKind.CRON_RUN_PARTS) {
            // the directory's period: /etc/crontab or anacron runs it, at times the scan can only assume
            return periods("@" + job.attributes().getOrDefault("runParts.period", ""), coverage);
        }
        int total = 0;
        for (ScheduleSpec spec : job.schedules()) {
            Schedule s = check.interpret(spec);
            // fire times are asked for in growing batches until one passes the span: a log of a few hours costs a
            // handful of them, not MAX_FIRES for every job
            for (int n = 16; ; n = Math.min(MAX_FIRES, n * 4)) {
                List<ZonedDateTime> times = FireTimes.source(s, coverage.first.toInstant(), n);
                if (times == null) {
                    return 0; // boot, events, unknown: nothing to expect
                }
                int inSpan = (int) times.stream().filter(t -> !t.isAfter(coverage.last)).count();
                if (inSpan < times.size() || times.size() < n || n == MAX_FIRES) {
                    total += inSpan;
                    break;
                }
            }
        }
        return Math.min(total, MAX_FIRES);
    }

    /**
     * Anacron (and run-parts behind it) runs a job once per period whenever the host is up, at no fixed time: only a
     * span longer than two periods must hold a run (one full period after the one it may have run in just before).
     */
    private static int periods(String expression, Coverage coverage) {
        Duration period = switch (expression) {
            case "@hourly" -> Duration.ofHours(1);
            case "@daily" -> Duration.ofDays(1);
            case "@weekly" -> Duration.ofDays(7);
            case "@monthly" -> Duration.ofDays(31);
            case "@yearly", "@annually" -> Duration.ofDays(366);
            default -> expression.matches("P\\d+D") ? Duration.ofDays(Long.parseLong(expression.substring(1, expression.length() - 1))) : null;
        };
        if (period == null || period.isZero()) {
            return 0;
        }
        long periods = Duration.between(coverage.first, coverage.last).dividedBy(period);
        return (int) Math.max(0, Math.min(MAX_FIRES, periods - 1));
    }

    /** The files one scheduler writes to and the span they cover together. */
    private static final class Coverage {
        final TreeSet<String> files = new TreeSet<>();
        ZonedDateTime first;
        ZonedDateTime last;

        void add(SchedulerLog log) {
            files.add(log.path());
            first = first == null || log.first().isBefore(first) ? log.first() : first;
            last = last == null || log.last().isAfter(last) ? log.last() : last;
        }

        String describe() {
            return String.join(", ", files) + " (" + first.format(SHOWN) + " to " + last.format(SHOWN) + ")";
        }
    }
}
