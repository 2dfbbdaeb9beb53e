package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Detectors must turn any input into findings, never into an exception. */
class DetectorFuzzTest {
    private static final String[] PIECES = {
        " ", "\t", "\n", "\r\n", "#", "=", "*", "*/", "/", "-", ",", "..", "~", ":", "@", "%", "\\%", "\\\n", "0", "7",
        "59", "61", "99999999999", "mon", "Fri", "jan", "@reboot", "@daily", "@yearly", "root", "cmd", "flock -n x",
        "MAILTO=", "CRON_TZ=Europe/Berlin", "CRON_TZ=Nowhere/Else", "[Timer]", "[Service]", "[Unit]", "OnCalendar=",
        "OnBootSec=", "OnUnitActiveSec=", "OnUnitInactiveSec=", "Unit=", "ExecStart=", "Restart=always",
        "Persistent=true", "RandomizedDelaySec=", "15min", "1d", "5 parsecs", "Mon..Fri", "*-*-*", "02:30", "UTC",
        "Europe/Berlin", "After=", "x.service", "python3 loop.py", "prefect agent start", "crontab <<EOF", "EOF",
        "\"", "'", "2199", "*-02-30"
    };

    @Test
    void randomInputsNeverThrow() {
        Random random = new Random(Long.getLong("fuzz.seed", 5));
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-21T12:00:00Z"));
        List<String> paths = List.of("etc/cron.d/f", "etc/anacrontab", "var/spool/cron/crontabs/u", "opt/x.sh",
                "etc/systemd/system/a.timer", "etc/systemd/system/a.service", "etc/cron.daily/s");
        int files = 0;
        for (int round = 0; round < 4000; round++) {
            RecordingSink sink = new RecordingSink();
            List<Detector> detectors = List.of(new CrontabDetector(check), new SystemdDetector(check));
            for (String path : paths) {
                StringBuilder text = new StringBuilder(path.endsWith(".sh") ? "#!/bin/sh\ncrontab <<EOF\n" : "");
                int n = random.nextInt(60);
                for (int i = 0; i < n; i++) {
                    text.append(PIECES[random.nextInt(PIECES.length)]);
                }
                ScanFile file = new ScanFile(path, text.toString());
                for (Detector d : detectors) {
                    if (d.accepts(file)) {
                        d.detect(file, sink);
                        files++;
                    }
                }
            }
            detectors.forEach(d -> d.finish(sink));
        }
        assertThat(files).isGreaterThan(1000);
    }
}
