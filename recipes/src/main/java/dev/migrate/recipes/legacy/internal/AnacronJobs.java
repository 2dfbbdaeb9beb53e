package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.RunPartsDirectories;
import dev.migrate.analyzers.model.ScheduleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * anacron entries and the run-parts scripts they dispatch ({@code /etc/cron.daily} ...), with schedules per anacron's
 * semantics: once per period, at the start of {@code START_HOURS_RANGE} (anacron's Debian start at 07:30 when none is
 * set) plus the entry's delay. What that cannot say (the random delay, catching up missed periods, running only
 * while the host is up) is reported as a difference. Scripts of a directory a crontab line runs
 * ({@code run-parts /etc/cron.daily}) take that line's schedule; those of a directory nothing in the estate runs keep
 * the stock crontab time the scanner assumed.
 */
final class AnacronJobs {
    static final String SEMANTICS = "anacron.semantics";
    static final String DISPATCHER = "anacron.dispatcher";
    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    private AnacronJobs() {
    }

    /** @param texts the scanned files: a run-parts script is run with the interpreter its #! line names */
    static List<Job> of(List<Job> detected, Map<String, String> texts) {
        Map<String, Job> dispatchers = new LinkedHashMap<>();
        for (Job j : detected) {
            if (dispatches(j)) {
                dispatchers.put(RunPartsDirectories.period(j.command()), j);
            }
        }
        Map<String, Job> cronLines = cronDispatchers(detected);
        List<Job> out = new ArrayList<>();
        for (Job j : detected) {
            String period = j.attributes().get("runParts.period");
            if (j.kind() == JobKind.ANACRON && !dispatchers.containsValue(j)) {
                out.add(withAnacronSchedule(j, j, null));
            } else if (j.kind() == JobKind.CRON_RUN_PARTS && dispatchers.containsKey(period)) {
                out.add(interpreted(withAnacronSchedule(j, dispatchers.get(period), j.command()), texts));
            } else if (j.kind() == JobKind.CRON_RUN_PARTS && cronLines.containsKey(period)) {
                out.add(interpreted(withCronSchedule(j, cronLines.get(period)), texts));
            } else if (j.kind() == JobKind.CRON_RUN_PARTS) {
                out.add(interpreted(j, texts));
            } else {
                out.add(j);
            }
        }
        return out;
    }

    /**
     * The script run through the interpreter of its {@code #!} line: the cutover removes its execute bit so that
     * run-parts skips it, and the flow must still run it.
     */
    private static Job interpreted(Job j, Map<String, String> texts) {
        String text = texts.getOrDefault(j.source().path(), "");
        String shebang = text.startsWith("#!") ? text.lines().findFirst().orElse("#!/bin/sh").substring(2).strip() : "/bin/sh";
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        attributes.put("runParts.script", j.command());
        return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), shebang + " " + j.command(), j.user(), j.env(),
                j.workingDir(), j.overlap(), j.dependsOn(), attributes);
    }

    /**
     * The crontab lines that run a run-parts directory unconditionally ({@code 02 4 * * * root run-parts
     * /etc/cron.daily} in a RHEL-style /etc/crontab), by period. A line that defers to anacron
     * ({@code test -x /usr/sbin/anacron || run-parts ...}) runs the scripts only where anacron is missing: it is not one.
     */
    private static Map<String, Job> cronDispatchers(List<Job> detected) {
        Map<String, Job> out = new LinkedHashMap<>();
        for (Job j : detected) {
            if (j.kind() == JobKind.CRON && RunPartsDirectories.dispatches(j) && !j.attributes().containsKey("cron.noOpWhen")
                    && !"true".equals(j.attributes().get("disabled"))) {
                out.putIfAbsent(RunPartsDirectories.period(j.command()), j);
            }
        }
        return out;
    }

    /** The script at the time of the crontab line that runs its directory, instead of the stock time assumed. */
    private static Job withCronSchedule(Job j, Job line) {
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        attributes.remove("schedule.assumed");
        attributes.put("runParts.dispatcher", line.id());
        List<ScheduleSpec> specs = line.schedules().stream()
                .map(s -> new ScheduleSpec(s.form(), s.expression(), s.timezone(), s.where())).toList();
        return new Job(j.id(), j.kind(), j.name(), j.source(), specs, j.command(), j.user(), line.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attributes);
    }

    /** Whether the job is an anacron entry that runs a run-parts directory ({@code cron.daily run-parts /etc/cron.daily}). */
    static boolean dispatches(Job j) {
        return j.kind() == JobKind.ANACRON && RunPartsDirectories.dispatches(j);
    }

    /** @param script the run-parts script the entry dispatches, or null for the entry's own command */
    private static Job withAnacronSchedule(Job j, Job entry, String script) {
        ScheduleSpec period = entry.schedules().get(0);
        int delay = Integer.parseInt(entry.attributes().getOrDefault("anacron.delayMinutes", "0").replaceAll("\\D", "0"));
        String rangeText = entry.env().get("START_HOURS_RANGE");
        Matcher range = rangeText == null ? null : RANGE.matcher(rangeText.strip());
        boolean ranged = range != null && range.matches();
        int startHour = ranged ? Integer.parseInt(range.group(1)) : 7;
        int startMinute = ranged ? 0 : 30;
        int minutes = startHour * 60 + startMinute + Math.min(delay, 59);
        String hm = (minutes % 60) + " " + (minutes / 60 % 24);
        String p = period.expression().strip();
        String cron = switch (p) {
            case "P1D", "@daily" -> hm + " * * *";
            case "P7D", "@weekly" -> hm + " * * 0";
            case "@monthly" -> hm + " 1 * *";
            case "@yearly", "@annually" -> hm + " 1 1 *";
            default -> null;
        };
        ScheduleSpec spec = cron != null ? new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, period.timezone(), period.where())
                : period;
        String random = entry.env().getOrDefault("RANDOM_DELAY", "0");
        Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
        attributes.put(SEMANTICS, "anacron ran " + (script == null ? "it" : script + " (through its entry " + entry.name() + ")")
                + " once per period " + p + " whenever the host was up"
                + (ranged ? ", between " + range.group(1) + ":00 and " + range.group(2) + ":00" : "")
                + ", " + delay + " min after anacron started plus up to " + random + " random min, and caught up missed periods; "
                + "the deployment runs " + (cron != null ? "at " + String.format("%02d:%02d", minutes / 60 % 24, minutes % 60)
                + (p.equals("P7D") || p.equals("@weekly") ? " on Sundays" : p.equals("@monthly") ? " on the 1st" : "")
                : "every " + p + " from the anchor date of its interval")
                + ", with no random delay and no catch-up (Prefect runs it late only while a worker is down)");
        if (script != null) {
            attributes.put(DISPATCHER, entry.id());
        }
        attributes.remove("schedule.assumed");
        Map<String, String> env = new LinkedHashMap<>(entry.env());
        env.remove("START_HOURS_RANGE");
        env.remove("RANDOM_DELAY");
        return new Job(j.id(), j.kind(), j.name(), j.source(), List.of(spec), j.command(), j.user() == null ? "root" : j.user(),
                env, j.workingDir(), j.overlap(), j.dependsOn(), attributes);
    }
}
