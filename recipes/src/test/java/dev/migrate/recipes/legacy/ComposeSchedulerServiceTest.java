package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compose service that keeps a sleep loop running ({@code scheduler:} with {@code command: python scheduler.py}).
 * Before, no phase switched it off: the next {@code docker compose up -d} started the legacy loop again next to its
 * deployment, and the scan listed it as active. Now the cutover sets {@code deploy.replicas: 0} (which
 * {@code docker compose up} honours) by inserting lines under a marker, cutover.sh stops the container, the dual-run phase
 * puts the file back byte for byte, and the cleanup removes the service's lines.
 */
class ComposeSchedulerServiceTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static final String COMPOSE = """
            services:
              db:
                image: postgres:15

              # polls the warehouse every ten minutes
              scheduler:
                build: .
                command: ["python", "scheduler.py"]
                restart: unless-stopped

              web:
                image: nginx:alpine
            """;

    private void scheduler(String compose) throws Exception {
        write("srv/etl/docker-compose.yml", compose);
        write("srv/etl/scheduler.py", """
                import time


                def poll():
                    print("polling")


                def run():
                    while True:
                        poll()
                        time.sleep(600)


                if __name__ == "__main__":
                    run()
                """);
    }

    private Job scannedLoop() throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(dir, "host", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PYTHON_SLEEP_LOOP).findFirst().orElseThrow();
    }

    @Test
    void theCutoverScalesTheServiceToZeroTheRollbackRestoresItTheCleanupRemovesIt() throws Exception {
        scheduler(COMPOSE);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(COMPOSE);

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo("""
                services:
                  db:
                    image: postgres:15

                  # polls the warehouse every ten minutes
                  scheduler:
                    # migrate: disabled py-loop-scheduler-a3886a00 2026-03-02 (2 lines)
                    deploy:
                      replicas: 0
                    build: .
                    command: ["python", "scheduler.py"]
                    restart: unless-stopped

                  web:
                    image: nginx:alpine
                """);
        assertThat(read(dir, "prefect/cutover.sh")).contains(
                "docker compose -f \"$ROOT/srv/etl/docker-compose.yml\" stop scheduler\n");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("the cutover sets deploy.replicas: 0, which the next docker "
                + "compose up -d (with or without --remove-orphans) applies by removing its container");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("docker compose -f 'srv/etl/docker-compose.yml' up -d scheduler\n");
        assertThat(scannedLoop().attributes()).containsEntry("disabled.byMigrate", "cutover.sh of prefect/legacy-jobs.yaml "
                + "(cutover phase), compose service scheduler of srv/etl/docker-compose.yml");
        assertThat(run(dir, "cutover").changes()).as("a second cutover changes nothing").isEmpty();

        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo("""
                services:
                  db:
                    image: postgres:15

                  web:
                    image: nginx:alpine
                """);
        assertThat(read(dir, "prefect/cleanup.sh")).contains("docker compose up -d --remove-orphans");
        assertThat(run(dir, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();

        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).as("removed lines come back from version control, not from migrate")
                .doesNotContain("scheduler:");
    }

    @Test
    void anExistingDeployKeepsItsOtherSettingsAndItsReplicasLineComesBack() throws Exception {
        String compose = """
                services:
                  scheduler:
                    image: etl:1.4
                    command: python scheduler.py
                    deploy:
                      replicas: 1
                      resources:
                        limits:
                          memory: 512m
                  web:
                    image: nginx:alpine
                """;
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo("""
                services:
                  scheduler:
                    image: etl:1.4
                    command: python scheduler.py
                    deploy:
                      # migrate: disabled py-loop-scheduler-a3886a00 2026-03-02 (1 line)
                      replicas: 0
                      # migrate: was py-loop-scheduler-a3886a00: replicas: 1
                      resources:
                        limits:
                          memory: 512m
                  web:
                    image: nginx:alpine
                """);
        assertThat(run(dir, "cutover").changes()).isEmpty();
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
    }

    /**
     * Before, a service another one needed got {@code replicas: 0} at the cutover, and the next
     * {@code docker compose up} failed, or started web without it. Now its file is left as written; cutover.sh
     * stops the container with a manual item naming web, and the cleanup keeps the service.
     */
    @Test
    void aServiceOthersDependOnIsOnlyStoppedWithAManualItem() throws Exception {
        String compose = COMPOSE.replace("    image: nginx:alpine\n", "    image: nginx:alpine\n    depends_on:\n      - scheduler\n");
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("the compose service scheduler of srv/etl/docker-compose.yml is "
                + "needed by web (depends_on): with deploy.replicas: 0, docker compose up would fail or start them without it",
                "cutover.sh only stops its container", "required: false, Compose 2.20+");
        assertThat(read(dir, "prefect/cutover.sh")).contains("is needed by web (depends_on)", "MANUAL: take it out of those services",
                "# stopped only: the next `docker compose up -d` starts it again until the manual step is done\n"
                        + "docker compose -f \"$ROOT/srv/etl/docker-compose.yml\" stop scheduler\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("(their files were left as written: nothing to restore):",
                "docker compose -f 'srv/etl/docker-compose.yml' up -d scheduler\n");
        assertThat(run(dir, "cutover").changes()).isEmpty();
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("is needed by web (depends_on)");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    @Test
    void aLongFormDependencyWithAConditionCountsAndTheFileIsLeftAsWritten() throws Exception {
        String compose = """
                services:
                  scheduler:
                    image: etl:1.4
                    command: python scheduler.py
                  web:
                    image: nginx:alpine
                    depends_on:
                      scheduler:
                        condition: service_started
                    links:
                      - scheduler:sched
                """;
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
        assertThat(read(dir, "prefect/cutover.sh")).contains("is needed by web (depends_on, links)");
    }

    /** Stopping a service whose network namespace another one shares would cut that one off: not even stopped. */
    @Test
    void aServiceSharingItsNetworkIsNotStoppedEither() throws Exception {
        String compose = """
                services:
                  scheduler:
                    image: etl:1.4
                    command: python scheduler.py
                  exporter:
                    image: prom/statsd-exporter
                    network_mode: service:scheduler
                """;
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
        assertThat(read(dir, "prefect/cutover.sh")).contains("is needed by exporter (network_mode)",
                "# not stopped: a service with network_mode: service:scheduler would lose its network; once none does:\n"
                        + "# docker compose -f \"$ROOT/srv/etl/docker-compose.yml\" stop scheduler\n");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("cutover.sh does not stop it either");
    }

    /** Compose 2.20+ starts a dependent without a {@code required: false} dependency: replicas: 0 is safe then. */
    @Test
    void aDependencyMarkedNotRequiredDoesNotHoldTheServiceBack() throws Exception {
        String compose = """
                services:
                  scheduler:
                    image: etl:1.4
                    command: python scheduler.py
                  web:
                    image: nginx:alpine
                    depends_on:
                      scheduler:
                        condition: service_started
                        required: false
                """;
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo("""
                services:
                  scheduler:
                    # migrate: disabled py-loop-scheduler-a3886a00 2026-03-02 (2 lines)
                    deploy:
                      replicas: 0
                    image: etl:1.4
                    command: python scheduler.py
                  web:
                    image: nginx:alpine
                    depends_on:
                      scheduler:
                        condition: service_started
                        required: false
                """);
        assertThat(read(dir, "prefect/cutover.sh")).doesNotContain("MANUAL");
    }

    @Test
    void aServiceInFlowStyleIsLeftForAHandEditWithANote() throws Exception {
        String compose = "services:\n  scheduler: {image: etl, command: python scheduler.py}\n  web:\n    image: nginx\n";
        scheduler(compose);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "srv/etl/docker-compose.yml")).isEqualTo(compose);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("written in flow style", "set deploy.replicas: 0 in it by hand");
        // cutover.sh does not claim a replicas line migrate did not write, and the rollback has no file to restore
        assertThat(read(dir, "prefect/cutover.sh")).contains("# compose service scheduler (srv/etl/docker-compose.yml): stopped "
                + "only, its file is left as written (flow style). MANUAL: set deploy.replicas: 0 in it, or the next "
                + "`docker compose up -d` starts it again (MIGRATION.md)\n"
                + "docker compose -f \"$ROOT/srv/etl/docker-compose.yml\" stop scheduler\n").doesNotContain("with deploy.replicas");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains(". Start the supervisor programs and compose services again "
                + "(their files were left as written: nothing to restore):").doesNotContain("migrate: disabled` marker");
    }

    /** Must not change: services that run no moved script, and their file, stay as written in every phase. */
    @Test
    void servicesRunningNoMovedJobAreLeftAlone() throws Exception {
        String compose = "services:\n  worker:\n    image: etl\n    command: celery -A proj worker\n";
        write("docker-compose.yml", compose);
        write("etc/cron.d/report", "30 2 * * * etl /opt/report/run.sh\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            RewriteEngine.apply(dir, run(dir, phase));
            assertThat(read(dir, "docker-compose.yml")).as(phase).isEqualTo(compose);
        }
        assertThat(read(dir, "prefect/cutover.sh")).doesNotContain("docker compose");
    }
}
