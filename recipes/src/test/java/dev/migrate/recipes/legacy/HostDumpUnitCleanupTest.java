package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.recipes.engine.FileChange;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleanup on a host dump. Before: it deleted a package's unit files under /usr/lib (which the package's next
 * upgrade puts back, enabled again by its preset), and left the links of the units it deleted dangling
 * (timers.target.wants/etl.timer, an alias etl.service -> etl-v2.service), while the units' type-wide and prefix
 * drop-ins, which configure other units too, were deleted with them once the scan read them. Now a package's files stay
 * and the unit is masked on the host; links go with their unit; shared drop-ins stay.
 */
class HostDumpUnitCleanupTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void link(String rel, String target) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        try {
            Files.createSymbolicLink(p, Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "the file system refuses symbolic links: " + e);
        }
    }

    private boolean present(String rel) {
        return Files.exists(dir.resolve(rel), LinkOption.NOFOLLOW_LINKS);
    }

    private RewriteResult throughCleanup() throws Exception {
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.changes()).noneSatisfy(c -> assertThat(c.kind()).isEqualTo(FileChange.Kind.DELETED));
        RewriteEngine.apply(dir, dual);
        RewriteResult cutover = run(dir, "cutover");
        assertThat(cutover.changes()).noneSatisfy(c -> assertThat(c.kind()).isEqualTo(FileChange.Kind.DELETED));
        RewriteEngine.apply(dir, cutover);
        return run(dir, "cleanup");
    }

    @Test
    void aPackagesTimerIsMaskedNotDeleted() throws Exception {
        write("usr/lib/systemd/system/pg-dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n\n[Install]\nWantedBy=timers.target\n");
        write("usr/lib/systemd/system/pg-dump.service", "[Service]\nExecStart=/usr/bin/pg_dumpall -f /var/backups/pg.sql\n");
        write("usr/lib/systemd/system/pg-dump.service.d/10-nice.conf", "[Service]\nNice=10\n");
        write("etc/systemd/system/pg-dump.service.d/override.conf", "[Service]\nEnvironment=PGHOST=db1\n");
        link("etc/systemd/system/timers.target.wants/pg-dump.timer", "/usr/lib/systemd/system/pg-dump.timer");
        link("usr/lib/systemd/system/timers.target.wants/pg-dump.timer", "../pg-dump.timer");
        RewriteResult cleanup = throughCleanup();
        assertThat(cleanup.changes()).filteredOn(c -> c.kind() == FileChange.Kind.DELETED)
                .extracting(c -> c.path().toString().replace('\\', '/'))
                .containsExactly("etc/systemd/system/timers.target.wants/pg-dump.timer");
        RewriteEngine.apply(dir, cleanup);
        // the empty file masks the unit in the dump as `systemctl mask` does on the host (systemd.unit(5))
        assertThat(read(dir, "etc/systemd/system/pg-dump.timer")).isEmpty();
        assertThat(present("usr/lib/systemd/system/pg-dump.timer")).isTrue();
        assertThat(present("usr/lib/systemd/system/pg-dump.service.d/10-nice.conf")).isTrue();
        assertThat(present("usr/lib/systemd/system/timers.target.wants/pg-dump.timer")).as("the package's link").isTrue();
        assertThat(present("etc/systemd/system/pg-dump.service.d/override.conf")).as("configures the kept unit").isTrue();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("""
                rm -f '/etc/systemd/system/timers.target.wants/pg-dump.timer'
                systemctl disable --now pg-dump.timer
                systemctl mask pg-dump.timer
                systemctl daemon-reload
                """).doesNotContain("rm -f '/usr/lib");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("- note: cleanup keeps usr/lib/systemd/system/pg-dump.service, "
                + "usr/lib/systemd/system/pg-dump.service.d/10-nice.conf, usr/lib/systemd/system/pg-dump.timer: installed by a "
                + "package, whose next upgrade would put a deleted file back; cleanup.sh masks the unit instead "
                + "(systemctl disable --now pg-dump.timer; systemctl mask pg-dump.timer; undo: systemctl unmask pg-dump.timer), "
                + "as the empty etc/systemd/system/pg-dump.timer does in the tree; remove the package once nothing else needs it\n");
        assertThat(read(dir, "prefect/ROLLBACK.md")).contains("rm -f 'etc/systemd/system/pg-dump.timer'\n",
                "systemctl unmask pg-dump.timer\nsystemctl enable --now pg-dump.timer\n");
        // a later scan of the dump finds the timer masked: nothing left running on the host
        assertThat(run(dir, "cleanup").changes()).isEmpty();
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** A unit copied to /etc over a package's goes; the package's, which would run again, stays and is masked. */
    @Test
    void aCopyInEtcOverAPackagesUnitGoesAndThePackagesIsMasked() throws Exception {
        write("lib/systemd/system/apt-mirror.timer", "[Timer]\nOnCalendar=daily\n");
        write("lib/systemd/system/apt-mirror.service", "[Service]\nExecStart=/usr/bin/apt-mirror\n");
        write("etc/systemd/system/apt-mirror.timer", "[Timer]\nOnCalendar=*-*-* 04:00:00\n");
        write("etc/systemd/system/apt-mirror.timer.d/accuracy.conf", "[Timer]\nAccuracySec=1s\n");
        RewriteEngine.apply(dir, throughCleanup());
        assertThat(read(dir, "etc/systemd/system/apt-mirror.timer")).as("the copy becomes the mask").isEmpty();
        assertThat(present("lib/systemd/system/apt-mirror.timer")).isTrue();
        assertThat(present("lib/systemd/system/apt-mirror.service")).isTrue();
        // the drop-in read for the package's unit of its name and host stays with it
        assertThat(present("etc/systemd/system/apt-mirror.timer.d/accuracy.conf")).isTrue();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/apt-mirror.timer'\n",
                "systemctl disable --now apt-mirror.timer\nsystemctl mask apt-mirror.timer\n");
        assertThat(read(dir, "prefect/ROLLBACK.md"))
                .contains("git restore --source=<commit-before-cleanup> -- 'etc/systemd/system/apt-mirror.timer'\n")
                .contains("systemctl unmask apt-mirror.timer\nsystemctl enable --now apt-mirror.timer\n");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    @Test
    void aliasAndEnablingLinksOfADeletedUnitGoWithIt() throws Exception {
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n\n[Install]\nWantedBy=timers.target\n");
        write("etc/systemd/system/etl-v2.service", "[Service]\nExecStart=/opt/etl/run-v2.sh\n");
        link("etc/systemd/system/etl.service", "etl-v2.service");
        link("etc/systemd/system/timers.target.wants/etl.timer", "/etc/systemd/system/etl.timer");
        link("etc/systemd/system/multi-user.target.requires/etl.timer", "../etl.timer");
        write("etc/systemd/system/db.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n\n[Install]\nWantedBy=timers.target\n");
        link("etc/systemd/system/timers.target.wants/db.timer", "/etc/systemd/system/db.timer");
        write("README.md", "Timers: etl.timer runs the load.\n");
        RewriteResult cleanup = throughCleanup();
        assertThat(cleanup.skipped()).as("deleted, not left unread").extracting(s -> dir.relativize(s.path()).toString()
                .replace('\\', '/')).contains("etc/systemd/system/timers.target.wants/db.timer")
                .doesNotContain("etc/systemd/system/timers.target.wants/etl.timer", "etc/systemd/system/etl.service");
        assertThat(cleanup.changes()).filteredOn(c -> c.kind() == FileChange.Kind.DELETED)
                .extracting(c -> c.path().toString().replace('\\', '/')).containsExactlyInAnyOrder(
                        "etc/systemd/system/etl.timer", "etc/systemd/system/etl-v2.service", "etc/systemd/system/etl.service",
                        "etc/systemd/system/timers.target.wants/etl.timer", "etc/systemd/system/multi-user.target.requires/etl.timer");
        assertThat(cleanup.patch()).contains("""
                diff --git a/etc/systemd/system/etl.service b/etc/systemd/system/etl.service
                deleted file mode 120000
                --- a/etc/systemd/system/etl.service
                +++ /dev/null
                @@ -1 +0,0 @@
                -etl-v2.service
                \\ No newline at end of file
                """);
        RewriteEngine.apply(dir, cleanup);
        assertThat(present("etc/systemd/system/etl.service")).isFalse();
        assertThat(present("etc/systemd/system/timers.target.wants/etl.timer")).isFalse();
        assertThat(present("etc/systemd/system/multi-user.target.requires/etl.timer")).isFalse();
        assertThat(Files.readSymbolicLink(dir.resolve("etc/systemd/system/timers.target.wants/db.timer")))
                .as("a timer with no command is not migrated: its link stays").isEqualTo(Path.of("/etc/systemd/system/db.timer"));
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/etc/systemd/system/etl.service'\n",
                "rm -f '/etc/systemd/system/multi-user.target.requires/etl.timer'\n",
                "rm -f '/etc/systemd/system/timers.target.wants/etl.timer'\n");
        assertThat(read(dir, "prefect/ROLLBACK.md"))
                .contains("git restore --source=<commit-before-cleanup> -- 'etc/systemd/system/timers.target.wants/etl.timer'");
        assertThat(read(dir, "prefect/MIGRATION.md")).containsOnlyOnce("README.md:1 mentions etl.timer");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** An instance's link of a deleted template goes; type-wide and prefix drop-ins configure other units and stay. */
    @Test
    void instanceLinksGoAndSharedDropInsStay() throws Exception {
        write("etc/systemd/system/backup@.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("etc/systemd/system/backup@.service", "[Service]\nExecStart=/usr/local/bin/backup %i\n");
        link("etc/systemd/system/timers.target.wants/backup@home.timer", "/etc/systemd/system/backup@.timer");
        write("etc/systemd/system/etl-load.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n");
        write("etc/systemd/system/etl-load.service", "[Service]\nExecStart=/opt/etl/load.sh\n");
        link("etc/systemd/system/timers.target.wants/etl-load.timer", "../etl-load.timer");
        write("etc/systemd/system/service.d/10-limits.conf", "[Service]\nEnvironment=TZ=UTC\n");
        write("etc/systemd/system/etl-.service.d/10-env.conf", "[Service]\nEnvironment=ETL_HOME=/srv/etl\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "prefect/prefect.yaml")).contains("ETL_HOME", "/srv/etl");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(present("etc/systemd/system/timers.target.wants/backup@home.timer")).isFalse();
        assertThat(present("etc/systemd/system/timers.target.wants/etl-load.timer")).isFalse();
        assertThat(present("etc/systemd/system/etl-load.service")).isFalse();
        assertThat(present("etc/systemd/system/service.d/10-limits.conf")).isTrue();
        assertThat(present("etc/systemd/system/etl-.service.d/10-env.conf")).isTrue();
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("service.d/10-limits.conf", "etl-.service.d");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** A timer the host disabled runs nothing: it is left alone, not made an active deployment. */
    @Test
    void aDisabledTimerIsLeftAlone() throws Exception {
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n\n[Install]\nWantedBy=timers.target\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/old-export.timer", "[Timer]\nOnCalendar=*-*-* 04:00:00\n\n[Install]\nWantedBy=timers.target\n");
        write("etc/systemd/system/old-export.service", "[Service]\nExecStart=/opt/export/old.sh\n");
        link("etc/systemd/system/timers.target.wants/etl.timer", "/etc/systemd/system/etl.timer");
        RewriteEngine.apply(dir, throughCleanup());
        assertThat(read(dir, "prefect/prefect.yaml")).contains("etl").doesNotContain("old-export");
        assertThat(read(dir, "prefect/MIGRATION.md")).containsPattern("- `systemd-timer-old-export-[0-9a-f]+ \\(etc/systemd/system/"
                + "old-export.timer\\)`: disabled on the host \\(it has \\[Install] and no .wants link enables it\\); migrate it "
                + "by hand as a paused deployment, delete it, or keep it disabled\n");
        assertThat(present("etc/systemd/system/old-export.timer")).isTrue();
        assertThat(present("etc/systemd/system/etl.timer")).isFalse();
        assertThat(present("etc/systemd/system/timers.target.wants/etl.timer")).isFalse();
        // the dump's only link went with etl.timer: the manifest still says the dump held its host's links, so the
        // disabled timer stays disabled, not a job to migrate on the next run
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** Must not change: a repository's units (outside any load path) and the links beside them are handled as before. */
    @Test
    void aRepositorysUnitsAndLinksStayAsBefore() throws Exception {
        write("deploy/systemd/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n\n[Install]\nWantedBy=timers.target\n");
        write("deploy/systemd/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        link("deploy/systemd/timers.target.wants/etl.timer", "../etl.timer");
        link("deploy/systemd/etl-alias.service", "etl.service");
        RewriteResult cleanup = throughCleanup();
        assertThat(cleanup.changes()).filteredOn(c -> c.kind() == FileChange.Kind.DELETED)
                .extracting(c -> c.path().toString().replace('\\', '/'))
                .containsExactlyInAnyOrder("deploy/systemd/etl.timer", "deploy/systemd/etl.service");
        RewriteEngine.apply(dir, cleanup);
        assertThat(present("deploy/systemd/etl-alias.service")).isTrue();
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("mask");
    }
}
