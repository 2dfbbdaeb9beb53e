package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd.unit(5): %u, %U, %g, %G and %h name the user running the service manager, "not influenced by the User=
 * setting": root, 0, root, 0 and /root for the system manager, the owner (and their home) for a user unit. Before, a
 * system unit's %u became its User= and its %h stayed unresolved unless User=root; WorkingDirectory=, Environment= and
 * EnvironmentFile= kept every specifier, which the flow then used as literal text.
 */
class ServiceUserSpecifiersTest {
    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A daily dump.timer starting dump.service with this [Service] body. */
    private void dumpTimer(String service) throws IOException {
        write("etc/systemd/system/dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("etc/systemd/system/dump.service", "[Service]\n" + service);
    }

    private String onlyFlow() throws IOException {
        return snapshot(dir).entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    @Test
    void aSystemUnitsUserSpecifiersAreRootsWhateverItsUserIs() throws Exception {
        dumpTimer("""
                User=etl
                WorkingDirectory=%h/work
                Environment=CACHE_DIR=%h/.cache RUN_BY=%u LABEL=100%%
                EnvironmentFile=-%h/etl.env
                ExecStart=/opt/etl/dump.sh --owner %u --uid %U --group %g --gid %G --home %h --unit %n
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        String flow = onlyFlow();
        // before: --owner etl, and %U %g %G %h kept and reported
        assertThat(flow).contains("COMMAND = '/opt/etl/dump.sh --owner root --uid 0 --group root --gid 0 --home /root "
                + "--unit dump.service'\n", "WORKING_DIR = '/root/work'\n", "ENV_FILES = ['-/root/etl.env']\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("CACHE_DIR: /root/.cache", "RUN_BY: root", "LABEL: 100%\n")
                // the command still runs as User=: the pool's worker is etl's
                .contains("name: legacy-host-etl").doesNotContain("%h").doesNotContain("%u");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    /** jo's manager expands %u and %h to jo's; jo's ids and group are not in the dump: kept, and reported per setting. */
    @Test
    void aUserUnitsSpecifiersAreItsOwnersAndItsIdsAreReported() throws Exception {
        write("home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=01:00:00 UTC\nUnit=stats.service\n");
        write("home/jo/.config/systemd/user/stats.service", """
                [Service]
                WorkingDirectory=%h/stats
                Environment=RUN_DIR=/run/user/%U OWNER=%u
                ExecStart=%h/bin/stats.sh --user %u --group %g
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/home/jo/bin/stats.sh --user jo --group %g'\n",
                "WORKING_DIR = '/home/jo/stats'\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("RUN_DIR: /run/user/%U", "OWNER: jo");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%g)"));
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("Environment= holds systemd specifiers the flow cannot know (%U)"));
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("WorkingDirectory= holds"));
    }

    /**
     * A unit of a user's runtime directory ({@code systemd-run --user --on-calendar} writes run/user/1000/systemd/transient)
     * is run by that user's manager. Before, it was read as a system unit's (a timer's %h and %u stayed unknown, and a
     * service's became root's); now the uid's etc/passwd entry gives the name, home and shell.
     */
    @Test
    void aRuntimeUnitsSpecifiersAreThoseOfTheUserItsUidNames() throws Exception {
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\njo:x:1000:1000:Jo:/srv/jo:/bin/zsh\n");
        write("run/user/1000/systemd/transient/run-u42.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n");
        write("run/user/1000/systemd/transient/run-u42.service", """
                [Service]
                WorkingDirectory=%h/sync
                ExecStart=%h/bin/sync.sh --user %u --uid %U --shell %s
                """);
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("COMMAND = '/srv/jo/bin/sync.sh --user jo --uid 1000 --shell /bin/zsh'\n",
                "WORKING_DIR = '/srv/jo/sync'\n");
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    /** Without the dump's etc/passwd only the uid is known: %U is filled in, %h and %u stay and are reported. */
    @Test
    void aRuntimeUnitWithoutPasswdKeepsItsHomeAndName() throws Exception {
        write("run/user/1000/systemd/transient/run-u42.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n");
        write("run/user/1000/systemd/transient/run-u42.service", "[Service]\nExecStart=%h/bin/sync.sh --user %u --uid %U\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '%h/bin/sync.sh --user %u --uid 1000'\n").doesNotContain("/root");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%h %u)"));
    }

    /** Must not change: settings without specifiers stay exactly as written. */
    @Test
    void settingsWithoutSpecifiersStayAsWritten() throws Exception {
        dumpTimer("""
                User=backup
                WorkingDirectory=/srv/backup
                Environment=TARGET=/backup/db LABEL=full
                EnvironmentFile=/etc/backup.env
                ExecStart=/usr/bin/pg_dump --file=/backup/db.sql db
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/usr/bin/pg_dump --file=/backup/db.sql db'\n",
                "WORKING_DIR = '/srv/backup'\n", "ENV_FILES = ['/etc/backup.env']\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("TARGET: /backup/db", "LABEL: full")
                .contains("name: legacy-host-backup");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
        assertThat(read(dir, "etc/systemd/system/dump.service")).contains("Environment=TARGET=/backup/db LABEL=full\n");
    }

    /**
     * systemd-analyze verify loads the unit as the system manager does and names the command it found missing, with
     * its specifiers expanded: the oracle for %u %U %g %G %h under a User= (as root, with no $HOME, which is how PID 1
     * runs: systemd-analyze run as another user takes %h from that user's home).
     */
    @Test
    void systemdAnalyzeExpandsTheUserSpecifiersOfASystemUnitAsTheFlowDoes() throws Exception {
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: user specifiers not checked against systemd");
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: systemd-analyze would expand %h to this user's home");
        dumpTimer("User=etl\nExecStart=/nonexistent-migrate-oracle/dump-%u-%U-%g-%G-%h-%n\n");
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "verify", "--man=no",
                dir.resolve("etc/systemd/system/dump.service").toString()).redirectErrorStream(true);
        pb.environment().remove("HOME");
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile("Command (/nonexistent-migrate-oracle/\\S+) is not executable").matcher(out);
        assumeTrue(m.find(), "systemd-analyze verify did not name the command: " + out);

        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(m.group(1)).isEqualTo("/nonexistent-migrate-oracle/dump-root-0-root-0-/root-dump.service");
        assertThat(onlyFlow()).contains("COMMAND = '" + m.group(1) + "'\n");
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
