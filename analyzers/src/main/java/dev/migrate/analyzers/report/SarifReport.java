package dev.migrate.analyzers.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.Rule;
import dev.migrate.analyzers.rules.RuleDocs;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule with its help text, every finding as a result with a
 * location relative to the repository root ({@code %SRCROOT%}) and a level derived from its severity. With a baseline,
 * every result has SARIF's {@code baselineState}: {@code unchanged} when the baseline lists it, {@code new} when not,
 * and each baseline entry that matches no finding any more is an {@code absent} result of kind {@code pass}.
 */
public final class SarifReport implements ReportWriter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "migrate");
        // No informationUri/helpUri: the project has no public home yet, and SARIF needs absolute URIs there.
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (Rule r : rules.all()) {
            index.put(r.code(), index.size());
            ruleNodes.add(rule(r));
        }
        ArrayNode results = run.putArray("results");
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        Map<String, dev.migrate.analyzers.model.Job> jobs = new HashMap<>();
        inv.jobs().forEach(j -> jobs.put(j.id(), j));
        for (Finding f : inv.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.code());
            if (index.containsKey(f.code())) {
                res.put("ruleIndex", index.get(f.code()));
            }
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            if (inv.baseline().active()) {
                res.put("baselineState", inv.baseline().stateOf(f));
            }
            ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(f.where().path())).put("uriBaseId", "%SRCROOT%");
            // GitHub requires a region; a whole-file finding points at its first line.
            phys.putObject("region").put("startLine", Math.max(1, f.where().line()))
                    .put("startColumn", Math.max(1, f.where().column()));
            if (f.jobId() != null) {
                ObjectNode props = res.putObject("properties");
                props.put("jobId", f.jobId());
                schedules(jobs.get(f.jobId()), views, props);
            }
        }
        absent(inv, index, results);
        ObjectNode runProps = run.putObject("properties");
        // the zone every schedule without one was proven in: a wrong one shifts them all by hours
        runProps.putObject("hostZone").put("zone", inv.hostZone().zone()).put("from", inv.hostZone().from().label())
                .put("where", inv.hostZone().where());
        if (inv.baseline().active()) {
            runProps.put("baselined", inv.baseline().baselined().size())
                    .put("baselineAbsent", inv.baseline().absent().size());
        }
        JSON.writer().writeValue(new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, root);
        out.write('\n');
    }

    /**
     * The baseline's entries that match no finding: gone from this run, so {@code absent} and of kind {@code pass}
     * (level {@code none}, as SARIF requires for a result that is not a failure), on the file they were in.
     */
    private static void absent(Inventory inv, Map<String, Integer> index, ArrayNode results) {
        for (dev.migrate.analyzers.baseline.BaselineEntry e : inv.baseline().absent()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", e.code());
            if (index.containsKey(e.code())) {
                res.put("ruleIndex", index.get(e.code()));
            }
            res.put("kind", "pass");
            res.put("level", "none");
            res.putObject("message").put("text", "the baseline lists this finding, which the scan no longer reports"
                    + (e.text().isEmpty() ? "" : " (line \"" + e.text() + "\")")
                    + ": fixed, or changed; rewrite the baseline with --write-baseline");
            res.put("baselineState", "absent");
            ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
            phys.putObject("artifactLocation").put("uri", uri(e.path())).put("uriBaseId", "%SRCROOT%");
            phys.putObject("region").put("startLine", 1);
        }
    }

    private static ObjectNode rule(Rule r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.code());
        n.put("name", r.title());
        n.putObject("shortDescription").put("text", r.title());
        n.putObject("fullDescription").put("text", r.doc().what());
        n.putObject("help").put("text", r.doc().why() + "\nUse instead:\n" + r.doc().instead())
                .put("markdown", RuleDocs.markdown(r));
        n.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = n.putObject("properties").put("severity", Reports.label(r.severity()))
                .put("applicability", Reports.label(r.applicability()));
        if (!r.fixedBy().isEmpty()) {
            ArrayNode recipes = props.putArray("fixedBy");
            r.fixedBy().forEach(recipes::add);
        }
        return n;
    }

    /** The job's schedules with their Prefect 3 translation, so code scanning shows them next to the finding. */
    private static void schedules(dev.migrate.analyzers.model.Job job, ScheduleView.Cache views, ObjectNode props) {
        if (job == null || job.schedules().isEmpty()) {
            return;
        }
        ArrayNode list = props.putArray("schedules");
        for (dev.migrate.analyzers.model.ScheduleSpec s : job.schedules()) {
            ScheduleView v = views.of(job, s);
            list.addObject().put("expression", s.expression()).put("timezone", s.timezone())
                    .put("description", v.description()).put("prefect", v.verdict());
        }
    }

    /**
     * A relative path as a URI reference (SARIF requires one): every byte of its UTF-8 form other than an unreserved
     * character or a '/' is percent-encoded, so a space, '#', '%' or 'ü' in a directory name keeps the path it names.
     */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    static String level(Severity s) {
        return switch (s) {
            case BREAKING -> "error";
            case DEPRECATED -> "warning";
            case INFO -> "note";
        };
    }
}
