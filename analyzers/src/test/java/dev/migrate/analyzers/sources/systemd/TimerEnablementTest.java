package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemctl enable etl.timer} links timers.target.wants/etl.timer to the unit. Before, a plain timer's link was
 * read for nothing: a timer the host had disabled was reported as an active schedule (SYD001) and its job expected to
 * run. Now a dump that shows its host's links says whether each timer is enabled; a disabled one (it has [Install], no
 * link enables it) is a disabled job (SYD011, no run expected), as a commented-out crontab line is.
 */
class TimerEnablementTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void link(String rel, String target) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        try {
            Files.createSymbolicLink(p, Path.of(target));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "the file system refuses symbolic links: " + e);
        }
    }

    private Inventory scan() throws Exception {
        return Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER && j.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> codes(Inventory inv, Job job) {
        return inv.findings().stream().filter(f -> job.id().equals(f.jobId())).map(Finding::code).sorted().toList();
    }

    private void timer(String dir, String name, boolean install) throws Exception {
        write(dir + "/" + name + ".timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nPersistent=true\n"
                + (install ? "\n[Install]\nWantedBy=timers.target\n" : ""));
        write(dir + "/" + name + ".service", "[Service]\nExecStart=/opt/" + name + "/run.sh\n");
    }

    @Test
    void aLinkedTimerIsEnabledAndAnUnlinkedOneIsADisabledJob() throws Exception {
        timer("etc/systemd/system", "etl", true);
        timer("etc/systemd/system", "old-export", true);
        link("etc/systemd/system/timers.target.wants/etl.timer", "/etc/systemd/system/etl.timer");
        Inventory inv = scan();
        Job etl = job(inv, "etl");
        assertThat(etl.attributes()).containsEntry("systemd.enabled", "enabled")
                .containsEntry("systemd.enabledBy", "etc/systemd/system/timers.target.wants/etl.timer")
                .doesNotContainKey("disabled");
        assertThat(codes(inv, etl)).containsExactly("SYD001", "SYD003");
        Job old = job(inv, "old-export");
        assertThat(old.attributes()).containsEntry("systemd.enabled", "disabled").containsEntry("disabled", "true");
        assertThat(old.command()).isEqualTo("/opt/old-export/run.sh");
        assertThat(codes(inv, old)).containsExactly("SYD011");
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("SYD011")).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo("timer old-export.timer is disabled on this host (it has [Install] and no "
                        + "link in a .wants directory enables it): it starts old-export.service only once enabled; migrate "
                        + "it as a paused deployment, delete it, or keep it disabled"));
    }

    /** A copy in the .wants directory (a dump made with cp -L), a .requires link and a package's timer enable alike. */
    @Test
    void copiesRequiresLinksAndPackageTimersEnableToo() throws Exception {
        timer("etc/systemd/system", "etl", true);
        timer("usr/lib/systemd/system", "logrotate", true);
        timer("etc/systemd/system", "vacuum", true);
        write("etc/systemd/system/timers.target.wants/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        link("etc/systemd/system/multi-user.target.requires/vacuum.timer", "../vacuum.timer");
        link("etc/systemd/system/timers.target.wants/logrotate.timer", "/usr/lib/systemd/system/logrotate.timer");
        Inventory inv = scan();
        assertThat(List.of("etl", "logrotate", "vacuum")).allSatisfy(n ->
                assertThat(job(inv, n).attributes()).containsEntry("systemd.enabled", "enabled").doesNotContainKey("disabled"));
        assertThat(inv.findings()).noneSatisfy(f -> assertThat(f.code()).isEqualTo("SYD011"));
    }

    /** A user's own link enables their timer; the system's links say nothing of a user's manager. */
    @Test
    void aUserTimerIsEnabledByItsOwnersLink() throws Exception {
        timer("home/jo/.config/systemd/user", "stats", true);
        timer("home/jo/.config/systemd/user", "old-stats", true);
        link("home/jo/.config/systemd/user/timers.target.wants/stats.timer", "/home/jo/.config/systemd/user/stats.timer");
        timer("home/al/.config/systemd/user", "mail", true);
        link("etc/systemd/system/timers.target.wants/mail.timer", "/etc/systemd/system/mail.timer");
        Inventory inv = scan();
        assertThat(job(inv, "stats").attributes()).containsEntry("systemd.enabled", "enabled");
        assertThat(job(inv, "old-stats").attributes()).containsEntry("systemd.enabled", "disabled");
        assertThat(job(inv, "mail").attributes()).doesNotContainKey("systemd.enabled").doesNotContainKey("disabled");
    }

    /**
     * Must not change: a dump without any link of the host says nothing (links may not have been copied), a timer
     * without [Install] is static (another unit may start it), another host's links say nothing of this one, and a
     * repository's timer is not the host's.
     */
    @Test
    void withoutTheHostsLinksOrInstallNothingIsCalledDisabled() throws Exception {
        timer("web1/etc/systemd/system", "etl", true);
        timer("web2/etc/systemd/system", "etl", true);
        timer("web2/etc/systemd/system", "warm", false);
        link("web2/etc/systemd/system/multi-user.target.wants/nginx.service", "/lib/systemd/system/nginx.service");
        timer("deploy", "report", true);
        Inventory inv = scan();
        List<Job> timers = inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).toList();
        assertThat(timers).filteredOn(j -> j.source().path().startsWith("web1/") || j.source().path().startsWith("deploy/"))
                .hasSize(2).allSatisfy(j -> assertThat(j.attributes()).doesNotContainKeys("systemd.enabled", "disabled"));
        assertThat(job(inv, "warm").attributes()).containsEntry("systemd.enabled", "static").doesNotContainKey("disabled");
        assertThat(timers).filteredOn(j -> j.source().path().equals("web2/etc/systemd/system/etl.timer")).singleElement()
                .satisfies(j -> assertThat(j.attributes()).containsEntry("disabled", "true"));
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("SYD001")).hasSize(3);
    }
}
