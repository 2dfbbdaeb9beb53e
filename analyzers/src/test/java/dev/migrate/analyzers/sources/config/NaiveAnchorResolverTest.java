package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan reads a naive interval anchor_date as the Prefect that runs it does. Before, it read every naive anchor in
 * the schedule's timezone: a Prefect 2 deployment of 06:30 with America/Chicago showed R/2023-03-01T06:30-06:00, six
 * hours after the 06:30 UTC Prefect 2 ran, and after the rewrite (which writes the Prefect 2 instant, +00:00) the
 * scan showed another instant for the same deployment, so the cutover's missed windows and parity were built on the
 * wrong one.
 */
class NaiveAnchorResolverTest {
    private static final String DEPLOY_PY = """
            from datetime import timedelta
            from prefect import flow
            from prefect.deployments import Deployment
            from prefect.server.schemas.schedules import IntervalSchedule


            @flow
            def etl():
                pass


            deployment = Deployment.build_from_flow(
                flow=etl,
                name="nightly",
                schedule=IntervalSchedule(interval=timedelta(days=1), anchor_date="2023-03-01T06:30:00", timezone="America/Chicago"),
                work_queue_name="default",
            )
            """;
    private static final String PREFECT2_YAML = """
            name: etl
            prefect-version: 2.14.2
            deployments:
              - name: hourly
                entrypoint: deploy.py:etl
                work_pool:
                  name: default-pool
                schedule:
                  interval: 3600
                  anchor_date: "2023-03-01T06:30:00"
                  timezone: America/Chicago
            """;
    private static final String BUILD_SH = """
            #!/bin/sh
            prefect deployment build deploy.py:etl -n cli-nightly -q default --interval 86400 --anchor-date 2023-03-01T06:30:00 --timezone America/Chicago --apply
            """;

    @TempDir
    Path dir;

    /** Prefect 2 read a naive anchor as UTC (pendulum, PrefectHQ/prefect#9763): Python, prefect.yaml and build lines. */
    @Test
    void aPrefect2AnchorIsTheUtcInstantPrefect2Ran() throws IOException {
        Map<String, Job> jobs = scan(Map.of("deploy.py", DEPLOY_PY, "prefect.yaml", PREFECT2_YAML,
                "scripts/build.sh", BUILD_SH, "requirements.txt", "prefect==2.14.2\n"));
        assertThat(jobs.keySet()).containsExactly("etl/cli-nightly", "etl/hourly", "etl/nightly");
        assertThat(jobs.values()).extracting(j -> j.schedules().get(0).expression()).containsExactly(
                "R/2023-03-01T06:30Z/PT86400S", "R/2023-03-01T06:30Z/PT3600S", "R/2023-03-01T06:30Z/P1D");
        assertThat(jobs.values()).allSatisfy(j -> {
            assertThat(j.schedules().get(0).unproven()).isNull();
            assertThat(j.attributes()).containsEntry(NaiveAnchors.ATTRIBUTE, "naive anchor read as UTC, as Prefect 2 does");
        });
    }

