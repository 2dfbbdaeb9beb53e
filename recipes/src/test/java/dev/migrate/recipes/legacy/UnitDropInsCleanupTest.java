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
 * Before: the cleanup deleted etl.timer and etl.service but left etl.service.d/ and etl.timer.d/ behind, holding
 * configuration of a unit that no longer exists (and that a unit of that name installed later would pick up). The
 * drop-ins of the units it deletes go with them; one a unit left on the host still reads stays.
 */
class UnitDropInsCleanupTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private RewriteResult throughCleanup() throws Exception {
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        RewriteEngine.apply(dir, run(dir, "cutover"));
        return run(dir, "cleanup");
    }

    @Test
    void theDropInsOfTheDeletedUnitsAreDeletedWithThem() throws Exception {
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("etc/systemd/system/etl.timer.d/persistent.conf", "[Timer]\nPersistent=true\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/etl.service.d/override.conf", "[Service]\nEnvironment=MODE=full\n");
        write("etc/systemd/system/etl.service.d/10-nice.conf", "[Service]\nNice=10\n");
        write("etc/systemd/system/report.service.d/override.conf", "[Service]\nEnvironment=OTHER=1\n");
        RewriteResult cleanup = throughCleanup();
        // the dry-run diff shows each as a deletion
        assertThat(cleanup.changes()).filteredOn(c -> c.kind() == FileChange.Kind.DELETED)
                .extracting(c -> c.path().toString().replace('\\', '/')).containsExactlyInAnyOrder(
                        "etc/systemd/system/etl.timer", "etc/systemd/system/etl.service",
                        "etc/systemd/system/etl.timer.d/persistent.conf", "etc/systemd/system/etl.service.d/override.conf",
                        "etc/systemd/system/etl.service.d/10-nice.conf");
        assertThat(cleanup.patch()).contains("--- a/etc/systemd/system/etl.service.d/override.conf\n", "-Environment=MODE=full\n");
        RewriteEngine.apply(dir, cleanup);
        assertThat(dir.resolve("etc/systemd/system/etl.service.d/override.conf")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/report.service.d/override.conf")).as("another unit's").exists();
        assertThat(read(dir, "prefect/cleanup.sh")).contains("""
                rm -f '/etc/systemd/system/etl.service'
                rm -f '/etc/systemd/system/etl.service.d/10-nice.conf'
                rm -f '/etc/systemd/system/etl.service.d/override.conf'
                rm -f '/etc/systemd/system/etl.timer'
                rm -f '/etc/systemd/system/etl.timer.d/persistent.conf'
                rmdir '/etc/systemd/system/etl.service.d' 2>/dev/null || true
                rmdir '/etc/systemd/system/etl.timer.d' 2>/dev/null || true
                systemctl daemon-reload
                """);
        assertThat(read(dir, "prefect/ROLLBACK.md"))
                .contains("git restore --source=<commit-before-cleanup> -- 'etc/systemd/system/etl.service.d/override.conf'");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** A user unit's drop-ins go with it, and its owner's manager reads its units again. */
    @Test
    void aUserUnitsDropInsGoWithItAndItsOwnersManagerReloads() throws Exception {
        write("home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("home/jo/.config/systemd/user/stats.service", "[Service]\nExecStart=/home/jo/bin/stats.sh\n");
        write("home/jo/.config/systemd/user/stats.service.d/env.conf", "[Service]\nEnvironment=DEPTH=2\n");
        RewriteEngine.apply(dir, throughCleanup());
        assertThat(dir.resolve("home/jo/.config/systemd/user/stats.service.d/env.conf")).doesNotExist();
        assertThat(read(dir, "prefect/cleanup.sh")).contains(
                "rm -f '/home/jo/.config/systemd/user/stats.service.d/env.conf'\n",
                "rmdir '/home/jo/.config/systemd/user/stats.service.d' 2>/dev/null || true\n",
                "systemctl --user -M jo@ daemon-reload\n").doesNotContain("owner not known");
    }

    /**
     * A template's drop-in directory serves every instance: sync@.service.d stays while the boot timer left on the
     * host still runs sync@boot.service; the moved instance's own directory goes.
     */
    @Test
    void aTemplatesDropInsStayWhileAnotherInstanceStillUsesThem() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=*-*-* 01:30:00\nUnit=sync@nightly.service\n");
        write("etc/systemd/system/at-boot.timer", "[Timer]\nOnBootSec=5min\nUnit=sync@boot.service\n");
        write("etc/systemd/system/sync@.service", "[Service]\nExecStart=/opt/sync/run.sh %i\n");
        write("etc/systemd/system/sync@.service.d/50-env.conf", "[Service]\nEnvironment=SYNC_TARGET=%i\n");
        write("etc/systemd/system/sync@nightly.service.d/10-user.conf", "[Service]\nUser=nightly-sync\n");
        RewriteResult cleanup = throughCleanup();
        RewriteEngine.apply(dir, cleanup);
        assertThat(dir.resolve("etc/systemd/system/nightly.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync@nightly.service.d/10-user.conf")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync@.service")).exists();
        assertThat(dir.resolve("etc/systemd/system/sync@.service.d/50-env.conf")).exists();
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("sync@.service");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** Must not change: before the cleanup no drop-in is touched, and a kept unit keeps its drop-ins. */
    @Test
    void noDropInIsTouchedBeforeTheCleanupNorWhenItsUnitStays() throws Exception {
        write("etc/systemd/system/sync.service", "[Service]\nType=oneshot\nExecStart=/usr/local/bin/sync-repo\n");
        write("etc/systemd/system/sync.service.d/override.conf", "[Service]\nEnvironment=REPO=main\n");
        write("etc/systemd/system/sync-nightly.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=sync.service\n");
        write("etc/systemd/system/sync-boot.timer", "[Timer]\nOnBootSec=5min\nUnit=sync.service\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.changes()).noneSatisfy(c -> assertThat(c.path().toString()).contains(".service.d"));
        RewriteEngine.apply(dir, dual);
        RewriteResult cutover = run(dir, "cutover");
        assertThat(cutover.changes()).noneSatisfy(c -> assertThat(c.path().toString()).contains(".service.d"));
        RewriteEngine.apply(dir, cutover);
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(dir.resolve("etc/systemd/system/sync-nightly.timer")).doesNotExist();
        assertThat(dir.resolve("etc/systemd/system/sync.service")).exists();
        assertThat(read(dir, "etc/systemd/system/sync.service.d/override.conf")).isEqualTo("[Service]\nEnvironment=REPO=main\n");
        assertThat(read(dir, "prefect/cleanup.sh")).doesNotContain("sync.service");
    }
}
