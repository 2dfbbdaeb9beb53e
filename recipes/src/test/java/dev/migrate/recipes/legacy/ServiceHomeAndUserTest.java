package dev.migrate.recipes.legacy;

import static dev.migrate.recipes.legacy.LegacyTestSupport.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd.exec(5): WorkingDirectory=~ is the home of the User= user, and a leading - only says a missing directory is
 * no error; User= has its specifiers expanded before systemd looks the user up; systemd.unit(5): %s is the shell of the
 * user running the manager. Before, the flow was given WORKING_DIR = '~' (no such directory for a process start) or
 * '-/srv/data', and the pool of User=%i was legacy-host-%i.
 */
class ServiceHomeAndUserTest {
    @TempDir
    Path dir;

    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            etl:x:998:998:ETL jobs:/srv/etl:/usr/sbin/nologin
            jo:x:1000:1000:Jo:/home/jo:/bin/zsh
            """;

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void dumpTimer(String service) throws Exception {
        write("etc/systemd/system/dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("etc/systemd/system/dump.service", "[Service]\n" + service);
    }

    private String onlyFlow() throws Exception {
        return snapshot(dir).entrySet().stream().filter(e -> e.getKey().startsWith("prefect/flows/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
    }

    @Test
    void aHomeWorkingDirectoryWithoutUserIsRootsHome() throws Exception {
        dumpTimer("WorkingDirectory=~\nExecStart=/opt/dump.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("WORKING_DIR = '/root'\n");
    }

    /** Another user's home is not in the units: the flow starts in the home of the user the worker runs as, User='s. */
    @Test
    void aHomeNotInTheDumpIsTheWorkersHome() throws Exception {
        dumpTimer("User=etl\nWorkingDirectory=-~\nExecStart=/opt/dump.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("WORKING_DIR = os.path.expanduser(\"~\")  # WorkingDirectory=~: the home of User=");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-etl");
        assertCompiles(dir);
    }

    @Test
    void aMissingDirectoryPrefixIsNoPartOfThePath() throws Exception {
        dumpTimer("WorkingDirectory=-/srv/data\nExecStart=/opt/dump.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("WORKING_DIR = '/srv/data'\n");
    }

    /** The instance a timer starts names the user: sync@alice.service's User=%i runs as alice. */
    @Test
    void theSpecifiersOfUserAreExpandedBeforeThePoolIsChosen() throws Exception {
        write("etc/systemd/system/alice-sync.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\nUnit=sync@alice.service\n");
        write("etc/systemd/system/sync@.service", "[Service]\nUser=%i\nExecStart=/usr/local/bin/sync --user %i\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-alice").doesNotContain("%i");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("User= holds"));
    }

    @Test
    void aUserSpecifierNotKnownHereIsReported() throws Exception {
        dumpTimer("User=%m\nExecStart=/opt/dump.sh\n");
        RewriteResult dual = run(dir, "dual-run");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("User= holds systemd specifiers the flow cannot know (%m)"));
    }

    /**
     * %s is the shell of the user running the manager, which is in no unit: for root the one systemd was built with
     * (not root's passwd entry), for a user unit its owner's. It stays and is reported; systemd-analyze, when installed,
     * shows that systemd's value for root is not written anywhere in the dump.
     */
    @Test
    void theShellSpecifierIsKeptAndReported() throws Exception {
        write("etc/passwd", PASSWD.replace("root:/bin/bash", "root:/bin/dump-shell"));
        dumpTimer("ExecStart=/nonexistent-migrate-oracle/dump%s\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/nonexistent-migrate-oracle/dump%s'\n");
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%s)"));
        Path tool = findSystemdAnalyze();
        assumeTrue(tool != null, "systemd-analyze is not on PATH: %s not checked against systemd");
        assumeTrue("root".equals(System.getProperty("user.name")), "not root: systemd-analyze would expand %s for this user");
        ProcessBuilder pb = new ProcessBuilder(tool.toString(), "--root=" + dir, "verify", "--man=no", "dump.service")
                .redirectErrorStream(true);
        pb.environment().put("SYSTEMD_COLORS", "0");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile("Command /nonexistent-migrate-oracle/dump(\\S*) is not executable").matcher(out);
        assumeTrue(m.find(), "systemd-analyze verify did not name the command: " + out);
        // systemd's root shell is its build's: neither the dump's passwd entry nor anything else the units say
        assertThat(m.group(1)).startsWith("/").isNotEqualTo("/bin/dump-shell");
    }

    /** Must not change: an absolute WorkingDirectory= and a plain User= stay as written. */
    @Test
    void anAbsoluteDirectoryAndAPlainUserStay() throws Exception {
        dumpTimer("User=etl\nWorkingDirectory=/srv/etl/work\nExecStart=/opt/dump.sh\n");
        RewriteEngine.apply(dir, run(dir, "dual-run"));
        assertThat(onlyFlow()).contains("WORKING_DIR = '/srv/etl/work'\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("name: legacy-host-etl");
        assertThat(read(dir, "etc/systemd/system/dump.service")).isEqualTo(
                "[Service]\nUser=etl\nWorkingDirectory=/srv/etl/work\nExecStart=/opt/dump.sh\n");
    }

    /**
     * With the dump's etc/passwd, User='s home is known: the flow starts there, not in whatever home the worker's user
     * has. Before, WORKING_DIR was os.path.expanduser("~") whatever passwd said. User= may name the uid too.
     */
    @Test
    void aHomeInTheDumpsPasswdIsUsersHome() throws Exception {
        write("etc/passwd", PASSWD);
        dumpTimer("User=etl\nWorkingDirectory=-~\nExecStart=/opt/dump.sh\n");
        write("etc/systemd/system/uid.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("etc/systemd/system/uid.service", "[Service]\nUser=998\nWorkingDirectory=~\nExecStart=/opt/uid.sh\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(snapshot(dir).entrySet()).filteredOn(e -> e.getKey().startsWith("prefect/flows/")).hasSize(2)
                .allSatisfy(e -> assertThat(e.getValue()).contains("WORKING_DIR = '/srv/etl'\n").doesNotContain("expanduser"));
        assertThat(read(dir, "etc/passwd")).isEqualTo(PASSWD);
        assertCompiles(dir);
        assertThat(run(dir, "dual-run").changes()).isEmpty();
    }

    /**
     * A user unit's manager runs as its owner: systemd.unit(5)'s %U %G %g %s %h are the owner's uid, primary gid, its
     * group's name, shell and home, which the dump's etc/passwd and etc/group give. Before, they were kept and reported,
     * and %h was /home/OWNER whatever passwd said.
     */
    @Test
    void aUserUnitsIdsGroupShellAndHomeComeFromTheDumpsPasswd() throws Exception {
        write("etc/passwd", PASSWD.replace(":/home/jo:", ":/srv/home/jo:"));
        write("etc/group", "root:x:0:\nstaff:x:50:jo\njo:x:1000:\n");
        write("home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("home/jo/.config/systemd/user/stats.service", """
                [Service]
                WorkingDirectory=~
                Environment=RUN_DIR=/run/user/%U
                ExecStart=%h/bin/stats.sh --user %u --uid %U --gid %G --group %g --shell %s
                """);
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(onlyFlow()).contains("COMMAND = '/srv/home/jo/bin/stats.sh --user jo --uid 1000 --gid 1000 --group jo "
                + "--shell /bin/zsh'\n", "WORKING_DIR = '/srv/home/jo'\n");
        assertThat(read(dir, "prefect/prefect.yaml")).contains("RUN_DIR: /run/user/1000");
        assertThat(dual.notes()).noneSatisfy(n -> assertThat(n.message()).contains("specifiers the flow cannot know"));
    }

    /**
     * Must not change: another host's passwd (web1's, for web2's unit), or passwd without the user, or without a group
     * file, says nothing: the home stays the worker's, and %g is kept and reported.
     */
    @Test
    void passwdOfAnotherHostOrWithoutTheUserSaysNothing() throws Exception {
        write("web1/etc/passwd", PASSWD);
        write("web2/etc/systemd/system/dump.timer", "[Timer]\nOnCalendar=*-*-* 01:00:00\n");
        write("web2/etc/systemd/system/dump.service", "[Service]\nUser=etl\nWorkingDirectory=~\nExecStart=/opt/dump.sh\n");
        write("web1/etc/systemd/system/ghost.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\n");
        write("web1/etc/systemd/system/ghost.service", "[Service]\nUser=ghost\nWorkingDirectory=~\nExecStart=/opt/ghost.sh\n");
        write("web1/home/jo/.config/systemd/user/stats.timer", "[Timer]\nOnCalendar=*-*-* 03:00:00\n");
        write("web1/home/jo/.config/systemd/user/stats.service", "[Service]\nExecStart=/opt/stats.sh %U %g\n");
        RewriteResult dual = run(dir, "dual-run");
        RewriteEngine.apply(dir, dual);
        assertThat(snapshot(dir).entrySet()).filteredOn(e -> e.getKey().startsWith("prefect/flows/")).hasSize(3)
                .filteredOn(e -> !e.getValue().contains("stats.sh"))
                .allSatisfy(e -> assertThat(e.getValue()).contains("WORKING_DIR = os.path.expanduser(\"~\")"))
                .hasSize(2);
        assertThat(snapshot(dir).values()).anySatisfy(f -> assertThat(f).contains("COMMAND = '/opt/stats.sh 1000 %g'\n"));
        assertThat(dual.notes()).anySatisfy(n -> assertThat(n.message())
                .contains("ExecStart= holds systemd specifiers the flow cannot know (%g)"));
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
