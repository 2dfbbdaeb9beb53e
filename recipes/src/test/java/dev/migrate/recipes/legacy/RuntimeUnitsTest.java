package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.FileChange;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units a host dump holds under /run ({@code run/systemd/system}, a user's {@code run/user/UID/systemd/user}) are runtime
 * copies (systemd-run, generators, boot or login scripts) that systemd forgets at reboot, and at the user's logout for
 * /run/user. Before, the cleanup deleted them from the dump and cleanup.sh ran {@code rm} on the host, and cutover.sh's
 * {@code systemctl disable --now} stops the script (set -e) on a transient unit, which has no install state. Now they
 * stay, cutover.sh stops them, and the note says they vanish and that what wrote them writes them again.
 */
class RuntimeUnitsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> deleted(RewriteResult r) {
        return r.changes().stream().filter(c -> c.kind() == FileChange.Kind.DELETED)
                .map(c -> c.path().toString().replace('\\', '/')).toList();
    }

    private void runtimeUnits() throws Exception {
        write("run/systemd/system/run-r1234.timer", """
                [Unit]
                Description=/usr/bin/touch /srv/flag

                [Timer]
                OnCalendar=hourly
                RemainAfterElapse=no
                """);
        write("run/systemd/system/run-r1234.service", """
                [Service]
                ExecStart=/usr/bin/touch /srv/flag
                """);
        write("run/user/1000/systemd/user/sync-adhoc.timer", "[Timer]\nOnCalendar=*:0/10\n");
        write("run/user/1000/systemd/user/sync-adhoc.service", "[Service]\nExecStart=/usr/bin/rsync -a /home/jo/data/ backup:/data/\n");
    }

    @Test
    void runtimeUnitsAreStoppedNeverDeletedAndTheNoteSaysTheyVanish() throws Exception {
        runtimeUnits();
        write("etc/systemd/system/report.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/report.service", "[Service]\nExecStart=/opt/report/run.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl stop run-r1234.timer\n",
                "systemctl disable --now report.timer\n", "systemctl --user stop sync-adhoc.timer\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("systemctl start run-r1234.timer\n",
                "systemctl enable --now report.timer\n");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("run/systemd/system/run-r1234.service, "
                + "run/systemd/system/run-r1234.timer: runtime copies, which systemd forgets at reboot; migrate neither edits nor "
                + "deletes them, and cutover.sh stops the unit rather than disabling it. What wrote them (systemd-run "
                + "--on-calendar, a generator, a boot or login script) writes them again: take the job out of that by hand",
                "run/user/1000/systemd/user/sync-adhoc.service, run/user/1000/systemd/user/sync-adhoc.timer: runtime copies, "
                + "which systemd forgets at reboot and when user 1000's last session ends (logout, unless the user lingers)");

        RewriteResult cleanup = run(dir, "cleanup");
        assertThat(deleted(cleanup)).containsExactlyInAnyOrder("etc/systemd/system/report.timer",
                "etc/systemd/system/report.service");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "run/systemd/system/run-r1234.service")).isEqualTo("""
                [Service]
                ExecStart=/usr/bin/touch /srv/flag
                """);
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("/run/");
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).doesNotContain("- run/");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /**
     * A user's transient timer ({@code systemd-run --user --on-calendar}, in {@code run/user/1000/systemd/transient}): the
     * path gives only the uid. Before, cutover.sh printed a comment for an owner "not known here" although the dump's
     * etc/passwd names uid 1000; now it stops the unit through that user's manager, and the rollback starts it there.
     */
    @Test
    void aUsersRuntimeUnitIsStoppedThroughTheManagerOfTheUserItsUidNames() throws Exception {
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\njo:x:1000:1000:Jo:/home/jo:/bin/bash\n");
        write("run/user/1000/systemd/transient/run-u42.timer", "[Timer]\nOnCalendar=*:0/30\nRemainAfterElapse=no\n");
        write("run/user/1000/systemd/transient/run-u42.service", "[Service]\nExecStart=/usr/bin/rsync -a /home/jo/data/ backup:/data/\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("\nsystemctl --user -M jo@ stop run-u42.timer\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("\nsystemctl --user -M jo@ start run-u42.timer\n");
        assertThat(read(dir, "prefect/prefect.yaml")).as("jo's manager ran it: jo's worker runs it").contains("legacy-host-jo");
        assertThat(run(dir, "cutover").changes()).isEmpty();
        RewriteResult cleanup = run(dir, "cleanup");
        assertThat(deleted(cleanup)).isEmpty();
    }

    /** Without the dump's etc/passwd, no user name is guessed: the comment says which uid's user runs the command. */
    @Test
    void withoutPasswdTheCommentNamesTheUid() throws Exception {
        write("run/user/1000/systemd/transient/run-u42.timer", "[Timer]\nOnCalendar=*:0/30\nRemainAfterElapse=no\n");
        write("run/user/1000/systemd/transient/run-u42.service", "[Service]\nExecStart=/usr/bin/rsync -a /home/jo/data/ backup:/data/\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("# run/user/1000/systemd/transient/run-u42.timer is a unit of the "
                + "user of uid 1000, whom the dump's etc/passwd does not name: as that user, systemctl --user stop run-u42.timer\n")
                .doesNotContain("-M ");
    }

    /** Must not change: a unit of /etc is disabled, deleted by the cleanup, and has no runtime note. */
    @Test
    void unitsOfEtcAreDisabledAndDeletedAsBefore() throws Exception {
        write("etc/systemd/system/report.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/report.service", "[Service]\nExecStart=/opt/report/run.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl disable --now report.timer\n").doesNotContain("systemctl stop");
        assertThat(read(dir, "prefect/MIGRATION.md")).doesNotContain("runtime cop");
        assertThat(deleted(run(dir, "cleanup"))).containsExactlyInAnyOrder("etc/systemd/system/report.timer",
                "etc/systemd/system/report.service");
    }
}
