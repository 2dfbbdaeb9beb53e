package dev.migrate.analyzers.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanNote;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine-readable inventory. Its shape is fixed by {@code inventory.schema.json} (same package);
 * bump {@link #SCHEMA_VERSION} and the schema together when the shape changes.
 */
public final class JsonReport implements ReportWriter {
    public static final String SCHEMA_VERSION = "1.6";
    public static final String SCHEMA_RESOURCE = "/dev/migrate/analyzers/report/inventory.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        JSON.writeValue(new NonClosing(out), toTree(inv, rules));
        out.write('\n');
    }

    ObjectNode toTree(Inventory inv, RuleRegistry rules) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("root", inv.root());
        root.putObject("hostZone").put("zone", inv.hostZone().zone()).put("from", inv.hostZone().from().label())
                .put("where", inv.hostZone().where());
        ObjectNode summary = root.putObject("summary");
        summary.put("filesSeen", inv.stats().filesSeen());
        summary.put("filesParsed", inv.stats().filesParsed());
        summary.put("jobs", inv.jobs().size());
        summary.put("findings", inv.findings().size());
        summary.put("suppressed", inv.stats().suppressed());
        summary.put("baselined", inv.baseline().baselined().size());
        summary.put("baselineAbsent", inv.baseline().absent().size());
        ObjectNode sev = summary.putObject("findingsBySeverity");
        inv.findingsBySeverity().forEach((k, v) -> sev.put(Reports.label(k), v));
        ObjectNode kinds = summary.putObject("jobsByKind");
        inv.jobsByKind().forEach(kinds::put);
        ArrayNode jobs = root.putArray("jobs");
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        inv.jobs().forEach(j -> jobs.add(job(j, views)));
        ArrayNode findings = root.putArray("findings");
        inv.findings().forEach(f -> findings.add(finding(f, rules, inv.baseline().stateOf(f))));
        ArrayNode notes = root.putArray("notes");
        for (ScanNote n : inv.notes()) {
            notes.addObject().put("path", n.path()).put("reason", Reports.label(n.reason())).put("detail", n.detail());
        }
        return root;
    }

    private static ObjectNode job(Job j, ScheduleView.Cache views) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", j.id());
        o.put("kind", j.kind().slug());
        o.put("name", j.name());
        o.set("source", where(j.source()));
        ArrayNode schedules = o.putArray("schedules");
        for (ScheduleSpec s : j.schedules()) {
            ObjectNode so = schedules.addObject();
            so.put("form", Reports.label(s.form()));
            so.put("expression", s.expression());
            so.put("timezone", s.timezone());
            so.set("where", where(s.where()));
            if (s.paused()) {
                // only where it is switched off: a schedule without the key runs, as in prefect.yaml
                so.put("active", false);
            }
            ScheduleView v = views.of(j, s);
            so.put("description", v.description());
            ObjectNode p = so.putObject("prefect");
            p.put("schedule", v.prefect());
            if (v.exact() == null) {
                p.putNull("exact");
            } else {
                p.put("exact", v.exact());
            }
            p.put("compared", v.compared());
            p.put("sourceAt", v.sourceAt());
            p.put("prefectAt", v.prefectAt());
            p.put("reason", v.reason());
            if (v.unproven() != null) {
                // only where the source leaves the start or the zone unknown (schemaVersion 1.6): exact is then false
                p.put("unproven", v.unproven());
            }
        }
        o.put("command", j.command());
        o.put("user", j.user());
        o.set("env", map(j.env()));
        o.put("workingDir", j.workingDir());
        o.put("overlap", Reports.label(j.overlap()));
        ArrayNode deps = o.putArray("dependsOn");
        j.dependsOn().forEach(deps::add);
        o.set("attributes", map(j.attributes()));
        return o;
    }

    /** {@code baselineState} ("new" or "unchanged") only when a baseline was given. */
    private static ObjectNode finding(Finding f, RuleRegistry rules, String baselineState) {
        ObjectNode o = JSON.createObjectNode();
        o.put("code", f.code());
        o.put("title", rules.find(f.code()).map(r -> r.title()).orElse(f.code()));
        o.put("severity", Reports.label(f.severity()));
        o.put("applicability", Reports.label(f.applicability()));
        o.put("message", f.message());
        o.set("location", where(f.where()));
        o.put("jobId", f.jobId());
        if (baselineState != null) {
            o.put("baselineState", baselineState);
        }
        return o;
    }

    private static ObjectNode where(SourceRef r) {
        return JSON.createObjectNode().put("path", r.path()).put("line", r.line()).put("column", r.column());
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode o = JSON.createObjectNode();
        new TreeMap<>(m).forEach(o::put);
        return o;
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
