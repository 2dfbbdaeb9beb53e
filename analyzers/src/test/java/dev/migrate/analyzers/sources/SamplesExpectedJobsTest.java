package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The cron and systemd detectors against the sample estates and their hand-written {@code expected-jobs.csv}
 * (written by someone else): every expected job of our kinds is found at its place with its status, nothing
 * else is, and no planted secret reaches the output.
 */
class SamplesExpectedJobsTest {
    private static final Set<JobKind> OURS = EnumSet.of(JobKind.CRON, JobKind.ANACRON, JobKind.CRON_RUN_PARTS,
            JobKind.SYSTEMD_TIMER, JobKind.SYSTEMD_SCHEDULER_SERVICE, JobKind.PREFECT_AGENT, JobKind.PREFECT_SERVER,
            JobKind.PREFECT_WORKER);
    private static final Set<JobKind> BY_LINE = EnumSet.of(JobKind.CRON, JobKind.ANACRON);

    private static Path samples() {
        String override = System.getProperty("migrate.samples.dir");
        return override != null ? Path.of(override) : Path.of(System.getProperty("migrate.repo.root", "."), "samples");
    }

    @Test
    void findsExactlyTheExpectedJobs() throws IOException {
        Path root = samples();
        Assumptions.assumeTrue(Files.isRegularFile(root.resolve("expected-jobs.csv")),
                "SKIPPED: no samples/expected-jobs.csv in this checkout");
        List<CSVRecord> rows = csv(root.resolve("expected-jobs.csv"));
        List<CSVRecord> secrets = csv(root.resolve("planted-secrets.csv"));
        int checked = 0;
        for (String estate : rows.stream().map(r -> r.get("estate")).distinct().sorted().toList()) {
            RecordingSink sink = scan(root.resolve(estate));
            List<String> expected = new ArrayList<>();
            for (CSVRecord r : rows) {
                if (!r.get("estate").equals(estate)) {
                    continue;
                }
                JobKind kind = kindOf(r.get("kind"));
                if (kind == null || !OURS.contains(kind) || kind.name().startsWith("PREFECT_") && !r.get("file").endsWith(".service")) {
                    continue;
                }
                expected.add(key(kind, r.get("file"), BY_LINE.contains(kind) ? Integer.parseInt(r.get("line")) : 0));
                Job job = sink.jobs.stream().filter(j -> key(j).equals(expected.get(expected.size() - 1))).findFirst()
                        .orElseThrow(() -> new AssertionError(estate + ": no job for " + r));
                assertStatus(estate, r.get("status"), job, sink.findings);
                checked++;
            }
            List<String> found = sink.jobs.stream().filter(j -> OURS.contains(j.kind())).map(SamplesExpectedJobsTest::key)
                    .distinct().sorted().toList();
            assertThat(found).as("jobs found in %s", estate).containsExactlyInAnyOrderElementsOf(
                    expected.stream().distinct().toList());
            String output = sink.jobsText() + "\n" + sink.findingsText();
            for (CSVRecord s : secrets) {
                if (s.get("estate").equals(estate)) {
                    assertThat(output).as("planted secret from %s", s.get("file")).doesNotContain(s.get("secret"));
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    private static void assertStatus(String estate, String status, Job job, List<Finding> findings) {
        Set<String> codes = findings.stream().filter(f -> job.id().equals(f.jobId())).map(Finding::code)
                .collect(Collectors.toSet());
        String what = estate + " " + job.id() + " " + codes;
        switch (status) {
            case "disabled" -> assertThat(job.attributes()).as(what).containsEntry("disabled", "true");
            case "invalid" -> assertThat(codes).as(what).contains("CRN002");
            case "no-op" -> assertThat(codes).as(what).contains("CRN009");
            case "never-runs" -> assertThat(codes).as(what).contains("CRN008");
            default -> {
                assertThat(job.attributes()).as(what).doesNotContainKey("disabled");
                assertThat(codes).as(what).containsAnyOf("CRN001", "CRN003", "SYD001", "SYD004", "SYD009");
            }
        }
    }

    private static RecordingSink scan(Path estate) throws IOException {
        List<ScanFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(estate)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(new ScanFile(estate.relativize(p).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
            }
        }
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("UTC"), Instant.parse("2026-11-21T12:00:00Z"));
        RecordingSink sink = HostEstate.scan(files, new CrontabDetector(check), new SystemdDetector(check));
        return sink;
    }

    private static JobKind kindOf(String slug) {
        for (JobKind k : JobKind.values()) {
            if (k.slug().equals(slug)) {
                return k;
            }
        }
        return null;
    }

    private static String key(Job j) {
        return key(j.kind(), j.source().path(), BY_LINE.contains(j.kind()) ? j.source().line() : 0);
    }

    private static String key(JobKind kind, String file, int line) {
        return kind.slug() + " " + file + (line > 0 ? ":" + line : "");
    }

    private static List<CSVRecord> csv(Path p) throws IOException {
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }
}
