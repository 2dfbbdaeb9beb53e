package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.validators.store.EvidenceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ValidateCommandTest {
    static final Path SAMPLE = Path.of(System.getProperty("migrate.repo.root", ".."), "samples", "prefect1-lake");

    @TempDir
    Path tmp;

    private String store() {
        return "jdbc:sqlite:" + tmp.resolve("evidence.db");
    }

    @Test
    void samplesMismatchWithExitOneAndEveryReportFormat() throws Exception {
        CliRun run = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(), "--store", store(),
                "--json", tmp.resolve("r.json").toString(), "--junit", tmp.resolve("r.xml").toString(),
                "--markdown", tmp.resolve("r.md").toString(), "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("job lake_ingestion: MISMATCH")
                .contains("FAIL row_diff  orders.rows: 3 rows differ (status: 1 (2.5%), amount: 2 (5%) of 40 paired rows)")
                .contains("info schema    customers.flow_run_id: new column")
                .contains("differs {order_id=1031}  status: paid -> cancelled")
                .contains("result: mismatch");

        JsonNode json = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.at("/jobs/0/legacy_run").asText()).contains("prefect1-flow-run-5521");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(tmp.resolve("r.xml").toFile());
        // the row diff of orders; the aggregates of its two changed columns follow from it (info)
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("r.md"))).contains("## migrate validate: mismatch")
                .contains("| fail | row_diff | orders | rows |").contains("<details><summary>Sample rows of <code>orders</code>");

        EvidenceStore evidence = EvidenceStore.open(store());
        assertThat(evidence.runs("lake_ingestion")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("fail");
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.legacyRun()).contains("2024-03-01T02:00:00Z");
            assertThat(evidence.checkCount(r.runId())).isEqualTo(r.passed() + r.failed() + r.info());
        });
    }

    /**
     * An output that cannot be read fails its dataset; the other datasets and jobs are still compared, shown and
     * recorded, and the command ends with exit 2 and the reason. Before, the first unreadable file stopped the run:
     * later jobs had no evidence that day.
     */
    @Test
    void anUnreadableOutputFailsItsDatasetAndTheRunGoesOn() throws Exception {
        for (String side : new String[] {"prod", "dev"}) {
            Files.createDirectories(tmp.resolve(side));
            Files.writeString(tmp.resolve(side + "/orders.csv"), "id,amount\n1,2.5\n");
            Files.writeString(tmp.resolve(side + "/fx.csv"), "day,rate\n2024-03-01,1.1\n");
            Files.writeString(tmp.resolve(side + "/users.csv"), "id,name\n1,ann\n");
        }
        Files.writeString(tmp.resolve("dev/orders.csv"), "");
        Path config = tmp.resolve("validate.yaml");
        Files.writeString(config, """
                version: 1
                connections:
                  prod: {type: directory, path: prod}
                  dev: {type: directory, path: dev}
                jobs:
                  - name: sales
                    legacy: {connection: prod}
                    new: {connection: dev}
                    datasets:
                      - {name: orders, files: orders.csv, key: id}
                      - {name: fx, files: fx.csv, key: day}
                  - name: crm
                    legacy: {connection: prod}
                    new: {connection: dev}
                    datasets: [{name: users, files: users.csv, key: id}]
                """);
        CliRun run = CliRun.of("validate", config.toString(), "--store", store(), "--json", tmp.resolve("r.json").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("the file is empty (0 bytes)");
        assertThat(run.out()).contains("job sales: MISMATCH").contains("job crm: MATCH")
                .contains("cannot compare the outputs");
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
        assertThat(json.at("/jobs/0/checks").findValuesAsText("dataset")).contains("orders", "fx");
        EvidenceStore evidence = EvidenceStore.open(store());
        assertThat(evidence.runs("sales")).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("fail"));
        assertThat(evidence.runs("crm")).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("pass"));
    }

    @Test
    void dryRunPrintsTheSqlOfEachSideAndRecordsNothing() {
        CliRun run = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(), "--store", store(), "--dry-run");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("-- job lake_ingestion, dataset orders, legacy: aggregates and row hashes (legacy_scan)")
                .contains("read_csv(?, header = ?")
                .contains("orders_20240301T020000.csv")
                .contains("-- job lake_ingestion, dataset orders, new: sample rows (new)")
                .contains("-- job lake_ingestion, dataset fx_rates, new: aggregates and row hashes (new_scan)")
                .contains("read_parquet(?, union_by_name = true, filename = ?)")
                .contains("-- job lake_ingestion, dataset fx_rates, legacy: sample rows (legacy)")
                .contains("FULL OUTER JOIN").contains("AS \"__migrate_row_hash\"");
        assertThat(tmp.resolve("evidence.db")).doesNotExist();
    }

    @Test
    void badConfigExitsTwoWithOneLineNamingThePath() throws Exception {
        Path cfg = tmp.resolve("v.yaml");
        Files.writeString(cfg, """
                connections:
                  a: {type: directory, path: a}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: a}
                    datasets:
                      - name: d
                        files: "*.csv"
                        key: [id]
                        tolerances: {x: {absolut: 1}}
                """);
        CliRun run = CliRun.of("validate", cfg.toString(), "--store", store());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("jobs[0].datasets[0].tolerances.x.absolut: unknown key 'absolut'. Did you mean 'absolute'?");
    }

    @Test
    void aThreadCountBelowOneIsBadInputNotAnEngineThatFailed() {
        CliRun run = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(), "--no-store", "--threads", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("migrate: --threads must be 1 or more, got 0.");
    }

    @Test
    void missingLocationExitsThreeWithoutAStackTrace() throws Exception {
        Path cfg = tmp.resolve("v.yaml");
        Files.writeString(cfg, """
                connections:
                  a: {type: directory, path: does/not/exist}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: a}
                    outputs: "**"
                """);
        CliRun run = CliRun.of("validate", cfg.toString(), "--store", store());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("does/not/exist: output location not found").doesNotContain("at dev.migrate");
    }

    @Test
    void stacktraceFlagAddsTheTrace() throws Exception {
        Path cfg = tmp.resolve("v.yaml");
        Files.writeString(cfg, "jobs: 3\n");
        CliRun run = CliRun.of("--stacktrace", "validate", cfg.toString(), "--store", store());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at dev.migrate.validators");
    }

    @Test
    void unreachableStoreExitsThreeAndHidesTheCredential() {
        CliRun run = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(),
                "--store", "jdbc:postgresql://127.0.0.1:1/evidence?user=alice");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("evidence store");
        // a credential in the URL is refused before any connection (a driver error could quote it)
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:1/evidence?password=s3cret",
                "jdbc:postgresql://alice:s3cret@127.0.0.1:1/evidence"}) {
            CliRun refused = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(), "--store", url);
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("carries a credential").doesNotContain("s3cret");
        }
    }

    /**
     * How files are read is config only: the help says why (the digest cutover checks is the config's), and a flag
     * for it is refused as bad input rather than silently ignored.
     */
    @Test
    void csvReadingHasNoFlagAndTheHelpSaysWhy() {
        CliRun help = CliRun.of("validate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("csv.escapes").contains("config_digest is computed "
                + "from the config file").contains("json_columns: [payload]");

        CliRun flag = CliRun.of("validate", SAMPLE.resolve("validate.yaml").toString(), "--csv-escapes", "none",
                "--no-store");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).contains("--csv-escapes");
    }
}
