package dev.migrate.validators.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a report, field by field as in validation-result.schema.json. Built explicitly so
 * that renaming a Java member can never change the published schema.
 */
public final class ReportJson {
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static ObjectNode report(ValidationReport r) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", r.schemaVersion());
        root.put("config_file", r.configFile());
        root.put("started_at", r.startedAt());
        root.put("finished_at", r.finishedAt());
        root.put("status", r.status().id());
        ArrayNode jobs = root.putArray("jobs");
        r.jobs().forEach(j -> jobs.add(job(j)));
        return root;
    }

    public static ObjectNode job(JobResult j) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("job", j.job());
        n.put("run_id", j.runId());
        n.put("legacy_run", j.legacyRun());
        n.put("new_run", j.newRun());
        n.put("status", j.status().id());
        n.put("config_digest", j.contract());
        ArrayNode checks = n.putArray("checks");
        j.checks().forEach(c -> checks.add(check(c)));
        return n;
    }

    public static ObjectNode check(CheckResult c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("dataset", c.dataset());
        n.put("check", c.check().id());
        n.put("subject", c.subject());
        n.put("legacy_value", c.legacyValue());
        n.put("new_value", c.newValue());
        n.put("difference", c.difference());
        n.put("threshold", c.threshold());
        n.put("status", c.status().id());
        n.put("message", c.message());
        n.set("samples", samples(c.samples()));
        return n;
    }

    public static ArrayNode samples(List<SampleRow> rows) {
        ArrayNode out = MAPPER.createArrayNode();
        for (SampleRow s : rows) {
            ObjectNode n = out.addObject();
            n.put("kind", s.kind());
            n.set("key", map(s.key()));
            ArrayNode d = n.putArray("differing_columns");
            s.differing().forEach(d::add);
            n.set("legacy", map(s.legacy()));
            n.set("new", map(s.current()));
            // the columns whose value, shown as compared, reads otherwise than it is stored (2.5 for ' 2.50 ')
            n.set("legacy_raw", map(s.legacyRaw()));
            n.set("new_raw", map(s.currentRaw()));
        }
        return out;
    }

    private static ObjectNode map(Map<String, String> m) {
        ObjectNode n = MAPPER.createObjectNode();
        m.forEach(n::put);
        return n;
    }
}