    /**
     * The same project scanned before and after `migrate rewrite --unsafe-fixes` (the after text is what the rewrite
     * writes: the anchors with +00:00, Interval of prefect.schedules, prefect deploy, prefect==3.8.3) gives the same
     * instants: the cutover compares the runs Prefect 2 made with the ones Prefect 3 will make. The build line's
     * deploy reads no deployment file: beside the prefect.yaml of one deployment ('hourly') it would deploy that entry
     * as cli-nightly (PF229), which the rescan does not report.
     */
    @Test
    void theScanBeforeAndAfterTheRewriteAgree() throws IOException {
        Map<String, Job> before = scan(Map.of("deploy.py", DEPLOY_PY, "prefect.yaml", PREFECT2_YAML,
                "scripts/build.sh", BUILD_SH, "requirements.txt", "prefect==2.14.2\n"));
        Path after = dir.resolve("after");
        Map<String, Job> rewritten = scan(after, Map.of("deploy.py", """
                from datetime import timedelta
                from pathlib import Path
                from prefect import flow
                from prefect.schedules import Interval


                @flow
                def etl():
                    pass


                deployment = etl.from_source(source=str(Path(__file__).resolve().parent), entrypoint="deploy.py:etl").to_deployment(
                    name="nightly",
                    schedules=[Interval(timedelta(days=1), anchor_date="2023-03-01T06:30:00+00:00", timezone="America/Chicago")],
                    work_queue_name="default",
                    work_pool_name="process-pool",
                    enforce_parameter_schema=False,
                )
                """, "prefect.yaml", """
                name: etl
                prefect-version: 3.8.3
                deployments:
                  - name: hourly
                    entrypoint: deploy.py:etl
                    work_pool:
                      name: default-pool
                    schedules:
                      - interval: 3600
                        anchor_date: "2023-03-01T06:30:00+00:00"
                        timezone: America/Chicago
                """, "scripts/build.sh", """
                #!/bin/sh
                prefect --no-prompt deploy --pool process-pool deploy.py:etl --name cli-nightly --work-queue default --interval 86400 --anchor-date 2023-03-01T06:30:00+00:00 --timezone America/Chicago --prefect-file /dev/null
                """, "requirements.txt", "prefect==3.8.3\n"));
        // paired as the cutover pairs them (a Prefect 2 build line's -n and the prefect deploy line's FLOW/DEPLOYMENT
        // name meet at the deployment's own name)
        assertThat(Scanner.standard(ScanOptions.defaults()).scan(after, "t", ScanListener.NONE).findings())
                .noneMatch(f -> f.code().equals("PF229"));
        before = byCutoverKey(before);
        rewritten = byCutoverKey(rewritten);
        assertThat(rewritten.keySet()).isEqualTo(before.keySet());
        ScheduleCheck check = new ScheduleCheck(ZoneOffset.UTC, Instant.parse("2026-11-21T00:00:00Z"));
        for (String name : before.keySet()) {
            ScheduleSpec was = before.get(name).schedules().get(0);
            // the command's own schedule, its last: without prompts, Prefect deploys cli-nightly from the file's only
            // entry, so it also runs on that entry's hourly schedule (appended to, not replaced by, --interval:
            // _apply_cli_options_to_deploy_config; PF229 says so)
            List<ScheduleSpec> all = rewritten.get(name).schedules();
            ScheduleSpec is = all.get(all.size() - 1);
            assertThat(is.unproven()).as(name).isNull();
            assertThat(check.interpret(is).describe()).as(name).isEqualTo(check.interpret(was).describe());
            assertThat(check.translate(check.interpret(is), ScheduleOrigin.of(rewritten.get(name).kind())).target().toYaml())
                    .as(name).containsEntry("anchor_date", "2023-03-01T06:30:00+00:00")
                    .isEqualTo(check.translate(check.interpret(was), ScheduleOrigin.of(before.get(name).kind())).target().toYaml());
        }
    }

    /**
     * 3.x before 3.3.0 read a naive anchor as UTC. Before, a pin at 3.5.0 or later resolved it into the timezone
     * (crediting PrefectHQ/prefect#19301); from 3.3.0 the client's and the server's Python decide, so such a pin proves
     * nothing and the mark stays.
     */
    @Test
    void aPrefect3AnchorIsReadByThePinnedVersion() throws IOException {
        String utc = "R/2024-01-01T09:00Z/PT3600S";
        assertThat(prefect3Anchor("requirements.txt", "prefect==3.2.1\n")).isEqualTo(utc);
        assertThat(attribute(dir.resolve("p3.2.1"))).isEqualTo("naive anchor read as UTC, as Prefect 3 before 3.3.0 does");
        assertThat(prefect3Anchor("pyproject.toml", "[tool.poetry.dependencies]\nprefect = \"3.2.6\"\n")).isEqualTo(utc);
        for (Map<String, String> pins : List.of(Map.of("requirements.txt", "prefect[aws]==3.5.0\n"),
                Map.of("requirements.txt", "prefect==3.4.1\n"), Map.of("requirements.txt", "prefect==3.3.0\n"),
                Map.of("Dockerfile", "FROM prefecthq/prefect:3.6.2-python3.12\n"))) {
            ScheduleSpec s = scanProject("late" + Integer.toHexString(pins.hashCode()), pins);
            assertThat(s.expression()).as(pins.toString()).isEqualTo(utc);
            assertThat(NaiveAnchors.pending(s)).as(pins.toString()).isTrue();
        }
    }

