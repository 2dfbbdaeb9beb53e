package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a rollback's backfill runs once per missed window, on the samples. Before, it named the job's "command" for every
 * kind: the `prefect deployment build ... -a` that created a Prefect 2 deployment (which builds it again and runs
 * nothing), a flow's entrypoint, a Celery task's dotted name, a Spring service's `java -jar` (a second copy of every job
 * the application schedules).
 */
class CutoverBackfillCommandsTest {
    static final Path ROOT = CutoverK2PlatformTest.ROOT;
    private static final String AT = "2026-11-21T12:00:00Z";

    private static String plan(String estate) {
        CliRun run = CliRun.of("cutover", "plan", ROOT.resolve("samples").resolve(estate).toString(), "--at", AT);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /** Every backfill step of the plan, from its title to its source. */
    private static List<String> backfills(String md) {
        List<String> out = new ArrayList<>();
        for (int at = md.indexOf("**Backfill the windows missed"); at >= 0; at = md.indexOf("**Backfill the windows missed", at + 1)) {
            out.add(md.substring(at, md.indexOf("  - Source:", at)));
        }
        return out;
    }

    @Test
    void aPrefectDeploymentIsRunNotBuiltAgain() {
        String vps = plan("vps-prefect2");
        assertThat(backfills(vps)).isNotEmpty().noneMatch(b -> b.contains("prefect deployment build"));
        assertThat(vps).contains("  prefect deployment run 'Nettoyage Hebdo/nettoyage-hebdo'   # once per missed window\n")
                .contains("  prefect deployment run 'Pipeline Data Complet/production-daily'   # once per missed window\n");
        String k2 = plan("k2-platform");
        assertThat(k2).contains("  prefect deployment run 'iceberg-offload-main/iceberg-offload-15min'   # once per missed window\n")
                .doesNotContain("run `iceberg_offload_flow.py:iceberg_offload_main` once per missed window");
        assertThat(plan("civis-scripts")).doesNotContain("run `prefect deployment build");
    }

    @Test
    void inProcessJobsAreCalledAndTheirSchedulersNeverStartedTwice() {
        String host = plan("legacy-host");
        assertThat(host).contains("  celery -A celery_app call celery_app.tasks.heartbeat   # once per missed window\n")
                .contains("  # call opt/etl/scheduler/aps_jobs.py:dunning.send_letters (file:function) once per missed window")
                .contains("  kubectl -n etl create job --from=cronjob/partner-exports partner-exports-backfill-N   #")
                .doesNotContain("run `/usr/bin/java -Xmx1g -jar /opt/billing-app/target/billing-app.jar --spring.profiles.active=prod` once")
                .doesNotContain("run `celery_app.tasks.heartbeat` once");
        // a timer's job is its service, started as systemd starts it: its User=, Environment= and ${ETL_TARGET} are the
        // unit's, which the operator's shell does not have; T2's timer starts a differently named service (Unit=)
        assertThat(host).contains("  systemctl start invoice-export-job.service   # once per missed window\n")
                .contains("  systemctl start warehouse-load.service   # once per missed window\n")
                .doesNotContain("run `/opt/etl/venv/bin/python -m etl.warehouse_load --target ${ETL_TARGET}` once");
        // a command that is the job as written stays as it was
        assertThat(host).contains("run `/opt/etl/bin/fetch-vendor-feed.sh` once per missed window");
    }
}
