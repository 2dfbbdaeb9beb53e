package dev.migrate.validators.sink;

import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.Status;
import dev.migrate.validators.result.ValidationReport;
import java.io.PrintWriter;

/** The terminal summary: failures and new columns in full, passing checks as one count per dataset. */
public final class TerminalSink implements ResultSink {
    @Override
    public void write(ValidationReport report, PrintWriter out) {
        for (JobResult j : report.jobs()) {
            out.printf("job %s: %s  (legacy %s, new %s)%n", j.job(), j.status() == Status.PASS ? "MATCH" : "MISMATCH",
                    j.legacyRun(), j.newRun());
            for (CheckResult c : j.checks()) {
                if (c.status() == Status.PASS) {
                    continue;
                }
                out.printf("  %-4s %-9s %s%s: %s%n", c.status() == Status.FAIL ? "FAIL" : "info", c.check().id(),
                        c.dataset() == null ? "" : c.dataset() + ".", c.subject(), c.message());
                for (SampleRow s : c.samples()) {
                    out.printf("         %-7s %s%s%n", s.kind(), shown(s.key()), sampleDetail(s));
                }
            }
            out.printf("  %d passed, %d failed, %d info%n", j.count(Status.PASS), j.count(Status.FAIL),
                    j.count(Status.INFO));
        }
        out.printf("result: %s%n", report.status() == Status.PASS ? "match" : "mismatch");
    }

    static String sampleDetail(SampleRow s) {
        if (!"differs".equals(s.kind())) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String col : s.differing()) {
            b.append("  ").append(col).append(": ").append(shown(s.legacy().get(col))).append(raw(s.legacyRaw(), col))
                    .append(" -> ").append(shown(s.current().get(col))).append(raw(s.currentRaw(), col));
        }
        return b.toString();
    }

    /** {@code " (stored ' 2.50 ')"} when the value shown as compared was stored otherwise, else nothing. */
    private static String raw(java.util.Map<String, String> raw, String col) {
        String r = raw.get(col);
        return r == null ? "" : " (stored " + shown(r) + ")";
    }

    /**
     * A key or row as {@code {id=7, name='a '}}: each value {@link #shown}, so a key with an edge space, an empty
     * key and a NULL one print apart.
     */
    static String shown(java.util.Map<String, String> values) {
        StringBuilder b = new StringBuilder("{");
        for (java.util.Map.Entry<String, String> e : values.entrySet()) {
            b.append(b.length() == 1 ? "" : ", ").append(e.getKey()).append('=').append(shown(e.getValue()));
        }
        return b.append('}').toString();
    }

    /**
     * A value on one line, with what makes two values differ visible: NULL apart from '', control characters
     * escaped ("New\r\nYork" against "New\nYork" would otherwise print as the same broken lines), and
     * values with edge spaces quoted.
     */
    static String shown(String v) {
        if (v == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : v.toCharArray()) {
            switch (ch) {
                case '\r' -> b.append("\\r");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(ch) ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        String out = b.toString();
        return out.isEmpty() || !out.strip().equals(out) ? "'" + out + "'" : out;
    }
}