    /**
     * A range proves the reading when every release it admits is before 3.3.0: {@code <3.3}, {@code ~=3.2.0},
     * {@code ==3.2.*}, Poetry's {@code ~3.2}; the same pins handed on through a variable (a Dockerfile ARG's default, a
     * reference's inline default, a compose service's build argument) too.
     */
    @Test
    void aRangeBefore330ProvesTheUtcReading() throws IOException {
        String utc = "R/2024-01-01T09:00Z/PT3600S";
        for (Map<String, String> pins : List.of(Map.of("requirements.txt", "prefect>=3.0,<3.3\n"),
                Map.of("requirements.txt", "prefect[aws] ~= 3.2.0  # patch releases\n"),
                Map.of("requirements.txt", "prefect==3.2.*\n"),
                Map.of("pyproject.toml", "[tool.poetry.dependencies]\nprefect = \"~3.2\"\n"),
                Map.of("pyproject.toml", "[tool.poetry.dependencies]\nprefect = {extras = [\"aws\"], version = \">=3.1,<3.3\"}\n"),
                Map.of("Dockerfile", "FROM python:3.12-slim\nARG PREFECT_VERSION=3.2.1\nRUN pip install \"prefect==${PREFECT_VERSION}\"\n"),
                Map.of("docker-compose.yml", "services:\n  worker:\n    image: prefecthq/prefect:${PREFECT_VERSION:-3.2.1}-python3.12\n"),
                Map.of("docker-compose.yml", "services:\n  worker:\n    build:\n      context: .\n      args:\n"
                        + "        PREFECT_VERSION: \"3.1.4\"\n", "Dockerfile",
                        "FROM python:3.12-slim\nARG PREFECT_VERSION\nRUN pip install \"prefect==$PREFECT_VERSION\"\n"),
                // a 2.x pin beside a 3.2 one: both read it as UTC
                Map.of("requirements.txt", "prefect==3.2.1\n", "legacy/requirements.txt", "prefect==2.20.3\n"))) {
            ScheduleSpec s = scanProject("r" + Integer.toHexString(pins.hashCode()), pins);
            assertThat(s.expression()).as(pins.toString()).isEqualTo(utc);
            assertThat(s.unproven()).as(pins.toString()).isNull();
        }
    }

    /**
     * Must not change: a range that admits 3.3.0 or later (before, {@code >=3.5} and {@code ^3.5} proved the zone
     * reading), a variable with no value here, or a pin before 3.3.0 beside one after it leaves the reading unproven.
     */
    @Test
    void aRangeThatAdmits330StaysNotProven() throws IOException {
        for (Map<String, String> pins : List.of(Map.of("requirements.txt", "prefect>=3.2,<3.4\n"),
                Map.of("requirements.txt", "prefect~=3.2\n"),
                Map.of("pyproject.toml", "[project]\ndependencies = [\"prefect>=3.5\"]\n"),
                Map.of("pyproject.toml", "[tool.poetry.dependencies]\nprefect = \"^3.2\"\n"),
                Map.of("Dockerfile", "ARG PREFECT_VERSION\nRUN pip install prefect==${PREFECT_VERSION}\n"),
                Map.of("docker-compose.yml", "services:\n  w:\n    build:\n      args:\n        PYTHON_VERSION: \"3.2.1\"\n"),
                Map.of("requirements.txt", "prefect==3.2.1\n", "Dockerfile", "FROM prefecthq/prefect:3.6.2-python3.12\n"))) {
            String root = "across" + Integer.toHexString(pins.hashCode());
            ScheduleSpec s = scanProject(root, pins);
            assertThat(s.expression()).as(pins.toString()).isEqualTo("R/2024-01-01T09:00Z/PT3600S");
            assertThat(NaiveAnchors.pending(s)).as(pins.toString()).isTrue();
        }
    }

    /** No version, or one from 3.3.0: the reading stays ambiguous, and the proof gives both instants. */
    @Test
    void anUnknownVersionLeavesTheReadingUnproven() throws IOException {
        for (Map<String, String> pins : List.of(Map.<String, String>of(), Map.of("requirements.txt", "prefect>=3\n"),
                Map.of("requirements.txt", "prefect==3.6.2\n"))) {
            Path root = dir.resolve("unknown" + pins.size() + pins.hashCode());
            java.util.HashMap<String, String> files = new java.util.HashMap<>(pins);
            files.put("prefect.yaml", prefect3Yaml());
            ScheduleSpec s = scan(root, files).get("f/nightly").schedules().get(0);
            assertThat(s.expression()).as(pins.toString()).isEqualTo("R/2024-01-01T09:00Z/PT3600S");
            assertThat(NaiveAnchors.pending(s)).as(pins.toString()).isTrue();
            ScheduleCheck check = new ScheduleCheck(ZoneOffset.UTC, Instant.parse("2026-11-21T00:00:00Z"));
            assertThat(check.inexactness(s)).startsWith("not proven, naive anchor_date 2024-01-01T09:00 with timezone "
                    + "America/Chicago is 2024-01-01T09:00Z read as UTC, 2024-01-01T09:00-06:00 read in America/Chicago: "
                    + "Prefect 2 and 3.x before 3.3.0 read it as UTC, and from 3.3.0 which one runs depends on the Python "
                    + "version of the Prefect client that deploys it and of the server that stores it");
        }
    }

