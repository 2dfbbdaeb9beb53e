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
 * A unit's own drop-ins ({@code etl.service.d/*.conf}) are read per host and per manager, as the shared (prefix and
 * type-wide) ones are: in a tree of several host dumps, {@code hosts/a/etc/systemd/system/etl.service.d} configured
 * hosts/b's etl.service too, and a user manager's {@code etc/systemd/user/etl.service.d} the system's etl.service.
 * And a script that writes a unit reads the prefix and type-wide drop-ins the same script writes for its manager, as
 * systemd does on the host the script provisions.
 */
class DropInsPerHostTest {
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

    private Job onHost(String host) throws Exception {
        return timerJobs().stream().filter(j -> j.source().path().startsWith(host)).findFirst().orElseThrow();
    }

    private void etl(String dir) throws Exception {
        write(dir + "/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write(dir + "/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
    }

    @Test
    void aHostsOwnDropInsConfigureOnlyItsUnits() throws Exception {
        etl("hosts/a/etc/systemd/system");
        etl("hosts/b/etc/systemd/system");
        write("hosts/a/etc/systemd/system/etl.service.d/10-user.conf", "[Service]\nUser=alice\n");
        write("hosts/a/etc/systemd/system/etl.timer.d/10-time.conf", "[Timer]\nOnCalendar=\nOnCalendar=*-*-* 05:00:00\n");
        write("hosts/b/usr/lib/systemd/system/etl.service.d/20-env.conf", "[Service]\nEnvironment=HOST=b\n");
        Job a = onHost("hosts/a/");
        assertThat(a.user()).isEqualTo("alice");
        assertThat(a.env()).isEmpty();
        assertThat(a.schedules().get(0).expression()).contains("05:00:00");
        assertThat(a.attributes()).containsEntry("service.dropIns", "hosts/a/etc/systemd/system/etl.service.d/10-user.conf");
        Job b = onHost("hosts/b/");
        assertThat(b.user()).isNull();
        assertThat(b.env()).containsEntry("HOST", "b");
        assertThat(b.schedules().get(0).expression()).contains("02:00:00");
        assertThat(b.attributes()).containsEntry("service.dropIns", "hosts/b/usr/lib/systemd/system/etl.service.d/20-env.conf")
                .doesNotContainKey("timer.dropIns");
    }

    /** One host's override.conf no longer hides the other's of the same file name either. */
    @Test
    void aDropInOfOneNameOnEachHostEachConfiguresItsOwn() throws Exception {
        etl("hosts/a/usr/lib/systemd/system");
        etl("hosts/b/usr/lib/systemd/system");
        write("hosts/a/etc/systemd/system/etl.service.d/override.conf", "[Service]\nUser=a\n");
        write("hosts/b/usr/lib/systemd/system/etl.service.d/override.conf", "[Service]\nUser=b\n");
        assertThat(onHost("hosts/a/").user()).isEqualTo("a");
        assertThat(onHost("hosts/b/").user()).isEqualTo("b");
    }

    /** The user manager's drop-ins configure its units only; a user's own manager reads the shared user directories. */
    @Test
    void systemAndUserManagersReadTheirOwnDropIns() throws Exception {
        etl("etc/systemd/system");
        write("etc/systemd/user/etl.service.d/10-user.conf", "[Service]\nEnvironment=FROM=user\n");
        write("home/jo/.config/systemd/user/sync.timer", "[Timer]\nOnCalendar=daily\n");
        write("home/jo/.config/systemd/user/sync.service", "[Service]\nExecStart=/home/jo/sync.sh\n");
        write("etc/systemd/user/sync.service.d/10-env.conf", "[Service]\nEnvironment=FROM=shared-user\n");
        write("etc/systemd/system/sync.service.d/10-env.conf", "[Service]\nEnvironment=FROM=system\n");
        assertThat(onHost("etc/").env()).isEmpty();
        assertThat(onHost("home/jo/").env()).containsEntry("FROM", "shared-user");
    }

    /** Must not change: a repository's unit reads its drop-ins by name, wherever the repository keeps them. */
    @Test
    void aRepositorysUnitReadsItsDropInsByName() throws Exception {
        etl("deploy/systemd");
        write("deploy/systemd/etl.service.d/10-user.conf", "[Service]\nUser=etl\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.user()).isEqualTo("etl"));
    }

    /** A script writes the unit and a type-wide and a prefix drop-in for its manager: systemd applies both there. */
    @Test
    void aScriptsUnitReadsTheSharedDropInsTheScriptWrites() throws Exception {
        write("deploy/install.sh", """
                #!/bin/bash
                cat > /etc/systemd/system/etl-load.timer <<'EOF'
                [Timer]
                OnCalendar=*-*-* 02:00:00
                EOF
                cat > /etc/systemd/system/etl-load.service <<'EOF'
                [Service]
                ExecStart=/opt/etl/load.sh
                EOF
                mkdir -p /etc/systemd/system/service.d /etc/systemd/system/etl-.service.d
                cat > /etc/systemd/system/service.d/10-user.conf <<'EOF'
                [Service]
                User=etl
                EOF
                cat > /etc/systemd/system/etl-.service.d/20-env.conf <<'EOF'
                [Service]
                Environment=STAGE=prod
                EOF
                systemctl daemon-reload
                """);
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("etl");
            assertThat(j.env()).containsEntry("STAGE", "prod");
            assertThat(j.command()).isEqualTo("/opt/etl/load.sh");
        });
    }

    /**
     * Must not change: a script's type-wide drop-in for the user manager configures no system unit it writes; another
     * script's, or a host dump's, may be another host's; and a script's shared drop-in configures none of the tree's
     * units. A {@code service.d} a script writes outside the load path is no drop-in directory.
     */
    @Test
    void sharedDropInsOfOtherManagersScriptsOrHostsStayUnread() throws Exception {
        write("deploy/install.sh", """
                #!/bin/bash
                cat > /etc/systemd/system/report.timer <<'EOF'
                [Timer]
                OnCalendar=daily
                EOF
                cat > /etc/systemd/system/report.service <<'EOF'
                [Service]
                ExecStart=/opt/report
                EOF
                cat > /etc/systemd/user/service.d/10-user.conf <<'EOF'
                [Service]
                User=user-manager
                EOF
                cat > /opt/conf/service.d/20-env.conf <<'EOF'
                [Service]
                Environment=NOT=read
                EOF
                cat > /etc/systemd/system/timer.d/30-acc.conf <<'EOF'
                [Timer]
                AccuracySec=1s
                EOF
                systemctl daemon-reload
                """);
        write("deploy/other.sh", """
                #!/bin/bash
                cat > /etc/systemd/system/service.d/10-user.conf <<'EOF'
                [Service]
                User=other-script
                EOF
                systemctl daemon-reload
                """);
        write("etc/systemd/system/service.d/40-nice.conf", "[Service]\nEnvironment=FROM=tree\n");
        etl("etc/systemd/system");
        Job report = timerJobs().stream().filter(j -> j.name().equals("report")).findFirst().orElseThrow();
        assertThat(report.user()).isNull();
        assertThat(report.env()).isEmpty();
        assertThat(report.attributes()).containsEntry("AccuracySec", "1s").doesNotContainKey("service.dropIns");
        Job etl = onHost("etc/");
        assertThat(etl.user()).isNull();
        assertThat(etl.env()).containsEntry("FROM", "tree");
        assertThat(etl.attributes()).doesNotContainKey("AccuracySec");
    }
}
