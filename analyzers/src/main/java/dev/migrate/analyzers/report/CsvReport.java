package dev.migrate.analyzers.report;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.scan.Inventory;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per finding, joined with its job, plus one row for each job without findings, so a spreadsheet
 * filter on either column gives the whole picture. RFC 4180 quoting; no cell starts a spreadsheet formula.
 */
public final class CsvReport implements ReportWriter {
    static final String[] HEADER = {"job_id", "kind", "name", "job_source", "schedules", "command", "user",
        "overlap", "schedule_descriptions", "prefect_schedules", "prefect_proof", "code", "severity", "applicability", "location", "message",
        "baseline"};

    @Override
    public void write(Inventory inv, RuleRegistry rules, Writer out) throws IOException {
        ScheduleView.Cache views = ScheduleView.Cache.of(inv);
        Map<String, Job> jobs = inv.jobs().stream().collect(Collectors.toMap(Job::id, j -> j, (a, b) -> a));
        Set<String> withFindings = new TreeSet<>();
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (Finding f : inv.findings()) {
            Job j = f.jobId() == null ? null : jobs.get(f.jobId());
            if (j != null) {
                withFindings.add(j.id());
            }
            csv.printRecord(concat(jobCells(j, f.jobId(), views), f.code(), Reports.label(f.severity()),
                    Reports.label(f.applicability()), f.where().toString(), f.message(),
                    inv.baseline().active() ? inv.baseline().stateOf(f) : ""));
        }
        for (Job j : inv.jobs()) {
            if (!withFindings.contains(j.id())) {
                csv.printRecord(concat(jobCells(j, j.id(), views), "", "", "", "", "", ""));
            }
        }
        csv.flush();
    }

    private static Object[] jobCells(Job j, String id, ScheduleView.Cache views) {
        if (j == null) {
            return new Object[] {id == null ? "" : id, "", "", "", "", "", "", "", "", "", ""};
        }
        List<ScheduleView> vs = j.schedules().stream().map(s -> views.of(j, s)).toList();
        return new Object[] {j.id(), j.kind().slug(), j.name(), j.source().toString(), Reports.schedules(j),
            j.command() == null ? "" : j.command(), j.user() == null ? "" : j.user(), Reports.label(j.overlap()),
            join(vs, ScheduleView::description),
            join(vs, v -> v.prefect() == null ? "" : v.prefect()),
            join(vs, ScheduleView::proof)};
    }

    private static String join(List<ScheduleView> vs, java.util.function.Function<ScheduleView, String> part) {
        return vs.stream().map(part).collect(Collectors.joining("; "));
    }

    /** The row's cells, each made {@link #inert}. */
    private static Object[] concat(Object[] head, Object... tail) {
        Object[] all = new Object[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        for (int i = 0; i < all.length; i++) {
            all[i] = inert(String.valueOf(all[i]));
        }
        return all;
    }

    /**
     * Spreadsheets evaluate a cell that starts with {@code = + - @} (or a tab or carriage return) as a formula, and
     * scanned names, commands and schedules ({@code @daily}) can start that way: such a cell gets a leading
     * apostrophe, which spreadsheets show as text and do not display.
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
