package dev.migrate.analyzers.report;

import dev.migrate.analyzers.activity.ActivityResolver;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The single entry point for writing reports: redaction happens here, once, for every format. */
public final class Reports {
    private Reports() {
    }

    public static void write(ReportFormat format, Inventory inventory, RuleRegistry rules, Writer out) throws IOException {
        format.writer().write(inventory.redacted(), rules, out);
        out.flush();
    }

    /** The terminal report for a terminal {@code width} columns wide (0: unknown, the table is not narrowed). */
    public static void writeTerminal(Inventory inventory, RuleRegistry rules, int width, Writer out) throws IOException {
        new TerminalReport(width).write(inventory.redacted(), rules, out);
        out.flush();
    }

    /** The HTML report with the cutover readiness view; readiness text is redacted like the rest. */
    public static void writeHtml(Inventory inventory, RuleRegistry rules,
            java.util.List<dev.migrate.analyzers.cutover.JobReadiness> readiness, Writer out) throws IOException {
        new HtmlReport(readiness).write(inventory.redacted(), rules, out);
        out.flush();
    }

    /** {@code breaking}, {@code deprecated}, {@code info}: how severities appear in every report. */
    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** "3 jobs, 5 findings (2 breaking, 1 deprecated, 2 info)". */
    static String summaryLine(Inventory inv) {
        Map<Severity, Long> by = inv.findingsBySeverity();
        String sev = by.entrySet().stream().map(e -> e.getValue() + " " + label(e.getKey()))
                .collect(Collectors.joining(", "));
        return inv.jobs().size() + " job" + (inv.jobs().size() == 1 ? "" : "s") + ", "
                + inv.findings().size() + " finding" + (inv.findings().size() == 1 ? "" : "s") + " (" + sev + ")"
                + (inv.baseline().active() ? ", " + inv.baseline().baselined().size() + " of them baselined" : "")
                + (inv.stats().suppressed() == 0 ? "" : ", " + inv.stats().suppressed() + " suppressed by migrate: ignore comments")
                + baselineAbsent(inv)
                + "; "
                + inv.stats().filesSeen() + " files scanned, " + inv.stats().filesParsed() + " parsed, "
                + inv.notes().size() + " skipped or unreadable";
    }

    /**
     * The zone schedules without one were read in, and where it came from: {@code Host zone: Europe/Paris (from
     * etc/timezone:1)}. Every proof of such a schedule holds only in that zone.
     */
    static String hostZoneLine(Inventory inv) {
        return "Host zone: " + inv.hostZone().describe() + "; schedules that name no zone were read in it"
                + (inv.hostZone().from() == dev.migrate.analyzers.scan.HostZoneUsed.From.ASSUMED
                        ? " (--host-zone ZONE sets the host's)" : "");
    }

    /** The baseline's entries that match no finding, with what to do about them; "" when there are none. */
    static String baselineAbsent(Inventory inv) {
        int n = inv.baseline().absent().size();
        return n == 0 ? "" : ", " + n + " baseline " + (n == 1 ? "entry matches" : "entries match") + " no finding"
                + " (fixed or changed: rewrite the baseline with --write-baseline)";
    }

    /** How a finding's line marks it when a baseline lists it: " (baselined)", or "". */
    static String baselinedMark(Inventory inv, dev.migrate.analyzers.model.Finding f) {
        return inv.baseline().isBaselined(f) ? " (baselined)" : "";
    }

    /** Whether the scan read scheduler logs that cover some job (the reports then show each job's last run). */
    static boolean hasActivity(Inventory inv) {
        return inv.jobs().stream().anyMatch(j -> j.attributes().containsKey(ActivityResolver.RUNS));
    }

    /**
     * A job's last run as the logs show it: {@code 2024-02-12 02:30}, {@code none logged} when the logs cover its scheduler
     * but hold no run, {@code -} when they do not cover it; failed runs are counted after it.
     */
    static String lastRun(dev.migrate.analyzers.model.Job j) {
        java.util.Map<String, String> a = j.attributes();
        if (!a.containsKey(ActivityResolver.RUNS)) {
            return "-";
        }
        String last = a.get(ActivityResolver.LAST_RUN);
        String shown = last == null ? "none logged" : last.substring(0, Math.min(16, last.length())).replace('T', ' ');
        return a.containsKey(ActivityResolver.FAILURES) ? shown + " (" + a.get(ActivityResolver.FAILURES) + " failed)" : shown;
    }

    /**
     * How the job's naive anchors were read ({@link dev.migrate.analyzers.schedule.NaiveAnchors#ATTRIBUTE}), after an
     * anchored interval's description: " (naive anchor read as UTC, as Prefect 2 does)"; "" for any other schedule.
     */
    static String anchorReading(dev.migrate.analyzers.model.Job j, dev.migrate.analyzers.model.ScheduleSpec s) {
        String reading = j.attributes().get(dev.migrate.analyzers.schedule.NaiveAnchors.ATTRIBUTE);
        return reading == null || s.form() != dev.migrate.analyzers.model.ScheduleSpec.Form.INTERVAL
                || !s.expression().startsWith("R/") ? "" : " (" + reading + ")";
    }

    /**
     * The job's attributes as people read them, {@code name=value}, by name as the JSON report lists them: what the
     * scan learnt about the job beyond its table's columns ({@code prefect1.project=etl}, {@code installer.HOME=/opt/x},
     * {@code service=etc/systemd/system/x.service}). Writers get the redacted inventory ({@link #write}), whose values
     * are masked where the name says it holds a secret and redacted like any other text elsewhere: these are those.
     */
    static java.util.List<String> attributes(dev.migrate.analyzers.model.Job j) {
        java.util.List<String> shown = new java.util.ArrayList<>(j.attributes().size());
        new java.util.TreeMap<>(j.attributes()).forEach((k, v) -> shown.add(k + "=" + v));
        return shown;
    }

    /** The job's schedules as data (CSV): expression and zone each. */
    static String schedules(dev.migrate.analyzers.model.Job j) {
        return schedules(j, false);
    }

    /**
     * The job's schedules for people (terminal, Markdown, HTML): a schedule switched off on its own ({@code active:
     * false}) is marked, so a row does not read as two live schedules.
     */
    static String schedulesShown(dev.migrate.analyzers.model.Job j) {
        return schedules(j, true);
    }

    private static String schedules(dev.migrate.analyzers.model.Job j, boolean markPaused) {
        return j.schedules().stream()
                .map(s -> s.expression() + s.zoneLabel()
                        + (markPaused && s.paused() ? " [paused]" : ""))
                .collect(Collectors.joining("; "));
    }
}
