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
 * Drop-ins several units share (systemd.unit(5)): a type-wide {@code service.d/*.conf} configures every service, and a
 * dash prefix's {@code etl-.service.d/*.conf} every service whose name starts with {@code etl-} (each prefix level:
 * {@code etl-load-.service.d} too for {@code etl-load-big.service}). Before, neither was read: a host's
 * {@code service.d/10-user.conf} setting {@code User=} was missing from every job. All drop-ins apply in the order of
 * their file names; of one name, the load path's precedence decides first, then the more specific name, and a type's
 * file loses to any unit's or prefix's. {@code systemd-analyze --root=DUMP verify} is the oracle when installed.
 */
class SharedDropInsTest {
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

    private void etlLoad(String dir) throws Exception {
        write(dir + "/etl-load.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write(dir + "/etl-load.service", "[Service]\nExecStart=/opt/etl/load.sh\n");
    }

    @Test
    void typeWideAndPrefixDropInsApplyInFileNameOrder() throws Exception {
        etlLoad("etc/systemd/system");
        write("etc/systemd/system/service.d/10-user.conf", "[Service]\nUser=etl\nEnvironment=LEVEL=type\n");
        write("etc/systemd/system/etl-.service.d/20-env.conf", "[Service]\nEnvironment=LEVEL=prefix\n");
        write("etc/systemd/system/etl-load.service.d/05-dir.conf", "[Service]\nWorkingDirectory=/srv/etl\n");
        write("etc/systemd/system/timer.d/50-accuracy.conf", "[Timer]\nAccuracySec=1s\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("etl");
            assertThat(j.workingDir()).isEqualTo("/srv/etl");
            assertThat(j.env()).containsEntry("LEVEL", "prefix"); // 20-env.conf comes after 10-user.conf
            assertThat(j.attributes()).containsEntry("service.dropIns", "etc/systemd/system/etl-load.service.d/05-dir.conf "
                    + "etc/systemd/system/service.d/10-user.conf etc/systemd/system/etl-.service.d/20-env.conf");
            assertThat(j.attributes()).containsEntry("AccuracySec", "1s")
                    .containsEntry("timer.dropIns", "etc/systemd/system/timer.d/50-accuracy.conf");
        });
    }

    /** Of one file name: the unit's own beats the type's whatever the directories, and /etc's prefix beats /usr/lib's own. */
    @Test
    void ofOneFileNameTheLoadPathThenTheMoreSpecificNameDecides() throws Exception {
        etlLoad("usr/lib/systemd/system");
        write("etc/systemd/system/service.d/10-user.conf", "[Service]\nUser=type\n");
        write("usr/lib/systemd/system/etl-load.service.d/10-user.conf", "[Service]\nUser=own\n");
        write("usr/lib/systemd/system/etl-load.service.d/20-nice.conf", "[Service]\nEnvironment=FROM=own\n");
        write("etc/systemd/system/etl-.service.d/20-nice.conf", "[Service]\nEnvironment=FROM=prefix-etc\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("own");
            assertThat(j.env()).containsEntry("FROM", "prefix-etc");
            assertThat(j.attributes()).containsEntry("service.dropIns",
                    "usr/lib/systemd/system/etl-load.service.d/10-user.conf etc/systemd/system/etl-.service.d/20-nice.conf");
        });
    }

    /** Every dash prefix is searched; in one directory the longer (more specific) prefix wins a shared file name. */
    @Test
    void everyPrefixLevelAppliesTheLongestWinningASharedName() throws Exception {
        write("etc/systemd/system/etl-load-big.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/etl-load-big.service", "[Service]\nExecStart=/opt/etl/big.sh\n");
        write("etc/systemd/system/etl-.service.d/30-user.conf", "[Service]\nUser=short\n");
        write("etc/systemd/system/etl-load-.service.d/30-user.conf", "[Service]\nUser=long\n");
        write("etc/systemd/system/etl-.service.d/40-env.conf", "[Service]\nEnvironment=A=1\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.user()).isEqualTo("long");
            assertThat(j.env()).containsEntry("A", "1");
        });
        assertThat(DropInScopes.of("etl-load-big.service")).containsExactly("etl-load-big.service", "etl-load-.service",
                "etl-.service", "service");
        assertThat(DropInScopes.of("sync-db@nightly.service")).containsExactly("sync-db@nightly.service", "sync-db@.service",
                "sync-.service", "service");
        assertThat(DropInScopes.of("etl.timer")).containsExactly("etl.timer", "timer");
    }

    /** A template's instance reads the prefix and type drop-ins too, with %i filled in. */
    @Test
    void anInstanceReadsItsTemplatesPrefixAndTypeDropIns() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=sync-db@nightly.service\n");
        write("etc/systemd/system/sync-db@.service", "[Service]\nExecStart=/opt/sync/run.sh %i\n");
        write("etc/systemd/system/sync-.service.d/env.conf", "[Service]\nEnvironment=TARGET=%i\n");
        write("etc/systemd/system/service.d/user.conf", "[Service]\nUser=sync\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.command()).isEqualTo("/opt/sync/run.sh nightly");
            assertThat(j.env()).containsEntry("TARGET", "nightly");
            assertThat(j.user()).isEqualTo("sync");
        });
    }

    /**
     * Must not change: a {@code service.d} outside the load path is no drop-in directory, another host's type and prefix
     * drop-ins configure none of this host's units, and a unit without a dash reads no prefix.
     */
    @Test
    void sharedDropInsOfOtherHostsOrOutsideTheLoadPathStayUnread() throws Exception {
        etlLoad("web1/etc/systemd/system");
        write("web2/etc/systemd/system/service.d/10-user.conf", "[Service]\nUser=web2\n");
        write("web2/etc/systemd/system/etl-.service.d/10-env.conf", "[Service]\nEnvironment=HOST=web2\n");
        write("deploy/service.d/10-user.conf", "[Service]\nUser=deploy\n");
        write("web1/etc/systemd/system/report.timer", "[Timer]\nOnCalendar=daily\n");
        write("web1/etc/systemd/system/report.service", "[Service]\nExecStart=/opt/report\n");
        write("web1/etc/systemd/system/rep-.service.d/10-user.conf", "[Service]\nUser=prefix\n");
        assertThat(timerJobs()).hasSize(2).allSatisfy(j -> {
            assertThat(j.user()).isNull();
            assertThat(j.env()).isEmpty();
            assertThat(j.attributes()).doesNotContainKey("service.dropIns");
        });
    }

    /** Must not change: a repository's prefix drop-in beside its units applies to them, as systemd would once installed. */
    @Test
    void aRepositorysPrefixDropInBesideItsUnitsApplies() throws Exception {
        etlLoad("deploy");
        write("deploy/etl-.service.d/10-user.conf", "[Service]\nUser=etl\n");
        write("other/etl-.service.d/10-user.conf", "[Service]\nUser=other\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.user()).isEqualTo("etl"));
    }

    /** systemd-analyze agrees: /etc's prefix beats /usr/lib's own of one name, the own beats /etc's type, order is by name. */
    @Test
    void systemdAnalyzeAgreesOnSharedDropIns() throws Exception {
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: shared drop-ins not checked against systemd");
        write("usr/lib/systemd/system/etl-load-big.timer", "[Timer]\nOnCalendar=daily\n");
        write("usr/lib/systemd/system/etl-load-big.service", "[Service]\nExecStart=/nonexistent-migrate-oracle/unit\n");
        write("etc/systemd/system/service.d/10-a.conf", "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/type\n");
        write("usr/lib/systemd/system/etl-load-big.service.d/10-a.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/own\n");
        String first = missingCommand(tool, "etl-load-big.service");
        assumeTrue(first != null, "systemd-analyze verify did not name the command");
        assertThat(first).isEqualTo("/nonexistent-migrate-oracle/own");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo(first));
        write("etc/systemd/system/etl-load-.service.d/10-a.conf",
                "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/prefix-etc\n");
        write("etc/systemd/system/etl-.service.d/30-z.conf", "[Service]\nEnvironment=Z=1\n");
        String second = missingCommand(tool, "etl-load-big.service");
        assertThat(second).isEqualTo("/nonexistent-migrate-oracle/prefix-etc");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo(second));
        write("etc/systemd/system/service.d/90-late.conf", "[Service]\nExecStart=\nExecStart=/nonexistent-migrate-oracle/late-type\n");
        String third = missingCommand(tool, "etl-load-big.service");
        assertThat(third).isEqualTo("/nonexistent-migrate-oracle/late-type");
        assertThat(timerJobs()).singleElement().satisfies(j -> assertThat(j.command()).isEqualTo(third));
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
