package dev.migrate.analyzers.sources.cron;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crontab line or a timer that runs a script whose lines start a Prefect deployment is that deployment's schedule,
 * as a line running the call itself is. Before, CRN011 and SYD012 read the line alone, and the usual shape, a
 * wrapper script ({@code /opt/etl/bin/trigger-marts.sh} setting PREFECT_API_URL and running the call), said nothing.
 */
class ScriptDeploymentRunsTest {
    private static final HostZoneUsed BERLIN = new HostZoneUsed("Europe/Berlin", HostZoneUsed.From.OPTION, "--host-zone");
    private static final String TRIGGER = """
            #!/bin/bash
            set -euo pipefail
            export PREFECT_API_URL=http://prefect.corp.example:4200/api
            echo "prefect deployment run partner-marts/rebuild starts now" | logger
            /opt/venv/bin/prefect deployment run 'partner-marts/rebuild' \\
                --param day="$(date -d yesterday +%F)"
            """;

    @TempDir
    Path root;

    private Inventory scan(String... pathsAndTexts) throws IOException {
        TreeFiles.write(root, pathsAndTexts);
        return Scanner.standard(new ScanOptions(ScanOptions.DEFAULT_MAX_FILE_BYTES, 1, BERLIN)).scan(root, "t",
                ScanListener.NONE);
    }

    private static List<String> shown(Inventory inv, String code) {
        return inv.findings().stream().filter(f -> f.code().equals(code))
                .map(f -> f.where().path() + ":" + f.where().line() + ":" + f.where().column() + " " + f.message()).toList();
    }

    private static Job job(Inventory inv, String name) {
        return inv.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aCrontabLineRunningAScriptThatStartsADeploymentIsItsSchedule() throws IOException {
        Inventory inv = scan("etc/cron.d/marts", "15 6 * * 1-5 etl /opt/etl/bin/trigger-marts.sh >> /var/log/marts.log 2>&1\n",
                "opt/etl/bin/trigger-marts.sh", TRIGGER);
        assertThat(shown(inv, "CRN011")).containsExactly("opt/etl/bin/trigger-marts.sh:5:1 cron job trigger-marts "
                + "(etc/cron.d/marts:1, through opt/etl/bin/trigger-marts.sh) starts Prefect deployment "
                + "'partner-marts/rebuild' (`prefect deployment run`) on '15 6 * * 1-5' in the host's zone (Europe/Berlin), "
                + "no CRON_TZ: in Prefect 3 the deployment runs on a schedule of its own; give it this one (schedules: "
                + "[{cron: \"15 6 * * 1-5\", timezone: \"Europe/Berlin\"}]) and remove the crontab line at cutover, or "
                + "both start it");
        assertThat(job(inv, "trigger-marts").attributes()).containsEntry("prefect.deploymentRun", "partner-marts/rebuild");
    }

    @Test
    void aRelativeScriptIsFoundFromTheDirectoryTheLineCdsToInTheHostDump() throws IOException {
        Inventory inv = scan("hosts/etl-01/var/spool/cron/crontabs/etl", "30 2 * * * cd /opt/etl && bash bin/trigger-marts.sh\n",
                "hosts/etl-01/opt/etl/bin/trigger-marts.sh", TRIGGER,
                // another host's copy of the same path is not the one this host's line runs
                "hosts/etl-02/opt/etl/bin/trigger-marts.sh", TRIGGER.replace("partner-marts/rebuild", "elsewhere/x"));
        assertThat(shown(inv, "CRN011")).singleElement().asString()
                .startsWith("hosts/etl-01/opt/etl/bin/trigger-marts.sh:5:1 cron job trigger-marts "
                        + "(hosts/etl-01/var/spool/cron/crontabs/etl:1, through hosts/etl-01/opt/etl/bin/trigger-marts.sh)")
                .contains("'partner-marts/rebuild'");
    }

    @Test
    void aTimersServiceRunningSuchAScriptToo() throws IOException {
        Inventory inv = scan("etc/systemd/system/marts.timer", """
                        [Timer]
                        OnCalendar=Mon..Fri 06:15
                        [Install]
                        WantedBy=timers.target
                        """,
                "etc/systemd/system/marts.service", """
                        [Service]
                        Type=oneshot
                        ExecStart=/opt/etl/bin/trigger-marts.sh
                        """,
                "opt/etl/bin/trigger-marts.sh", TRIGGER);
        assertThat(shown(inv, "SYD012")).singleElement().asString()
                .startsWith("opt/etl/bin/trigger-marts.sh:5:1 timer etc/systemd/system/marts.timer:")
                .contains("through opt/etl/bin/trigger-marts.sh, which its service runs) starts Prefect deployment "
                        + "'partner-marts/rebuild'");
    }

    @Test
    void nothingWhereNoScriptOfTheTreeStartsADeployment() throws IOException {
        // must not change: a script that only prints the words or lists deployments, one whose here-document writes the
        // call into a file, a disabled line, a relative script without a cd, a script the tree does not hold
        Inventory inv = scan("etc/cron.d/misc", """
                        0 1 * * * etl /opt/etl/bin/print.sh
                        0 2 * * * etl /opt/etl/bin/writes.sh
                        #0 3 * * * etl /opt/etl/bin/trigger-marts.sh
                        0 4 * * * etl bash bin/trigger-marts.sh
                        0 5 * * * etl /opt/etl/bin/absent.sh
                        """,
                "opt/etl/bin/print.sh", "#!/bin/sh\necho prefect deployment run etl/x\nprefect deployment ls\n",
                "opt/etl/bin/writes.sh", "#!/bin/sh\ncat > /etc/cron.d/later <<EOF\n0 6 * * * root prefect deployment run etl/y\nEOF\n",
                "opt/etl/bin/trigger-marts.sh", TRIGGER,
                "bin/trigger-marts.sh", TRIGGER);
        // (the crontab writes.sh installs is a crontab of its own, whose line runs the call itself)
        assertThat(inv.findings().stream().filter(f -> f.message().contains(", through "))).isEmpty();
        assertThat(inv.jobs().stream().filter(j -> j.source().path().equals("etc/cron.d/misc"))
                .filter(j -> j.attributes().containsKey("prefect.deploymentRun"))).isEmpty();
    }
}
