package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each instance of a template timer the host enabled becomes its own flow and deployment, with its instance filled in. */
class TemplateInstancesTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Map<String, String> flows() throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        snapshot(dir).forEach((k, v) -> {
            if (k.startsWith("prefect/flows/")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    void everyEnabledInstanceIsAFlowWithItsInstanceExpanded() throws Exception {
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStartPre=/usr/bin/mkdir -p /srv/%i\n"
                + "ExecStart=/usr/local/bin/game-backup %i --dir %I --unit %n\n");
        Files.createDirectories(dir.resolve("etc/systemd/system/timers.target.wants"));
        // a dump keeps the link to the template (dangling here) or a copy of it
        Files.createSymbolicLink(dir.resolve("etc/systemd/system/timers.target.wants/game-backup@world1.timer"),
                Path.of("/etc/systemd/system/game-backup@.timer"));
        write("etc/systemd/system/timers.target.wants/game-backup@srv-games.timer", "[Timer]\nOnCalendar=*-*-* *:41:00\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(flows().values()).hasSize(2)
                .anySatisfy(f -> assertThat(f).contains(
                        "COMMAND = '/usr/bin/mkdir -p /srv/world1 && /usr/local/bin/game-backup world1 --dir world1 --unit "
                                + "game-backup@world1.service'\n",
                        "@flow(name='game-backup@world1')"))
                .anySatisfy(f -> assertThat(f).contains(
                        "COMMAND = '/usr/bin/mkdir -p /srv/srv-games && /usr/local/bin/game-backup srv-games --dir srv/games --unit "
                                + "game-backup@srv-games.service'\n"));
        // the start sequence the decision note shows is the instance's (found by the sweep: it kept %i)
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("stopping at the first failure")
                .contains("/usr/bin/mkdir -p /srv/world1 &&").doesNotContain("%i"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
        assertThat(read(dir, "prefect/prefect.yaml").split("\n- name: systemd-timer-game-backup-", -1)).hasSize(3);
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now game-backup@world1.timer\n",
                "systemctl disable --now game-backup@srv-games.timer\n").doesNotContain("list-units");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("systemctl enable --now game-backup@world1.timer\n");
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/game-backup@.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/timers.target.wants/game-backup@srv-games.timer")).doesNotExist();
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /**
     * Before: the cleanup deleted game-backup@.service once the instance world1 was moved, while the boot-time timer left
     * on the host still starts the instance game-backup@lobby of that template: it lost its unit. A template goes only
     * when every job that runs it was moved.
     */
    @Test
    void aTemplateStaysWhileAnInstanceOfItIsLeftOnTheHost() throws Exception {
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* 03:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStart=/usr/local/bin/game-backup %i\n");
        Files.createDirectories(dir.resolve("etc/systemd/system/timers.target.wants"));
        Files.createSymbolicLink(dir.resolve("etc/systemd/system/timers.target.wants/game-backup@world1.timer"),
                Path.of("/etc/systemd/system/game-backup@.timer"));
        write("etc/systemd/system/lobby-at-boot.timer", "[Timer]\nOnBootSec=10min\nUnit=game-backup@lobby.service\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains("lobby-at-boot", "not migrated"));
        RewriteEngine.apply(dir, dual);
        assertThat(flows()).hasSize(1);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteResult cleanup = run(dir, "cleanup");
        RewriteEngine.apply(dir, cleanup);
        assertThat(dir.resolve("etc/systemd/system/game-backup@.timer")).as("only world1 used it").doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/game-backup@.service")).exists();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/game-backup@.timer'")
                .doesNotContain("game-backup@.service");
        assertThat(cleanup.notes()).anySatisfy(n -> {
            assertThat(n.manual()).isTrue();
            assertThat(n.message()).contains("cleanup keeps etc/systemd/system/game-backup@.service (still used by "
                    + "systemd-timer-lobby-at-boot-");
        });
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** The same for a plain service that two timers start, one of which stays on the host. */
    @Test
    void aServiceAnotherTimerLeftOnTheHostStartsStays() throws Exception {
        write("etc/systemd/system/sync.service", "[Service]\nType=oneshot\nExecStart=/usr/local/bin/sync-repo\n");
        write("etc/systemd/system/sync-nightly.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=sync.service\n");
        write("etc/systemd/system/sync-boot.timer", "[Timer]\nOnBootSec=5min\nUnit=sync.service\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/sync-nightly.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync.service")).exists();
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("sync.service");
    }

    /** Must not change: a template all of whose instances moved still goes (and its instance copies with it). */
    @Test
    void aTemplateAllOfWhoseInstancesMovedIsDeleted() throws Exception {
        write("etc/systemd/system/game-backup@.timer", "[Timer]\nOnCalendar=*-*-* 03:41:00\n");
        write("etc/systemd/system/game-backup@.service", "[Service]\nExecStart=/usr/local/bin/game-backup %i\n");
        write("etc/systemd/system/timers.target.wants/game-backup@lobby.timer", "[Timer]\nOnCalendar=*-*-* 03:41:00\n");
        write("etc/systemd/system/timers.target.wants/game-backup@world1.timer", "[Timer]\nOnCalendar=*-*-* 03:41:00\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/game-backup@.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/game-backup@.service")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/timers.target.wants/game-backup@lobby.timer")).doesNotExist();
    }

    /**
     * A timer of its own starting one instance of a template service (a host's nightly.timer, Unit=sync@nightly.service,
     * with only sync@.service as a file). Before: the scan found no service, so the job was left alone ("the unit the
     * timer starts was not found"). Now the flow runs the template's start command as that instance: its %i, %I, %n and
     * %p filled in, its Nice= in front, and the drop-ins of sync@.service.d and sync@nightly.service.d applied in
     * systemd's order (by file name across both directories). The cutover switches the timer; the instance service is
     * not enabled on its own, so nothing switches it.
     */
    @Test
    void aTimerStartingAnInstanceOfATemplateServiceRunsTheTemplateAsThatInstance() throws Exception {
        write("etc/systemd/system/nightly.timer", """
                [Unit]
                Description=Nightly sync of the reporting mirror

                [Timer]
                OnCalendar=*-*-* 02:10:00
                Unit=sync@nightly.service

                [Install]
                WantedBy=timers.target
                """);
        write("etc/systemd/system/sync@.service", """
                [Unit]
                Description=Sync the %I mirror

                [Service]
                Type=oneshot
                User=sync
                ExecStart=/opt/sync/run.sh %i --log /var/log/sync/%p-%i.log
                """);
        write("etc/systemd/system/sync@.service.d/30-nice.conf", """
                [Service]
                Nice=5
                """);
        write("etc/systemd/system/sync@nightly.service.d/20-target.conf", """
                [Service]
                ExecStart=
                ExecStart=/opt/sync/run.sh %i --target /srv/%I --unit %n
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains(
                "COMMAND = 'nice -n 5 /opt/sync/run.sh nightly --target /srv/nightly --unit sync@nightly.service'\n",
                "@flow(name='nightly')"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("was not found"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message()).contains(
                "Nice=5 (etc/systemd/system/sync@.service.d/30-nice.conf:2) becomes 'nice -n 5' in front of the command"));
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-sync");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("etc/systemd/system/nightly.timer -> etc/systemd/system/sync@.service");
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();

        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now nightly.timer\n")
                .doesNotContain("sync@").doesNotContain("list-units");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("systemctl enable --now nightly.timer\n").doesNotContain("sync@");
        assertThat(run(dir, "cutover").changes()).isEmpty();

        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/nightly.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync@.service")).as("no job left on the host runs it").doesNotExist();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/nightly.timer'\n",
                "rm -f '/etc/systemd/system/sync@.service'\n");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** The template keeps serving the other instance a timer left on the host starts (boot only: not migrated). */
    @Test
    void aTemplateServiceAnotherTimersInstanceStillUsesStays() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=*-*-* 02:10:00\nUnit=sync@nightly.service\n");
        write("etc/systemd/system/sync-at-boot.timer", "[Timer]\nOnBootSec=5min\nUnit=sync@boot.service\n");
        write("etc/systemd/system/sync@.service", "[Service]\nExecStart=/opt/sync/run.sh %i\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains("COMMAND = '/opt/sync/run.sh nightly'\n"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteResult cleanup = run(dir, "cleanup");
        RewriteEngine.apply(dir, cleanup);
        assertThat(dir.resolve("etc/systemd/system/nightly.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync@.service")).exists();
        assertThat(cleanup.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("cleanup keeps etc/systemd/system/sync@.service (still used by systemd-timer-sync-at-boot-"));
    }

    /** Must not change: a timer starting an instance of a template the tree does not hold is left alone, as before. */
    @Test
    void aTimerStartingAnInstanceOfAMissingTemplateChangesNothing() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=*-*-* 02:10:00\nUnit=sync@nightly.service\n");
        for (String phase : java.util.List.of("dual-run", "cutover", "cleanup")) {
            assertThat(run(dir, phase).changes()).as(phase).isEmpty();
        }
    }

    /**
     * %f is the unescaped instance as a path (systemd.unit(5)), as a mount-style instance uses it; %P and %J are the
     * prefix and its final part unescaped. Before: %f was kept and reported, %P and %J were filled in still escaped.
     */
    @Test
    void pathAndUnescapedSpecifiersOfAnInstanceAreFilledInAsSystemdDoes() throws Exception {
        write("etc/systemd/system/scrub-data.timer", """
                [Timer]
                OnCalendar=Sun *-*-* 04:00:00
                Unit=btrfs-scrub@srv-data.service
                """);
        write("etc/systemd/system/btrfs-scrub@.service", """
                [Service]
                Type=oneshot
                ExecStart=/usr/bin/btrfs scrub start -B %f --tag %P --kind %J --unit %N
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(flows().values()).singleElement().satisfies(f -> assertThat(f).contains(
                "COMMAND = '/usr/bin/btrfs scrub start -B /srv/data --tag btrfs/scrub --kind scrub --unit btrfs-scrub@srv-data'\n"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
    }
}
