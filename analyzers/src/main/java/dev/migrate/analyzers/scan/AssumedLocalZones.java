package dev.migrate.analyzers.scan;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.schedule.ZoneFreeSchedules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * Marks as not proven the schedules read in a host zone nothing named. A crontab line without {@code CRON_TZ=}, an
 * {@code OnCalendar=} without a zone, an APScheduler trigger without {@code timezone=} or a {@code schedule} library
 * {@code at()} without one fires in the local zone of the machine that runs it, which the scan reads as the host's; when
 * neither {@code --host-zone} nor the tree's zone files name it, that zone is UTC by assumption, and a proof in it would
 * call "exact" a schedule that fires hours off on a host in Europe/Berlin, and a cutover plan would state its run
 * times as facts. The mark is the one every unknown zone gets ({@link ScheduleSpec#CLOCK_ZONE_NOT_PROVEN}, or
 * {@link ScheduleSpec#ZONE_NOT_PROVEN} for an interval counted from a local start), so every report says "zone not
 * proven" and why, and what to do. Which schedulers fire in the machine's zone, and what states a zone in their
 * sources, is data: {@code assumed-local-zones.yaml}. A zone the source names (CRON_TZ, a zone in OnCalendar=,
 * {@code timezone=}) or the script's systemd service sets ({@code Environment=TZ=...}, read before this) is proven.
 * The detectors' findings that state such a schedule ("at 02:15 (UTC)", CRN001, SYD001) were written before this pass;
 * it amends them too ({@link #ASSUMED_MARK}), so no message states as known a zone the scan only assumed: the yaml
 * lists, per kind, the codes whose message describes the job's schedules. The findings that show a schedule's
 * expression without any zone ("APScheduler job x (30 2 * * 1-5)", PYS002, PYS001, JAV001, JAV010) get the assumed
 * zone written after it, so they too say which zone the proof read it in, and that nothing named it.
 */
public final class AssumedLocalZones {
    private static final Map<String, Advice> ADVICE = load();

    /** What follows the zone in a finding's description of a schedule read in the assumed zone. */
    static final String ASSUMED_MARK = ", assumed: no --host-zone or zone file";

    /**
     * How a kind of scheduler comes to fire in the machine's zone, what states the zone in its source, the codes of
     * the findings whose message describes the job's schedules, each ending in its zone ({@code at 02:15 (UTC)}), and
     * those whose message shows each schedule's expression in parentheses with no zone ({@code (30 2 * * 1-5)}).
     */
    private record Advice(String runs, String fix, List<String> findings, List<String> expressions) {
    }

    private AssumedLocalZones() {
    }

    /**
     * Replaces, in place, the jobs with a schedule read in the assumed zone by ones that say so, and the findings that
     * describe those schedules by ones whose messages say the zone is assumed.
     */
    static void apply(List<Job> jobs, List<Finding> findings, HostZoneUsed hostZone) {
        if (!hostZone.assumed()) {
            return;
        }
        Map<String, Job> amend = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (ADVICE.containsKey(j.kind().slug()) && j.schedules().stream().anyMatch(AssumedLocalZones::local)) {
                amend.put(j.id(), j);
                List<ScheduleSpec> marked = j.schedules().stream().map(s -> marked(j.kind(), s, hostZone)).toList();
                jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), marked, j.command(), j.user(), j.env(),
                        j.workingDir(), j.overlap(), j.dependsOn(), j.attributes()));
            }
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            Job j = f.jobId() == null ? null : amend.get(f.jobId());
            Advice advice = j == null ? null : ADVICE.get(j.kind().slug());
            if (advice != null && (advice.findings().contains(f.code()) || advice.expressions().contains(f.code()))) {
                String message = advice.findings().contains(f.code()) ? amended(f.message(), j.schedules(), hostZone.zone())
                        : zonedExpressions(f.message(), j.schedules(), hostZone.zone());
                findings.set(i, new Finding(f.code(), f.severity(), f.applicability(), message, f.where(), f.jobId()));
            }
        }
    }

    /**
     * The message with each description of a schedule read in the assumed zone ending {@code (UTC, assumed: ...)}.
     * The descriptions come in the order of the schedules, each ending {@code (ZONE)}; a schedule that names the same
     * zone itself ({@code OnCalendar=... UTC}) ends the same way and keeps it, so the n-th {@code (ZONE)} is the n-th
     * schedule in that zone. When the counts disagree the message is left as it is rather than marking the wrong one
     * (the schedule's own mark still says the zone is not proven).
     */
    static String amended(String message, List<ScheduleSpec> schedules, String zone) {
        String plain = " (" + zone + ")";
        List<ScheduleSpec> inZone = schedules.stream()
                .filter(s -> s.dependsOnZone() && (s.timezone() == null || s.timezone().equals(zone))).toList();
        List<Integer> at = new ArrayList<>();
        for (int k = message.indexOf(plain); k >= 0; k = message.indexOf(plain, k + plain.length())) {
            at.add(k);
        }
        if (at.size() != inZone.size()) {
            return message;
        }
        StringBuilder out = new StringBuilder(message);
        for (int n = at.size() - 1; n >= 0; n--) {
            if (local(inZone.get(n))) {
                out.insert(at.get(n) + plain.length() - 1, ASSUMED_MARK);
            }
        }
        return out.toString();
    }

    /**
     * The message with the assumed zone written after each {@code (EXPRESSION)} of a schedule read in it, in the order
     * of the schedules: {@code (30 2 * * 1-5) (UTC, assumed: ...)}. An expression the message does not show as written
     * (a Spring placeholder the scan resolved) is left as it is; the schedule's own mark still says its zone is not
     * proven.
     */
    static String zonedExpressions(String message, List<ScheduleSpec> schedules, String zone) {
        StringBuilder out = new StringBuilder(message);
        int from = 0;
        for (ScheduleSpec s : schedules) {
            if (!local(s)) {
                continue;
            }
            String shown = "(" + s.expression() + ")";
            int at = out.indexOf(shown, from);
            if (at < 0) {
                continue;
            }
            String mark = " (" + zone + ASSUMED_MARK + ")";
            out.insert(at + shown.length(), mark);
            from = at + shown.length() + mark.length();
        }
        return out.toString();
    }

    /**
     * The schedule of a job of {@code kind} as the scan marks it: said to be not proven when it is read in the host's
     * zone and that zone is only assumed, else as it is. For a schedule rebuilt outside a scan (the cutover reads a
     * disabled crontab line back from its marker), so that it says what the scanned line said.
     */
    public static ScheduleSpec marked(JobKind kind, ScheduleSpec s, HostZoneUsed hostZone) {
        Advice advice = ADVICE.get(kind.slug());
        return hostZone.assumed() && advice != null && local(s) ? s.withUnproven(reason(s, advice, hostZone)) : s;
    }

    /**
     * The reason, worded for the schedule: a wall clock (cron, calendar) has only its zone unknown; an interval
     * counted from a local start has its start unknown.
     */
    private static String reason(ScheduleSpec s, Advice advice, HostZoneUsed hostZone) {
        String head = s.form() == ScheduleSpec.Form.INTERVAL ? ScheduleSpec.ZONE_NOT_PROVEN + " not proven"
                : ScheduleSpec.CLOCK_ZONE_NOT_PROVEN;
        return head + " (" + advice.runs() + ", and neither --host-zone nor the tree (etc/timezone, etc/localtime link, "
                + "etc/sysconfig/clock) names that zone: read in " + hostZone.zone() + "; pass --host-zone ZONE, or "
                + advice.fix() + ")";
    }

    /**
     * Read in the host's zone, with nothing else unknown about it (what is unknown already says so), and firing at
     * instants that zone decides: {@code *}/15 past every hour fires alike in every zone ({@link ZoneFreeSchedules}),
     * so not knowing the zone leaves nothing unproven.
     */
    private static boolean local(ScheduleSpec s) {
        return s.timezone() == null && s.dependsOnZone() && s.unproven() == null
                && !ZoneFreeSchedules.firesAlikeInEveryZone(s);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Advice> load() {
        String resource = "assumed-local-zones.yaml";
        try (InputStream in = AssumedLocalZones.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Map<String, Map<String, Object>> raw = new Yaml().load(in);
            Map<String, Advice> out = new LinkedHashMap<>();
            raw.forEach((kind, a) -> out.put(kind, new Advice((String) a.get("runs"), (String) a.get("fix"),
                    List.copyOf((List<String>) a.getOrDefault("findings", List.of())),
                    List.copyOf((List<String>) a.getOrDefault("expressions", List.of())))));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
