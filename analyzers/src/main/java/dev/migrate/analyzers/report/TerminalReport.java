package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanNote;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The default human report: a job table, one line per schedule, the jobs' attributes, one line per finding
 * (path:line:col CODE severity message), a summary.
 * Scanned text goes through {@link Printable#line}, so a file cannot send escape sequences to the reader's terminal.
 */
public final class TerminalReport implements ReportWriter {
    /** Skipped files beyond this many are only counted, so a tree full of binaries stays readable. */
    static final int NOTES_SHOWN = 20;

    private final int width;

    /** For a file or a pipe: the job table as wide as its longest cells. */
    public TerminalReport() {
        this(0);
    }

    /**
     * For a terminal {@code width} columns wide (0 or less: unknown): the job table's schedule, id and last-run columns
     * are shortened, down to a floor, so that its rows fit instead of each wrapping over two or three lines.
     */
    public TerminalReport(int width) {
        this.width = width;
    }

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        out.write("Jobs (" + inv.jobs().size() + ")\n");
        if (!inv.jobs().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            boolean activity = Reports.hasActivity(inv);
            rows.add(activity ? new String[] {"ID", "KIND", "SCHEDULE", "LAST RUN", "SOURCE"}
                    : new String[] {"ID", "KIND", "SCHEDULE", "SOURCE"});
            for (Job j : inv.jobs()) {
                // a crontab's fields may be separated by tabs, which would break the table's columns
                String schedule = clip(Printable.line(Reports.schedulesShown(j).replaceAll("\\s+", " ")), 48);
                String source = Printable.line(j.source().toString());
                rows.add(activity ? new String[] {j.id(), j.kind().slug(), schedule, Reports.lastRun(j), source}
                        : new String[] {j.id(), j.kind().slug(), schedule, source});
            }
            table(rows, out, width);
        }
        schedules(inv, out);
        attributes(inv, out);
        out.write("\nFindings (" + inv.findings().size() + ")\n");
        for (Finding f : inv.findings()) {
            out.write(Printable.line(f.where().toString()) + ": " + f.code() + " [" + Reports.label(f.severity()) + "] "
                    + Printable.line(f.message()) + Reports.baselinedMark(inv, f) + "\n");
        }
        fixes(inv, rules, out);
        absent(inv, out);
        if (!inv.notes().isEmpty()) {
            out.write("\nSkipped (" + inv.notes().size() + ")\n");
            for (ScanNote n : inv.notes().subList(0, Math.min(NOTES_SHOWN, inv.notes().size()))) {
                out.write(Printable.line(n.path()) + ": " + Reports.label(n.reason()) + " - " + Printable.line(n.detail()) + "\n");
            }
            if (inv.notes().size() > NOTES_SHOWN) {
                out.write("... and " + (inv.notes().size() - NOTES_SHOWN) + " more (see --format json)\n");
            }
        }
        out.write("\n" + Reports.summaryLine(inv) + "\n");
    }

    /** The baseline's entries that match no finding, so a person sees what went before rewriting the baseline. */
    private static void absent(Inventory inv, Writer out) throws IOException {
        List<dev.migrate.analyzers.baseline.BaselineEntry> absent = inv.baseline().absent();
        if (absent.isEmpty()) {
            return;
        }
        out.write("\nBaseline entries that match no finding (" + absent.size() + "; rewrite it with --write-baseline)\n");
        for (var e : absent.subList(0, Math.min(NOTES_SHOWN, absent.size()))) {
            out.write(Printable.line(e.toString()) + "\n");
        }
        if (absent.size() > NOTES_SHOWN) {
            out.write("... and " + (absent.size() - NOTES_SHOWN) + " more (see --format sarif)\n");
        }
    }

    /** One line per code a recipe acts on: how many findings, what kind of fix, which recipes. */
    private static void fixes(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        List<FixRows> rows = FixRows.of(inv, rules);
        if (rows.isEmpty()) {
            return;
        }
        out.write("\nFixes\n" + FixRows.HOW.replace("`", "'") + "\n");
        for (FixRows r : rows) {
            out.write(r.code() + " (" + r.findings() + (r.findings() == 1 ? " finding, " : " findings, ") + r.fix() + "): "
                    + String.join(", ", r.recipes()) + "\n");
        }
    }

    /**
     * One line per job that has attributes, after its schedules' lines (the table is too narrow for them):
     * {@code ID: name=value, name=value}. Values are printed whole, as findings' messages are.
     */
    private static void attributes(Inventory inv, Writer out) throws IOException {
        List<Job> with = inv.jobs().stream().filter(j -> !j.attributes().isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        out.write("\nJob attributes (" + with.size() + ")\n");
        for (Job j : with) {
            out.write(j.id() + ": " + Printable.line(String.join(", ", Reports.attributes(j))) + "\n");
        }
    }

    /** One line per schedule: what it means and what Prefect 3 makes of it. */
    private static void schedules(Inventory inv, Writer out) throws IOException {
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        boolean any = inv.jobs().stream().anyMatch(j -> !j.schedules().isEmpty());
        if (!any) {
            return;
        }
        out.write("\nSchedules (description -> Prefect 3, 50-fire-time proof)\n");
        for (Job j : inv.jobs()) {
            for (ScheduleSpec s : j.schedules()) {
                ScheduleView v = views.of(j, s);
                out.write(j.id() + ": " + Printable.line(v.description() + Reports.anchorReading(j, s)) + " -> "
                        + Printable.line(v.verdict()) + "\n");
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** An id shortened in the middle: its kind prefix and its hash suffix, which tells jobs apart, stay readable. */
    private static String clipMiddle(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int tail = Math.min(9, max / 2);
        return s.substring(0, max - 3 - tail) + "..." + s.substring(s.length() - tail);
    }

    private static void table(List<String[]> rows, Writer out, int terminalWidth) throws IOException {
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        if (terminalWidth > 0) {
            fit(widths, rows.get(0), terminalWidth);
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                String cell = r[i].length() <= widths[i] || i == r.length - 1 ? r[i]
                        : i == 0 ? clipMiddle(r[i], widths[i]) : clip(r[i], widths[i]);
                sb.append(i == r.length - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
            }
            out.write(sb.toString().stripTrailing() + "\n");
        }
    }

    /**
     * Narrows columns until a row fits {@code terminalWidth}: the schedule first (to 16), then the id (to 24), then the
     * last run (to 16); the kind and the source (last, where a path:line is wanted whole) are never cut, and a row that
     * still does not fit wraps.
     */
    private static void fit(int[] widths, String[] header, int terminalWidth) {
        int last = widths.length - 1;
        int total = widths[last];
        for (int i = 0; i < last; i++) {
            total += widths[i] + 2;
        }
        int over = total - terminalWidth;
        for (String column : List.of("SCHEDULE", "ID", "LAST RUN")) {
            int i = java.util.Arrays.asList(header).indexOf(column);
            if (i < 0) {
                continue;
            }
            int floor = Math.max(column.equals("ID") ? 24 : 16, header[i].length());
            int cut = Math.max(0, Math.min(over, widths[i] - floor));
            widths[i] -= cut;
            over -= cut;
        }
    }
}
