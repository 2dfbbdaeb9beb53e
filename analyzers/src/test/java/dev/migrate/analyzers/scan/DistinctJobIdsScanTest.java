package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that defines the same job twice (a crontab line written twice, two CronJobs of one name in a multi-document
 * manifest) still gives every job an id of its own, the same on every scan, and each finding names its own job.
 */
class DistinctJobIdsScanTest {
    @TempDir
    Path tmp;

    private static final String CRONTAB = """
            MAILTO=""
            0 2 * * * /opt/etl/nightly.sh
            */5 * * * * /opt/etl/poll.sh
            0 2 * * * /opt/etl/nightly.sh
            @reboot /opt/etl/nightly.sh
            0 2 * * * /opt/etl/nightly.sh
            """;

    private static final String CRONJOBS = """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "0 6 * * *"
              timeZone: UTC
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "30 6 * * *"
              concurrencyPolicy: Replace
            """;

    /** The schedule library registers the same call twice: the job runs twice as often. */
    private static final String SCHEDULE_LIB = """
            import schedule

            schedule.every(10).minutes.do(poll)
            schedule.every(10).minutes.do(poll)
            """;

    private Inventory scan(Path root, int threads) throws IOException {
        return Scanner.standard(new ScanOptions(ScanOptions.defaults().maxFileBytes(), threads)).scan(root, "root",
                ScanListener.NONE);
    }

    private Path estate() throws IOException {
        Files.writeString(tmp.resolve("crontab"), CRONTAB);
        Files.createDirectories(tmp.resolve("k8s"));
        Files.writeString(tmp.resolve("k8s/report.yaml"), CRONJOBS);
        Files.writeString(tmp.resolve("poller.py"), SCHEDULE_LIB);
        return tmp;
    }

    @Test
    void aCrontabLineWrittenTwiceIsTwoJobsWithIdsOfTheirOwn() throws IOException {
        Inventory inv = scan(estate(), 2);
        List<Job> nightly = inv.jobs().stream().filter(j -> j.source().path().equals("crontab")
                && j.schedules().get(0).expression().equals("0 2 * * *")).toList();
        assertThat(nightly).extracting(j -> j.source().line()).containsExactly(2, 4, 6);
        assertThat(nightly).extracting(Job::id).doesNotHaveDuplicates();
        assertThat(inv.jobs()).extracting(Job::id).doesNotHaveDuplicates();
        // Every id still has the form the inventory schema describes.
        assertThat(inv.jobs()).allSatisfy(j -> assertThat(j.id()).matches("[a-z0-9-]+-[0-9a-f]{8}"));
        assertFindingsNameTheirOwnJob(inv);
    }

    @Test
    void twoCronJobsOfOneNameInOneManifestAreTwoJobs() throws IOException {
        Inventory inv = scan(estate(), 2);
        List<Job> reports = inv.jobs().stream().filter(j -> j.source().path().equals("k8s/report.yaml")).toList();
        assertThat(reports).hasSize(2).extracting(Job::id).doesNotHaveDuplicates();
        // The CronJob without a zone and with concurrencyPolicy Replace is the second one: its findings say so.
        Job second = reports.get(1);
        assertThat(second.schedules().get(0).expression()).isEqualTo("30 6 * * *");
        assertThat(inv.findings().stream().filter(f -> second.id().equals(f.jobId())).map(Finding::code))
                .contains("K8S001", "K8S002", "K8S003");
        assertThat(inv.findings().stream().filter(f -> reports.get(0).id().equals(f.jobId())).map(Finding::code))
                .containsExactly("K8S001");
        assertFindingsNameTheirOwnJob(inv);
    }

    @Test
    void aScheduleLibraryCallMadeTwiceIsTwoJobs() throws IOException {
        Inventory inv = scan(estate(), 2);
        List<Job> polls = inv.jobs().stream().filter(j -> j.source().path().equals("poller.py")).toList();
        assertThat(polls).extracting(j -> j.source().line()).containsExactly(3, 4);
        assertThat(polls).extracting(Job::id).doesNotHaveDuplicates();
        assertFindingsNameTheirOwnJob(inv);
    }

