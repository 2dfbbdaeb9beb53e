package dev.migrate.cli;

import static dev.migrate.cli.CutoverK2PlatformTest.assertState;
import static dev.migrate.cli.CutoverK2PlatformTest.copy;
import static dev.migrate.cli.CutoverK2PlatformTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks a copy of samples/prefect1-lake through every state. Its dual-run job comes from its own
 * validate.yaml; the first validation is the sample's real mismatch, then the new side is fixed and
 * three green validations prove parity.
 */
class CutoverPrefect1LakeTest {
    static final String JOB = "lake-ingestion";

    @TempDir
    Path tmp;

    @Test
    void walksEveryStateWithRealEvidence() throws IOException {
        Path estate = copy(CutoverK2PlatformTest.ROOT.resolve("samples/prefect1-lake"), tmp.resolve("lake"));
        String store = "jdbc:sqlite:" + tmp.resolve("evidence.db");

        CliRun first = status(estate, store);
        assertThat(first.out()).contains("[x] scanned          declared in validate.yaml jobs[0]")
                // the estate's findings of no single job: config, pins and registration scripts
                .contains("[ ] rewritten        11 legacy construct(s) left: PF108 at Dockerfile:2, PF111 at "
                        + "config/config.toml:2, PF108 at requirements.txt:3")
                .contains("PF101 at scripts/register_flows.sh:9")
                // the Prefect 1 code around a flow is on that flow's list, not the estate's
                .contains("ingest-fx-rates   scanned           rewritten: 18 legacy construct(s) left: PF110 at "
                        + "flows/ingest_fx_rates.py:20")
                .contains("PF105 at flows/ingest_fx_rates.py:44")
                // before: all 24 of ingest-orders on one line
                .contains("PF103 at flows/ingest_orders.py:35, and 16 more (migrate scan lists them all)")
                .doesNotContain("PF108 at flows/ingest_orders.py:125");
        assertState(estate, store, JOB, "scanned");

        CliRun plan = CliRun.of("cutover", "plan", estate.toString(), "--store", store, "--at", "2026-11-21T12:00:00Z",
                "--green-runs", "3", "--monitor", "24h");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).doesNotContain("Back up the Prefect server database")
                .contains("**Create typed work pools for the agents' queues**")
                // named after the agent's labels (-l prod -l local), as the rewrite of start_agents.sh names it
                .contains("prefect worker start --pool prod-local   # replaces: prefect agent local start")
                .contains("## Job `lake-ingestion` (declared in validate.yaml jobs[0]): scanned")
                .contains("the validate config compares a legacy run with a new run 30 min later")
                .contains("migrate validate " + estate.resolve("validate.yaml") + " --job lake_ingestion")
                .contains("turn off the schedule of flow 'lake_ingestion' in the Prefect 1 UI")
                .contains("**Monitor the new deployment for 24 h**")
                .contains("# README.md:12 mentions 'lake-ingestion'");

        // The developer's rewrite: register and agent scripts replaced, a Prefect 3 prefect.yaml added, the image and
        // requirements pinned to Prefect 3, config.toml converted to a prefect.toml.
        for (String file : List.of("Dockerfile", "requirements.txt")) {
            Path p = estate.resolve(file);
            Files.writeString(p, Files.readString(p).replace("prefecthq/prefect:1.4.1-python3.9", "prefecthq/prefect:3.8.3-python3.10")
                    .replace("prefect[github,kubernetes]==1.4.1", "prefect==3.8.3"));
        }
        Files.writeString(estate.resolve("config/prefect.toml"), "[api]\nurl = \"http://prefect3.lake.internal:4200/api\"\n");
        Files.writeString(estate.resolve("scripts/register_flows.sh"), "#!/usr/bin/env bash\nset -euo pipefail\nprefect deploy --all\n");
        Files.writeString(estate.resolve("scripts/start_agents.sh"), "#!/usr/bin/env bash\nprefect worker start --pool lake-process\n");
        Files.writeString(estate.resolve("prefect.yaml"), """
                name: lake
                prefect-version: 3.8.3
                deployments:
                - name: lake-ingestion
                  entrypoint: flows/ingest_orders.py:ingest_orders
                  work_pool: {name: lake-process}
                  schedules:
                  - cron: '45 2 * * *'
                    timezone: Europe/Amsterdam
                """);
        CliRun rewritten = status(estate, store);
        assertThat(rewritten.out()).contains("[x] deployed         Prefect 3 deployment 'ingest-orders/lake-ingestion' at prefect.yaml:4");
        assertState(estate, store, JOB, "deployed");

        assertThat(validate(estate, store).exitCode()).as("the sample's real mismatch").isEqualTo(1);
        assertState(estate, store, JOB, "dual-running");
        assertThat(status(estate, store).out()).contains("0 consecutive green of 3 needed");

        Path prodOrders = estate.resolve("outputs/prod/orders/orders_20240301T020000.csv");
        Files.copy(prodOrders, estate.resolve("outputs/dev/orders/orders_20240301T023000.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < 2; i++) {
            assertThat(validate(estate, store).exitCode()).isZero();
        }
        assertThat(status(estate, store, "--job", JOB, "--require", "parity-proven").exitCode()).as("2 green after a red").isEqualTo(1);
        assertThat(validate(estate, store).exitCode()).isZero();
        assertState(estate, store, JOB, "parity-proven");

        for (String gate : new String[] {"cut-over", "legacy-disabled", "runbooks-updated"}) {
            assertThat(CliRun.of("cutover", "record", JOB, gate, "--by", "bob", "--path", estate.toString(), "--store", store,
                    "--note", "see ticket; db password=hunter2").exitCode()).isZero();
        }
        assertThat(status(estate, store).out()).as("notes are redacted like every report")
                .contains("(see ticket; db password=***").doesNotContain("hunter2");
        assertState(estate, store, JOB, "legacy-disabled");
        assertThat(CliRun.of("cutover", "record", "lake_ingestion", "legacy-code-removed", "--by", "bob", "--path",
                estate.toString(), "--store", store).exitCode()).as("the validate name works too").isZero();
        assertState(estate, store, JOB, "decommissioned");
        assertThat(status(estate, store, "--require", "decommissioned", "--job", JOB).exitCode()).isZero();
        assertThat(status(estate, store, "--format", "json").out())
                .isEqualTo(status(estate, store, "--format", "json").out());
    }

    /** Each call validates another run of the new pipeline: parity counts runs, not re-validations of one. */
    private static final java.util.concurrent.atomic.AtomicInteger NEW_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    private static CliRun validate(Path estate, String store) {
        return CliRun.of("validate", estate.resolve("validate.yaml").toString(), "--store", store, "--threads", "1",
                "--new-run", "flow-run-" + NEW_RUNS.incrementAndGet());
    }
}
