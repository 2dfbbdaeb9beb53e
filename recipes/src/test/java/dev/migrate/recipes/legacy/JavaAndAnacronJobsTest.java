package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.assertCompiles;
import static dev.migrate.recipes.legacy.LegacyTestSupport.read;
import static dev.migrate.recipes.legacy.LegacyTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring @Scheduled jobs run from the application's jar, and anacron entries with anacron's times, on estates written here. */
class JavaAndAnacronJobsTest {
    private static final String JOBS = """
            package com.shop;

            import org.springframework.scheduling.annotation.Scheduled;

            public class Jobs {
                @Scheduled(cron = "0 15 4 * * MON-FRI", zone = "Europe/Paris")
                public void exportOrders() {
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void springJobRunsTheServicesJarForOneJob() throws Exception {
        Path p = dir.resolve("shop");
        write(p, "opt/shop-app/src/main/java/com/shop/Jobs.java", JOBS);
        write(p, "etc/systemd/system/shop-app.service", """
                [Unit]
                Description=Shop application (runs its scheduled jobs)

                [Service]
                User=shop
                ExecStart=/usr/bin/java -jar /opt/shop-app/shop-app.jar
                Restart=on-failure
                """);
        RewriteResult dual = run(p, "dual-run");
        RewriteEngine.apply(p, dual);
        assertThat(read(p, "prefect/prefect.yaml")).contains("cron: 30 4 * * 1-5", "timezone: Europe/Paris", "name: legacy-host-shop");
        String flow = Files.readString(Files.list(p.resolve("prefect/flows")).findFirst().orElseThrow());
        assertThat(flow).contains("COMMAND = '/usr/bin/java -jar /opt/shop-app/shop-app.jar --spring.main.web-application-type=none "
                + "--migrate.run-job=com.shop.Jobs#exportOrders'");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.sourcePath()).isEqualTo("opt/shop-app/src/main/java/com/shop/Jobs.java");
            assertThat(n.message()).contains("add that entry point by hand");
        });
        assertCompiles(p);
        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(read(p, "opt/shop-app/src/main/java/com/shop/Jobs.java")).as("the application is edited by hand").isEqualTo(JOBS);
        assertThat(run(p, "cutover").changes()).isEmpty();
    }

    @Test
    void springJobWithoutAServiceIsNotMoved() throws IOException {
        Path p = dir.resolve("lib");
        write(p, "lib/src/main/java/com/shop/Jobs.java", JOBS);
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }

    @Test
    void anacronEntryRunsAtTheStartOfItsHoursPlusItsDelay() throws Exception {
        Path p = dir.resolve("vm");
        write(p, "etc/anacrontab", "START_HOURS_RANGE=6-20\nRANDOM_DELAY=30\n1\t12\tstats.daily\t/usr/local/bin/stats.sh\n"
                + "7\t25\tcron.weekly\trun-parts --report /etc/cron.weekly\n");
        write(p, "etc/cron.weekly/rotate-archive", "#!/bin/bash\nfind /archive -mtime +90 -delete\n");
        RewriteResult dual = run(p, "dual-run");
        RewriteEngine.apply(p, dual);
        String yaml = read(p, "prefect/prefect.yaml");
        assertThat(yaml).contains("cron: 27 6 * * *", "cron: 40 6 * * 0");
        assertThat(read(p, "prefect/MIGRATION.md")).contains("between 6:00 and 20:00, 12 min after anacron started plus up to 30 random min",
                "`anacron-cron-weekly-");
        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(read(p, "etc/anacrontab")).contains("# migrate: disabled anacron-stats-daily-", "# 1\t12\tstats.daily\t",
                "\n7\t25\tcron.weekly\t");
        assertThat(read(p, "prefect/cutover.sh")).contains("chmod -x '/etc/cron.weekly/rotate-archive'");
        assertCompiles(p);
    }

    /** A RHEL-style /etc/crontab runs the run-parts directories itself, at its own times. */
    @Test
    void runPartsScriptRunsAtTheTimeOfTheCrontabLineThatRunsItsDirectory() throws Exception {
        Path p = dir.resolve("rhel");
        write(p, "etc/crontab", "SHELL=/bin/bash\nMAILTO=root\n\n12 3 * * * root run-parts /etc/cron.daily\n"
                + "40 * * * * root run-parts /etc/cron.hourly\n");
        write(p, "etc/cron.daily/purge-spool", "#!/bin/sh\nfind /var/spool/app -mtime +3 -delete\n");
        write(p, "etc/cron.weekly/compact", "#!/bin/sh\n/usr/local/bin/compact\n");
        RewriteResult dual = run(p, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("purge-spool").contains("schedule assumed"));
        RewriteEngine.apply(p, dual);
        String yaml = read(p, "prefect/prefect.yaml");
        assertThat(yaml).as("the crontab's 03:12 shifted by 15 min, not Debian's 06:25").contains("cron: 27 3 * * *")
                .doesNotContain("cron: 40 6 * * *");
        assertThat(yaml).as("no line runs cron.weekly here: the stock time stays, as a decision").contains("cron: 2 7 * * 7");
        assertCompiles(p);
        assertThat(run(p, "dual-run").changes()).isEmpty();
    }

    /** Debian's lines defer to anacron; without an anacrontab they keep the stock time they state anyway. */
    @Test
    void runPartsLineThatDefersToAnacronDoesNotSetTheTime() throws Exception {
        Path p = dir.resolve("debian");
        write(p, "etc/crontab", "25 6 * * * root test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\n");
        write(p, "etc/anacrontab", "START_HOURS_RANGE=3-22\n1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n");
        write(p, "etc/cron.daily/purge-spool", "#!/bin/sh\nfind /var/spool/app -mtime +3 -delete\n");
        RewriteEngine.apply(p, run(p, "dual-run"));
        assertThat(read(p, "prefect/prefect.yaml")).as("anacron's 03:05 shifted").contains("cron: 20 3 * * *");
    }

    @Test
    void anacronThatOnlyDispatchesAnEmptyDirectoryIsNotMoved() throws IOException {
        Path p = dir.resolve("empty");
        write(p, "etc/anacrontab", "1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n");
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(p, phase).changes()).as(phase).isEmpty();
        }
    }

    /**
     * Before: an entry that runs a run-parts directory was a manual row with nothing to do ("its scripts are migrated
     * one by one", also for a directory with no script), worded differently for anacron and cron. Every such entry is
     * now the same manual TODO, naming the deployments its scripts became and the scripts it still runs, in every phase.
     */
    @Test
    void runPartsDispatchEntriesAreOneManualTodoNamingTheirScripts() throws Exception {
        Path p = dir.resolve("dispatch");
        write(p, "etc/anacrontab", "START_HOURS_RANGE=3-22\n1\t5\tcron.daily\trun-parts --report /etc/cron.daily\n"
                + "7\t10\tcron.weekly\trun-parts --report /etc/cron.weekly\n");
        write(p, "etc/crontab", "17 * * * * root cd / && run-parts --report /etc/cron.hourly\n");
        write(p, "etc/cron.daily/purge", "#!/bin/sh\nfind /var/spool/app -mtime +3 -delete\n");
        write(p, "etc/cron.daily/old.sh", "#!/bin/sh\n/usr/local/bin/old\n");
        write(p, "etc/cron.hourly/poll", "#!/bin/sh\n/usr/local/bin/poll\n");
        java.util.Map<String, List<String>> byPhase = new java.util.TreeMap<>();
        for (String phase : List.of("dual-run", "cutover", "cleanup")) {
            RewriteResult r = run(p, phase);
            List<dev.migrate.recipes.MigrationNotes.Row> dispatch = r.notes().stream()
                    .filter(n -> n.message().contains("TODO keep this entry by hand")).toList();
            assertThat(dispatch).as(phase).hasSize(3).allSatisfy(n -> assertThat(n.manual()).isTrue());
            byPhase.put(phase, dispatch.stream().map(n -> n.sourcePath() + ":" + n.line() + " " + n.message()).toList());
            RewriteEngine.apply(p, r);
        }
        assertThat(byPhase.get("cutover")).isEqualTo(byPhase.get("dual-run")).isEqualTo(byPhase.get("cleanup"));
        assertThat(byPhase.get("dual-run")).anySatisfy(m -> assertThat(m).startsWith("etc/anacrontab:2 anacron-cron-daily-")
                .contains("it runs the scripts of /etc/cron.daily; its scripts run as the deployments run-parts-purge-",
                        "it still runs no script now and any script a package adds there later").doesNotContain("old.sh"))
                .anySatisfy(m -> assertThat(m).startsWith("etc/anacrontab:3 anacron-cron-weekly-")
                        .contains("no script of it is migrated; it still runs no script now"))
                .anySatisfy(m -> assertThat(m).startsWith("etc/crontab:1 cron-")
                        .contains("the scripts of /etc/cron.hourly; its scripts run as the deployments run-parts-poll-"));
    }

    /**
     * Before (found by the sweep on a RHEL-style host): cron.hourly/0anacron, the script that starts anacron, became a
     * deployment and lost its execute bit at the cutover, so anacron stopped running the entries left on the host.
     * anacron's own scripts stay, as a TODO; a script that only tests for anacron is a job like any other.
     */
    @Test
    void theScriptThatRunsAnacronStaysOnTheHost() throws Exception {
        Path p = dir.resolve("rhel-anacron");
        write(p, "etc/crontab", "01 * * * * root run-parts /etc/cron.hourly\n");
        write(p, "etc/anacrontab", "1\t5\tcron.daily\tnice run-parts /etc/cron.daily\n");
        write(p, "etc/cron.hourly/0anacron", "#!/bin/sh\n# runs anacron once a day\n/usr/sbin/anacron -s\n");
        write(p, "etc/cron.daily/0anacron", "#!/bin/sh\ntest -x /usr/sbin/anacron || exit 0\nanacron -u cron.daily\n");
        write(p, "etc/cron.daily/rotate", "#!/bin/sh\ntest -x /usr/sbin/anacron || exit 0\n/usr/sbin/logrotate /etc/lr.conf\n");
        RewriteResult dual = run(p, "dual-run");
        assertThat(dual.notes()).filteredOn(n -> n.message().contains("it runs anacron itself"))
                .extracting(n -> n.sourcePath()).containsExactlyInAnyOrder("etc/cron.hourly/0anacron", "etc/cron.daily/0anacron");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).startsWith("cron-cron-hourly-")
                .contains("no script of it is migrated; it still runs etc/cron.hourly/0anacron"));
        RewriteEngine.apply(p, dual);
        assertThat(read(p, "prefect/prefect.yaml")).contains("name: run-parts-rotate-").doesNotContain("0anacron");
        RewriteEngine.apply(p, run(p, "cutover"));
        assertThat(read(p, "prefect/cutover.sh")).contains("chmod -x '/etc/cron.daily/rotate'").doesNotContain("0anacron");
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Files.createDirectories(root.resolve(rel).getParent());
        Files.writeString(root.resolve(rel), text);
    }
}
