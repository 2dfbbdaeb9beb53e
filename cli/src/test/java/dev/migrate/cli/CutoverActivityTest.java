package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job the host's logs show not running gets a first step in its cutover plan: find out why. */
class CutoverActivityTest {
    @TempDir
    Path host;

    @Test
    void aJobTheLogsShowNotRunningStartsWithFindingOutWhy() throws IOException {
        Files.createDirectories(host.resolve("etc/cron.d"));
        Files.createDirectories(host.resolve("var/log"));
        Files.writeString(host.resolve("etc/cron.d/etl"), """
                15 3 * * * etl /opt/etl/bin/build-marts.sh --target 'prod'
                30 2 * * * etl /opt/etl/bin/nightly-load.sh
                """);
        Files.writeString(host.resolve("var/log/syslog"), """
                2024-02-11T02:30:01.000000+00:00 etl-01 CRON[11]: (etl) CMD (/opt/etl/bin/nightly-load.sh)
                2024-02-12T02:30:01.000000+00:00 etl-01 CRON[12]: (etl) CMD (/opt/etl/bin/nightly-load.sh)
                2024-02-12T04:00:00.000000+00:00 etl-01 kernel: eth0: link up
                """);
        CliRun plan = CliRun.of("cutover", "plan", host.toString());
        assertThat(plan.exitCode()).isZero();
        String marts = plan.out().substring(plan.out().indexOf("## Job `build-marts`"));
        assertThat(marts).contains("""
                - [ ] **Find out why the legacy job has not run lately, and fix it or retire it before the dual run**
                  ```sh
                  grep -F -- '/opt/etl/bin/build-marts.sh --target '\\''prod'\\''' /var/log/syslog* /var/log/cron*
                  ```
                  - Why: build-marts has no recorded run in var/log/syslog (2024-02-11 02:30 to 2024-02-12 04:00), where its \
                schedule fires 2 times;""").contains("  - Source: [ACT001](docs/rules/ACT001.md) at etc/cron.d/etl:1:1");
        String nightly = plan.out().substring(plan.out().indexOf("## Job `nightly-load`"));
        assertThat(nightly.substring(0, nightly.indexOf("### Cutover"))).doesNotContain("Find out why");
    }

    /**
     * A timer that counts from its last activation: the dual run's interval is anchored after the last run the logs
     * show, so the new runs follow the legacy ones; its boot trigger has no schedule to shift.
     */
    @Test
    void anIntervalFromTheLastActivationIsAnchoredOnTheLoggedRun() throws IOException {
        Files.createDirectories(host.resolve("etc/systemd/system"));
        Files.createDirectories(host.resolve("var/log"));
        Files.writeString(host.resolve("etc/systemd/system/warm.timer"), "[Timer]\nOnBootSec=5min\nOnUnitActiveSec=1h\n");
        Files.writeString(host.resolve("etc/systemd/system/warm.service"), "[Service]\nType=oneshot\nExecStart=/opt/warm.sh\n");
        Files.writeString(host.resolve("var/log/syslog"), """
                2024-02-12T00:42:03.000000+00:00 web-01 systemd[1]: warm.service: Deactivated successfully.
                2024-02-12T01:42:03.000000+00:00 web-01 systemd[1]: warm.service: Deactivated successfully.
                """);
        CliRun plan = CliRun.of("cutover", "plan", host.toString());
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        // the legacy recipe writes the deployment, anchored where it chooses: the plan says what to anchor it on instead,
        // its offset after the logged run
        assertThat(plan.out()).contains("the legacy recipe writes schedules: [{interval: 3600, anchor_date: ")
                .contains("'OnUnitActiveSec=1h' counts from whenever it last started, so the anchor_date the recipe writes "
                        + "is arbitrary: write {interval: 3600, anchor_date: \"2024-02-12T01:57:03\", timezone: \"UTC\"} in its "
                        + "place, 15 min after its last run in the host's logs (2024-02-12T01:42:03Z)")
                .contains("no schedule for 'OnBootSec=5min': Prefect 3 schedules are cron, interval or rrule")
                .contains("schedule 'OnUnitActiveSec=1h' without the offset")
                .doesNotContain("shift 'OnBootSec=5min'");
    }
}
