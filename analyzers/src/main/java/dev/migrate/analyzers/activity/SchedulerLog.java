package dev.migrate.analyzers.activity;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one log file says about scheduled runs: cron's {@code (user) CMD (command)} lines, anacron's
 * {@code Job `id' terminated (exit status: n)}, cronie's run-parts {@code (/etc/cron.daily) finished x}, and systemd's end-of-run lines for a unit
 * ({@code x.service: Deactivated successfully.} or {@code Succeeded.}; {@code Failed with result '...'}), plus the
 * time span the file covers and which schedulers wrote to it at all: a file without a single cron line says
 * nothing about cron jobs (cron may log elsewhere).
 */
record SchedulerLog(String path, List<RunEvent> events, ZonedDateTime first, ZonedDateTime last,
                    Set<RunEvent.Source> sources) {
    private static final Pattern CRON_CMD = Pattern.compile("^\\((\\S+)\\) CMD \\((.*)\\)\\s*$");
    private static final Pattern ANACRON_END = Pattern.compile("^Job `([^']+)' terminated(?: \\(exit status: (\\d+)\\))?");
    private static final Pattern UNIT_OK = Pattern.compile("^(\\S+\\.service): (?:Deactivated successfully|Succeeded)\\.");
    /** cronie's run-parts (RHEL, Fedora): {@code (/etc/cron.daily) finished logrotate}; Debian's logs nothing. */
    private static final Pattern RUN_PARTS_END = Pattern.compile("^\\((/[^)]+)\\) finished (\\S+)");
    private static final Pattern UNIT_FAILED = Pattern.compile("^(\\S+\\.service): Failed with result '([^']+)'");

    static SchedulerLog read(String path, String text, ZoneId hostZone, ZonedDateTime reference) {
        List<RunEvent> events = new ArrayList<>();
        Set<RunEvent.Source> sources = EnumSet.noneOf(RunEvent.Source.class);
        ZonedDateTime first = null;
        ZonedDateTime last = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<LogLine> parsed = LogLine.parse(lines[i], hostZone, reference);
            if (parsed.isEmpty()) {
                continue;
            }
            LogLine l = parsed.get();
            first = first == null || l.at().isBefore(first) ? l.at() : first;
            last = last == null || l.at().isAfter(last) ? l.at() : last;
            String program = l.program().toLowerCase(java.util.Locale.ROOT);
            if (program.equals("cron") || program.equals("crond")) {
                sources.add(RunEvent.Source.CRON);
                Matcher m = CRON_CMD.matcher(l.message());
                if (m.matches()) {
                    events.add(new RunEvent(path, i + 1, l.at(), RunEvent.Source.CRON, m.group(1), m.group(2), false));
                }
            } else if (program.equals("anacron")) {
                sources.add(RunEvent.Source.ANACRON);
                Matcher end = ANACRON_END.matcher(l.message());
                if (end.find()) {
                    boolean failed = end.group(2) != null && !end.group(2).equals("0");
                    events.add(new RunEvent(path, i + 1, l.at(), RunEvent.Source.ANACRON, null, end.group(1), failed));
                }
            } else if (program.equals("run-parts")) {
                sources.add(RunEvent.Source.RUN_PARTS);
                Matcher m = RUN_PARTS_END.matcher(l.message());
                if (m.find()) {
                    String dir = m.group(1).endsWith("/") ? m.group(1) : m.group(1) + "/";
                    events.add(new RunEvent(path, i + 1, l.at(), RunEvent.Source.RUN_PARTS, null, dir + m.group(2), false));
                }
            } else if (program.equals("systemd")) {
                sources.add(RunEvent.Source.SYSTEMD);
                Matcher ok = UNIT_OK.matcher(l.message());
                Matcher failed = UNIT_FAILED.matcher(l.message());
                if (ok.find()) {
                    events.add(new RunEvent(path, i + 1, l.at(), RunEvent.Source.SYSTEMD, null, ok.group(1), false));
                } else if (failed.find()) {
                    events.add(new RunEvent(path, i + 1, l.at(), RunEvent.Source.SYSTEMD, null, failed.group(1), true));
                }
            }
        }
        return new SchedulerLog(path, events, first, last, sources);
    }
}
