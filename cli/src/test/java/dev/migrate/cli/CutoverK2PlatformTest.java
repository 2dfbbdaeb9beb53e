package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks a copy of samples/k2-platform through every readiness state: the real rewrite, real validations
 * recorded in a SQLite evidence store, and recorded person gates.
 */
class CutoverK2PlatformTest {
    static final Path ROOT = Path.of(System.getProperty("migrate.repo.root", ".."));
    static final String JOB = "iceberg-offload-15min";

    @TempDir
    Path tmp;

    @Test
    void walksEveryStateWithRealEvidence() throws IOException {
        Path estate = copy(ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        copy(Path.of("src/test/resources/cutover/k2"), estate);
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");

        assertState(estate, store, JOB, "scanned");
        assertThat(status(estate, store, "--job", JOB, "--require", "scanned").exitCode()).isZero();
        CliRun behind = status(estate, store, "--job", JOB, "--require", "rewritten");
        assertThat(behind.exitCode()).isEqualTo(1);
        assertThat(behind.err()).contains("1 job(s) not yet rewritten: iceberg-offload-15min (scanned)");

        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--at", "2026-11-21T12:00:00Z");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        String md = plan.out();
        assertThat(md).contains("## Platform pre-steps")
                .contains("pg_dump -Fc -h postgres -p 5432 -U prefect -f prefect-2026-11-21.dump prefect")
                .contains("PREFECT_SERVER_DATABASE_MIGRATE_ON_START=false")
                .contains("prefect deployment pause-schedule 'iceberg-offload-main/iceberg-offload-15min'   # Prefect 2.14.9")
                .contains("[BHV006](docs/rules/BHV006.md) at docker-compose.v2.yml:35")
                // the pool and queue the rewrite gives the compose worker (CutoverNamesTheRewrittenPoolsTest)
                .contains("prefect work-pool create process-pool --type process")
                .contains("prefect work-queue create iceberg-offload --pool process-pool")
                .contains("prefect worker start --pool process-pool --work-queue iceberg-offload")
                .contains("prefect deployment run 'iceberg-offload-main/iceberg-offload-production'");
        assertThat(md.indexOf("Pause every deployment schedule before the server upgrade"))
                .as("schedules are paused before the server upgrade").isPositive()
                .isLessThan(md.indexOf("Upgrade the server before any worker or client"));
        assertThat(md.indexOf("Upgrade the server")).isLessThan(md.indexOf("Replace every agent by a worker"));
        assertThat(md).contains("## Job `iceberg-offload-15min` (prefect2, docker/offload/flows/prefect.yaml:20): scanned")
                .as("offset from the validate config: new run 7 minutes after the legacy one")
                .contains("schedules: [{interval: 900, anchor_date: \"2024-01-01T00:07:00\", timezone: \"UTC\"}]")
                .contains("migrate validate " + estate.resolve("validate.yaml") + " --job iceberg-offload-15min")
                // the deployment lives on the estate's server, which the pre-steps upgraded to 3.x: no pause-schedule there
                .contains("prefect deployment schedule pause 'iceberg-offload-main/iceberg-offload-15min' SCHEDULE_ID   "
                        + "# on the server the pre-steps upgraded to 3.x")
                .contains("prefect deployment schedule resume 'iceberg-offload-main/iceberg-offload-15min' SCHEDULE_ID")
                .doesNotContain("resume-schedule")
                .contains("**Add psycopg2-binary to the image built from docker/spark/Dockerfile**")
                .contains("docker/offload/offload_table.py:17 imports psycopg2 and runs in container k2-spark-iceberg")
                .contains("# docs/operations/runbooks/iceberg-scheduler-recovery.md:50 mentions 'iceberg-offload-main'")
                .contains("**Backfill the windows missed between cutover and rollback**")
                .contains("- [ ] **3 consecutive green validations");

        assertThat(md.substring(md.indexOf("\n## Job"))).as("the job steps run after the upgrade: 3.x commands only")
                .doesNotContain("pause-schedule");
        assertThat(CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--at", "2026-11-21T12:00:00Z").out())
                .as("same inputs, same plan").isEqualTo(md);

        CliRun rewrite = CliRun.of("rewrite", estate.toString(), "--unsafe-fixes");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();
        assertState(estate, store, JOB, "deployed");

        assertThat(validate(estate, store).exitCode()).isZero();
        assertState(estate, store, JOB, "dual-running");
        assertThat(validate(estate, store).exitCode()).isZero();
        assertThat(status(estate, store, "--job", JOB, "--require", "parity-proven").exitCode()).isEqualTo(1);
        assertThat(validate(estate, store).exitCode()).isZero();
        assertState(estate, store, JOB, "parity-proven");
        assertThat(status(estate, store, "--job", JOB, "--require", "parity-proven").exitCode()).isZero();
        assertThat(status(estate, store, "--job", JOB, "--require", "parity-proven", "--green-runs", "4").exitCode())
                .as("N is configurable").isEqualTo(1);

        record(estate, store, "cut-over");
        assertState(estate, store, JOB, "cut-over");
        record(estate, store, "legacy-disabled");
        assertState(estate, store, JOB, "legacy-disabled");
        record(estate, store, "legacy-code-removed");
        assertState(estate, store, JOB, "legacy-disabled");
        record(estate, store, "runbooks-updated");
        assertState(estate, store, JOB, "decommissioned");
        assertThat(status(estate, store, "--job", JOB, "--require", "decommissioned").exitCode()).isZero();

        CliRun text = status(estate, store);
        assertThat(text.out()).contains("[x] parity-proven    3 consecutive green of 3 needed")
                .contains("[x] legacy-disabled  legacy-disabled recorded by alice at ")
                .contains("[x] deployed         Prefect 3 deployment 'iceberg-offload-main/iceberg-offload-15min' at docker/offload/flows/prefect.yaml:20");
        CliRun json1 = status(estate, store, "--format", "json");
        CliRun json2 = status(estate, store, "--format", "json");
        assertThat(json1.out()).isEqualTo(json2.out()).contains("\"state\" : \"decommissioned\"")
                .contains("\"latestValidation\"");

        CliRun done = CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--at", "2026-11-21T12:00:00Z");
        assertThat(done.out()).contains("- [x] **3 consecutive green validations")
                .contains("- [x] **Update the runbooks that mention the old scheduler**");

        Path html = tmp.resolve("scan.html");
        CliRun scan = CliRun.of("scan", estate.toString(), "--format", "html", "--store", store, "--output", html.toString(), "-q");
        assertThat(scan.exitCode()).as(scan.err()).isZero();
        assertThat(Files.readString(html)).contains("<h2>Cutover readiness</h2>")
                .contains("<tr data-job=\"iceberg-offload-15min\" data-state=\"decommissioned\">")
                .contains("<g class=\"bar\" data-label=\"decommissioned\" data-value=\"1\">")
                .contains("pass</span> ");
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path estate = copy(ROOT.resolve("samples/k2-platform"), tmp.resolve("k2"));
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");
        CliRun bare = CliRun.of("cutover");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("Missing subcommand: plan, status, record, disable or rollback");
        CliRun noJob = CliRun.of("cutover", "rollback", estate.toString(), "--store", store);
        assertThat(noJob.exitCode()).isEqualTo(2);
        assertThat(noJob.err()).contains("--job is required: name the job(s) to roll back");
        CliRun monitor = CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--monitor", "soon");
        assertThat(monitor.exitCode()).isEqualTo(2);
        assertThat(monitor.err()).contains("--monitor soon: expected a time span such as 24h, 2d or 90min");
        CliRun unknownState = status(estate, store, "--job", JOB, "--require", "shipped");
        assertThat(unknownState.exitCode()).isEqualTo(2);
        assertThat(unknownState.err().strip()).doesNotContain("\n").contains("unknown readiness state 'shipped'");
        CliRun unknownJob = CliRun.of("cutover", "record", "nope", "cut-over", "--by", "alice", "--path", estate.toString(),
                "--store", store);
        assertThat(unknownJob.exitCode()).isEqualTo(2);
        assertThat(unknownJob.err()).contains("job nope: no such job in this estate").contains("\n  iceberg-offload-15min");
        CliRun unknownGate = CliRun.of("cutover", "record", JOB, "parity", "--by", "alice", "--path", estate.toString(),
                "--store", store);
        assertThat(unknownGate.exitCode()).isEqualTo(2);
        assertThat(unknownGate.err()).contains("unknown gate 'parity'; a person can record cut-over, legacy-disabled");
    }

    /** Each call validates another run of the new pipeline: parity counts runs, not re-validations of one. */
    private static final java.util.concurrent.atomic.AtomicInteger NEW_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private static CliRun validate(Path estate, String store) {
        CliRun run = CliRun.of("validate", estate.resolve("validate.yaml").toString(), "--store", store, "--threads", "1",
                "--new-run", "flow-run-" + NEW_RUNS.incrementAndGet());
        assertThat(run.err()).isEmpty();
        return run;
    }

    private static void record(Path estate, String store, String gate) {
        CliRun run = CliRun.of("cutover", "record", JOB, gate, "--by", "alice", "--note", "test walk", "--path",
                estate.toString(), "--store", store);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("recorded " + gate + " for " + JOB + " by alice at ");
    }

    static CliRun status(Path estate, String store, String... more) {
        String[] args = Stream.concat(Stream.of("cutover", "status", estate.toString(), "--store", store), Stream.of(more))
                .toArray(String[]::new);
        return CliRun.of(args);
    }

    /** The walked job's row of the status table is in {@code state}; other jobs of the estate may lag behind. */
    static void assertState(Path estate, String store, String job, String state) {
        CliRun run = status(estate, store);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith(job + " ")).findFirst().orElse("")).as(run.out())
                .matches(java.util.regex.Pattern.quote(job) + "\\s+" + state + "\\s+.*");
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
