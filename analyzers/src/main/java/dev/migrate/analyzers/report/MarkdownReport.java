package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanNote;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A Markdown report for pull requests and wikis: summary, inventory table (with each job's attributes), schedules,
 * findings, the recipes that fix them, skipped files.
 */
public final class MarkdownReport implements ReportWriter {
    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        out.write("# Scan of " + code(inv.root()) + "\n\n" + Reports.summaryLine(inv) + "\n\n"
                + cell(Reports.hostZoneLine(inv)) + "\n\n");
        boolean activity = Reports.hasActivity(inv);
        out.write("## Jobs\n\n| id | kind | name | schedule | " + (activity ? "last run | " : "") + "source | command | attributes |\n"
                + "|---|---|---|---|" + (activity ? "---|" : "") + "---|---|---|\n");
        for (Job j : inv.jobs()) {
            out.write("| " + code(j.id()) + " | " + cell(j.kind().slug()) + " | " + cell(j.name()) + " | "
                    + cell(Reports.schedulesShown(j)) + " | " + (activity ? cell(Reports.lastRun(j)) + " | " : "")
                    + cell(j.source().toString()) + " | " + code(j.command()) + " | " + attributes(j) + " |\n");
        }
        scheduleTable(inv, out);
        out.write("\n## Findings\n\n| location | code | severity | fix | message |\n|---|---|---|---|---|\n");
        for (Finding f : inv.findings()) {
            out.write("| " + cell(f.where().toString()) + " | [" + f.code() + "](docs/rules/" + f.code() + ".md) | "
                    + Reports.label(f.severity()) + " | " + Reports.label(f.applicability()) + " | "
                    + cell(f.message() + Reports.baselinedMark(inv, f)) + " |\n");
        }
        fixes(inv, rules, out);
        if (!inv.notes().isEmpty()) {
            out.write("\n## Skipped files\n\n| path | reason | detail |\n|---|---|---|\n");
            for (ScanNote n : inv.notes()) {
                out.write("| " + cell(n.path()) + " | " + Reports.label(n.reason()) + " | " + cell(n.detail()) + " |\n");
            }
        }
    }

    /** Which `migrate rewrite` recipes act on the codes found, so a pull request comment says what to run next. */
    private static void fixes(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        List<FixRows> rows = FixRows.of(inv, rules);
        if (rows.isEmpty()) {
            return;
        }
        out.write("\n## Fixes\n\n" + FixRows.HOW + "\n\n| code | findings | fix | recipes |\n|---|---|---|---|\n");
        for (FixRows r : rows) {
            out.write("| [" + r.code() + "](docs/rules/" + r.code() + ".md) | " + r.findings() + " | " + r.fix() + " | "
                    + String.join(", ", r.recipes().stream().map(x -> "`" + x + "`").toList()) + " |\n");
        }
    }

    /** Each schedule with its description and its Prefect 3 translation, proven or not. */
    private static void scheduleTable(Inventory inv, Writer out) throws IOException {
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        out.write("\n## Schedules\n\n| job | schedule | means | Prefect 3 | proof |\n|---|---|---|---|---|\n");
        for (Job j : inv.jobs()) {
            for (ScheduleSpec s : j.schedules()) {
                ScheduleView v = views.of(j, s);
                out.write("| " + code(j.id()) + " | " + cell(s.expression() + s.zoneLabel())
                        + " | " + cell(v.description() + Reports.anchorReading(j, s)) + " | " + cell(v.prefect()) + " | " + cell(v.proof()) + " |\n");
            }
        }
    }

    /**
     * The job's attributes in one cell: each {@code name=value} a code span, so that a value shows as written (paths,
     * underscores, backticks), separated by commas; empty for a job without any.
     */
    private static String attributes(Job j) {
        return String.join(", ", Reports.attributes(j).stream().map(MarkdownReport::code).toList());
    }

    /** Table cells: pipes and newlines would break the row; other Markdown is escaped to stay literal. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        // a link or image would point a reader at an address from a scanned file, an entity (&amp;) would change the text
        return Printable.markup(s).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("&", "\\&").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("[", "\\[")
                .replace("]", "\\]").replace("~", "\\~").replace("<", "&lt;");
    }

    /**
     * A code span that shows {@code s} as it is, backticks included (a shell command's {@code `date +%F`}): fenced with
     * one backtick more than its longest run of them, padded with a space where it starts or ends with one. Empty
     * for null or empty text, which no code span can hold.
     */
    static String code(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String t = Printable.markup(s).replace("\r", " ").replace("\n", " ").replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < t.length(); i++) {
            run = t.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // CommonMark strips one space from each side when both are there, and a backtick at the edge would join the fence
        boolean pad = t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") && t.endsWith(" ") && !t.isBlank();
        return pad ? fence + " " + t + " " + fence : fence + t + fence;
    }
}