    /** `prefect deploy --anchor-date` is read too, and with its offset it is one instant to every version. */
    @Test
    void aDeployLineAnchorIsRead() throws IOException {
        Map<String, Job> jobs = scan(Map.of("deploy.sh", """
                prefect deploy flows/f.py:f -n naive -p pool --interval 3600 --anchor-date "2024-01-01 09:00" --timezone America/Chicago
                prefect deploy flows/f.py:f -n aware -p pool --interval=3600 --anchor-date=2024-01-01T09:00:00-06:00 --timezone America/Chicago
                prefect deploy flows/f.py:f -n shell -p pool --interval 3600 --anchor-date "$START" --timezone America/Chicago
                """, "requirements.txt", "prefect==3.2.2\n"));
        assertThat(jobs.get("f/aware").schedules().get(0).expression()).isEqualTo("R/2024-01-01T09:00-06:00/PT3600S");
        assertThat(jobs.get("f/aware").attributes()).doesNotContainKey(NaiveAnchors.ATTRIBUTE);
        assertThat(jobs.get("f/naive").schedules().get(0).expression()).isEqualTo("R/2024-01-01T09:00Z/PT3600S");
        assertThat(jobs.get("f/naive").attributes()).containsEntry(NaiveAnchors.ATTRIBUTE,
                NaiveAnchors.Reading.PREFECT3_UTC.note());
        assertThat(jobs.get("f/shell").schedules().get(0).expression()).isEqualTo("PT3600S");
    }

    /** Must not change: a Prefect 1 start_date is the instant pendulum used, with no version reading. */
    @Test
    void prefect1StartsAreNotReadAgain() throws IOException {
        Map<String, Job> jobs = scan(Map.of("flows/lake.py", """
                from datetime import datetime, timedelta
                import pendulum
                from prefect import Flow
                from prefect.schedules import IntervalSchedule

                a = Flow("london", schedule=IntervalSchedule(start_date=pendulum.datetime(2022, 7, 4, 6, 30, tz="Europe/London"),
                                                             interval=timedelta(hours=1)))
                b = Flow("naive", schedule=IntervalSchedule(start_date=datetime(2022, 7, 4, 6, 30), interval=timedelta(hours=6)))
                """, "requirements.txt", "prefect==3.6.0\n"));
        assertThat(jobs.get("london").schedules().get(0).expression()).isEqualTo("R/2022-07-04T06:30+01:00/PT1H");
        assertThat(jobs.get("naive").schedules().get(0).expression()).isEqualTo("R/2022-07-04T06:30Z/PT6H");
        assertThat(jobs.values()).allSatisfy(j -> {
            assertThat(j.schedules().get(0).unproven()).isNull();
            assertThat(j.attributes()).doesNotContainKey(NaiveAnchors.ATTRIBUTE);
        });
    }

    private String prefect3Anchor(String file, String text) throws IOException {
        Path root = dir.resolve("p" + text.replaceAll("[^0-9.]", ""));
        return scan(root, Map.of("prefect.yaml", prefect3Yaml(), file, text)).get("f/nightly").schedules().get(0).expression();
    }

    private ScheduleSpec scanProject(String root, Map<String, String> pins) throws IOException {
        java.util.HashMap<String, String> files = new java.util.HashMap<>(pins);
        files.put("prefect.yaml", prefect3Yaml());
        return scan(dir.resolve(root), files).get("f/nightly").schedules().get(0);
    }

    private String attribute(Path root) throws IOException {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE);
        return inv.jobs().get(0).attributes().get(NaiveAnchors.ATTRIBUTE);
    }

    private static String prefect3Yaml() {
        return """
                deployments:
                  - name: nightly
                    entrypoint: flows/f.py:f
                    work_pool:
                      name: pool
                    schedules:
                      - interval: 3600
                        anchor_date: "2024-01-01T09:00:00"
                        timezone: America/Chicago
                """;
    }

    private static Map<String, Job> byCutoverKey(Map<String, Job> jobs) {
        java.util.TreeMap<String, Job> out = new java.util.TreeMap<>();
        jobs.values().forEach(j -> out.put(dev.migrate.analyzers.cutover.CutoverJob.deploymentName(j), j));
        return out;
    }

    private Map<String, Job> scan(Map<String, String> files) throws IOException {
        return scan(dir.resolve("before"), files);
    }

    private static Map<String, Job> scan(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = root.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "t", ScanListener.NONE);
        java.util.TreeMap<String, Job> out = new java.util.TreeMap<>();
        inv.jobs().stream().filter(j -> !j.schedules().isEmpty()).sorted(Comparator.comparing(Job::name))
                .forEach(j -> out.put(j.name(), j));
        return out;
    }
}
