package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's manager reads ~/.local/share/systemd/user as well as ~/.config/systemd/user (systemd.unit(5)): a timer
 * there is jo's. Before, only ~/.config named the owner: cutover.sh said the owner was not known and the flow ran in
 * the root pool.
 */
class UserDataDirectoryUnitsTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void aTimerInTheUsersDataDirectoryIsSwitchedThroughItsOwnersManager() throws Exception {
        write("home/jo/.local/share/systemd/user/sync.timer", """
                [Timer]
                OnCalendar=*-*-* 06:00:00

                [Install]
                WantedBy=timers.target
                """);
        write("home/jo/.local/share/systemd/user/sync.service", """
                [Service]
                Type=oneshot
                ExecStart=%h/bin/sync-photos --quiet
                """);
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("systemctl --user -M jo@ disable --now sync.timer\n")
                .doesNotContain("owner not known");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("legacy-host-jo").doesNotContain("legacy-host-root");
        assertThat(onlyFlowText()).contains("/home/jo/bin/sync-photos --quiet");
    }

    /** Must not change: a shared user directory's timer names no owner. */
    @Test
    void aSharedUserUnitStillNamesNoOwner() throws Exception {
        write("etc/systemd/user/sync.timer", "[Timer]\nOnCalendar=*-*-* 06:00:00\n");
        write("etc/systemd/user/sync.service", "[Service]\nExecStart=/usr/local/bin/sync-photos\n");
        RewriteEngine.apply(dir, run(dir, "cutover"));
        assertThat(read(dir, "prefect/cutover.sh")).contains("owner not known here: as that user, systemctl --user disable "
                + "--now sync.timer");
    }

    private String onlyFlowText() throws Exception {
        try (var files = Files.list(dir.resolve("prefect/flows"))) {
            return Files.readString(files.filter(p -> p.toString().endsWith(".py")).findFirst().orElseThrow());
        }
    }
}
