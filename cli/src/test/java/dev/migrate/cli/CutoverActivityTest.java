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
}
