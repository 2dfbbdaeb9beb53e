package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The schedule library without a zone ({@code every().hour.at(":30")}, {@code every().day.at("02:30")}) against the
 * library itself, replayed on a fake clock around DST changes: the fire times we read for its jobs are the instants
 * its own loop runs them at.
 */
class ScheduleLibOracleTest {
    /** Debian's python3-schedule installs outside a pyenv interpreter's path. */
    private static final String DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages";

    @Test
    void naiveClockJobsRunWhereTheLibraryRunsThem() throws Exception {
        Assumptions.assumeTrue(available(), "SKIPPED: python3 with the schedule library not found; apt-get install "
                + "python3-schedule (or pip install schedule) to run the schedule library oracle");
        // hourly and minutely at() is cron_schedule_lib without a zone; a time of day keeps cron_unix (Vixie's fixed-time rule)
        Map<String, ScheduleSpec> jobs = new java.util.LinkedHashMap<>();
        jobs.put("hours::30", spec(ScheduleSpec.Form.CRON_SCHEDULE_LIB, "30 * * * *"));
        jobs.put("hours::00", spec(ScheduleSpec.Form.CRON_SCHEDULE_LIB, "0 * * * *"));
        jobs.put("hours::15", spec(ScheduleSpec.Form.CRON_SCHEDULE_LIB, "15 * * * *"));
        jobs.put("days:02:30", spec(ScheduleSpec.Form.CRON_UNIX, "30 2 * * *"));
        jobs.put("days:01:45", spec(ScheduleSpec.Form.CRON_UNIX, "45 1 * * *"));
        // the day before each change of each zone (Lord Howe moves by half an hour)
        Map<String, List<String>> starts = Map.of("Europe/Paris", List.of("2027-03-27T12:00:00", "2027-10-30T12:00:00"),
                "America/New_York", List.of("2027-03-13T12:00:00", "2027-11-06T12:00:00"),
                "Australia/Lord_Howe", List.of("2027-04-03T00:00:00", "2027-10-02T00:00:00"));
        for (Map.Entry<String, List<String>> zone : starts.entrySet()) {
            ZoneId z = ZoneId.of(zone.getKey());
            for (String start : zone.getValue()) {
                List<String> library = run(zone.getKey(), start, 60, jobs.keySet());
                int i = 0;
                for (Map.Entry<String, ScheduleSpec> job : jobs.entrySet()) {
                    List<String> ran = List.of(library.get(i++).split(" "));
                    // the loop starts at start, where a job due that very second waits for the next period
                    List<String> read = FireTimes.source(Schedules.interpret(job.getValue(), z),
                            Instant.parse(start + "Z").plusSeconds(1), ran.size()).stream()
                            .map(t -> t.toInstant().toString()).toList();
                    assertThat(String.join(" ", read)).as("%s in %s from %s", job.getKey(), zone.getKey(), start)
                            .isEqualTo(String.join(" ", ran));
                }
            }
        }
    }

    private static ScheduleSpec spec(ScheduleSpec.Form form, String cron) {
        return new ScheduleSpec(form, cron, null, SourceRef.file("jobs.py"));
    }

    /** One line per job: the instants the library ran it at. */
    private static List<String> run(String zone, String start, int hours, java.util.Collection<String> jobs) throws Exception {
        Path script = Path.of(ScheduleLibOracleTest.class.getResource("schedule_lib_naive_runs.py").toURI());
        List<String> args = new java.util.ArrayList<>(List.of(script.toString(), zone, start, String.valueOf(hours)));
        args.addAll(jobs);
        Process p = python(args.toArray(String[]::new)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        return out.lines().toList();
    }

    private static ProcessBuilder python(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3"));
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        String path = b.environment().getOrDefault("PYTHONPATH", "");
        b.environment().put("PYTHONPATH", path.isEmpty() ? DEBIAN_PACKAGES : path + ":" + DEBIAN_PACKAGES);
        return b;
    }

    private static boolean available() {
        try {
            Process p = python("-c", "import schedule").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
