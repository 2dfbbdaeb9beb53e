package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.assertCompiles;
import static dev.migrate.recipes.legacy.LegacyTestSupport.assertOnlyPrefect3Keys;
import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static dev.migrate.recipes.legacy.LegacyTestSupport.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** APScheduler and schedule-library scripts written here (not a sample) through the three phases and a rollback. */
class InProcessSchedulersTest {
    private static final String APS = """
            import os

            from apscheduler.schedulers.blocking import BlockingScheduler

            from shop import orders

            RETRY_LIMIT = 3
            scheduler = BlockingScheduler(timezone="Europe/Paris")


            def sync_orders(limit):
                orders.sync(limit=limit, base=os.environ.get("SHOP_BASE"))


            scheduler.add_job(sync_orders, "cron", hour=6, minute=10, kwargs={"limit": RETRY_LIMIT})
            late = scheduler.add_job(orders.archive, "interval", hours=2)


            @scheduler.scheduled_job("cron", day_of_week="mon", hour=5)
            def weekly():
                print("weekly run")


            if __name__ == "__main__":
                scheduler.start()
            """;
    private static final String SCHEDULE = """
            import time

            import schedule


            def ping():
                print("ping")


            schedule.every(30).minutes.do(ping)

            while True:
                schedule.run_pending()
                time.sleep(1)
            """;
    private static final String UNIT = """
            [Service]
            User=shop
            WorkingDirectory=/opt/shop
            ExecStart=/opt/shop/venv/bin/python /opt/shop/%s
            Restart=always
            """;

    @TempDir
    Path dir;

    @Test
    void apschedulerAndScheduleScriptsThroughAllPhases() throws Exception {
        Path p = estate();
        Map<String, String> original = snapshot(p);

        RewriteResult dual = run(p, "dual-run");
        assertThat(dual.changes()).allSatisfy(c -> assertThat(c.path().toString()).startsWith("prefect/"));
        RewriteEngine.apply(p, dual);
        String yaml = read(p, "prefect/prefect.yaml");
        assertOnlyPrefect3Keys(yaml);
        assertThat(yaml).contains("cron: 25 6 * * *", "timezone: Europe/Paris", "cron: 15 5 * * 1", "interval: 1800",
                "name: legacy-host-shop");
        String flows = String.join("\n", snapshot(p).entrySet().stream()
                .filter(e -> e.getKey().startsWith("prefect/flows/")).map(Map.Entry::getValue).toList());
        assertThat(flows).contains("RETRY_LIMIT = 3\n", "import os  # noqa: E402\n", "from shop import orders  # noqa: E402\n",
                "    return sync_orders(**{\"limit\": RETRY_LIMIT})\n", "def weekly():\n    print(\"weekly run\")\n",
                "def ping():\n    print(\"ping\")\n", "_MIGRATE_HOST_DIR = '/opt/shop'")
                .doesNotContain("scheduled_job", "BlockingScheduler", "schedule.every");
        assertCompiles(p);
        assertThat(run(p, "dual-run").changes()).isEmpty();

        RewriteResult cutover = run(p, "cutover");
        assertThat(cutover.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("shares its lines with other code: comment it out by hand");
        });
        RewriteEngine.apply(p, cutover);
        Map<String, String> cut = snapshot(p);
        String aps = read(p, "opt/shop/aps.py");
        assertThat(aps).contains("# migrate: disabled apscheduler-sync-orders-", "# scheduler.add_job(sync_orders,",
                "# @scheduler.scheduled_job(\"cron\", day_of_week=\"mon\", hour=5)\ndef weekly():",
                "\nlate = scheduler.add_job(orders.archive");
        assertThat(read(p, "prefect/MIGRATION.md")).contains("shares its lines with other code: comment it out by hand");
        assertThat(read(p, "opt/shop/ticker.py")).contains("# schedule.every(30).minutes.do(ping)\n");
        assertCompiles(p);
        assertThat(run(p, "cutover").changes()).isEmpty();

        RewriteEngine.apply(p, run(p, "dual-run"));
        Map<String, String> rolledBack = snapshot(p);
        original.forEach((path, text) -> assertThat(rolledBack.get(path)).as(path).isEqualTo(text));
        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(snapshot(p)).isEqualTo(cut);

