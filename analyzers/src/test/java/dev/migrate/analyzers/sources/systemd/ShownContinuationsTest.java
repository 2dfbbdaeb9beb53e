package dev.migrate.analyzers.sources.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.RecordingSink;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A continued {@code ExecStart=} as the scan shows it: one space at each join, where systemd's value keeps the blank
 * before the backslash, puts a space for the backslash and keeps the next line's indent.
 */
class ShownContinuationsTest {
    // before: "/usr/bin/python3 /opt/etl/run.py  --date today" (two spaces), and one more per blank of indent
    @Test
    void aBackslashAfterASpaceJoinsWithOneSpace() {
        assertThat(ShownContinuations.join("/usr/bin/python3 /opt/etl/run.py \\\n--date today"))
                .isEqualTo("/usr/bin/python3 /opt/etl/run.py --date today");
        assertThat(ShownContinuations.join("/usr/bin/python3 /opt/etl/run.py \\\r\n      --date today \\\n  --full"))
                .isEqualTo("/usr/bin/python3 /opt/etl/run.py --date today --full");
        // no blank before the backslash: systemd still puts a space there, so the words stay apart
        assertThat(ShownContinuations.join("/opt/etl/run.sh\\\n    --full")).isEqualTo("/opt/etl/run.sh --full");
    }

    @Test
    void quotedBlanksAndEscapedSpacesStayAsSystemdJoinsThem() {
        assertThat(ShownContinuations.join("/bin/sh -c \"echo a \\\n   b\" \\\n  --x"))
                .isEqualTo("/bin/sh -c \"echo a     b\" --x");
        assertThat(ShownContinuations.join("/opt/my\\ \\\n  dir/run.sh")).isEqualTo("/opt/my\\  dir/run.sh");
    }

    @Test
    void commentLinesInsideTheContinuationAreSkippedAndOneLineIsUnchanged() {
        assertThat(ShownContinuations.join("/opt/run.sh \\\n# the mode\n  --full")).isEqualTo("/opt/run.sh --full");
        assertThat(ShownContinuations.join("/opt/run.sh  --full ")).isEqualTo("/opt/run.sh  --full");
    }

    @Test
    void theJobsCommandIsShownJoined() {
        SystemdDetector d = new SystemdDetector(new ScheduleCheck(ZoneId.of("UTC"), Instant.parse("2026-11-21T12:00:00Z")));
        RecordingSink sink = new RecordingSink();
        d.detect(new ScanFile("etc/systemd/system/etl.service", """
                [Service]
                Type=oneshot
                ExecStart=/usr/bin/python3 /opt/etl/run.py \\
                    --date today
                """), sink);
        d.detect(new ScanFile("etc/systemd/system/etl.timer", "[Timer]\nOnCalendar=daily\n"), sink);
        d.finish(sink);
        assertThat(sink.jobs).singleElement()
                .satisfies(j -> assertThat(j.command()).isEqualTo("/usr/bin/python3 /opt/etl/run.py --date today"));
    }
}
