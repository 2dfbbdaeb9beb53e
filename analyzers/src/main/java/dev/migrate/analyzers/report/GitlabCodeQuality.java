package dev.migrate.analyzers.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab's Code Quality report (the JSON array a job names under {@code artifacts:reports:codequality}): merge
 * requests then show the findings the change adds or fixes. GitLab tells findings apart by their fingerprint, so it
 * leaves out the line: a finding keeps its fingerprint when lines are added above it (code, path, job, message, and
 * which of several equal findings it is). Findings a baseline lists are left out.
 */
public final class GitlabCodeQuality implements ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        ArrayNode issues = JSON.createArrayNode();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : inv.findings()) {
            if (inv.baseline().active() && inv.baseline().baselined().contains(f)) {
                continue;
            }
            String identity = f.code() + '\0' + f.where().path() + '\0' + (f.jobId() == null ? "" : f.jobId()) + '\0'
                    + f.message();
            int occurrence = seen.merge(identity, 1, Integer::sum);
            ObjectNode issue = issues.addObject();
            issue.put("description", f.message());
            issue.put("check_name", f.code());
            issue.put("fingerprint", fingerprint(identity + '\0' + occurrence));
            issue.put("severity", severity(f.severity()));
            ObjectNode location = issue.putObject("location");
            location.put("path", f.where().path());
            location.putObject("lines").put("begin", Math.max(1, f.where().line()));
        }
        JSON.writer().writeValue(new java.io.FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        }, issues);
        out.write('\n');
    }

    /** GitLab's scale is info, minor, major, critical, blocker; a breaking finding stops the job on Prefect 3. */
    static String severity(Severity s) {
        return switch (s) {
            case BREAKING -> "critical";
            case DEPRECATED -> "minor";
            case INFO -> "info";
        };
    }

    private static String fingerprint(String identity) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
