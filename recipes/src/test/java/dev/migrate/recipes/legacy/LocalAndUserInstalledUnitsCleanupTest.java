package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.FileChange;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installed units the cleanup masks rather than deletes. systemd.unit(5)'s search path tables call
 * {@code /usr/local/lib/systemd/system} units "installed by the administrator" (as against /etc's "created by the
 * administrator"): a local install's, which the next {@code make install} writes back and enables beside the Prefect
 * deployment; before, the cleanup deleted them. A package's user unit ({@code usr/lib/systemd/user}) was masked on the
 * host only, with no empty file in the tree; now {@code systemctl --global mask} does it on the host and the empty
 * {@code etc/systemd/user/NAME} in the tree, as for system units.
 */
class LocalAndUserInstalledUnitsCleanupTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private boolean present(String rel) {
        return Files.exists(dir.resolve(rel));
    }

    private RewriteResult throughCleanup() throws Exception {
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        return run(dir, "cleanup");
    }

    private static java.util.List<String> deleted(RewriteResult r) {
        return r.changes().stream().filter(c -> c.kind() == FileChange.Kind.DELETED)
                .map(c -> c.path().toString().replace('\\', '/')).toList();
    }

    @Test
    void aLocallyInstalledTimerIsMaskedNotDeleted() throws Exception {
        write("usr/local/lib/systemd/system/restic-backup.timer", "[Timer]\nOnCalendar=*-*-* 01:30:00\n");
        write("usr/local/lib/systemd/system/restic-backup.service", "[Service]\nExecStart=/usr/local/bin/restic backup /srv\n");
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).isEmpty();
        RewriteEngine.apply(dir, cleanup);
        assertThat(present("usr/local/lib/systemd/system/restic-backup.timer")).isTrue();
        assertThat(present("usr/local/lib/systemd/system/restic-backup.service")).isTrue();
        assertThat(read(dir, "etc/systemd/system/restic-backup.timer")).isEmpty();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("systemctl disable --now restic-backup.timer\n"
                + "systemctl mask restic-backup.timer\n").doesNotContain("rm -f '/usr/local");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("cleanup keeps usr/local/lib/systemd/system/restic-backup.service, "
                + "usr/local/lib/systemd/system/restic-backup.timer: installed under /usr/local (make install, a local package), "
                + "whose next install would put a deleted file back; cleanup.sh masks the unit instead");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    @Test
    void aPackagesUserTimerIsMaskedInTheTreeAsOnTheHost() throws Exception {
        write("usr/lib/systemd/user/mail-sync.timer", "[Timer]\nOnCalendar=*:0/15\n");
        write("usr/lib/systemd/user/mail-sync.service", "[Service]\nExecStart=/usr/bin/mbsync -a\n");
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).isEmpty();
        RewriteEngine.apply(dir, cleanup);
        assertThat(present("usr/lib/systemd/user/mail-sync.timer")).isTrue();
        assertThat(read(dir, "etc/systemd/user/mail-sync.timer")).as("what systemctl --global mask links").isEmpty();
        assertThat(present("etc/systemd/system/mail-sync.timer")).as("no system unit of that name").isFalse();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("systemctl --global mask mail-sync.timer\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("rm -f 'etc/systemd/user/mail-sync.timer'\n",
                "systemctl --global unmask mail-sync.timer\n");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** Must not change: a unit the administrator created in /etc (or a user's own) is deleted, as before. */
    @Test
    void unitsCreatedInEtcOrAHomeAreStillDeleted() throws Exception {
        write("etc/systemd/system/report.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/report.service", "[Service]\nExecStart=/opt/report/run.sh\n");
        write("home/jo/.config/systemd/user/notes.timer", "[Timer]\nOnCalendar=hourly\n");
        write("home/jo/.config/systemd/user/notes.service", "[Service]\nExecStart=/home/jo/bin/notes\n");
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).containsExactlyInAnyOrder("etc/systemd/system/report.timer",
                "etc/systemd/system/report.service", "home/jo/.config/systemd/user/notes.timer",
                "home/jo/.config/systemd/user/notes.service");
        RewriteEngine.apply(dir, cleanup);
        assertThat(present("etc/systemd/user/notes.timer")).isFalse();
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("mask");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }
}
