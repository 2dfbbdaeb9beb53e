package dev.migrate.analyzers.report;

import dev.migrate.analyzers.activity.ActivityResolver;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file: inline CSS, inline script and inline SVG charts, and a Content-Security-
 * Policy that forbids any network access. The inventory table sorts on a header click, or on load when the
 * URL hash says {@code #sort=KEY} (or {@code #sort=-KEY} for descending).
 */
public final class HtmlReport implements ReportWriter {
    private static final String ASSETS = "/dev/migrate/analyzers/report/";
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    private final List<JobReadiness> readiness;

    /** The scan report alone. */
    public HtmlReport() {
        this(null);
    }

    /** With a readiness view of the cutover (jobs by state, missing gates, latest validation), when not null. */
    public HtmlReport(List<JobReadiness> readiness) {
        this.readiness = readiness == null ? null : List.copyOf(readiness);
    }

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        Map<String, List<Finding>> byJob = new LinkedHashMap<>();
        List<Finding> estate = new ArrayList<>();
        for (Finding f : inv.findings()) {
            if (f.jobId() == null) {
                estate.add(f);
            } else {
                byJob.computeIfAbsent(f.jobId(), k -> new ArrayList<>()).add(f);
            }
        }
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<title>migrate scan: ").append(esc(inv.root())).append("</title>\n<style>")
                .append(asset("report.css")).append("</style></head>\n<body>\n");
        h.append("<h1>Scan of <code>").append(esc(inv.root())).append("</code></h1>\n");
        h.append("<p id=\"summary\">").append(esc(Reports.summaryLine(inv))).append("</p>\n");
        h.append("<p id=\"host-zone\">").append(esc(Reports.hostZoneLine(inv))).append("</p>\n");
        h.append("<section class=\"charts\">")
                .append(BarChart.svg("chart-kinds", "Jobs by kind", inv.jobsByKind()))
                .append(BarChart.svg("chart-severity", "Findings by severity", severities(inv)))
                .append("</section>\n");
        inventoryTable(inv, byJob, h);
        scheduleTable(inv, h);
        if (readiness != null) {
            ReadinessSection.write(readiness, h);
        }
        fixTable(FixRows.of(inv, rules), h);
        h.append("<h2>Findings by job</h2>\n");
        for (Job j : inv.jobs()) {
            List<Finding> fs = byJob.getOrDefault(j.id(), List.of());
            h.append("<details class=\"job\" id=\"job-").append(esc(j.id())).append("\"").append(fs.isEmpty() ? "" : " open")
                    .append("><summary><code>").append(esc(j.id())).append("</code> ").append(esc(j.name()))
                    .append(" (").append(fs.size()).append(")</summary>\n");
            findingList(inv, fs, h);
            h.append("</details>\n");
        }
        if (!estate.isEmpty()) {
            h.append("<details class=\"job\" id=\"estate\" open><summary>Not tied to a job (")
                    .append(estate.size()).append(")</summary>\n");
            findingList(inv, estate, h);
            h.append("</details>\n");
        }
        if (!inv.notes().isEmpty()) {
            h.append("<h2>Skipped files</h2>\n<ul id=\"notes\">");
            inv.notes().forEach(n -> h.append("<li><code>").append(esc(n.path())).append("</code> ")
                    .append(esc(Reports.label(n.reason()))).append(": ").append(esc(n.detail())).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<script>").append(asset("report.js")).append("</script>\n</body></html>\n");
        out.write(h.toString());
    }

    private static void inventoryTable(Inventory inv, Map<String, List<Finding>> byJob, StringBuilder h) {
        h.append("<h2>Inventory</h2>\n<table id=\"inventory\"><thead><tr>");
        boolean activity = Reports.hasActivity(inv);
        String[][] cols = activity
                ? new String[][] {{"id", "Id"}, {"kind", "Kind"}, {"name", "Name"}, {"schedule", "Schedule"},
                    {"lastrun", "Last run"}, {"source", "Source"}, {"command", "Command"}, {"attributes", "Attributes"},
                    {"findings", "Findings"}}
                : new String[][] {{"id", "Id"}, {"kind", "Kind"}, {"name", "Name"}, {"schedule", "Schedule"},
                    {"source", "Source"}, {"command", "Command"}, {"attributes", "Attributes"}, {"findings", "Findings"}};
        for (String[] c : cols) {
            h.append("<th data-key=\"").append(c[0]).append("\" tabindex=\"0\">").append(c[1]).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Job j : inv.jobs()) {
            int n = byJob.getOrDefault(j.id(), List.of()).size();
            h.append("<tr data-id=\"").append(esc(j.id())).append("\">");
            cell(h, "id", j.id(), "<a href=\"#job-" + esc(j.id()) + "\"><code>" + esc(j.id()) + "</code></a>");
            cell(h, "kind", j.kind().slug(), esc(j.kind().slug()));
            cell(h, "name", j.name(), esc(j.name()));
            String sched = Reports.schedulesShown(j);
            cell(h, "schedule", sched, esc(sched));
            if (activity) {
                // sorted by the time itself; jobs no log covers sort first, then those with none logged
                String last = j.attributes().getOrDefault(ActivityResolver.LAST_RUN, j.attributes().containsKey(ActivityResolver.RUNS) ? "0" : "");
                cell(h, "lastrun", last, esc(Reports.lastRun(j)));
            }
            // Sort sources by path, then numerically by line. A tab ends the path: it sorts before every printable
            // character, so "a/b" comes before "a/b-c", and unlike NUL it is allowed in an HTML attribute.
            String sortSource = j.source().path() + "\t" + String.format("%09d", j.source().line());
            cell(h, "source", sortSource, esc(j.source().toString()));
            String cmd = j.command() == null ? "" : j.command();
            cell(h, "command", cmd, "<code>" + esc(cmd) + "</code>");
            // one name=value a line: a value may be a sentence, and the next name must not read as part of it
            List<String> attributes = Reports.attributes(j);
            cell(h, "attributes", String.join("\n", attributes), attributes.stream().map(a -> "<code>" + esc(a) + "</code>")
                    .collect(Collectors.joining("<br>")));
            cell(h, "findings", String.format("%09d", n), String.valueOf(n));
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** Every schedule with its meaning and its Prefect 3 translation; rows not proven exact are marked. */
    private static void scheduleTable(Inventory inv, StringBuilder h) {
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        h.append("<h2>Schedules</h2>\n<table id=\"schedules\"><thead><tr><th>Job</th><th>Schedule</th><th>Means</th>")
                .append("<th>Prefect 3</th><th>Proof</th></tr></thead>\n<tbody>\n");
        for (Job j : inv.jobs()) {
            for (dev.migrate.analyzers.model.ScheduleSpec s : j.schedules()) {
                ScheduleView v = views.of(j, s);
                boolean exact = Boolean.TRUE.equals(v.exact());
                h.append("<tr class=\"").append(exact ? "exact" : "inexact").append("\"><td><code>").append(esc(j.id()))
                        .append("</code></td><td><code>").append(esc(s.expression()))
                        .append(esc(s.zoneLabel())).append("</code></td><td>")
                        .append(esc(v.description() + Reports.anchorReading(j, s))).append("</td><td><code>").append(esc(v.prefect() == null ? "" : v.prefect()))
                        .append("</code></td><td>").append(esc(v.proof())).append("</td></tr>\n");
            }
        }
        h.append("</tbody></table>\n");
    }

    /** The recipes that act on the codes found, with how to review them first. */
    private static void fixTable(List<FixRows> rows, StringBuilder h) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Fixes</h2>\n<p>").append(esc(FixRows.HOW)).append("</p>\n<table id=\"fixes\"><thead><tr>")
                .append("<th>code</th><th>findings</th><th>fix</th><th>recipes</th></tr></thead><tbody>\n");
        for (FixRows r : rows) {
            h.append("<tr><td><b>").append(esc(r.code())).append("</b></td><td>").append(r.findings()).append("</td><td>")
                    .append(esc(r.fix())).append("</td><td>");
            for (int i = 0; i < r.recipes().size(); i++) {
                h.append(i == 0 ? "" : "<br>").append("<code>").append(esc(r.recipes().get(i))).append("</code>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void cell(StringBuilder h, String key, String sortValue, String html) {
        h.append("<td data-key=\"").append(key).append("\" data-value=\"").append(esc(sortValue)).append("\">")
                .append(html).append("</td>");
    }

    private static void findingList(Inventory inv, List<Finding> fs, StringBuilder h) {
        h.append("<ul class=\"findings\">");
        for (Finding f : fs) {
            h.append("<li class=\"sev-").append(Reports.label(f.severity())).append("\"><code>")
                    .append(esc(f.where().toString())).append("</code> <b>").append(f.code()).append("</b> [")
                    .append(Reports.label(f.severity())).append(", ").append(Reports.label(f.applicability()))
                    .append(inv.baseline().isBaselined(f) ? ", baselined" : "")
                    .append("] ").append(esc(f.message())).append("</li>");
        }
        h.append("</ul>\n");
    }

    private static Map<String, Long> severities(Inventory inv) {
        return inv.findingsBySeverity().entrySet().stream().collect(Collectors.toMap(
                e -> Reports.label(e.getKey()), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Scanned text as HTML: markup characters as entities, control and bidi characters as visible escapes. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        s = Printable.markup(s);
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String asset(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                throw new IllegalStateException("report asset " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Severity colours, shared by the chart and the CSS classes. */
    static String colour(String label) {
        return switch (label) {
            case "breaking" -> "#c62828";
            case "deprecated" -> "#ef6c00";
            case "info" -> "#1565c0";
            default -> "#546e7a";
        };
    }

    static boolean isSeverity(String label) {
        for (Severity s : Severity.values()) {
            if (Reports.label(s).equals(label)) {
                return true;
            }
        }
        return false;
    }
}
