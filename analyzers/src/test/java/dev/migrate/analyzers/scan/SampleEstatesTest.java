package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.sources.ExactOutput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole scanner (every detector and resolver on the class path) against the five sample estates:
 * the exact inventory (jobs, schedules, findings) equals a reviewed golden file per estate, and every job of
 * {@code samples/expected-jobs.csv} (written by someone else) is found at its defining line with its kind,
 * schedule, zone and status, with nothing found that the CSV does not list. Proofs start at a fixed instant.
 */
class SampleEstatesTest {
    private static final String NOW = "2026-11-21T12:00:00Z";
    private static final Map<String, String> RUN_PARTS_PERIODS = Map.of("hourly", "PT1H", "daily", "P1D",
            "weekly", "P7D", "monthly", "P1M");
    private static String savedNow;

    @BeforeAll
    static void fixClock() {
        savedNow = System.getProperty("migrate.now");
        System.setProperty("migrate.now", NOW);
    }

    @AfterAll
    static void restoreClock() {
        if (savedNow == null) {
            System.clearProperty("migrate.now");
        } else {
            System.setProperty("migrate.now", savedNow);
        }
    }

    private static Path samples() {
        return Path.of(System.getProperty("migrate.repo.root", "."), "samples");
    }

    private static Inventory scan(String estate) throws IOException {
        Path root = samples().resolve(estate);
        Assumptions.assumeTrue(Files.isDirectory(root), "SKIPPED: no samples/" + estate + " in this checkout");
        return Scanner.standard(ScanOptions.defaults()).scan(root, estate, ScanListener.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k2-platform", "vps-prefect2", "prefect1-lake", "civis-scripts", "legacy-host"})
    void inventoryIsExactlyTheReviewedOne(String estate) throws IOException {
        ExactOutput.assertMatches(SampleEstatesTest.class, "estates/" + estate + ".txt", render(scan(estate)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k2-platform", "vps-prefect2", "prefect1-lake", "civis-scripts", "legacy-host"})
    void everyExpectedJobIsFoundAndNothingElse(String estate) throws IOException {
        Inventory inv = scan(estate);
        List<CSVRecord> rows = csv().stream().filter(r -> r.get("estate").equals(estate)).toList();
        List<String> expected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CSVRecord r : rows) {
            String place = r.get("file") + ":" + r.get("line");
            List<Job> here = inv.jobs().stream().filter(j -> at(j, r.get("file"), Integer.parseInt(r.get("line")))).toList();
            expected.add(place);
            if (r.get("ref").equals("-")) {
                // Not a job today (disabled, invalid): it may be listed, but only with that status.
                for (Job j : here) {
                    if (!status(j, inv.findings()).equals(r.get("status"))) {
                        problems.add(place + " is not a job (" + r.get("status") + ") but found " + ids(here));
                    }
                }
                continue;
            }
            Job job = here.stream().filter(j -> j.kind().slug().equals(r.get("kind"))).findFirst()
                    .orElseGet(() -> definedAlsoAt(inv, rows, r));
            if (job == null) {
                problems.add("missing " + r.get("kind") + " " + r.get("name") + " at " + place + "; there: " + ids(here));
                continue;
            }
            // The CSV writes run-parts folders as their period; the job carries the folder's assumed cron time.
            String schedule = job.attributes().containsKey("runParts.period")
                    ? RUN_PARTS_PERIODS.get(job.attributes().get("runParts.period"))
                    : job.schedules().stream().map(ScheduleSpec::expression).collect(Collectors.joining(" ; "));
            String zones = job.schedules().stream().map(s -> s.timezone() == null ? "" : s.timezone()).distinct()
                    .collect(Collectors.joining(" ; "));
            if (!r.get("schedule").isEmpty() && !schedule.replaceAll("\\s+", " ").equals(r.get("schedule"))) {
                problems.add(place + " schedule '" + schedule + "', expected '" + r.get("schedule") + "'");
            }
            if (!r.get("schedule").isEmpty() && !zones.equals(r.get("timezone"))) {
                problems.add(place + " zone '" + zones + "', expected '" + r.get("timezone") + "'");
            }
            String status = status(job, inv.findings());
            if (!status.equals(r.get("status"))) {
                problems.add(place + " status " + status + ", expected " + r.get("status"));
            }
        }
        for (Job j : inv.jobs()) {
            if (expected.stream().noneMatch(place -> at(j, place.substring(0, place.lastIndexOf(':')),
                    Integer.parseInt(place.substring(place.lastIndexOf(':') + 1))))) {
                problems.add("unexpected job " + j.id() + " at " + j.source());
            }
        }
        assertThat(problems).as(estate).isEmpty();
    }

    /**
     * The job a row is the second definition of: rows sharing a ref are one job with two definitions (a build command
     * and the file it wrote), listed at one of them, which names the other in an attribute ({@code path:line}).
     */
    private static Job definedAlsoAt(Inventory inv, List<CSVRecord> rows, CSVRecord r) {
        String place = r.get("file") + ":" + r.get("line");
        for (CSVRecord other : rows) {
            if (other == r || !other.get("ref").equals(r.get("ref")) || !other.get("kind").equals(r.get("kind"))) {
                continue;
            }
            for (Job j : inv.jobs()) {
                if (at(j, other.get("file"), Integer.parseInt(other.get("line"))) && j.kind().slug().equals(r.get("kind"))
                        && j.attributes().containsValue(place)) {
                    return j;
                }
            }
        }
        return null;
    }

    /**
     * Whether a job is defined at that line. Jobs that a whole file defines (a systemd unit, a run-parts script)
     * point at the file (line 0), which matches any line of it.
     */
    private static boolean at(Job j, String file, int line) {
        return j.source().path().equals(file) && (j.source().line() == line || j.source().line() == 0);
    }

    /** The CSV's status words, from the job's attributes and findings. */
    private static String status(Job job, List<Finding> findings) {
        Set<String> codes = findings.stream().filter(f -> job.id().equals(f.jobId())).map(Finding::code).collect(Collectors.toSet());
        Map<String, String> a = job.attributes();
        if ("true".equals(a.get("disabled"))) {
            return "disabled";
        }
        if ("true".equals(a.get("paused"))) {
            return "paused";
        }
        if ("true".equals(a.get("suspend"))) {
            return "suspended";
        }
        if (codes.contains("CRN002") || codes.contains("SYD007") || codes.contains("K8S003")) {
            return "invalid";
        }
        if (codes.contains("CRN008")) {
            return "never-runs";
        }
        if (codes.contains("CRN009")) {
            return "no-op";
        }
        return "active";
    }

    private static String ids(List<Job> jobs) {
        return jobs.stream().map(j -> j.kind().slug() + " " + j.name()).toList().toString();
    }

    /** One line per job (with its schedules and notable attributes), then one per finding. */
    static String render(Inventory inv) {
        StringBuilder sb = new StringBuilder();
        for (Job j : inv.jobs()) {
            sb.append("job ").append(j.kind().slug()).append(' ').append(j.id()).append(" \"").append(j.name())
                    .append("\" at ").append(j.source()).append('\n');
            for (ScheduleSpec s : j.schedules()) {
                sb.append("  schedule ").append(s.form()).append(' ').append(s.expression())
                        .append(s.timezone() == null ? "" : " [" + s.timezone() + "]").append(s.paused() ? " paused" : "")
                        .append(" at ").append(s.where()).append('\n');
            }
            Map<String, String> attrs = new TreeMap<>(j.attributes());
            attrs.forEach((k, v) -> sb.append("  ").append(k).append('=').append(v.replace("\n", "\\n")).append('\n'));
            if (j.command() != null) {
                sb.append("  command ").append(j.command().replace("\n", "\\n")).append('\n');
            }
            if (!j.dependsOn().isEmpty()) {
                sb.append("  dependsOn ").append(j.dependsOn()).append('\n');
            }
        }
        for (Finding f : inv.findings()) {
            sb.append("finding ").append(f.where()).append(' ').append(f.code()).append(" [").append(f.severity())
                    .append("] ").append(f.message().replace("\n", "\\n"))
                    .append(f.jobId() == null ? "" : " (" + f.jobId() + ")").append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static List<CSVRecord> csv() throws IOException {
        Path p = samples().resolve("expected-jobs.csv");
        Assumptions.assumeTrue(Files.isRegularFile(p), "SKIPPED: no samples/expected-jobs.csv");
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }
}
