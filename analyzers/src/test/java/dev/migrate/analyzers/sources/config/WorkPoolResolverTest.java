package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.sources.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A work pool created in one file and used in another: a setup script types the pools, a prefect.yaml, a Python
 * deployment or a compose agent names them. BHV005 and PF203 said what they say when both are in one file only.
 */
class WorkPoolResolverTest {
    @TempDir
    Path tmp;

    private static final String SETUP = """
            #!/bin/bash
            set -e
            prefect work-pool create legacy-pool --type prefect-agent
            prefect work-pool create etl-pool --type process
            """;

    private static final String PREFECT_YAML = """
            deployments:
              - name: nightly
                entrypoint: flows/etl.py:etl
                work_pool:
                  name: legacy-pool
              - name: hourly
                entrypoint: flows/etl.py:etl
                work_pool:
                  name: etl-pool
            """;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(tmp, pathsAndTexts);
        return Scanner.standard(ScanOptions.defaults()).scan(tmp, "root", ScanListener.NONE);
    }

    private static List<String> findings(Inventory inv, String code) {
        return inv.findings().stream().filter(f -> f.code().equals(code))
                .map(f -> f.where().path() + ":" + f.where().line() + " " + f.message()).sorted().toList();
    }

    private static Job job(Inventory inv, String name) {
        // a prefect.yaml deployment is named FLOW/DEPLOYMENT, and keeps its own name
        return inv.jobs().stream().filter(j -> name.equals(j.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME)))
                .findFirst().orElseThrow();
    }

    @Test
    void aPrefectYamlDeploymentOnAPoolAScriptCreatesAsPrefectAgentIsBhv005() throws IOException {
        Inventory inv = scan("deploy/setup.sh", SETUP, "prefect.yaml", PREFECT_YAML);
        assertThat(findings(inv, "BHV005")).containsExactly(
                "deploy/setup.sh:3 work pool created with type prefect-agent; Prefect 3 workers refuse it, create it "
                        + "with --type process, docker or kubernetes",
                "prefect.yaml:2 deployment 'etl/nightly' targets work pool 'legacy-pool', created with --type prefect-agent "
                        + "at deploy/setup.sh:3, which Prefect 3 workers refuse; create it with --type process, docker or "
                        + "kubernetes");
        assertThat(job(inv, "nightly").attributes()).containsEntry("workPoolType", "prefect-agent")
                .containsEntry("workPoolCreatedAt", "deploy/setup.sh:3");
        // a process pool is what Prefect 3 workers serve: its deployment carries the type and gets no finding
        assertThat(job(inv, "hourly").attributes()).containsEntry("workPoolType", "process");
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("BHV005"))
                .extracting(Finding::jobId).doesNotContain(job(inv, "hourly").id());
    }

    /** As in one script: the agent's PF203 names the pool its worker serves, from the script that types it. */
    @Test
    void anAgentInComposeOfAPoolASetupScriptTypesNamesThePool() throws IOException {
        Inventory inv = scan("deploy/setup.sh", SETUP, "docker-compose.yml", """
                services:
                  agent:
                    image: prefecthq/prefect:2.14-python3.11
                    command: prefect agent start --pool etl-pool
                """);
        assertThat(findings(inv, "PF203")).singleElement().asString().contains(
                "run `prefect worker start --pool etl-pool`: its work pool 'etl-pool' is created with --type process at "
                        + "deploy/setup.sh:4, a type Prefect 3 workers serve");
    }

    @Test
    void inOneScriptADeploymentOnAPrefectAgentPoolIsBhv005Too() throws IOException {
        Inventory inv = scan("deploy/setup.sh", SETUP + "prefect deploy flows/etl.py:etl -n nightly --pool legacy-pool\n");
        assertThat(findings(inv, "BHV005")).contains("deploy/setup.sh:5 deployment 'nightly' targets work pool "
                + "'legacy-pool', created with --type prefect-agent at deploy/setup.sh:3, which Prefect 3 workers refuse; "
                + "create it with --type process, docker or kubernetes").hasSize(2);
    }

    /** Repositories keep their commands extensionless under bin/: the shebang makes it a script, as for the scan. */
    @Test
    void anExtensionlessSetupScriptKnownByItsShebangTypesThePool() throws IOException {
        Inventory inv = scan("bin/setup-pools", SETUP, "prefect.yaml", PREFECT_YAML);
        assertThat(job(inv, "nightly").attributes()).containsEntry("workPoolType", "prefect-agent")
                .containsEntry("workPoolCreatedAt", "bin/setup-pools:3");
        assertThat(findings(inv, "BHV005")).contains("prefect.yaml:2 deployment 'etl/nightly' targets work pool 'legacy-pool', "
                + "created with --type prefect-agent at bin/setup-pools:3, which Prefect 3 workers refuse; create it with "
                + "--type process, docker or kubernetes");
    }

    /** An extensionless file without a shell's first line (notes, a fish script) is no script the scan reads. */
    @Test
    void anExtensionlessFileWithoutAShellShebangTypesNoPool() throws IOException {
        Inventory inv = scan("NOTES", SETUP.substring(SETUP.indexOf('\n') + 1), "bin/setup",
                "#!/usr/bin/env fish\n" + SETUP.substring(SETUP.indexOf('\n') + 1), "prefect.yaml", PREFECT_YAML);
        assertThat(job(inv, "nightly").attributes()).doesNotContainKey("workPoolType");
        assertThat(findings(inv, "BHV005")).isEmpty();
    }

    @Test
    void mustNotReport() throws IOException {
        // two scripts that type one pool differently: which runs last is not in the tree
        Inventory inv = scan("a/setup.sh", "prefect work-pool create legacy-pool --type prefect-agent\n",
                "b/setup.sh", "prefect work-pool create legacy-pool --type docker\n", "prefect.yaml", PREFECT_YAML);
        assertThat(findings(inv, "BHV005")).allMatch(f -> f.startsWith("a/setup.sh"));
        assertThat(job(inv, "nightly").attributes()).doesNotContainKey("workPoolType");
    }

    // a pool named by a variable is the same pool within one script (the rewrite serves it as created there), but
    // another file's "$POOL" may hold anything: it is related inside its script only
    @Test
    void aPoolInAVariableIsRelatedWithinItsScriptOnly() throws IOException {
        Inventory inv = scan("ops/entrypoint.sh", """
                prefect work-pool create "${POOL}" --type=process
                prefect agent start -p "${POOL}" -q "${QUEUE}"
                """, "ops/other.sh", "prefect agent start -p \"${POOL}\" -q other\n");
        assertThat(inv.jobs()).filteredOn(j -> j.source().path().equals("ops/entrypoint.sh")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("workPoolType", "process"));
        assertThat(inv.jobs()).filteredOn(j -> j.source().path().equals("ops/other.sh")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).doesNotContainKey("workPoolType"));
    }
}