    @Test
    void idsAreTheSameOnEveryScanWhateverTheThreadCount() throws IOException {
        Path root = estate();
        for (int i = 0; i < 20; i++) {
            Files.writeString(root.resolve("crontab-" + i), CRONTAB);
        }
        Inventory first = scan(root, 1);
        Inventory again = scan(root, 4);
        assertThat(again.jobs()).extracting(Job::id).containsExactlyElementsOf(first.jobs().stream().map(Job::id).toList());
        assertThat(again.findings()).containsExactlyElementsOf(first.findings());
        assertThat(first.jobs()).extracting(Job::id).doesNotHaveDuplicates();
    }

    @Test
    void theFirstOfRepeatedJobsKeepsTheIdItHasAlone() throws IOException {
        Files.writeString(tmp.resolve("crontab"), "0 2 * * * /opt/etl/nightly.sh\n");
        String alone = scan(tmp, 1).jobs().get(0).id();
        Files.writeString(tmp.resolve("crontab"), CRONTAB);
        assertThat(scan(tmp, 1).jobs().stream().filter(j -> j.source().line() == 2).findFirst().orElseThrow().id())
                .isEqualTo(alone);
    }

    /**
     * Ids hold 8 hex digits of SHA-1, so jobs of two files can meet by chance: these two paths were found by
     * trying host numbers until the same crontab line gave the same id in both.
     */
    @Test
    void twoFilesWhoseIdsCollideByChanceStillGiveDistinctIds() throws IOException {
        String line = "0 2 * * * /opt/etl/nightly.sh\n";
        Path a = Files.createDirectories(tmp.resolve("a/hosts/h21078"));
        Path b = Files.createDirectories(tmp.resolve("b/hosts/h28307"));
        Files.writeString(a.resolve("crontab"), line);
        Files.writeString(b.resolve("crontab"), line);
        String alone = scan(tmp.resolve("a"), 1).jobs().get(0).id();
        assertThat(scan(tmp.resolve("b"), 1).jobs().get(0).id()).as("the two paths collide").isEqualTo(alone);
        Path both = Files.createDirectories(tmp.resolve("both/hosts"));
        Files.move(a, both.resolve("h21078"));
        Files.move(b, both.resolve("h28307"));
        Inventory inv = scan(tmp.resolve("both"), 2);
        assertThat(inv.jobs()).extracting(Job::id).hasSize(2).doesNotHaveDuplicates().first().isEqualTo(alone);
        assertThat(scan(tmp.resolve("both"), 1).jobs()).containsExactlyElementsOf(inv.jobs());
        assertFindingsNameTheirOwnJob(inv);
        assertThat(inv.findings().stream().map(Finding::jobId).distinct()).hasSize(2);
    }

    /**
     * Each job's findings are on its own lines (crontab, Python: its source line or, for crontab lines of one command,
     * the line of one of its schedules) or inside its own YAML document.
     */
    private static void assertFindingsNameTheirOwnJob(Inventory inv) {
        Map<String, Job> byId = inv.jobs().stream().collect(Collectors.toMap(Job::id, j -> j));
        for (Finding f : inv.findings()) {
            if (f.jobId() == null) {
                continue;
            }
            Job owner = byId.get(f.jobId());
            assertThat(owner).as("job of %s", f).isNotNull();
            assertThat(f.where().path()).isEqualTo(owner.source().path());
            if (!owner.source().path().startsWith("k8s/")) {
                assertThat(f.where().line()).as("line of %s", f).isIn(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(owner.source().line()),
                        owner.schedules().stream().map(s -> s.where().line())).toList());
            } else {
                // The two CronJobs are 8 lines apart: a finding belongs to the document its job starts in.
                assertThat(f.where().line() > 8).as("document of %s", f).isEqualTo(owner.source().line() > 8);
            }
        }
    }
}
