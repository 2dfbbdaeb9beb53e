package dev.migrate.analyzers.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The detectors on this machine's own crontabs and unit files: inputs nobody on the project wrote. */
class MachineSmokeTest {
    @Test
    void scansTheDistributionsTimersAndCrontabs() throws IOException {
        List<ScanFile> files = new ArrayList<>();
        for (String dir : List.of("/etc/cron.d", "/etc/cron.daily", "/etc/cron.weekly", "/lib/systemd/system")) {
            Path d = Path.of(dir);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        files.add(new ScanFile(p.toString().substring(1), Files.readString(p, StandardCharsets.ISO_8859_1)));
                    }
                }
            }
        }
        if (Files.isRegularFile(Path.of("/etc/crontab"))) {
            files.add(new ScanFile("etc/crontab", Files.readString(Path.of("/etc/crontab"))));
        }
        long timers = files.stream().filter(f -> f.fileName().endsWith(".timer") && f.text().contains("[Timer]")).count();
        Assumptions.assumeTrue(timers > 0, "SKIPPED: no systemd timers installed on this machine");
        ScheduleCheck check = new ScheduleCheck(ZoneId.of("Europe/Berlin"), Instant.parse("2026-11-21T12:00:00Z"));
        RecordingSink sink = HostEstate.scan(files, new CrontabDetector(check), new SystemdDetector(check));
        assertThat(sink.jobs.stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER).count()).isEqualTo(timers);
        assertThat(sink.jobs.stream().map(Job::id).distinct().count()).isEqualTo(sink.jobs.size());
        assertThat(sink.findings).noneMatch(f -> f.code().equals("SYD007"));
        if (Boolean.getBoolean("migrate.printSmoke")) {
            System.out.println(sink.findingsText());
        }
    }
}
