package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's runtime directories ({@code $XDG_RUNTIME_DIR/systemd/...}, {@code /run/user/UID/systemd/transient} where
 * {@code systemd-run --user --on-calendar} writes, {@code user.control}, the generators', {@code user}) are part of that
 * user's load path (systemd.unit(5), "User Unit Search Path"). Before, unit-load-path.csv had no row for them: their
 * units had no place, so of two files of one name both were jobs, and the shared user directories' drop-ins did not apply.
 */
class RuntimeUserDirectoriesTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Job> timerJobs() throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).toList();
    }

    private void sync(String dir, String calendar) throws Exception {
        write(dir + "/run-u42.timer", "[Timer]\nOnCalendar=" + calendar + "\nRemainAfterElapse=no\n");
        write(dir + "/run-u42.service", "[Service]\nExecStart=/usr/bin/rsync -a /home/jo/data/ backup:/data/\n");
    }

    @Test
    void theRuntimeDirectoriesAreTheUidsManagersInSystemdsOrder() {
        LoadPath.Place transient_ = LoadPath.ofUnit("run/user/1000/systemd/transient/run-u42.timer");
        assertThat(transient_.manager()).isEqualTo("uid:1000");
        assertThat(transient_.hostDir()).isEqualTo("/run/user/1000/systemd/transient");
        LoadPath.Place user = LoadPath.ofUnit("run/user/1000/systemd/user/run-u42.timer");
        LoadPath.Place late = LoadPath.ofUnit("web1/run/user/1000/systemd/generator.late/run-u42.timer");
        assertThat(user.manager()).isEqualTo("uid:1000");
        assertThat(transient_.rank()).isLessThan(user.rank());
        assertThat(user.rank()).isLessThan(LoadPath.ofUnit("run/systemd/user/x.timer").rank())
                .isGreaterThan(LoadPath.ofUnit("etc/systemd/user/x.timer").rank());
        assertThat(late.host()).isEqualTo("web1/");
        assertThat(late.rank()).isGreaterThan(LoadPath.ofUnit("usr/lib/systemd/user/x.timer").rank());
        assertThat(LoadPath.ofUnit("run/user/1001/systemd/user/x.timer").competesWith(user)).as("another uid's").isFalse();
    }

    @Test
    void aTransientTimerHidesTheRuntimeUserDirectorysOfItsNameAndReadsTheSharedDropIns() throws Exception {
        sync("run/user/1000/systemd/transient", "*:0/30");
        sync("run/user/1000/systemd/user", "daily");
        write("etc/systemd/user/run-u42.service.d/10-nice.conf", "[Service]\nEnvironment=RSYNC_RSH=ssh\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.source().path()).isEqualTo("run/user/1000/systemd/transient/run-u42.timer");
            assertThat(j.env()).containsEntry("RSYNC_RSH", "ssh");
        });
    }

    /** Must not change: a shared user unit and one of a user's own directories stay two jobs (one runs for every user). */
    @Test
    void aSharedUserUnitAndARuntimeOneOfItsNameStayTwoJobs() throws Exception {
        sync("run/user/1000/systemd/transient", "*:0/30");
        sync("etc/systemd/user", "daily");
        assertThat(timerJobs()).extracting(j -> j.source().path()).containsExactlyInAnyOrder(
                "run/user/1000/systemd/transient/run-u42.timer", "etc/systemd/user/run-u42.timer");
    }
}
