package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleanup keeps a provisioning script that writes a timer and its service, with a note to delete their
 * here-documents and remove the installed units from the host. Before, the note left out the units' drop-ins, which the
 * same script (or another) writes and the host keeps: a unit of that name installed later would pick them up.
 */
class ScriptWrittenDropInsCleanupTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String cleanupNote() throws Exception {
        RewriteEngine.apply(dir, run(dir, "cutover"));
        RewriteResult cleanup = run(dir, "cleanup");
        RewriteEngine.apply(dir, cleanup);
        assertThat(run(dir, "cleanup").changes()).isEmpty();
        return cleanup.notes().stream().filter(n -> n.manual() && n.message().contains("cleanup keeps deploy/install-report.sh"))
                .findFirst().orElseThrow().message();
    }

    @Test
    void theNoteNamesTheUnitsOwnDropInsNotTheTypes() throws Exception {
        write("deploy/install-report.sh", """
                #!/bin/bash
                set -e
                cat > /etc/systemd/system/report.timer <<'EOF'
                [Timer]
                OnCalendar=*-*-* 04:10:00
                EOF
                cat > /etc/systemd/system/report.service <<'EOF'
                [Service]
                ExecStart=/usr/local/bin/report --daily
                EOF
                mkdir -p /etc/systemd/system/report.service.d /etc/systemd/system/service.d
                cat <<'EOF' | sudo tee /etc/systemd/system/report.service.d/limits.conf >/dev/null
                [Service]
                Nice=5
                EOF
                cat > /etc/systemd/system/report.timer.d/jitter.conf <<'EOF'
                [Timer]
                RandomizedDelaySec=5m
                EOF
                cat > /etc/systemd/system/service.d/10-user.conf <<'EOF'
                [Service]
                User=reports
                EOF
                systemctl daemon-reload
                systemctl enable --now report.timer
                """);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        String note = cleanupNote();
        assertThat(note).contains("and their drop-ins (deploy/install-report.sh:16, deploy/install-report.sh:12)",
                "remove /etc/systemd/system/report.timer and /etc/systemd/system/report.service and "
                        + "/etc/systemd/system/report.timer.d/jitter.conf and /etc/systemd/system/report.service.d/limits.conf "
                        + "from the host");
        // service.d/10-user.conf configures every service of the host: it stays, unnamed
        assertThat(note).doesNotContain("10-user.conf", "install-report.sh:20");
        assertThat(dir.resolve("deploy/install-report.sh")).exists();
    }

    /** Must not change: a script that writes no drop-in gets the note it had. */
    @Test
    void withoutDropInsTheNoteIsAsBefore() throws Exception {
        write("deploy/install-report.sh", """
                #!/bin/bash
                cat > /etc/systemd/system/report.timer <<'EOF'
                [Timer]
                OnCalendar=*-*-* 04:10:00
                EOF
                cat > /etc/systemd/system/report.service <<'EOF'
                [Service]
                ExecStart=/usr/local/bin/report --daily
                EOF
                """);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(cleanupNote()).endsWith(": cleanup keeps deploy/install-report.sh: it writes the timer "
                + "(deploy/install-report.sh:2:1) and the service (deploy/install-report.sh:6:1) with here-documents, among "
                + "other steps; delete those and the systemctl commands that enable them by hand, or its next run installs "
                + "the timer again, and remove /etc/systemd/system/report.timer and /etc/systemd/system/report.service "
                + "from the host");
    }
}