        RewriteEngine.apply(p, run(p, "cleanup"));
        // ticker.py's only job is cut over: it goes with its unit; aps.py still registers `late` and stays.
        assertThat(p.resolve("opt/shop/ticker.py")).doesNotExist();
        assertThat(p.resolve("etc/systemd/system/ticker.service")).doesNotExist();
        assertThat(p.resolve("opt/shop/aps.py")).exists();
        assertThat(p.resolve("etc/systemd/system/aps.service")).exists();
        assertThat(read(p, "prefect/flows/" + flowFile(p, "py_schedule_ping"))).contains("def ping():");
        assertThat(run(p, "cleanup").changes()).as("a second cleanup changes nothing").isEmpty();
        assertCompiles(p);
    }

    @Test
    void crlfScriptRegisteringInsideAFunctionAndCeleryBeatSettings() throws Exception {
        Path p = dir.resolve("app");
        Files.createDirectories(p.resolve("opt/app"));
        Files.createDirectories(p.resolve("app"));
        String sched = "import time\r\nimport schedule\r\nfrom app import work\r\n\r\n\r\ndef main():\r\n"
                + "    schedule.every(15).minutes.do(work.run)\r\n    schedule.every().day.at(\"23:00\").do(work.nightly, full=True)\r\n"
                + "    while True:\r\n        schedule.run_pending()\r\n        time.sleep(5)\r\n";
        Files.writeString(p.resolve("opt/app/sched.py"), sched);
        String settings = """
                from celery.schedules import crontab

                CELERY_TIMEZONE = "America/Chicago"
                CELERYBEAT_SCHEDULE = {
                    "cleanup": {"task": "app.tasks.cleanup", "schedule": crontab(minute=5, hour=1)},  # nightly
                    "poll": {"task": "app.tasks.poll", "schedule": 120, "kwargs": {"limit": 10}},
                }
                """;
        Files.writeString(p.resolve("opt/app/settings.py"), settings);
        Files.writeString(p.resolve("app/tasks.py"), "from celery import shared_task\n\n\n@shared_task\ndef cleanup():\n    pass\n\n\n"
                + "@shared_task\ndef poll(limit=5):\n    return limit\n");
        RewriteEngine.apply(p, run(p, "dual-run"));
        assertThat(read(p, "prefect/prefect.yaml")).contains("cron: 20 1 * * *", "timezone: America/Chicago", "cron: 15 23 * * *");
        String flows = String.join("\n", snapshot(p).entrySet().stream()
                .filter(e -> e.getKey().startsWith("prefect/flows/")).map(Map.Entry::getValue).toList());
        assertThat(flows).contains("    return work.nightly(full=True)\n", "from app.tasks import poll  # noqa: E402\n",
                "    return poll(**{\"limit\": 10})\n");
        assertCompiles(p);
        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(read(p, "opt/app/sched.py")).contains("def main():\r\n    # migrate: disabled py-schedule-work-run-",
                " 2026-03-02 (1 line)\r\n    # schedule.every(15).minutes.do(work.run)\r\n");
        assertThat(read(p, "opt/app/settings.py")).contains("    # \"cleanup\": {\"task\": \"app.tasks.cleanup\", \"schedule\": "
                + "crontab(minute=5, hour=1)},  # nightly\n");
        RewriteEngine.apply(p, run(p, "dual-run"));
        assertThat(read(p, "opt/app/sched.py")).isEqualTo(sched);
        assertThat(read(p, "opt/app/settings.py")).isEqualTo(settings);
    }

    /**
     * A beat schedule assigned twice and then changed by item assignment: before, the first dict's entries were
     * migrated too (a job that no longer ran) and the item write was not seen. Now only the entries in effect get
     * deployments, and the cutover comments out the item assignment that registers one.
     */
    @Test
    void onlyTheBeatEntriesInEffectAreMigrated() throws Exception {
        Path p = dir.resolve("beat");
        Files.createDirectories(p.resolve("opt/app"));
        Files.createDirectories(p.resolve("app"));
        String settings = """
                from celery.schedules import crontab

                CELERYBEAT_SCHEDULE = {
                    "cleanup": {"task": "app.tasks.cleanup", "schedule": crontab(minute=5, hour=1)},
                }
                CELERYBEAT_SCHEDULE = {
                    "poll": {"task": "app.tasks.poll", "schedule": 120},
                }
                CELERYBEAT_SCHEDULE["cleanup"] = {"task": "app.tasks.cleanup", "schedule": crontab(minute=10, hour=2)}
                """;
        Files.writeString(p.resolve("opt/app/settings.py"), settings);
        Files.writeString(p.resolve("app/tasks.py"), "from celery import shared_task\n\n\n@shared_task\ndef cleanup():\n"
                + "    pass\n\n\n@shared_task\ndef poll():\n    pass\n");
        RewriteEngine.apply(p, run(p, "cutover"));
        String yaml = read(p, "prefect/prefect.yaml");
        assertThat(yaml).contains("cron: 10 2 * * *", "interval: 120").doesNotContain("5 1 * * *");
        assertThat(read(p, "opt/app/settings.py")).contains("    \"cleanup\": {\"task\": \"app.tasks.cleanup\", \"schedule\": "
                + "crontab(minute=5, hour=1)},\n", "# CELERYBEAT_SCHEDULE[\"cleanup\"] = {", "    # \"poll\": {");
        assertCompiles(p);
    }

    /**
     * schedule's until() with a date: before, every deployment ran on forever with a note to pause it; now a schedule
     * that an RRULE can say ends with UNTIL, an interval keeps the note, and a job without until() does not change.
     */
    @Test
    void anAbsoluteUntilEndsTheDeploymentsRrule() throws Exception {
        Path p = dir.resolve("until");
        Files.createDirectories(p.resolve("opt/app"));
        Files.writeString(p.resolve("opt/app/sched.py"), "import time\nimport schedule\nfrom app import work\n\n"
                + "schedule.every().day.at(\"06:45\").until(\"2030-01-31 18:00\").do(work.daily)\n"
                + "schedule.every(10).minutes.until(\"2030-01-31 18:00\").do(work.poll)\n"
                + "schedule.every().day.at(\"07:00\").do(work.plain)\n"
                + "while True:\n    schedule.run_pending()\n    time.sleep(1)\n");
        // the dual run moves the RRULE 15 minutes later and keeps its end
        RewriteEngine.apply(p, run(p, "dual-run"));
        assertThat(read(p, "prefect/prefect.yaml")).contains("rrule: FREQ=DAILY;BYHOUR=7;BYMINUTE=0;BYSECOND=0;UNTIL=20300131T180000");
        RewriteEngine.apply(p, run(p, "cutover"));
        String yaml = read(p, "prefect/prefect.yaml");
        assertThat(yaml).contains("rrule: FREQ=DAILY;BYHOUR=6;BYMINUTE=45;BYSECOND=0;UNTIL=20300131T180000", "interval: 600",
                "cron: 0 7 * * *");
        assertThat(yaml).containsOnlyOnce("UNTIL");
        assertOnlyPrefect3Keys(yaml);
        String report = read(p, "prefect/MIGRATION.md");
        assertThat(report).contains("the legacy job stopped after 2030-01-31T18:00; Prefect 3 interval schedules of this kind "
                + "have no end date");
    }

    /**
     * APScheduler 3 gives the scheduler's timezone= only to string triggers: a CronTrigger object without a zone of its
     * own fires in the host's zone, and its deployment says so. Before, it was written in the scheduler's zone, an
     * hour or more away from when the job ran.
     */
    @Test
    void aTriggerObjectWithoutAZoneIsDeployedInTheHostsZone() throws Exception {
        Path p = dir.resolve("zones");
        Files.createDirectories(p.resolve("opt/app"));
        Files.writeString(p.resolve("opt/app/aps.py"), """
                from apscheduler.schedulers.blocking import BlockingScheduler
                from apscheduler.triggers.cron import CronTrigger

                from app import work

                scheduler = BlockingScheduler(timezone="America/Chicago")
                scheduler.add_job(work.local, CronTrigger(hour=6, minute=0), id="local")
                scheduler.add_job(work.chicago, "cron", hour=7, minute=0, id="chicago")
                """);
        RewriteResult cutover = run(p, new MoveLegacySchedulersToPrefect3("cutover", 15, null, null, LegacyTestSupport.AS_OF,
                "Europe/Berlin"));
        RewriteEngine.apply(p, cutover);
        String yaml = read(p, "prefect/prefect.yaml");
        List<String> deployments = List.of(yaml.split("\n- name: "));
        assertThat(deployments).filteredOn(d -> d.startsWith("apscheduler-local-")).singleElement().asString()
                .contains("cron: 0 6 * * *", "timezone: Europe/Berlin");
        assertThat(deployments).filteredOn(d -> d.startsWith("apscheduler-chicago-")).singleElement().asString()
                .contains("cron: 0 7 * * *", "timezone: America/Chicago");
        assertCompiles(p);
    }

    @Test
    void filesMigrateDidNotWriteAreNeverOverwritten() throws Exception {
        Path p = estate();
        Files.createDirectories(p.resolve("prefect"));
        Files.writeString(p.resolve("prefect/prefect.yaml"), "name: theirs\n");
        RewriteResult r = run(p, "cutover");
        assertThat(r.changes()).isEmpty();
        assertThat(r.notes()).singleElement().satisfies(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("prefect/prefect.yaml not migrated: exists and was not written by migrate");
        });
    }

    @Test
    void scriptWithoutRegistrationsIsNotChanged() throws IOException {
        Path p = dir.resolve("quiet");
        Files.createDirectories(p.resolve("app"));
        Files.writeString(p.resolve("app/tools.py"), "import schedule\n\n\ndef clear():\n    schedule.clear()\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }

    private Path estate() throws IOException {
        Path p = dir.resolve("shop");
        Files.createDirectories(p.resolve("opt/shop"));
        Files.createDirectories(p.resolve("etc/systemd/system"));
        Files.writeString(p.resolve("opt/shop/aps.py"), APS);
        Files.writeString(p.resolve("opt/shop/ticker.py"), SCHEDULE);
        Files.writeString(p.resolve("etc/systemd/system/aps.service"), UNIT.formatted("aps.py"));
        Files.writeString(p.resolve("etc/systemd/system/ticker.service"), UNIT.formatted("ticker.py"));
        return p;
    }

    private static String flowFile(Path root, String prefix) throws IOException {
        try (var s = Files.list(root.resolve("prefect/flows"))) {
            return s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).findFirst().orElseThrow();
        }
    }
}
