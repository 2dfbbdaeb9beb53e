package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanNote;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Markdown report for pull requests and wikis: summary, inventory table, schedules, findings, the recipes that
 * fix them, skipped files.
 */
public final class MarkdownReport implements ReportWriter {
    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        out.write("# Scan of `" + code(inv.root()) + "`\n\n" + Reports.summaryLine(inv) + "\n\n");
        out.write("## Jobs\n\n| id | kind | name | schedule | source | command |\n|---|---|---|---|---|---|\n");
        for (Job j : inv.jobs()) {
            out.write("| `" + code(j.id()) + "` | " + cell(j.kind().slug()) + " | " + cell(j.name()) + " | "
                    + cell(Reports.schedules(j)) + " | " + cell(j.source().toString()) + " | "
                    + (j.command() == null ? "" : "`" + code(j.command()) + "`") + " |\n");
        }
        scheduleTable(inv, out);
        out.write("\n## Findings\n\n| location | code | severity | fix | message |\n|---|---|---|---|---|\n");
        for (Finding f : inv.findings()) {
            out.write("| " + cell(f.where().toString()) + " | [" + f.code() + "](docs/rules/" + f.code() + ".md) | "
                    + Reports.label(f.severity()) + " | " + Reports.label(f.applicability()) + " | "
                    + cell(f.message()) + " |\n");
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
        Map<String, Long> counts = new TreeMap<>();
        inv.findings().forEach(f -> counts.merge(f.code(), 1L, Long::sum));
        StringBuilder rows = new StringBuilder();
        counts.forEach((code, n) -> rules.find(code).filter(r -> !r.fixedBy().isEmpty()).ifPresent(r -> rows
                .append("| [").append(code).append("](docs/rules/").append(code).append(".md) | ").append(n).append(" | ")
                .append(r.applicability() == Applicability.MANUAL ? "partly (a person finishes)"
                        : Reports.label(r.applicability()).replace('_', ' '))
                .append(" | ").append(String.join(", ", r.fixedBy().stream().map(x -> "`" + x + "`").toList()))
                .append(" |\n")));
        if (!rows.isEmpty()) {
            out.write("\n## Fixes\n\nRun `migrate rewrite PATH --dry-run --recipe NAME` (or a composite that includes it) "
                    + "to review a fix before applying it.\n\n| code | findings | fix | recipes |\n|---|---|---|---|\n");
            out.write(rows.toString());
        }
    }

    /** Each schedule with its description and its Prefect 3 translation, proven or not. */
    private static void scheduleTable(Inventory inv, Writer out) throws IOException {
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        out.write("\n## Schedules\n\n| job | schedule | means | Prefect 3 | proof |\n|---|---|---|---|---|\n");
        for (Job j : inv.jobs()) {
            for (ScheduleSpec s : j.schedules()) {
                ScheduleView v = views.of(s);
                out.write("| `" + code(j.id()) + "` | " + cell(s.expression() + (s.timezone() == null ? "" : " (" + s.timezone() + ")"))
                        + " | " + cell(v.description()) + " | " + cell(v.prefect()) + " | " + cell(v.proof()) + " |\n");
            }
        }
    }

    /** Table cells: pipes and newlines would break the row; other Markdown is escaped to stay literal. */
    static String cell(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("<", "&lt;");
    }

    private static String code(String s) {
        return s.replace("`", "'").replace("|", "\\|").replace("\n", " ");
    }
}
