package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.cutover.CutoverJob;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job keeps its cutover key, and the name the reports show, across {@code migrate rewrite}: the Prefect 2 tree and
 * the tree the rewrite made of it are scanned, and every job of the first is the job of the same key and name in the
 * second. Evidence recorded against the Prefect 2 job (validations, gates) has to meet its Prefect 3 deployment.
 */
class CutoverKeysAcrossRewriteTest {
    /** Platform pieces are no jobs to cut over: the server stays, the agent becomes a worker. */
    private static final Set<JobKind> PLATFORM = EnumSet.of(JobKind.PREFECT_SERVER, JobKind.PREFECT_AGENT,
            JobKind.PREFECT_WORKER);

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"vps-prefect2", "k2-platform", "civis-scripts"})
    void theSamplesKeepTheirKeys(String estate) throws IOException {
        Path copy = TreeCopies.sample(estate, work);
        assertKeysKept(copy);
    }

    /**
     * A build line run after {@code cd} into the project with the file it wrote beside it (kept in the repository, as
     * many Prefect 2 projects did), and one scheduled by a Python script through the client: the rewrite turns the
     * first into a prefect.yaml entry and a {@code prefect deploy}, the second into a {@code prefect deploy} whose
     * schedule the script still sets.
     */
    @Test
    void builtFilesAndScheduledBuildsKeepTheirKeys() throws IOException {
        write(work.resolve("p"), Map.of(
                "flows/etl.py", """
                        from prefect import flow


                        @flow(name="Lake ETL")
                        def etl():
                            pass
                        """,
                "flows/report.py", """
                        from prefect import flow


                        @flow
                        def weekly_report():
                            pass
                        """,
                "scripts/deploy.sh", """
                        #!/usr/bin/env bash
                        set -euo pipefail
                        cd "$(dirname "$0")/.."
                        prefect deployment build flows/etl.py:etl -n nightly -q etl --cron "0 2 * * *" -a
                        prefect deployment build flows/report.py:weekly_report -n weekly -q etl -a
                        python scripts/schedules.py
                        """,
                "etl-deployment.yaml", builtYaml("nightly", "Lake ETL", "flows/etl.py:etl"),
                "scripts/schedules.py", """
                        import asyncio

                        from prefect import get_client
                        from prefect.server.schemas.schedules import CronSchedule


                        async def main():
                            async with get_client() as client:
                                d = await client.read_deployment_by_name("weekly-report/weekly")
                                await client.update_deployment(d, schedule=CronSchedule(cron="0 7 * * 1"))


                        asyncio.run(main())
                        """,
                "requirements.txt", "prefect==2.14.21\n"));
        assertKeysKept(work.resolve("p"));
    }

    /**
     * A deployment file kept in the repository and applied by a script, its build run elsewhere (a CI job of another
     * repository, a laptop): the rewrite moves it into prefect.yaml and the apply becomes {@code prefect deploy --all}.
     */
    @Test
    void appliedDeploymentFilesKeepTheirKeys() throws IOException {
        write(work.resolve("a"), Map.of(
                "flows/etl.py", """
                        from prefect import flow


                        @flow(name="Lake ETL")
                        def etl():
                            pass
                        """,
                "flows/etl-deployment.yaml", builtYaml("nightly", "Lake ETL", "etl.py:etl"),
                "deploy.sh", """
                        #!/usr/bin/env bash
                        set -euo pipefail
                        cd flows
                        prefect deployment apply etl-deployment.yaml
                        """,
                "requirements.txt", "prefect==2.16.9\n"));
        assertKeysKept(work.resolve("a"));
    }

    /**
     * Names given through variables: an env file the script sources, a Makefile variable, a workflow's {@code env:},
     * and one the tree does not set. The scan reads the value it can prove on both sides of the rewrite (the rewritten
     * line keeps the variable), and keeps the text of the one it cannot.
     */
    @Test
    void namesInVariablesKeepTheirKeys() throws IOException {
        write(work.resolve("v"), Map.of(
                "flows/etl.py", """
                        from prefect import flow


                        @flow(name="lake-etl")
                        def etl():
                            pass


                        @flow
                        def load_all():
                            pass
                        """,
                ".env", "DEPLOYMENT_NAME=nightly\nWORK_QUEUE=etl\n",
                "deploy.sh", """
                        #!/usr/bin/env bash
                        set -euo pipefail
                        set -a
                        . ./.env
                        set +a
                        prefect deployment build flows/etl.py:etl -n "$DEPLOYMENT_NAME" -q "$WORK_QUEUE" --cron "0 2 * * *" -a
                        prefect deployment build flows/etl.py:load_all -n "${UNKNOWN_NAME}" -q etl -a
                        """,
                "Makefile", """
                        NAME ?= weekly

                        deploy:
                        \tprefect deployment build flows/etl.py:load_all -n $(NAME) -q etl --cron "0 3 * * 0" -a
                        """,
                ".github/workflows/deploy.yml", """
                        name: deploy
                        on:
                          push:
                            branches: [main]
                        env:
                          DEPLOY_NAME: hourly
                        jobs:
                          deploy:
                            runs-on: ubuntu-latest
                            steps:
                              - uses: actions/checkout@v4
                              - run: pip install -r requirements.txt
                              - run: prefect deployment build flows/etl.py:etl -n ${{ env.DEPLOY_NAME }} -q etl --interval 3600 -a
                        """,
                "requirements.txt", "prefect==2.19.9\n"));
        Map<String, String> before = keys(work.resolve("v"));
        assertThat(before).containsEntry("nightly", "lake-etl/nightly").containsEntry("weekly", "load-all/weekly")
                .containsEntry("hourly", "lake-etl/hourly").containsEntry("unknown-name", "${UNKNOWN_NAME}");
        assertKeysKept(work.resolve("v"));
    }

    private static void assertKeysKept(Path tree) throws IOException {
        Map<String, String> before = keys(tree);
        CliRun rewrite = CliRun.of("rewrite", tree.toString(), "--unsafe-fixes");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();
        assertThat(keys(tree)).as("key -> name after the rewrite").isEqualTo(before);
    }

    /** Each job's cutover key with the name reports show; a key two jobs share is listed with both names. */
    private static Map<String, String> keys(Path tree) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Job j : Scanner.standard(ScanOptions.defaults()).scan(tree, "t", ScanListener.NONE).jobs()) {
            if (!PLATFORM.contains(j.kind())) {
                out.merge(CutoverJob.keyOf(CutoverJob.deploymentName(j)), j.name(), (a, b) -> a + " AND " + b);
            }
        }
        return out;
    }

    private static String builtYaml(String name, String flow, String entrypoint) {
        return """
                ###
                ### A complete description of a Prefect Deployment for flow '%2$s'
                ###
                name: %1$s
                description: null
                version: 0b5e8a4c1d2f3e4a5b6c7d8e9f0a1b2c
                work_queue_name: etl
                work_pool_name: default-agent-pool
                tags: []
                parameters: {}
                schedule:
                  cron: 0 2 * * *
                  timezone: null
                  day_or: true
                is_schedule_active: true
                infra_overrides: {}
                ###
                ### DO NOT EDIT BELOW THIS LINE
                ###
                flow_name: %2$s
                manifest_path: null
                infrastructure:
                  type: process
                  env: {}
                  labels: {}
                  name: null
                  command: null
                  stream_output: true
                  working_dir: null
                  _block_document_id: 7c4d2a8e-3b1f-4e5a-9c6d-2f8e1a3b5c7d
                  _block_document_name: anonymous-5b2f1c3e-8d4a-4f6b-a1c2-3e4d5f6a7b8c
                  _is_anonymous: true
                  block_type_slug: process
                  _block_type_slug: process
                storage: null
                path: /home/runner/work/lake/lake
                entrypoint: %3$s
                parameter_openapi_schema:
                  title: Parameters
                  type: object
                  properties: {}
                timestamp: '2024-02-12T09:14:03.512904+00:00'
                triggers: []
                enforce_parameter_schema: null
                """.formatted(name, flow, entrypoint);
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
    }
}
