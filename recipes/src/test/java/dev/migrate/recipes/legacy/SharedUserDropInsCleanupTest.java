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
 * A drop-in of the user directories every user's manager reads ({@code /etc/systemd/user/report.service.d}) configures
 * each user's {@code report.service}. Before, the cleanup deleted it (and cleanup.sh removed it from the host) when jo's
 * unit, the only one of that name in the dump, was moved: another user's unit, whose home the dump does not hold, lost
 * its proxy setting. The cleanup now keeps it and says whom to ask; jo's own drop-in still goes with jo's unit.
 */
class SharedUserDropInsCleanupTest {
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

    private static List<String> deleted(RewriteResult r) {
        return r.changes().stream().filter(c -> c.kind() == FileChange.Kind.DELETED)
                .map(c -> c.path().toString().replace('\\', '/')).toList();
    }

    private void josReport() throws Exception {
        write("home/jo/.config/systemd/user/report.timer", """
                [Timer]
                OnCalendar=*-*-* 02:30:00

                [Install]
                WantedBy=timers.target
                """);
        write("home/jo/.config/systemd/user/report.service", """
                [Service]
                Type=oneshot
                ExecStart=/home/jo/venv/bin/python /home/jo/jobs/report.py
                """);
        write("home/jo/.config/systemd/user/report.service.d/override.conf", """
                [Service]
                Nice=10
                """);
    }

    @Test
    void aSharedDropInStaysWithAManualStepWhileTheUsersOwnGoes() throws Exception {
        josReport();
        write("etc/systemd/user/report.service.d/10-proxy.conf", """
                [Service]
                Environment=HTTPS_PROXY=http://proxy.internal:3128
                """);
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).containsExactlyInAnyOrder("home/jo/.config/systemd/user/report.timer",
                "home/jo/.config/systemd/user/report.service", "home/jo/.config/systemd/user/report.service.d/override.conf");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "etc/systemd/user/report.service.d/10-proxy.conf")).isEqualTo("""
                [Service]
                Environment=HTTPS_PROXY=http://proxy.internal:3128
                """);
        assertThat(read(dir, "prefect/cleanup.sh")).contains("rm -f '/home/jo/.config/systemd/user/report.service.d/override.conf'\n")
                .doesNotContain("rm -f '/etc/systemd/user/");
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("cleanup keeps /etc/systemd/user/report.service.d/10-proxy.conf: "
                + "a drop-in of the user directories every user's manager reads, so another user's report.service, which this "
                + "tree may not hold, may rely on it; only the host's owner knows who: delete it by hand once no one's does (as "
                + "each user, systemctl --user cat report.service lists the drop-ins it reads)");
        assertThat(read(dir, "prefect/legacy-jobs.yaml")).doesNotContain("- etc/systemd/user/report.service.d/10-proxy.conf");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** A package's shared drop-in (/usr/lib/systemd/user) is kept the same way. */
    @Test
    void aPackagesSharedDropInStaysToo() throws Exception {
        josReport();
        write("usr/lib/systemd/user/report.service.d/50-sandbox.conf", "[Service]\nPrivateTmp=yes\n");
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).doesNotContain("usr/lib/systemd/user/report.service.d/50-sandbox.conf");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "prefect/MIGRATION.md")).contains("cleanup keeps /usr/lib/systemd/user/report.service.d/50-sandbox.conf");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }

    /** Must not change: with no shared drop-in, the user's unit and its own drop-in go, and no note is added. */
    @Test
    void aUsersOwnDropInsStillGoWithTheUnit() throws Exception {
        josReport();
        RewriteResult cleanup = throughCleanup();
        assertThat(deleted(cleanup)).containsExactlyInAnyOrder("home/jo/.config/systemd/user/report.timer",
                "home/jo/.config/systemd/user/report.service", "home/jo/.config/systemd/user/report.service.d/override.conf");
        RewriteEngine.apply(dir, cleanup);
        assertThat(read(dir, "prefect/MIGRATION.md")).doesNotContain("every user's manager reads");
        assertThat(run(dir, "cleanup").changes()).isEmpty();
    }
}
