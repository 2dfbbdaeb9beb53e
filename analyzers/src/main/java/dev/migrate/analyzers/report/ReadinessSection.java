package dev.migrate.analyzers.report;

import static dev.migrate.analyzers.report.HtmlReport.esc;

import dev.migrate.analyzers.cutover.EvidenceReader;
import dev.migrate.analyzers.cutover.Gate;
import dev.migrate.analyzers.cutover.JobReadiness;
import dev.migrate.analyzers.cutover.ReadinessState;
import dev.migrate.analyzers.model.Redactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cutover readiness view of the HTML report: a chart of jobs by state, and per job its state, the
 * gates still missing with what they wait for, and the latest validation. Evidence text (including notes
 * people recorded) passes through the {@link Redactor} like every other free text in a report.
 */
final class ReadinessSection {
    private ReadinessSection() {
    }

    static void write(List<JobReadiness> readiness, StringBuilder h) {
        h.append("<h2>Cutover readiness</h2>\n<section class=\"charts\">")
                .append(BarChart.svg("chart-readiness", "Jobs by readiness state", byState(readiness)))
                .append("</section>\n<table id=\"readiness\"><thead><tr><th>Job</th><th>State</th>"
                        + "<th>Gates missing</th><th>Latest validation</th></tr></thead>\n<tbody>\n");
        for (JobReadiness r : readiness) {
            h.append("<tr data-job=\"").append(esc(r.job().key())).append("\" data-state=\"").append(r.stateSlug())
                    .append("\"><td><code>").append(esc(Redactor.redact(r.job().key()))).append("</code></td><td>")
                    .append(r.stateSlug()).append("</td><td><ul class=\"gates\">");
            for (Gate g : r.missing()) {
                h.append("<li><b>").append(g.state().slug()).append("</b>: ").append(esc(Redactor.redact(g.evidence())))
                        .append("</li>");
            }
            h.append("</ul></td><td>").append(validation(r.latest())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static String validation(EvidenceReader.Validation v) {
        if (v == null) {
            return "none recorded";
        }
        return "<span class=\"validation-" + esc(v.status()) + "\">" + esc(v.status()) + "</span> " + esc(v.finishedAt())
                + " (" + v.passed() + " passed, " + v.failed() + " failed; run <code>" + esc(v.runId()) + "</code>)";
    }

    /** Every state in order, including empty ones, then jobs not even scanned. */
    private static Map<String, Long> byState(List<JobReadiness> readiness) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ReadinessState s : ReadinessState.values()) {
            m.put(s.slug(), readiness.stream().filter(r -> r.state() == s).count());
        }
        long none = readiness.stream().filter(r -> r.state() == null).count();
        if (none > 0) {
            m.put("none", none);
        }
        return m;
    }
}
