package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.migrate.analyzers.model.JobIds;
import dev.migrate.analyzers.model.JobKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shapes common in real estates that the legacy-host sample does not have. */
class RealEstateShapesTest {
    @TempDir
    Path dir;

    /** A daily dump.timer starting dump.service with this [Service] body. */
    private void dumpTimer(String service) throws Exception {
        write("etc/systemd/system/dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("etc/systemd/system/dump.service", "[Service]\n" + service);
    }

    /** An APScheduler script with a ping() function and these registrations of it. */
    private void pingScheduler(String registrations) throws Exception {
        write("opt/app/aps.py", "from apscheduler.schedulers.blocking import BlockingScheduler\n\nsched = BlockingScheduler()\n\n\n"
                + "def ping():\n    print(\"ping\")\n\n\n" + registrations + "sched.start()\n");
    }

    /** Runs and applies the dual-run phase, which must leave a note containing {@code message}. */
    private void applyDualRunNoting(String message) throws Exception {
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains(message));
        RewriteEngine.apply(dir, dual);
    }

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void oneFunctionRegisteredWithTwoTriggersBecomesTwoDeployments() throws Exception {
        pingScheduler("""
                sched.add_job(ping, "interval", minutes=5)
                sched.add_job(ping, "cron", hour=2, minute=30)
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        String yaml = read(dir, "prefect/prefect.yaml");
        assertThat(yaml.split("\n- name: apscheduler-ping-", -1)).hasSize(3);
        assertThat(yaml).contains("interval: 300", "cron: 45 2 * * *");
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "opt/app/aps.py")).contains("# sched.add_job(ping, \"interval\", minutes=5)\n",
                "# sched.add_job(ping, \"cron\", hour=2, minute=30)\n");
        assertThat(run(dir, "cutover").changes()).isEmpty();
    }

    /** These two paths give the same crontab line the same id by chance (see the scan's DistinctJobIdsScanTest). */
    @Test
    void jobsOfTwoFilesWhoseIdsCollideByChanceBecomeTwoDeploymentsNamedAsTheScanNamesThem() throws Exception {
        write("hosts/h21078/crontab", "0 2 * * * /opt/etl/nightly.sh\n");
        write("hosts/h28307/crontab", "0 2 * * * /opt/etl/nightly.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        List<String> names = java.util.regex.Pattern.compile("(?m)^- name: (cron-\\S+)$").matcher(read(dir, "prefect/prefect.yaml"))
                .results().map(m -> m.group(1)).toList();
        assertThat(names).hasSize(2).doesNotHaveDuplicates();
        String first = JobIds.of(JobKind.CRON, "hosts/h21078/crontab", "nightly", "0 2 * * *\n/opt/etl/nightly.sh");
        assertThat(JobIds.of(JobKind.CRON, "hosts/h28307/crontab", "nightly", "0 2 * * *\n/opt/etl/nightly.sh"))
                .as("the paths collide").isEqualTo(first);
        assertThat(names).containsExactlyInAnyOrder(first, JobIds.repeat(JobKind.CRON, "hosts/h28307/crontab", "nightly", first, 2));
    }

    @Test
    void aSingleRegistrationKeepsTheIdTheScanGivesIt() throws Exception {
        pingScheduler("sched.add_job(ping, \"interval\", minutes=5)\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "prefect/prefect.yaml")).containsOnlyOnce("- name: apscheduler-ping-50276d8c\n");
    }

    @Test
    void loopAtModuleLevelIsReportedNotDropped() throws Exception {
        write("opt/app/poller.py", """
                import time


                def poll():
                    print("poll")


                while True:
                    poll()
                    time.sleep(300)
                """);
        write("etc/crontab", "0 1 * * * root /opt/app/other.sh\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.sourcePath()).isEqualTo("opt/app/poller.py");
            assertThat(n.message()).startsWith("py-loop-poller-py-").contains("not migrated: the loop does not run inside a function");
        });
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("`py-loop-poller-py-");
        assertThat(read(dir, "opt/app/poller.py")).contains("while True:\n    poll()\n");
    }

    @Test
    void loopInsideAFunctionIsMigratedOnce() throws Exception {
        write("opt/app/poller.py", """
                import time


                def poll():
                    print("poll")


                def main():
                    while True:
                        poll()
                        time.sleep(300)


                if __name__ == "__main__":
                    main()
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("not migrated"));
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/prefect.yaml")).containsOnlyOnce("- name: py-loop-").contains("interval: 300");
    }

