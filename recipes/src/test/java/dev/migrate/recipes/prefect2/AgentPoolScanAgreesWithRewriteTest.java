package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the scan's PF203 for a Prefect 2 agent and the rewrite's worker for it name the same work pool and type
 * (the pool the deployments of the agent's queue move to), on a project whose agent runs in compose or under systemd
 * while a Makefile or a CI workflow builds the deployments on infrastructure blocks.
 */
class AgentPoolScanAgreesWithRewriteTest {
    private static final String RECIPE = "dev.migrate.prefect.MigrateToPrefect3FromPrefect2";
    private static final Pattern WORKER = Pattern.compile("prefect worker start --pool (\\S+) --type ([\\w-]+) --work-queue etl");
    private static final Pattern REWRITTEN = Pattern.compile("prefect worker start --work-queue etl --pool (\\S+) --type ([\\w-]+)");

    @TempDir
    Path project;

    @Test
    void theComposeAgentsFindingNamesThePoolTheRewrittenWorkerServes() throws Exception {
        write("docker-compose.yml", """
                services:
                  prefect-agent:
                    image: prefecthq/prefect:2.14.9-python3.10
                    environment:
                      PREFECT_API_URL: http://prefect-server:4200/api
                    command: prefect agent start -q etl
                """);
        write("Makefile", """
                deploy:
                \tprefect deployment build flows/etl.py:etl -n nightly -q etl -ib docker-container/etl-runner --cron "0 3 * * *" -a
                """);
        write("flows/etl.py", "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");

        List<String> scanned = workers(pf203(scan(), "docker-compose.yml"), WORKER);
        assertThat(scanned).containsExactly("etl-runner docker");

        RewriteEngine.apply(project, run());
        assertThat(workers(read("docker-compose.yml"), REWRITTEN)).isEqualTo(scanned);
    }

    /** Two blocks on the queue: the finding's workers are the ones the rewrite's note asks for besides its worker's. */
    @Test
    void aSystemdAgentWhoseQueueRanTwoBlocksIsToldOfTheWorkersTheRewriteAsksFor() throws Exception {
        write("deploy/prefect-agent.service", """
                [Unit]
                Description=Prefect agent

                [Service]
                ExecStart=/opt/venv/bin/prefect agent start -q etl
                Restart=always
                """);
        write(".github/workflows/deploy.yml", """
                name: deploy
                on:
                  push:
                    branches: [main]
                jobs:
                  deploy:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: pip install prefect==2.14.9
                      - run: prefect deployment build flows/daily.py:daily -n daily -q etl -ib process/daily -a
                      - run: prefect deployment build flows/heavy.py:heavy -n heavy -q etl -ib kubernetes-job/heavy -a
                """);

        List<String> scanned = workers(pf203(scan(), "deploy/prefect-agent.service"), WORKER);
        assertThat(scanned).containsExactly("daily process", "heavy kubernetes");

        RewriteResult first = run();
        String asked = first.notes().stream().filter(n -> n.sourcePath().endsWith("prefect-agent.service"))
                .map(n -> n.message()).reduce("", String::concat);
        assertThat(workers(asked, WORKER)).isEqualTo(scanned);
    }

    private Inventory scan() throws java.io.IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(project, "root", ScanListener.NONE);
    }

    private static String pf203(Inventory inv, String path) {
        return inv.findings().stream().filter(f -> f.code().equals("PF203") && f.where().path().equals(path))
                .map(f -> f.message()).reduce("", String::concat);
    }

    /** "POOL TYPE" of each worker command {@code pattern} finds in {@code text}, in order. */
    private static List<String> workers(String text, Pattern pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    private String read(String path) throws Exception {
        return Files.readString(project.resolve(path));
    }

    private RewriteResult run() {
        return new RewriteEngine(RecipeCatalog.load().activate(List.of(RECIPE)), PrefectTarget.defaultTarget(), true)
                .run(project);
    }

    private void write(String path, String text) throws Exception {
        Files.createDirectories(project.resolve(path).getParent());
        Files.writeString(project.resolve(path), text);
    }
}
