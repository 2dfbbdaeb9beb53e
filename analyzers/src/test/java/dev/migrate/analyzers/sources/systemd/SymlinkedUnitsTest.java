package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanNote;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host dump keeps what {@code systemctl mask} and aliases wrote: links. {@code etl.timer -> /dev/null} in /etc masks
 * the package's etl.timer (systemd.unit(5): a unit file "symlinked to /dev/null" is not loaded), and
 * {@code etl.service -> etl-v2.service} makes etl.service a name of etl-v2.service. Before, the scan saw such links by
 * name only, without their target: the masked timer was a job, its link a note "outside the scan root", and a timer
 * whose service is an alias found no service (SYD006). The links' targets are read as text; nothing is followed, and
 * /dev/null is never opened. {@code systemd-analyze --root=DUMP verify} is the oracle when it is installed.
 */
class SymlinkedUnitsTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Makes the link, or skips the test where the file system refuses links. */
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

    private List<Job> timerJobs(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).toList();
    }

    private void vendorEtl(String dir) throws Exception {
        write(dir + "/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write(dir + "/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
    }

    @Test
    void aTimerLinkedToDevNullInEtcIsMaskedWithItsEnabledLink() throws Exception {
        vendorEtl("usr/lib/systemd/system");
        link("etc/systemd/system/etl.timer", "/dev/null");
        link("etc/systemd/system/timers.target.wants/etl.timer", "/usr/lib/systemd/system/etl.timer");
        Inventory inv = scan();
        // before: the package's timer was a job, and the mask a note about a link out of the root
        assertThat(timerJobs(inv)).isEmpty();
        assertThat(inv.jobs()).isEmpty();
        assertThat(inv.notes()).extracting(ScanNote::path).doesNotContain("etc/systemd/system/etl.timer");
    }

    /** Debian's packages put units in /lib/systemd/system; a relative link to /dev/null masks too. */
    @Test
    void aRelativeLinkToDevNullMasksTheUnitOfLib() throws Exception {
        vendorEtl("lib/systemd/system");
        link("etc/systemd/system/etl.timer", "../../../dev/null");
        assertThat(timerJobs(scan())).isEmpty();
    }

    @Test
    void aTimerStartingAServiceLinkedToDevNullSaysSo() throws Exception {
        vendorEtl("usr/lib/systemd/system");
        link("etc/systemd/system/etl.service", "/dev/null");
        Inventory inv = scan();
        assertThat(timerJobs(inv)).singleElement().satisfies(j -> assertThat(j.command()).isNull());
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("SYD006")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo(
                        "timer etl.timer starts etl.service, which a link to /dev/null masks: systemd does not start it"));
    }

    /** A drop-in linked to /dev/null hides the package's drop-in of its name, as an empty one does. */
    @Test
    void aDropInLinkedToDevNullHidesThePackagesOfTheSameName() throws Exception {
        vendorEtl("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service.d/override.conf", "[Service]\nExecStart=\nExecStart=/opt/etl/run.sh --vendor\n");
        link("etc/systemd/system/etl.service.d/override.conf", "/dev/null");
        assertThat(timerJobs(scan())).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo("/opt/etl/run.sh"));
    }

    @Test
    void aServiceAliasInEtcIsTheUnitItNamesAndHidesThePackagesOfItsName() throws Exception {
        vendorEtl("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl-v2.service", "[Service]\nUser=etl\nExecStart=/opt/etl/run-v2.sh\n");
        link("etc/systemd/system/etl.service", "/usr/lib/systemd/system/etl-v2.service");
        Inventory inv = scan();
        assertThat(timerJobs(inv)).singleElement().satisfies(j -> {
            assertThat(j.command()).isEqualTo("/opt/etl/run-v2.sh");
            assertThat(j.user()).isEqualTo("etl");
            assertThat(j.attributes()).containsEntry("service", "usr/lib/systemd/system/etl-v2.service")
                    .containsEntry(SystemdDetector.ALIAS_OF, "etl-v2.service");
        });
        assertThat(inv.findings()).noneSatisfy(f -> assertThat(f.code()).isEqualTo("SYD006"));
        assertThat(inv.notes()).extracting(ScanNote::path).doesNotContain("etc/systemd/system/etl.service");
    }

    /** A relative alias in the same directory, the way `systemctl enable` writes Alias=; the alias timer is no second job. */
    @Test
    void aRelativeAliasOfATimerAndOfAServiceInOneDirectory() throws Exception {
        write("etc/systemd/system/report.timer", "[Timer]\nOnCalendar=*-*-* 06:00:00\nUnit=report-job.service\n");
        write("etc/systemd/system/report.service", "[Service]\nExecStart=/opt/report/build.sh\n");
        link("etc/systemd/system/report-job.service", "report.service");
        link("etc/systemd/system/nightly-report.timer", "report.timer");
        assertThat(timerJobs(scan())).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("report");
            assertThat(j.command()).isEqualTo("/opt/report/build.sh");
            assertThat(j.attributes()).containsEntry(SystemdDetector.ALIAS_OF, "report.service");
        });
    }

    /**
     * {@code systemctl enable} links timers.target.wants/etl.timer to the unit; relative links inside the dump were and
     * stay read: the timer is one job, a template's instance is enabled, and no note is made.
     */
    @Test
    void enabledLinksInsideTheDumpStayAsBefore() throws Exception {
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/backup@.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/backup@.service", "[Service]\nExecStart=/usr/local/bin/backup %i\n");
        link("etc/systemd/system/timers.target.wants/etl.timer", "../etl.timer");
        link("etc/systemd/system/timers.target.wants/backup@home.timer", "../backup@.timer");
        Inventory inv = scan();
        assertThat(timerJobs(inv)).extracting(Job::name, Job::command).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("etl", "/opt/etl/run.sh"),
                org.assertj.core.groups.Tuple.tuple("backup@home", "/usr/local/bin/backup home"));
        assertThat(inv.notes()).isEmpty();
    }

    /**
     * Must not change: links outside the load path are not read (a repository's deploy/etl.timer -> /dev/null), a link
     * to a unit file of its own name outside the dump (systemctl link) is noted as before, and nothing is followed.
     */
    @Test
    void linksOutsideTheLoadPathOrToAUnitOfTheirNameStayAsBefore() throws Exception {
        link("deploy/etl.timer", "/dev/null");
        write("deploy/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/sync.timer", "[Timer]\nOnCalendar=hourly\n");
        link("etc/systemd/system/sync.service", "/opt/sync/sync.service");
        Inventory inv = scan();
        assertThat(timerJobs(inv)).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("sync");
            assertThat(j.command()).isNull();
        });
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("SYD006")).singleElement()
                .satisfies(f -> assertThat(f.message()).endsWith("which is not among the scanned files"));
        assertThat(inv.notes()).extracting(n -> n.path() + " " + n.reason()).containsExactly(
                "deploy/etl.timer SYMLINK_OUTSIDE_ROOT", "etc/systemd/system/sync.service SYMLINK_OUTSIDE_ROOT");
    }

    @Test
    void linkTargetsAreReadOnTheDumpedHostsTerms() {
        assertThat(SystemdDetector.masksByLink("etc/systemd/system/etl.timer", "/dev/null")).isTrue();
        assertThat(SystemdDetector.masksByLink("web1/etc/systemd/system/etl.timer", "../../../dev/null")).isTrue();
        assertThat(SystemdDetector.masksByLink("home/jo/.config/systemd/user/etl.timer", "/dev/null")).isTrue();
        assertThat(SystemdDetector.masksByLink("etc/systemd/system/etl.service.d/x.conf", "../../../../dev/null")).isTrue();
        assertThat(SystemdDetector.masksByLink("etc/systemd/system/etl.timer", "../../dev/null")).isFalse();
        assertThat(SystemdDetector.masksByLink("deploy/etl.timer", "/dev/null")).isFalse();
        assertThat(SystemdDetector.aliasTarget("etc/systemd/system/a.service", "/usr/lib/systemd/system/b.service"))
                .isEqualTo("b.service");
        assertThat(SystemdDetector.aliasTarget("etc/systemd/system/a.service", "/opt/a/a.service")).isNull();
        assertThat(SystemdDetector.aliasTarget("etc/systemd/system/a.service", "b.timer")).isNull();
        assertThat(SystemdDetector.aliasTarget("etc/systemd/system/multi-user.target.wants/a.service", "../b.service")).isNull();
    }

    /** systemd-analyze --root=DUMP verify says a unit linked to /dev/null is masked, and runs the alias's target. */
    @Test
    void systemdAnalyzeAgreesOnMasksAndAliases() throws Exception {
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: masks and aliases not checked against systemd");
        write("usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=daily\n");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/vendor\n");
        write("usr/lib/systemd/system/etl-v2.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/v2\n");
        link("etc/systemd/system/etl.service", "etl-v2.service");
        write("usr/lib/systemd/system/old.timer", "[Timer]\nOnCalendar=daily\n");
        write("usr/lib/systemd/system/old.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/old\n");
        link("etc/systemd/system/old.timer", "/dev/null");
        String etl = verify(tool, "etl.service");
        String old = verify(tool, "old.timer");
        assumeTrue(etl.contains("nonexistent-migrate-oracle") && old.contains("masked"), "systemd-analyze said: " + etl + old);
        assertThat(etl).contains("/nonexistent-migrate-oracle/v2").doesNotContain("/nonexistent-migrate-oracle/vendor");
        assertThat(timerJobs(scan())).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("etl");
            assertThat(j.command()).isEqualTo("/nonexistent-migrate-oracle/v2");
        });
    }

    private String verify(Path tool, String unit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--root=" + root, "verify", "--man=no", unit)
                .redirectErrorStream(true);
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Path findSystemdAnalyze() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "systemd-analyze");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
