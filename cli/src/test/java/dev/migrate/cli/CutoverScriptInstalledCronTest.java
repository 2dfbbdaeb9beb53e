package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cron job that a script writes when it runs (an echo into crontab, python-crontab) is switched off by hand:
 * commenting out the script's line would leave the installed job running, and would break the Python calls after
 * a python-crontab new(). A here-document's line is still commented out in place, as before.
 */
class CutoverScriptInstalledCronTest {
    private static final String SETUP = "#!/bin/bash\n"
            + "(crontab -l 2>/dev/null; echo \"0 2 * * * /srv/etl/run_etl.sh\") | crontab -\n";
    private static final String INSTALL = """
            from crontab import CronTab

            tab = CronTab(user=True)
            job = tab.new(command="/opt/reports/build.sh", comment="weekly-report")
            job.setall("30 6 * * 1")
            tab.write()
            """;
    private static final String ENTRYPOINT = "#!/bin/sh\ncat > /etc/cron.d/ingest <<CRON\n*/20 * * * * root /app/ingest.sh\nCRON\n";

    @TempDir
    Path estate;
    @TempDir
    Path store;

    @BeforeEach
    void writeEstate() throws Exception {
        Files.writeString(estate.resolve("setup_cron.sh"), SETUP);
        Files.writeString(estate.resolve("install_schedule.py"), INSTALL);
        Files.writeString(estate.resolve("entrypoint.sh"), ENTRYPOINT);
    }

    private CliRun cutover(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--store", "jdbc:sqlite:" + store.resolve("e.db"), "--at", "2026-11-21T12:00:00Z"},
                0, all, args.length, 4);
        return CliRun.of(all);
    }

    @Test
    void disablingAScriptInstalledJobLeavesTheScriptAloneAndSaysWhatToDo() throws Exception {
        for (String job : new String[] {"run-etl", "weekly-report"}) {
            CliRun disable = cutover("cutover", "disable", estate.toString(), "--job", job, "--apply");
            assertThat(disable.exitCode()).as(disable.out() + disable.err()).isEqualTo(ExitCode.INVALID_INPUT.code());
            assertThat(disable.err()).contains("is a cron (installed by a script) job", "migrate cutover record " + job + " legacy-disabled");
        }
        assertThat(Files.readString(estate.resolve("setup_cron.sh"))).isEqualTo(SETUP);
        assertThat(Files.readString(estate.resolve("install_schedule.py"))).isEqualTo(INSTALL);

        CliRun plan = cutover("cutover", "plan", estate.toString(), "--job", "weekly-report");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Disable the legacy cron (installed by a script) schedule",
                "# install_schedule.py:4 installs the job each time it runs",
                "remove the job running `/opt/reports/build.sh` from the crontab it was written to");
    }

    @Test
    void aHereDocumentLineIsStillCommentedOutInPlace() throws Exception {
        CliRun disable = cutover("cutover", "disable", estate.toString(), "--job", "ingest", "--apply");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(Files.readString(estate.resolve("entrypoint.sh")))
                .contains("# migrate: disabled ingest 2026-11-21T12:00:00Z # */20 * * * * root /app/ingest.sh");
    }
}
