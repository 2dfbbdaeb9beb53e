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
            "0 0 */10 * 1-7", "0 0 */1 * 1", "0 0 1 * 0-7", "0 0 1-31 * 0-6", "0 0 * * 1", "59 23 31 * *", "0 12 1 */3 *", "0 0 * * 0-6", "10,20 3 15-21 * 2");

    @Test
    void naiveFireTimesMatchCroniter() throws Exception {
        Assumptions.assumeTrue(croniterAvailable(), "SKIPPED: python3 with croniter not found; pip install croniter (or apt python3-croniter) to run the Prefect cron oracle");
        LocalDateTime start = LocalDateTime.of(2026, 2, 20, 13, 7);
        for (boolean dayOr : List.of(true, false)) {
            List<String> out = run(start, 25, dayOr);
            for (int i = 0; i < EXPRESSIONS.size(); i++) {
                CronExpression e = CronExpression.parse(EXPRESSIONS.get(i));
                List<String> ours = CronFireTimes.prefect(e, dayOr, ZoneOffset.UTC,
                        start.plusSeconds(1).toInstant(ZoneOffset.UTC), 25)
                        .stream().map(z -> z.toLocalDateTime().toString() + ":00").toList();
                assertThat(String.join(" ", ours)).as("%s day_or=%s", EXPRESSIONS.get(i), dayOr).isEqualTo(out.get(i));
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
