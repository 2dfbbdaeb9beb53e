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
 * A user unit's {@code %u %U %h %s} are its owner's (systemd.unit(5)): the user whose home holds it, or whose uid names
 * the runtime directory. Before, the scan listed {@code %h/bin/sync.sh} as the command and {@code %h/sync} as the
 * directory even when the dump's etc/passwd said who that user is and where their home is; now it fills them in from
 * that entry, and leaves {@code %%} and the other specifiers as written.
 */
class UserUnitSpecifiersTest {
    @TempDir
    Path root;

    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\njo:x:1000:1000:Jo:/srv/jo:/bin/zsh\n";

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Job> jobs(JobKind kind) throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        return inv.jobs().stream().filter(j -> j.kind() == kind).toList();
    }

    private void sync(String dir) throws Exception {
        write(dir + "/sync.timer", "[Timer]\nOnCalendar=daily\n");
        write(dir + "/sync.service", """
                [Service]
                WorkingDirectory=%h/sync
                ExecStart=%h/bin/sync.sh --user %u --uid %U --shell %s --unit %n --label 100%%
                """);
    }

    @Test
    void aRuntimeUnitGetsTheEntryOfItsUid() throws Exception {
        write("etc/passwd", PASSWD);
        sync("run/user/1000/systemd/transient");
        assertThat(jobs(JobKind.SYSTEMD_TIMER)).singleElement().satisfies(j -> {
            assertThat(j.command()).isEqualTo("/srv/jo/bin/sync.sh --user jo --uid 1000 --shell /bin/zsh --unit %n --label 100%%");
            assertThat(j.workingDir()).isEqualTo("/srv/jo/sync");
        });
    }

    /** The home comes from passwd, not from the directory the unit sits in; a dump of several hosts reads each one's. */
    @Test
    void aHomeUnitGetsItsOwnersEntryOfItsOwnHost() throws Exception {
        write("web1/etc/passwd", PASSWD);
        sync("web1/home/jo/.config/systemd/user");
        sync("web2/home/jo/.config/systemd/user");
        assertThat(jobs(JobKind.SYSTEMD_TIMER)).extracting(Job::workingDir)
                .containsExactlyInAnyOrder("/srv/jo/sync", "%h/sync");
    }

    @Test
    void aLoopServiceOfARuntimeDirectoryGetsItToo() throws Exception {
        write("etc/passwd", PASSWD);
        write("run/user/1000/systemd/user/poller.service", """
                [Service]
                Restart=always
                ExecStart=/usr/bin/python3 %h/poller/poll_loop.py
                """);
        assertThat(jobs(JobKind.SYSTEMD_SCHEDULER_SERVICE)).singleElement()
                .satisfies(j -> assertThat(j.command()).isEqualTo("/usr/bin/python3 /srv/jo/poller/poll_loop.py"));
    }

    /** Must not change: a system unit's, a uid passwd does not know, and a dump without passwd stay as written. */
    @Test
    void withoutTheOwnersEntryTheSpecifiersStayAsWritten() throws Exception {
        write("etc/passwd", PASSWD);
        sync("etc/systemd/system");
        sync("run/user/1001/systemd/transient");
        sync("other/home/jo/.config/systemd/user");
        assertThat(jobs(JobKind.SYSTEMD_TIMER)).hasSize(3).allSatisfy(j -> {
            assertThat(j.command()).isEqualTo("%h/bin/sync.sh --user %u --uid %U --shell %s --unit %n --label 100%%");
            assertThat(j.workingDir()).isEqualTo("%h/sync");
        });
    }

    @Test
    void onlyTheOwnerSpecifiersAreFilledIn() {
        Passwd.Entry jo = Passwd.parse(PASSWD).get("jo");
        assertThat(UserUnitSpecifiers.expand("%%h %h %i %", jo)).isEqualTo("%%h /srv/jo %i %");
        assertThat(UserUnitSpecifiers.expand("%h", new Passwd.Entry("jo", "1000", "1000", "", "/bin/sh"))).isEqualTo("%h");
    }
}
