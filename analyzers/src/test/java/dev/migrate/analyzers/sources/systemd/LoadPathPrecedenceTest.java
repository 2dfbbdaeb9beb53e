package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd reads one file of a name per manager: of {@code foo.service} or {@code foo.service.d/override.conf} in
 * several directories of its load path, the one of highest precedence (/etc over /run over /usr/local/lib over
 * /usr/lib). Before, a host dump's same-named drop-ins in /etc and /usr/lib were both applied, and a unit copied to
 * /etc to change it was a second job next to the package's. {@code systemd-analyze --root=DUMP verify} is the oracle
 * when it is installed: it names the command it finds missing, after every override.
 */
class LoadPathPrecedenceTest {
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

    private void etlTimer(String dir) throws Exception {
        write(dir + "/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
    }

    @Test
    void aDropInInEtcHidesTheOneOfTheSameNameInUsrLib() throws Exception {
        etlTimer("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nUser=etl\nExecStart=/opt/etl/run.sh\n");
        write("usr/lib/systemd/system/etl.service.d/override.conf", """
                [Service]
                ExecStart=
                ExecStart=/opt/etl/run.sh --vendor
                Environment=MODE=vendor
                """);
        write("etc/systemd/system/etl.service.d/override.conf", """
                [Service]
                ExecStart=
                ExecStart=/opt/etl/run.sh --site
                """);
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            // before: '/opt/etl/run.sh --site' with MODE=vendor, both override.conf applied
            assertThat(j.command()).isEqualTo("/opt/etl/run.sh --site");
            assertThat(j.env()).doesNotContainKey("MODE");
            assertThat(j.attributes()).containsEntry("service.dropIns", "etc/systemd/system/etl.service.d/override.conf");
        });
    }

    /** /run and /usr/local/lib sit between /etc and /usr/lib; /lib is the package's too. */
    @Test
    void runHidesUsrLocalLibWhichHidesLib() throws Exception {
        etlTimer("lib/systemd/system");
        write("lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("lib/systemd/system/etl.service.d/10-user.conf", "[Service]\nUser=lib\n");
        write("usr/local/lib/systemd/system/etl.service.d/10-user.conf", "[Service]\nUser=local\n");
        write("run/systemd/system/etl.service.d/10-user.conf", "[Service]\nUser=runtime\n");
        write("usr/local/lib/systemd/system/etl.service.d/20-nice.conf", "[Service]\nNice=5\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("runtime");
            assertThat(j.attributes()).containsEntry("service.dropIns", "run/systemd/system/etl.service.d/10-user.conf "
                    + "usr/local/lib/systemd/system/etl.service.d/20-nice.conf");
        });
    }

    @Test
    void aTimerDropInInEtcHidesThePackagesOfTheSameName() throws Exception {
        etlTimer("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("usr/lib/systemd/system/etl.timer.d/schedule.conf", "[Timer]\nOnCalendar=\nOnCalendar=hourly\n");
        write("etc/systemd/system/etl.timer.d/schedule.conf", "[Timer]\nOnCalendar=\nOnCalendar=*-*-* 04:30:00\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.schedules()).extracting(s -> s.expression()).containsExactly("*-*-* 04:30:00");
            assertThat(j.attributes()).containsEntry("timer.dropIns", "etc/systemd/system/etl.timer.d/schedule.conf");
        });
    }

    /** Of a template's and an instance's drop-ins of one name, the directory's precedence decides before the instance's. */
    @Test
    void aTemplatesDropInInEtcHidesTheInstancesOfTheSameNameInUsrLib() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=sync@nightly.service\n");
        write("usr/lib/systemd/system/sync@.service", "[Service]\nExecStart=/opt/sync/run.sh %i\n");
        write("usr/lib/systemd/system/sync@nightly.service.d/user.conf", "[Service]\nUser=vendor\n");
        write("etc/systemd/system/sync@.service.d/user.conf", "[Service]\nUser=site\n");
        write("etc/systemd/system/sync@nightly.service.d/env.conf", "[Service]\nEnvironment=WHERE=etc\n");
        write("usr/lib/systemd/system/sync@.service.d/env.conf", "[Service]\nEnvironment=WHERE=usr\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("site");
            assertThat(j.env()).containsEntry("WHERE", "etc");
            assertThat(j.attributes()).containsEntry("service.dropIns", "etc/systemd/system/sync@nightly.service.d/env.conf "
                    + "etc/systemd/system/sync@.service.d/user.conf");
        });
    }

    @Test
    void aUnitInEtcHidesTheSameNamedUnitInUsrLib() throws Exception {
        etlTimer("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 03:15:00\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh --site\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            // before: two jobs, the package's timer one of them
            assertThat(j.source().path()).isEqualTo("etc/systemd/system/etl.timer");
            assertThat(j.schedules()).extracting(s -> s.expression()).containsExactly("*-*-* 03:15:00");
            assertThat(j.command()).isEqualTo("/opt/etl/run.sh --site");
            assertThat(j.attributes()).containsEntry("service", "etc/systemd/system/etl.service");
        });
    }

    /** systemd.unit(5): an empty unit file masks the unit; nothing runs it. */
    @Test
    void anEmptyUnitFileInEtcMasksTheTimer() throws Exception {
        etlTimer("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/etl.timer", "");
        write("etc/systemd/system/timers.target.wants/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        assertThat(timerJobs()).isEmpty();
    }

    /** A timer whose service is masked starts nothing: said so, not that the service is missing from the scan. */
    @Test
    void aTimerStartingAMaskedServiceSaysSo() throws Exception {
        etlTimer("etc/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh\n");
        write("etc/systemd/system/etl.service", "");
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        assertThat(inv.jobs()).singleElement().satisfies(j -> assertThat(j.command()).isNull());
        assertThat(inv.findings()).filteredOn(f -> f.code().equals("SYD006")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo(
                        "timer etl.timer starts etl.service, which an empty unit file masks: systemd does not start it"));
    }

    /** Must not change: files outside systemd's directories (a repository's), and two hosts' dumps in one tree. */
    @Test
    void unitsOutsideTheLoadPathAndOfOtherHostsStayAsBefore() throws Exception {
        write("web1/etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("web1/etc/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh web1\n");
        write("web2/usr/lib/systemd/system/etl.timer", "[Timer]\nOnCalendar=*-*-* 05:00:00\n");
        write("web2/usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/opt/etl/run.sh web2\n");
        write("deploy/report.timer", "[Timer]\nOnCalendar=daily\n");
        write("deploy/report.service", "[Service]\nExecStart=/opt/report\n");
        write("deploy/report.service.d/override.conf", "[Service]\nEnvironment=A=1\n");
        write("roles/report/files/report.service.d/override.conf", "[Service]\nEnvironment=B=2\n");
        write("deploy/empty.timer", "");
        List<Job> jobs = timerJobs();
        assertThat(jobs).extracting(Job::command).containsExactlyInAnyOrder("/opt/etl/run.sh web1", "/opt/etl/run.sh web2",
                "/opt/report");
        assertThat(jobs).filteredOn(j -> j.name().equals("report")).singleElement()
                .satisfies(j -> assertThat(j.env()).containsEntry("A", "1").containsEntry("B", "2"));
    }

    @Test
    void loadPathPlacesOfAHostDump() {
        assertThat(LoadPath.hostPath("dump/usr/lib/systemd/system/etl.service.d/override.conf"))
                .isEqualTo("/usr/lib/systemd/system/etl.service.d/override.conf");
        assertThat(LoadPath.hostPath("etc/systemd/system/etl.timer")).isEqualTo("/etc/systemd/system/etl.timer");
        assertThat(LoadPath.hostPath("home/jo/.config/systemd/user/x.timer")).isEqualTo("/home/jo/.config/systemd/user/x.timer");
        assertThat(LoadPath.hostPath("deploy/etl.timer")).isNull();
        assertThat(LoadPath.ofUnit("usr/lib/systemd/system/a.timer").rank())
                .isGreaterThan(LoadPath.ofUnit("usr/local/lib/systemd/system/a.timer").rank());
        assertThat(LoadPath.ofUnit("h/usr/lib/systemd/system/a.timer").host()).isEqualTo("h/");
        assertThat(LoadPath.ofUnit("home/jo/.config/systemd/user/a.timer").manager()).isEqualTo("home:jo");
    }

    /**
     * systemd-analyze --root=DUMP verify reads the dump as the system manager would, every drop-in applied, and names
     * the command it cannot find: the scan must find the same command.
     */
    @Test
    void systemdAnalyzeAgreesOnWhichFilesApply() throws Exception {
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: load-path precedence not checked against systemd");
        etlTimer("usr/lib/systemd/system");
        write("usr/lib/systemd/system/etl.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/vendor-unit\n");
        write("etc/systemd/system/etl.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/site-unit\n");
        write("usr/lib/systemd/system/etl.service.d/override.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/vendor-dropin\n");
        write("run/systemd/system/etl.service.d/override.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/runtime-dropin\n");
        String missing = missingCommand(tool, "etl.service");
        assumeTrue(missing != null, "systemd-analyze verify did not name the command");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo(missing));
        assertThat(missing).isEqualTo("/nonexistent-migrate-oracle/runtime-dropin");
    }

    /** The same for an instance's drop-in in /usr/lib and its template's of the same name in /etc: the template's wins. */
    @Test
    void systemdAnalyzeAgreesThatPrecedenceComesBeforeTheInstance() throws Exception {
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: load-path precedence not checked against systemd");
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=sync@nightly.service\n");
        write("usr/lib/systemd/system/sync@.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/unit-%i\n");
        write("usr/lib/systemd/system/sync@nightly.service.d/x.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/instance-usr\n");
        write("etc/systemd/system/sync@.service.d/x.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/template-etc\n");
        String missing = missingCommand(tool, "sync@nightly.service");
        assumeTrue(missing != null, "systemd-analyze verify did not name the command");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo(missing));
        assertThat(missing).isEqualTo("/nonexistent-migrate-oracle/template-etc");
    }

    private String missingCommand(Path tool, String unit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--root=" + root, "verify", "--man=no", unit)
                .redirectErrorStream(true);
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile("Command (/nonexistent-migrate-oracle/\\S+) is not executable").matcher(out);
        return m.find() ? m.group(1) : null;
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
