package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Our croniter emulation (the wall-clock part of Prefect's cron schedule) against the real croniter. */
class CroniterOracleTest {
    private static final List<String> EXPRESSIONS = List.of(
            "*/7 * * * *", "0 2 * * *", "30 2 * * 1-5", "0 0 */2 * 1", "0 0 1-31 * 1", "0 0 1,15 * 5",
            "15 10 * jan,jul mon", "0 0 29 2 *", "5 4 * * 7", "0 */6 1-7 * *", "0 0 13 * fri", "0 9-17/2 * * sat,sun",
            "0 0 */10 * 1-7", "0 0 */1 * 1", "0 0 1 * 0-7", "0 0 1-31 * 0-6", "0 0 * * 1", "59 23 31 * *", "0 12 1 */3 *", "0 0 * * 0-6", "10,20 3 15-21 * 2",
            // croniter's L and D#N, which Quartz and Spring translations write
            "0 12 L * *", "30 6 L 2 *", "0 10 * * 5#3", "0 10 * * 5#5", "15 8 * 1,7 0#1", "0 0 * * 1#4",
            // and its last weekday of the month (APScheduler's `last fri`, Quartz's 6L)
            "0 23 * * L5", "45 7 * 2,3 L0", "0 0 * * L7");

    @Test
    void naiveFireTimesMatchCroniter() throws Exception {
        Assumptions.assumeTrue(croniterAvailable(), "SKIPPED: python3 with croniter not found; pip install croniter (or apt python3-croniter) to run the Prefect cron oracle");
        LocalDateTime start = LocalDateTime.of(2026, 2, 20, 13, 7);
        for (boolean dayOr : List.of(true, false)) {
            List<String> out = run(start, 25, dayOr);
            for (int i = 0; i < EXPRESSIONS.size(); i++) {
                CronExpression e = CronExpression.parseCroniter(EXPRESSIONS.get(i));
                List<String> ours = CronFireTimes.prefect(e, dayOr, ZoneOffset.UTC,
                        start.plusSeconds(1).toInstant(ZoneOffset.UTC), 25)
                        .stream().map(z -> z.toLocalDateTime().toString() + ":00").toList();
                assertThat(String.join(" ", ours)).as("%s day_or=%s", EXPRESSIONS.get(i), dayOr).isEqualTo(out.get(i));
            }
        }
    }

    /** Prefect's DST handling (naive croniter match + Python wall-clock arithmetic) replayed in Python. */
    @Test
    void prefectDatesAcrossDstMatchAPythonReplay() throws Exception {
        Assumptions.assumeTrue(croniterAvailable(), "SKIPPED: python3 with croniter not found");
        List<String> exprs = List.of("30 2 * * *", "0 2 * * *", "*/20 * * * *", "15 * * * *", "0 1-3 * * *", "59 1 * * 0",
                "0 */2 * * *", "30 1,2,3 25-31 3,10 *");
        for (String zone : List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe")) {
            for (String start : List.of("2027-03-27T20:00:00", "2027-10-30T20:00:00", "2027-03-13T12:00:00",
                    "2027-11-06T12:00:00", "2027-04-03T12:00:00", "2027-10-02T12:00:00")) {
                List<String> cmd = new ArrayList<>(List.of("python3",
                        Path.of(getClass().getResource("prefect_cron_dates.py").toURI()).toString(), start, "40", zone, "true"));
                cmd.addAll(exprs);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
                List<String> lines = out.lines().toList();
                for (int i = 0; i < exprs.size(); i++) {
                    String ours = CronFireTimes.prefect(CronExpression.parse(exprs.get(i)), true, java.time.ZoneId.of(zone),
                            LocalDateTime.parse(start).toInstant(ZoneOffset.UTC), 40).stream()
                            .map(z -> z.toInstant().toString()).collect(java.util.stream.Collectors.joining(" "));
                    assertThat(ours).as("%s in %s from %s", exprs.get(i), zone, start).isEqualTo(lines.get(i));
                }
            }
        }
    }

    private static boolean croniterAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import croniter").start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> run(LocalDateTime start, int count, boolean dayOr) throws Exception {
        Path script = Path.of(CroniterOracleTest.class.getResource("croniter_oracle.py").toURI());
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), start.toString(), String.valueOf(count),
                String.valueOf(dayOr)));
        cmd.addAll(EXPRESSIONS);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
        return out.lines().toList();
    }
}
