package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host dump of {@code systemctl enable backup@home.timer}: timers.target.wants holds a link to the template (dangling
 * in the dump: it points at /etc/...) or a copy of it. Each enabled instance is a job with its instance filled in.
 */
class TemplateInstancesScanTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private List<Job> timerJobs() throws Exception {
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        assertThat(inv.notes()).noneSatisfy(n -> assertThat(n.path()).contains(".wants/"));
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).toList();
    }

    private void template() throws Exception {
        // %p is the timer's prefix (backup): a public fleet unit names its service so
        write("etc/systemd/system/backup@.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=%p@%i.service\n");
        write("etc/systemd/system/backup@.service", "[Service]\nExecStart=/usr/local/bin/backup --name %i --path %I\n");
    }

    @Test
    void anInstanceEnabledByALinkIsAJobWithItsInstance() throws Exception {
        template();
        Files.createDirectories(root.resolve("etc/systemd/system/timers.target.wants"));
        Files.createSymbolicLink(root.resolve("etc/systemd/system/timers.target.wants/backup@home.timer"),
                Path.of("/etc/systemd/system/backup@.timer"));
        Files.createSymbolicLink(root.resolve("etc/systemd/system/timers.target.wants/backup@srv-data.timer"),
                Path.of("/etc/systemd/system/backup@.timer"));
        List<Job> jobs = timerJobs();
        assertThat(jobs).extracting(Job::name).containsExactly("backup@home", "backup@srv-data");
        assertThat(jobs).extracting(Job::command).containsExactly("/usr/local/bin/backup --name home --path home",
                "/usr/local/bin/backup --name srv-data --path srv/data");
        assertThat(jobs).allSatisfy(j -> {
            assertThat(j.schedules()).singleElement().satisfies(s -> assertThat(s.expression()).isEqualTo("*-*-* 02:00:00"));
            assertThat(j.source().path()).isEqualTo("etc/systemd/system/backup@.timer");
        });
        assertThat(jobs.get(0).attributes()).containsEntry("systemd.instance", "home")
                .containsEntry("systemd.enabledBy", "etc/systemd/system/timers.target.wants/backup@home.timer")
                .containsEntry("Unit", "backup@home.service");
        assertThat(jobs.get(0).id()).isNotEqualTo(jobs.get(1).id());
    }

    @Test
    void aCopyOfTheTemplateUnderTheInstancesNameEnablesItToo() throws Exception {
        template();
        write("etc/systemd/system/timers.target.wants/backup@home.timer",
                "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=backup@%i.service\n");
        assertThat(timerJobs()).extracting(Job::name, Job::command)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("backup@home", "/usr/local/bin/backup --name home --path home"));
    }

    @Test
    void aTemplateNoInstanceOfWhichIsEnabledStaysOneJobAsWritten() throws Exception {
        template();
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("backup@");
            assertThat(j.command()).isEqualTo("/usr/local/bin/backup --name %i --path %I");
            assertThat(j.attributes()).doesNotContainKey("systemd.instance");
        });
    }

    /** Before: the dump's copy in timers.target.wants was a second job of the same timer. */
    @Test
    void aCopyOfAnEnabledUnitIsNotASecondJobButStandsInWhenTheUnitIsMissing() throws Exception {
        write("etc/systemd/system/db.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/db.service", "[Service]\nExecStart=/usr/bin/vacuumdb --all\n");
        write("etc/systemd/system/timers.target.wants/db.timer", "[Timer]\nOnCalendar=daily\n");
        write("etc/systemd/system/timers.target.wants/only-here.timer", "[Timer]\nOnCalendar=weekly\n");
        write("etc/systemd/system/only-here.service", "[Service]\nExecStart=/usr/bin/true\n");
        assertThat(timerJobs()).extracting(Job::name, j -> j.source().path()).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("db", "etc/systemd/system/db.timer"),
                org.assertj.core.groups.Tuple.tuple("only-here", "etc/systemd/system/timers.target.wants/only-here.timer"));
    }

    @Test
    void theInstanceSpecifiersExpandInTheScheduleAndKeepOtherSpecifiersAndEscapedPercents() throws Exception {
        write("etc/systemd/system/report@.timer", "[Timer]\nOnCalendar=%i\n");
        write("etc/systemd/system/report@.service", "[Service]\nExecStart=/bin/sh -c 'report %I %%i %n'\n");
        write("etc/systemd/system/timers.target.wants/report@daily.timer", "");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            assertThat(j.schedules()).singleElement().satisfies(s -> assertThat(s.expression()).isEqualTo("daily"));
            assertThat(j.command()).isEqualTo("/bin/sh -c 'report daily %%i %n'");
        });
    }

    /**
     * Before: a timer of its own naming an instance of a template service (nightly.timer, Unit=sync@nightly.service)
     * found no service (SYD006, "not among the scanned files"): only the template sync@.service is a file. systemd
     * runs the template as that instance, with %i filled in and the drop-ins of both sync@.service.d and
     * sync@nightly.service.d.
     */
    @Test
    void aTimerNamingAnInstanceOfATemplateServiceRunsTheTemplateAsThatInstance() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=*-*-* 01:30:00\nUnit=sync@nightly.service\n");
        write("etc/systemd/system/sync@.service", "[Service]\nType=oneshot\nUser=sync\n"
                + "ExecStart=/opt/sync/run.sh %i --into /srv/%I\n");
        write("etc/systemd/system/sync@.service.d/50-env.conf", "[Service]\nEnvironment=SYNC_TARGET=%i\n");
        write("etc/systemd/system/sync@nightly.service.d/10-user.conf", "[Service]\nUser=nightly-sync\n");
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        assertThat(inv.jobs()).singleElement().satisfies(j -> {
            assertThat(j.kind()).isEqualTo(JobKind.SYSTEMD_TIMER);
            assertThat(j.name()).isEqualTo("nightly");
            assertThat(j.command()).isEqualTo("/opt/sync/run.sh nightly --into /srv/nightly");
            assertThat(j.user()).isEqualTo("nightly-sync");
            assertThat(j.env()).containsEntry("SYNC_TARGET", "nightly");
            assertThat(j.attributes()).containsEntry("service", "etc/systemd/system/sync@.service")
                    .containsEntry("systemd.serviceInstance", "nightly").containsEntry("Unit", "sync@nightly.service")
                    .containsEntry("service.dropIns", "etc/systemd/system/sync@nightly.service.d/10-user.conf "
                            + "etc/systemd/system/sync@.service.d/50-env.conf")
                    .doesNotContainKey("systemd.instance");
        });
        assertThat(inv.findings()).noneSatisfy(f -> assertThat(f.code()).isEqualTo("SYD006"));
    }

    /**
     * systemd applies the drop-ins of the template's and the instance's directories in one lexicographic order of file
     * name, whichever directory holds them, and a file of the instance's directory replaces the template's file of the
     * same name (systemd.unit(5); systemd-analyze security --offline agrees on a root holding both).
     */
    @Test
    void dropInsOfTemplateAndInstanceApplyInFileNameOrderAndTheInstancesReplaceTheTemplatesOfTheSameName() throws Exception {
        write("etc/systemd/system/nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=sync@nightly.service\n");
        write("etc/systemd/system/sync@.service", "[Service]\nExecStart=/opt/sync/run.sh %i\n");
        write("etc/systemd/system/sync@.service.d/50-full.conf", "[Service]\nExecStart=\nExecStart=/opt/sync/run.sh %i --full\n");
        write("etc/systemd/system/sync@.service.d/60-user.conf", "[Service]\nUser=template-user\n");
        write("etc/systemd/system/sync@nightly.service.d/10-quick.conf", "[Service]\nExecStart=\nExecStart=/opt/sync/quick.sh\n");
        write("etc/systemd/system/sync@nightly.service.d/60-user.conf", "[Service]\nUser=instance-user\n");
        assertThat(timerJobs()).singleElement().satisfies(j -> {
            // 10-quick.conf (instance) comes before 50-full.conf (template): the template's ExecStart= wins
            assertThat(j.command()).isEqualTo("/opt/sync/run.sh nightly --full");
            // the instance's 60-user.conf replaces the template's
            assertThat(j.user()).isEqualTo("instance-user");
            assertThat(j.attributes()).containsEntry("service.dropIns", "etc/systemd/system/sync@nightly.service.d/10-quick.conf "
                    + "etc/systemd/system/sync@.service.d/50-full.conf etc/systemd/system/sync@nightly.service.d/60-user.conf");
        });
    }

    /** An enabled instance of a template timer reads its service instance's own drop-ins too (backup@home.service.d). */
    @Test
    void anEnabledInstanceReadsItsServiceInstancesDropIns() throws Exception {
        template();
        write("etc/systemd/system/backup@home.service.d/override.conf", "[Service]\nExecStart=\n"
                + "ExecStart=/usr/local/bin/backup --name %i --exclude-caches\n");
        write("etc/systemd/system/timers.target.wants/backup@home.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=%p@%i.service\n");
        write("etc/systemd/system/timers.target.wants/backup@srv.timer", "[Timer]\nOnCalendar=*-*-* 02:00:00\nUnit=%p@%i.service\n");
        assertThat(timerJobs()).extracting(Job::name, Job::command).containsExactly(
                org.assertj.core.groups.Tuple.tuple("backup@home", "/usr/local/bin/backup --name home --exclude-caches"),
                org.assertj.core.groups.Tuple.tuple("backup@srv", "/usr/local/bin/backup --name srv --path srv"));
    }

    /** Must not change: a timer naming a plain service, and one naming an instance whose template the dump lacks. */
    @Test
    void aPlainServiceOrAMissingTemplateIsReadAsBefore() throws Exception {
        write("etc/systemd/system/db.timer", "[Timer]\nOnCalendar=daily\nUnit=db-vacuum.service\n");
        write("etc/systemd/system/db-vacuum.service", "[Service]\nExecStart=/usr/bin/vacuumdb --all\n");
        write("etc/systemd/system/mail.timer", "[Timer]\nOnCalendar=hourly\nUnit=fetch@mail.service\n");
        Inventory inv = Scanner.standard(ScanOptions.defaults()).scan(root, "root", ScanListener.NONE);
        assertThat(inv.jobs()).extracting(Job::name, Job::command).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("db", "/usr/bin/vacuumdb --all"),
                org.assertj.core.groups.Tuple.tuple("mail", null));
        assertThat(inv.jobs()).allSatisfy(j -> assertThat(j.attributes()).doesNotContainKey("systemd.serviceInstance"));
        assertThat(inv.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("timer mail.timer starts fetch@mail.service, which is not among the scanned files"));
    }
}