    @Test
    void execStartSpecifiersAreExpandedAsSystemdDid() throws Exception {
        dumpTimer("ExecStart=/bin/sh -c 'pg_dump db > /backup/%N-$(date +%%F).sql; echo %H'\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        String flow = onlyFlow();
        assertThat(flow).contains("COMMAND = '/bin/sh -c \\'pg_dump db > /backup/dump-$(date +%F).sql; echo %H\\''\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%H)"));
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(run(dir, "cleanup").changes()).isEmpty();
        assertThat(onlyFlow()).contains("$(date +%F).sql");
    }

    @Test
    void aTemplateUnitsInstanceSpecifiersStayAndAreReported() throws Exception {
        // backup@.timer starts backup@<instance>.service for each enabled instance: the unit does not say which
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStart=/usr/local/bin/game-backup %i --tag %j-%p\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/game-backup %i --tag backup-game-backup'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%i)"));
        assertCompiles(dir);
    }

    /** The template's job is named backup@ by the scan; its flow, task and deployment commands are not. */
    @Test
    void aTemplateTimersFlowIsNamedWithoutTheTrailingAt() throws Exception {
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStart=/usr/local/bin/game-backup %i\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("@flow(name='game-backup')", "@task(name='game-backup',", "def game_backup(")
                .doesNotContain("game-backup@'");
        String id = java.util.regex.Pattern.compile("(?m)^- name: (systemd-timer-game-backup-[0-9a-f]+)$")
                .matcher(read(dir, "prefect/prefect.yaml")).results().map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("prefect deployment delete 'game-backup/" + id + "'")
                .doesNotContain("game-backup@/");
        // the manifest keeps the job as the scan names it: its id is what evidence and markers are keyed on
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("id: " + id, "name: game-backup@");
        assertThat(run(dir, "dual-run").changes()).isEmpty();
        assertCompiles(dir);
    }

