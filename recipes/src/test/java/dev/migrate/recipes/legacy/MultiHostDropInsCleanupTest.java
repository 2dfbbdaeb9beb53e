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
 * A tree of two host dumps, each with an {@code etl.service} of its own. Before, a unit's own drop-ins were matched by
 * name across the tree: hosts/a's {@code etl.service.d/10-env.conf} configured hosts/b's job too (its flow ran with
 * a's environment), and went in the cleanup of b's unit. Now each host's drop-ins configure, and go with, its units.
 */
class MultiHostDropInsCleanupTest {
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

    private void etl(String host, String dir, String time) throws Exception {
        write(host + dir + "/etl.timer", "[Timer]\nOnCalendar=*-*-* " + time + "\n");
        write(host + dir + "/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
    }

    @Test
    void eachHostsDropInsConfigureAndGoWithItsOwnUnit() throws Exception {
        etl("hosts/a/", "etc/systemd/system", "02:00:00");
        etl("hosts/b/", "etc/systemd/system", "03:00:00");
        write("hosts/a/etc/systemd/system/etl.service.d/10-env.conf", "[Service]\nEnvironment=ETL_TARGET=host-a-warehouse\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        String yaml = read(dir, "prefect/prefect.yaml");
        assertThat(yaml).containsOnlyOnce("host-a-warehouse");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteResult cleanup = run(dir, "cleanup");
        assertThat(cleanup.changes()).filteredOn(c -> c.kind() == FileChange.Kind.DELETED)
                .extracting(c -> c.path().toString().replace('\\', '/')).containsExactlyInAnyOrder(
                        "hosts/a/etc/systemd/system/etl.timer", "hosts/a/etc/systemd/system/etl.service",
                        "hosts/a/etc/systemd/system/etl.service.d/10-env.conf",
                        "hosts/b/etc/systemd/system/etl.timer", "hosts/b/etc/systemd/system/etl.service");
        RewriteEngine.apply(dir, cleanup);
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /**
     * Must not change: hosts/b's drop-in of a unit its package installed stays with that unit (masked, not deleted)
     * when hosts/a's etl.service of the same name goes, and a user manager's drop-in of that name is no system unit's.
     */
    @Test
    void anotherHostsOrManagersDropInOfTheNameStays() throws Exception {
        etl("hosts/a/", "etc/systemd/system", "02:00:00");
        etl("hosts/b/", "usr/lib/systemd/system", "03:00:00");
        write("hosts/b/etc/systemd/system/etl.service.d/override.conf", "[Service]\nEnvironment=ETL_TARGET=host-b\n");
        write("hosts/a/etc/systemd/user/etl.service.d/10-env.conf", "[Service]\nEnvironment=ETL_TARGET=user-manager\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(read(dir, "prefect/prefect.yaml")).containsOnlyOnce("host-b").doesNotContain("user-manager");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteEngine.apply(dir, run(dir, "cleanup"));
        assertThat(present("hosts/a/etc/systemd/system/etl.service")).isFalse();
        assertThat(present("hosts/b/etc/systemd/system/etl.service.d/override.conf")).isTrue();
        assertThat(present("hosts/b/usr/lib/systemd/system/etl.service")).isTrue();
        assertThat(present("hosts/a/etc/systemd/user/etl.service.d/10-env.conf")).isTrue();
        assertThat(read(dir, "hosts/b/etc/systemd/system/etl.timer")).as("b's package timer is masked").isEmpty();
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }
}
