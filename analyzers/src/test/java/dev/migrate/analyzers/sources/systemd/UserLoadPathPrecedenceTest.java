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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's manager reads the user's own unit directories and the shared user directories as one load path
 * (systemd.unit(5), "User Unit Search Path"): of drop-ins of one name, it applies the one of the directory listed first.
 * Before, jo's {@code ~/.config/systemd/user/report.service.d/10-prio.conf} and the shared
 * {@code /etc/systemd/user/report.service.d/10-prio.conf} were both applied, and {@code /etc/xdg/systemd/user}
 * (XDG_CONFIG_DIRS) and {@code ~/.local/share/systemd/user} were not where systemd puts them in that order.
 */
class UserLoadPathPrecedenceTest {
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

    private void report(String dir) throws Exception {
        write(dir + "/report.timer", """
                [Timer]
                OnCalendar=Mon *-*-* 07:00:00

                [Install]
                WantedBy=timers.target
                """);
        write(dir + "/report.service", """
                [Service]
                Type=oneshot
                ExecStart=/opt/report/build.sh --week
                """);
    }

    @Test
    void aUsersOwnDropInHidesTheSharedDirectoriesOfTheSameName() throws Exception {
        report("home/jo/.config/systemd/user");
        write("home/jo/.config/systemd/user/report.service.d/10-prio.conf", """
                [Service]
                Environment=PRIO=home
                """);
        write("etc/systemd/user/report.service.d/10-prio.conf", """
                [Service]
                Environment=PRIO=etc
                Environment=ETC_ONLY=1
                """);
        write("usr/lib/systemd/user/report.service.d/10-prio.conf", """
                [Service]
                Environment=PRIO=package
                Environment=PACKAGE_ONLY=1
                """);
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            // before: all of ETC_ONLY, and the home file and the /etc file both in service.dropIns
            assertThat(j.env()).containsEntry("PRIO", "home").doesNotContainKeys("ETC_ONLY", "PACKAGE_ONLY");
            assertThat(j.attributes()).containsEntry("service.dropIns",
                    "home/jo/.config/systemd/user/report.service.d/10-prio.conf");
        });
    }

    /** XDG_CONFIG_DIRS (/etc/xdg) comes before /etc/systemd/user, which with /run comes before ~/.local/share. */
    @Test
    void xdgConfigAndEtcComeBeforeTheUsersDataDirectory() throws Exception {
        report("home/jo/.local/share/systemd/user");
        write("home/jo/.local/share/systemd/user/report.service.d/10-env.conf", """
                [Service]
                Environment=FROM=data-home
                """);
        write("etc/systemd/user/report.service.d/10-env.conf", """
                [Service]
                Environment=FROM=etc
                """);
        write("etc/xdg/systemd/user/report.service.d/20-fmt.conf", """
                [Service]
                Environment=FMT=xdg
                """);
        write("etc/systemd/user/report.service.d/20-fmt.conf", """
                [Service]
                Environment=FMT=etc
                """);
        write("run/systemd/user/report.timer.d/30-when.conf", """
                [Timer]
                OnCalendar=
                OnCalendar=Tue *-*-* 08:00:00
                """);
        write("home/jo/.local/share/systemd/user/report.timer.d/30-when.conf", """
                [Timer]
                OnCalendar=
                OnCalendar=Wed *-*-* 09:00:00
                """);
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.env()).containsEntry("FROM", "etc").containsEntry("FMT", "xdg");
            assertThat(j.schedules()).extracting(s -> s.expression()).containsExactly("Tue *-*-* 08:00:00");
            assertThat(j.attributes()).containsEntry("service.dropIns", "etc/systemd/user/report.service.d/10-env.conf "
                    + "etc/xdg/systemd/user/report.service.d/20-fmt.conf");
        });
    }

    /** Must not change: drop-ins of other names all apply, another user's hide nothing, a shared unit reads no home's. */
    @Test
    void otherNamesOtherUsersAndSharedUnitsStayAsBefore() throws Exception {
        report("home/jo/.config/systemd/user");
        report("usr/lib/systemd/user");
        write("home/jo/.config/systemd/user/report.service.d/10-a.conf", "[Service]\nEnvironment=A=jo\n");
        write("home/bo/.config/systemd/user/report.service.d/20-b.conf", "[Service]\nEnvironment=B=bo\n");
        write("home/bo/.config/systemd/user/report.service.d/30-c.conf", "[Service]\nEnvironment=C=bo\n");
        write("etc/systemd/user/report.service.d/30-c.conf", "[Service]\nEnvironment=C=etc\n");
        assertThat(timerJobs()).hasSize(2).anySatisfy(j -> {
            assertThat(j.source().path()).isEqualTo("home/jo/.config/systemd/user/report.timer");
            assertThat(j.env()).containsEntry("A", "jo").containsEntry("C", "etc").doesNotContainKey("B");
        }).anySatisfy(j -> {
            assertThat(j.source().path()).isEqualTo("usr/lib/systemd/user/report.timer");
            assertThat(j.env()).containsEntry("C", "etc").doesNotContainKeys("A", "B");
        });
    }

    /** The user directories rank in the order systemd itself prints for a user's manager. */
    @Test
    void ranksFollowSystemdAnalyzeUserUnitPaths() throws Exception {
        Path tool = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(tool), "systemd-analyze is not installed: the user load path is not checked against it");
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--user", "unit-paths").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_"));
        pb.environment().put("HOME", "/home/jo");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> dirs = out.lines().filter(l -> l.startsWith("/")).toList();
        assumeTrue(dirs.contains("/home/jo/.config/systemd/user"), "systemd-analyze printed no user load path: " + out);
        List<Integer> ranks = dirs.stream().map(d -> LoadPath.of(d.substring(1))).filter(pl -> pl != null)
                .map(LoadPath.Place::rank).toList();
        assertThat(ranks).hasSizeGreaterThanOrEqualTo(10).isSorted();
        assertThat(LoadPath.of("etc/xdg/systemd/user").manager()).isEqualTo("user");
    }
}