    @Test
    void anInstanceUnitsSpecifiersAreItsOwn() throws Exception {
        write("etc/systemd/system/game-backup@world1.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        write("etc/systemd/system/game-backup@world1.service", "[Service]\nExecStart=/usr/local/bin/game-backup %i %n\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/game-backup world1 game-backup@world1.service'\n");
    }

    @Test
    void aSchedulerJobRunsInTheServicesWorkingDirectory() throws Exception {
        // the job opens a path relative to WorkingDirectory=, where the scheduler process ran
        write("opt/etl/sched.py", "import schedule, time\n\n\ndef run_etl():\n    open(\"data/out.csv\", \"w\").close()\n\n\n"
                + "schedule.every().day.at(\"02:00\").do(run_etl)\n\nwhile True:\n    schedule.run_pending()\n    time.sleep(30)\n");
        write("etc/systemd/system/etl.service", "[Service]\nUser=etl\nWorkingDirectory=/srv/etl\n"
                + "ExecStart=/usr/bin/python3 /opt/etl/sched.py\nRestart=always\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("""
                    # The legacy process ran in WorkingDirectory=/srv/etl: relative paths in its code resolve from there.
                    _migrate_os.chdir('/srv/etl')
                    return run_etl()
                """);
        assertCompiles(dir);
    }

    @Test
    void aSchedulerJobOfAServiceWithoutWorkingDirectoryDoesNotChangeDirectory() throws Exception {
        write("opt/etl/sched.py", "import schedule, time\n\n\ndef run_etl():\n    pass\n\n\n"
                + "schedule.every().day.at(\"02:00\").do(run_etl)\n\nwhile True:\n    schedule.run_pending()\n    time.sleep(30)\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/usr/bin/python3 /opt/etl/sched.py\nRestart=always\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("run_etl()").doesNotContain("chdir");
    }

    @Test
    void hostScriptsSwitchUserAndTemplateTimersWhereTheyLive() throws Exception {
        write("home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=01:00:00 UTC\n");
        write("home/jo/.config/systemd/user/stats.service", "[Service]\nExecStart=/usr/bin/stats\n");
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStart=/usr/local/bin/game-backup\n");
        dumpTimer("ExecStart=/usr/local/bin/dump\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        // root's `systemctl --user` reaches root's manager, not jo's; a template has no unit to stop by that name
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now dump.timer\n",
                "systemctl --user -M jo@ disable --now stats.timer\n",
                "for unit in $(systemctl list-units --all --plain --no-legend 'game-backup@*.timer' | awk '{print $1}'); "
                        + "do systemctl disable --now \"$unit\"; echo \"disable --now $unit\"; done\n")
                .doesNotContain("disable --now game-backup@.timer").doesNotContain("disable --now stats.timer\n#");
        // jo's unit ran as jo: the worker of its pool runs as jo too
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-jo").doesNotContain("legacy-host-default");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("systemctl enable --now dump.timer\n",
                "systemctl --user -M jo@ enable --now stats.timer\n",
                "systemctl enable --now game-backup@INSTANCE.timer   # for each instance cutover.sh printed\n");
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/home/jo/.config/systemd/user/stats.timer'",
                "rm -f '/etc/systemd/system/dump.timer'").doesNotContain("rm -f '/etc/systemd/system/stats.timer'")
                // root's daemon-reload leaves jo's manager with the removed units loaded
                .endsWith("systemctl daemon-reload\nsystemctl --user -M jo@ daemon-reload\n");
    }

    @Test
    void cutoverScriptInstallsTheCrontabsItCommentedOut() throws Exception {
        // the host's cron runs its own copy: the commented-out entries stop only once the edited tables are installed
        write("var/spool/cron/crontabs/jo", "15 4 * * * /home/jo/bin/report.sh\n");
        write("etc/cron.d/etl", "30 2 * * * etl /opt/etl/load.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(snapshot(dir)).doesNotContainKey("prefect/cutover.sh");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("ROOT=\"$(cd \"$(dirname \"$0\")/..\" && pwd)\"\n",
                "install -m 644 \"$ROOT/etc/cron.d/etl\" '/etc/cron.d/etl'\n",
                "crontab -u 'jo' \"$ROOT/var/spool/cron/crontabs/jo\"\n");
    }

    /**
     * A crontab the cleanup deleted from the repository still exists on the host: cleanup.sh removes it there too, but
     * only once it runs nothing (an entry added on the host since the dump is someone's job).
     */
    @Test
    void cleanupScriptTakesTheDeletedCrontabsOffTheHost() throws Exception {
        write("var/spool/cron/crontabs/jo", "15 4 * * * /home/jo/bin/report.sh\n");
        write("etc/cron.d/etl", "30 2 * * * etl /opt/etl/load.sh\n");
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/cron.d/etl")).doesNotExist();
        String cleanup = read(dir, "prefect/cleanup.sh");
        assertThat(cleanup).contains("if [ -f '/etc/cron.d/etl' ] && grep -Eq '^[[:space:]]*[0-9*@]' '/etc/cron.d/etl'; then "
                        + "echo \"/etc/cron.d/etl still has active entries: run cutover.sh first, or move them by hand\" >&2; "
                        + "exit 1; fi\nrm -f '/etc/cron.d/etl'\n",
                "if crontab -u 'jo' -l 2>/dev/null | grep -Eq '^[[:space:]]*[0-9*@]'; then",
                "crontab -u 'jo' -r 2>/dev/null || true\n");
        Process sh = new ProcessBuilder("sh", "-n", dir.resolve("prefect/cleanup.sh").toString()).redirectErrorStream(true).start();
        assertThat(sh.waitFor()).as(new String(sh.getInputStream().readAllBytes())).isZero();
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    @Test
    void cutoverScriptWithoutCrontabsInstallsNone() throws Exception {
        dumpTimer("ExecStart=/usr/local/bin/dump\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).doesNotContain("ROOT=").doesNotContain("crontab -u");
    }

    @Test
    void systemServiceWithoutUserRanAsRoot() throws Exception {
        dumpTimer("ExecStart=/usr/local/bin/dump\n");
        applyDualRunNoting("runs as user root: start the worker for pool 'legacy-host-root'");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-root").doesNotContain("legacy-host-default");
    }

    @Test
    void execStartWithoutSpecifiersAndWithUserIsUnchanged() throws Exception {
        dumpTimer("User=backup\nExecStart=/usr/bin/pg_dump --file=/backup/db.sql db\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        String flow = onlyFlow();
        assertThat(flow).contains("COMMAND = '/usr/bin/pg_dump --file=/backup/db.sql db'\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-backup").doesNotContain("legacy-host-root");
    }

    private String onlyFlow() throws Exception {
        return snapshot(dir).entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    /**
     * A user unit under home/jo/.config/systemd/user is loaded by jo's manager, which expands %u to jo and %h to that
     * home (before: both kept and reported). Its state directory (%S, $XDG_STATE_HOME) may be set otherwise: kept.
     */
    @Test
    void userUnitSpecifiersOfItsOwnerAreExpandedWhereThePathTellsThem() throws Exception {
        write("home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=01:00:00 UTC\nUnit=stats.service\n");
        write("home/jo/.config/systemd/user/stats.service", """
                [Service]
                ExecStart=%h/bin/stats.sh --state %S/stats --unit %n --user %u
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/home/jo/bin/stats.sh --state %S/stats --unit stats.service --user jo'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%S)"));
        assertThat(read(dir, "prefect/prefect.yaml")).doesNotContain("legacy-host-root");
    }

    @Test
    void userUnitsWhoseOwnerThePathDoesNotNameKeepTheirSpecifiers() throws Exception {
        write("etc/systemd/user/stats.timer", "[Timer]\nOnCalendar=01:00:00 UTC\nUnit=stats.service\n");
        write("etc/systemd/user/stats.service", "[Service]\nExecStart=%h/bin/stats.sh --user %u\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '%h/bin/stats.sh --user %u'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%h %u)"));
    }

    /**
     * Before: both crontabs' backup jobs read the Secret block 'backup-mysql-pw', which can hold only one of the two
     * passwords. Jobs of one name whose values live in different files get blocks named after their ids; jobs of one
     * file keep sharing theirs.
     */
    @Test
    void secretBlocksOfSameNamedJobsInDifferentFilesDoNotCollide() throws Exception {
        write("var/spool/cron/crontabs/ana", "MYSQL_PW=first-secret-value\n0 1 * * * /opt/bin/backup\n30 1 * * * /opt/bin/backup --full\n");
        write("var/spool/cron/crontabs/bob", "MYSQL_PW=second-secret-value\n0 2 * * * /opt/bin/backup\n");
        RewriteResult dual = run(dir, "dual-run");
        List<String> blocks = dual.notes().stream().map(n -> n.message())
                .filter(m -> m.contains("secret: environment variable MYSQL_PW"))
                .map(m -> m.replaceAll(".*Secret block '([^']+)'.*", "$1")).toList();
        assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(b).startsWith("cron-backup-").endsWith("-mysql-pw"));
        assertThat(new java.util.HashSet<>(blocks)).as("one block per job").hasSize(3);
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("secret-value"));
    }

    @Test
    void jobsOfOneNameInOneFileShareTheirSecretBlock() throws Exception {
        write("var/spool/cron/crontabs/ana", "MYSQL_PW=first-secret-value\n0 1 * * * /opt/bin/backup\n30 1 * * * /opt/bin/backup --full\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes().stream().map(n -> n.message()).filter(m -> m.contains("secret: environment variable MYSQL_PW")))
                .hasSize(2).allSatisfy(m -> assertThat(m).contains("Secret block 'backup-mysql-pw'"));
    }

    @Test
    void workingDirectoryNamedWithAVariableIsLeftToTheCommandsCd() throws Exception {
        write("var/spool/cron/crontabs/jo", """
                base=/srv/app
                MAILTO=ops@example.com
                15 0 * * * cd $base && ./rotate.sh >> $base/rotate.log 2>&1
                30 0 * * * /srv/app/report.sh --mail-to $MAILTO
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        Map<String, String> files = snapshot(dir);
        String rotate = files.entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/cron_rotate"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(rotate).contains("COMMAND = 'cd $base && ./rotate.sh >> $base/rotate.log 2>&1'\n", "WORKING_DIR = os.path.expanduser(\"~\")  # cron started commands in the user's home directory\n");
        assertCompiles(dir);
    }

    @Test
    void commandReadingMailtoStillGetsIt() throws Exception {
        write("var/spool/cron/crontabs/jo", """
                MAILTO=ops@example.com
                15 0 * * * /srv/app/rotate.sh
                30 0 * * * /srv/app/report.sh --mail-to ${MAILTO}
                """);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        // cron exported MAILTO to the command; the one that reads it keeps it, the other does not get it.
        String yaml = read(dir, "prefect/prefect.yaml");
        assertThat(yaml.substring(yaml.indexOf("- name: cron-report-"), yaml.indexOf("- name: cron-rotate-")))
                .contains("MAILTO: ops@example.com");
        assertThat(yaml.substring(yaml.indexOf("- name: cron-rotate-"))).doesNotContain("MAILTO");
    }

    @Test
    void literalWorkingDirectoryStays() throws Exception {
        write("var/spool/cron/crontabs/jo", "15 0 * * * cd /srv/app && ./rotate.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("WORKING_DIR = '/srv/app'\n");
    }

    /**
     * Before: ExecStartPre=/ExecStartPost= were manual items ("not run by the flow") and a - prefix a note; the flow ran
     * ExecStart= alone, so a restic backup ran without its unlock and its forget never ran.
     */
    @Test
    void theServiceStartSequenceRunsInTheFlow() throws Exception {
        write("etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup.service", """
                [Service]
                User=backup
                ExecStartPre=/usr/local/bin/mount-repo /mnt/repo
                ExecStartPre=-/usr/bin/restic unlock
                ExecStart=/usr/bin/restic backup /data
                ExecStartPost=/usr/local/bin/notify %n done
                ExecStopPost=/usr/local/bin/umount-repo
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/mount-repo /mnt/repo && { /usr/bin/restic unlock || true; } "
                + "&& /usr/bin/restic backup /data && /usr/local/bin/notify backup.service done'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("runs the service's start sequence as systemd did"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("ExecStartPre=/usr/local/bin/mount-repo"));
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains(
                "ExecStopPost=/usr/local/bin/umount-repo is not run by the flow"));
        assertCompiles(dir);

        // The cleanup deletes the unit; the manifest keeps the sequence, and a second cleanup changes nothing.
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/backup.service")).doesNotExist();
        assertThat(run(dir, "cleanup").changes()).isEmpty();
        assertThat(onlyFlow()).contains("{ /usr/bin/restic unlock || true; }");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("runs the service's start sequence as systemd did");
    }

    @Test
    void aSecretInThePreCommandKeepsTheWholeSequenceInASecretBlock() throws Exception {
        write("etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup.service", """
                [Service]
                User=backup
                ExecStartPre=/usr/local/bin/mount-repo --password=hunter22
                ExecStart=-/usr/local/bin/restic backup /data
                ExecStartPost=/usr/local/bin/notify done
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("secret: the command line holds a credential"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("hunter22"));
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = None").doesNotContain("hunter22");
        assertThat(read(dir, "prefect/MIGRATION.md")).doesNotContain("hunter22");
    }

    /**
     * The start sequence is read from the unit and the drop-ins systemd applies, in its order: the override's empty
     * ExecStartPre= resets the list. Before, a unit with drop-ins kept its ExecStartPre= as a manual item and the flow
     * ran ExecStart= alone.
     */
    @Test
    void aServiceWithDropInsRunsTheStartSequenceTheyMake() throws Exception {
        write("etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup.service", """
                [Service]
                ExecStartPre=/usr/local/bin/mount-repo
                ExecStart=/usr/bin/restic backup /data
                """);
        write("etc/systemd/system/backup.service.d/override.conf", "[Service]\nExecStartPre=\nExecStartPre=/usr/local/bin/mount-nfs\n");
        write("etc/systemd/system/backup.service.d/post.conf", "[Service]\nExecStartPost=-/usr/local/bin/notify done\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("is not run by the flow"));
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/mount-nfs && /usr/bin/restic backup /data && "
                + "{ /usr/local/bin/notify done || true; }'\n").doesNotContain("mount-repo");
    }

    /** A drop-in a provisioning script writes with a here-document is read at the script's lines, as a file would be. */
    @Test
    void aDropInAScriptWritesIsPartOfTheStartSequence() throws Exception {
        write("deploy/install.sh", """
                #!/bin/sh
                cat > /etc/systemd/system/backup.service.d/override.conf <<'EOF'
                [Service]
                ExecStartPre=
                ExecStartPre=/usr/local/bin/mount-nfs
                EOF
                systemctl daemon-reload
                """);
        write("etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup.service", """
                [Service]
                ExecStartPre=/usr/local/bin/mount-repo
                ExecStart=/usr/bin/restic backup /data
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/usr/local/bin/mount-nfs && /usr/bin/restic backup /data'\n");
    }

    @Test
    void serviceWithOnlyExecStartHasNoSuchNote() throws Exception {
        write("etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup.service", "[Service]\nUser=backup\nExecStart=/usr/local/bin/restic backup /data\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("is not run by the flow"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("ignored the command's failure"));
    }

    @Test
    void randomDelayOfTheCrontabIsReported() throws Exception {
        write("var/spool/cron/crontabs/bob", """
                0 3 * * * /opt/before.sh
                RANDOM_DELAY=30
                0 4 * * * /opt/after.sh
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).filteredOn(n -> n.message().contains("RANDOM_DELAY=30 made cron delay each start"))
                .singleElement().satisfies(n -> assertThat(n.message()).startsWith("cron-after-"));
    }

    @Test
    void weekdayJobWithoutATimeIsNotTurnedIntoAnIntervalOnAnotherWeekday() throws Exception {
        write("opt/s/s.py", """
                import time

                import schedule


                def job():
                    print("working")


                schedule.every().monday.do(job)
                schedule.every(2).weeks.do(job)

                while True:
                    schedule.run_pending()
                    time.sleep(1)
                """);
        // The weekday is kept (Mondays, at 00:00 shifted for the dual run); the time of day is a decision to review.
        applyDualRunNoting("every().monday without .at() ran on Mondays at the time of day the scheduler process started");
        // A plain interval keeps its meaning (every two weeks from the start) and is migrated.
        assertThat(read(dir, "prefect/prefect.yaml")).contains("interval: 1209600", "cron: 15 0 * * 1")
                .doesNotContain("interval: 604800");
    }

    @Test
    void scheduleLibraryShapesWithSecondsPhasesAndDeadlinesBecomeSchedulesWithTheirDecisionsNoted() throws Exception {
        write("opt/s/s.py", """
                import time

                import schedule


                def sync():
                    print("sync")


                def rollup():
                    print("rollup")


                def poll():
                    print("poll")


                def jitter():
                    print("jitter")


                def purge():
                    print("purge")


                schedule.every().hour.at("42:15").do(sync)
                schedule.every(2).days.at("10:30").do(rollup)
                schedule.every(3).days.at("06:00", "Europe/Berlin").do(purge)
                schedule.every(10).minutes.until("2030-01-31 18:00").do(poll)
                schedule.every(5).to(10).minutes.do(jitter)

                while True:
                    schedule.run_pending()
                    time.sleep(1)
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        String yaml = read(dir, "prefect/prefect.yaml");
        // The minute of "42:15", and every two days at 10:30 from an anchor rather than a */2 that picks other days;
        // the dual-run phase runs each 15 minutes after the legacy job.
        assertThat(yaml).contains("cron: 57 * * * *", "interval: 172800", "2020-01-01T10:45", "interval: 600",
                        // whole days in a zone with DST: an RRULE keeps 06:00 (+15) where Prefect's interval would drift
                        "rrule: FREQ=DAILY;INTERVAL=3;BYHOUR=6;BYMINUTE=15;BYSECOND=0")
                .doesNotContain("*/2", "jitter");
        assertThat(dual.notes()).extracting(n -> n.message()).anySatisfy(m -> assertThat(m)
                        .contains("decision: the schedule library ran it 15 s after the minute"))
                .anySatisfy(m -> assertThat(m).contains("decision: every(2).days.at(\"10:30\") counted each run from the previous one",
                        "counts every 2 days from 2020-01-01T10:30"))
                .anySatisfy(m -> assertThat(m).contains("decision: the schedule library stopped it after 2030-01-31 18:00",
                        "no end date"))
                .anySatisfy(m -> assertThat(m).contains("not migrated", "a random interval of PT5M to PT10M"))
                .noneSatisfy(m -> assertThat(m).contains("counted R/"));
        assertCompiles(dir);
    }

    @Test
    void commandWithoutADirectoryStartsWhereTheSchedulerStartedIt() throws Exception {
        write("var/spool/cron/crontabs/jo", "*/5 * * * * python3 scripts/poll.py >> logs/poll.log 2>&1\n");
        dumpTimer("User=backup\nExecStart=/usr/local/bin/dump\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        Map<String, String> files = snapshot(dir);
        assertThat(files.entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/cron_poll")).findFirst()
                .orElseThrow().getValue())
                .contains("WORKING_DIR = os.path.expanduser(\"~\")  # cron started commands in the user's home directory\n");
        assertThat(files.entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/systemd_timer_dump")).findFirst()
                .orElseThrow().getValue()).contains("WORKING_DIR = '/'  # systemd starts a system service in /\n");
        assertCompiles(dir);
    }

    @Test
    void celeryTaskRegisteredUnderANameOfItsOwnIsFound() throws Exception {
        write("proj/__init__.py", "");
        write("proj/reports.py", """
                from proj.app import app


                @app.task(name="reports.send", bind=False)
                def send_report(kind):
                    print(kind)
                """);
        write("proj/app.py", """
                from celery import Celery
                from celery.schedules import crontab

                app = Celery("proj")
                app.conf.timezone = "Europe/Berlin"
                app.conf.beat_schedule = {
                    "report-monthly": {
                        "task": "reports.send",
                        "schedule": crontab(minute=0, hour=6, day_of_month="1"),
                        "args": ("monthly",),
                    },
                }
                """);
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("not migrated"));
        RewriteEngine.apply(dir, dual);
        String flow = onlyFlow();
        assertThat(flow).contains("from proj.reports import send_report", "return send_report(*(\"monthly\",))\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("cron: 15 6 1 * *", "timezone: Europe/Berlin");
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    @Test
    void celeryTaskNamedNowhereIsStillReported() throws Exception {
        write("proj/app.py", """
                from celery import Celery

                app = Celery("proj")
                app.conf.beat_schedule = {"x": {"task": "elsewhere.run", "schedule": 60.0}}
                """);
        assertThat(run(dir, "dual-run").notes()).anySatisfy(n -> assertThat(n.message())
                .contains("Celery task elsewhere.run is not defined under that module path in the project, nor by a task decorator's name="));
    }

    /** cron.d files written by hand often indent their entries with blanks or a tab. */
    @Test
    void indentedCrontabEntriesReadTheSameAfterTheCutoverCommentedThemOut() throws Exception {
        write("etc/cron.d/reports", "SHELL=/bin/sh\n\t15 6 * * *   root\t/opt/reports/daily.sh\n   0 1 * * 0 root /opt/reports/weekly.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("line: 2\n    column: 2\n", "line: 3\n    column: 4\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "etc/cron.d/reports")).contains("\t# 15 6 * * *   root\t/opt/reports/daily.sh\n",
                "   # 0 1 * * 0 root /opt/reports/weekly.sh\n");
        Map<String, String> cutOver = snapshot(dir);
        assertThat(run(dir, "cutover").changes()).isEmpty();
        assertThat(snapshot(dir)).isEqualTo(cutOver);
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("line: 2\n    column: 2\n", "line: 3\n    column: 4\n");
    }

    @Test
    void unindentedCrontabEntriesKeepColumnOneThroughTheCutover() throws Exception {
        write("etc/cron.d/reports", "15 6 * * * root /opt/reports/daily.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(run(dir, "cutover").changes()).isEmpty();
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).contains("line: 1\n    column: 1\n");
    }

    /** Before: "no schedule Prefect can express (); keep it on the host" for a timer whose OnCalendar= is invalid. */
    @Test
    void timerWhoseCalendarCannotBeReadSaysSo() throws Exception {
        write("etc/systemd/system/rotate.timer", "[Timer]\nOnCalendar=*-*-* 25:00\n");
        write("etc/systemd/system/rotate.service", "[Service]\nExecStart=/usr/local/bin/rotate\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.changes()).isEmpty();
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("its schedule could not be read (the scan reports why, at etc/systemd/system/rotate.timer)")
                .doesNotContain("()"));
    }
}
