package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our OnCalendar parser and elapse computation against {@code systemd-analyze calendar}, over DST changes
 * in two host zones and in zones written into the expression.
 */
class CalendarOracleTest {
    private static final List<String> EXPRESSIONS = List.of(
            "minutely", "hourly", "daily", "weekly", "monthly", "yearly", "annually", "quarterly", "semiannually",
            "*-*-* 02:30", "*-*-* *:30", "*-*-* 02,04:00", "*:0/15", "*-*-1/2 03:00", "*-*-1..10/3 03:00",
            "Mon *-05~07/1", "*-02~3", "*-*~1 23:00", "*-*~3/1 12:00", "Thu *-*~7/1 18:00", "Sat,Sun 10:00",
            "Mon..Wed,Fri 8:5", "Mon..Fri 02:00", "Wed..Sat,Tue 12:00", "12:00:30", "*:*:0/20", "2027-*-* 00:00",
            "26-*-* 0:0", "*-*-* 02:30 Europe/Berlin", "*-*-* *:30 Asia/Kolkata", "Fri *-*-13 13:13",
            "*-12-25 07:00 America/New_York", "Tue,Thu *-*-* 06..09:00/30", "*-*-* 0/6:00", "Sun *-*-1..7 04:00",
            "*-1,4,7,10-1 0:0", "Mon *-*-* 00:00:00 UTC", "*-*-* 01:59:59", "*-*-* 1..3:15", "*-*-* 23:59:59",
            "weekly Europe/Berlin", "*-*-29 0:0", "*-02-29 12:00", "*-*-* 12:00:30.5", "monday 6:00",
            "*-*-* 2:0/10", "*-*-* 00:00:00/30 Australia/Lord_Howe", "Sat *-*-* 01:30 America/Sao_Paulo",
            "daily UTC", "hourly Europe/Berlin", "*-*-* 10:00 GMT", "*-*-* 10:00 Japan", "mon,wed-fri 8:00",
            "*-*-* 8:00:00.000001", "2026..2028-02-29 0:0", "*-*-* 12:00 Etc/GMT+5", "*-*-*", "*:*", "05:40",
            "*-*-* *:*:*", "Mon", "2026-12-24", "*-*-* 02:30:00 America/New_York");

    private static Path tool;

    @BeforeAll
    static void findTool() {
        tool = SystemdAnalyze.find();
    }

    @Test
    void nextElapsesMatchSystemd() throws Exception {
        Assumptions.assumeTrue(tool != null,
                "SKIPPED: systemd-analyze not found on PATH; the OnCalendar oracle test needs systemd installed");
        List<String> zones = List.of("Europe/Berlin", "America/New_York", "UTC");
        List<Instant> bases = List.of(Instant.parse("2026-03-27T22:00:00Z"), Instant.parse("2026-10-24T21:07:13Z"),
                Instant.parse("2026-03-07T12:00:00Z"), Instant.parse("2026-10-31T12:00:00Z"));
        int compared = 0;
        for (String zone : zones) {
            for (Instant base : bases) {
                Map<String, List<Instant>> expected = SystemdAnalyze.calendar(tool, zone, base, 30, EXPRESSIONS);
                assertThat(expected).as("systemd-analyze accepted every expression").doesNotContainValue(null);
                for (String expr : EXPRESSIONS) {
                    List<Instant> ours = CalendarFireTimes.next(CalendarSpec.parse(expr), ZoneId.of(zone), base, 30)
                            .stream().map(z -> z.toInstant().truncatedTo(ChronoUnit.SECONDS)).toList();
                    assertThat(ours).as("%s with TZ=%s after %s", expr, zone, base).isEqualTo(expected.get(expr));
                    compared += ours.size();
                }
            }
        }
        assertThat(compared).isGreaterThan(4000);
    }

    @Test
    void normalizedFormMatchesSystemd() throws Exception {
        Assumptions.assumeTrue(tool != null, "SKIPPED: systemd-analyze not found on PATH");
        for (String expr : List.of("Mon..Wed,Fri 8:5", "*:0/15", "*-*-1..10/3 03:00", "Mon *-05~07/1", "quarterly",
                "12:00:30.5", "26-*-* 0:0", "*-*-* 02:30 Europe/Berlin", "Sat,Sun 10:00", "daily UTC", "*-*-* 10:00 Japan",
                "mon,wed-fri 8:00", "*:*", "*-*-* *:*:*")) {
            Process p = new ProcessBuilder(tool.toString(), "calendar", expr).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            String normalized = out.lines().filter(l -> l.contains("Normalized form:")).findFirst().orElseThrow()
                    .replaceFirst(".*Normalized form: ", "");
            assertThat(CalendarSpec.parse(expr).normalized()).as(expr).isEqualTo(normalized);
        }
    }

    @Test
    void rejectsWhatSystemdRejects() throws Exception {
        List<String> bad = List.of("Sat..Mon 10:00", "*-*-* */5:00", "*-*~7..1 01:00", "bad expr", "*-13-01", "25:00", "Mon..Foo 1:00",
                "*-*-* 1:60", "*-*-1/0 0:0");
        for (String expr : bad) {
            assertThatThrownBy(() -> CalendarSpec.parse(expr)).as(expr).isInstanceOf(ScheduleSyntaxException.class);
            if (tool != null) {
                assertThat(SystemdAnalyze.calendar(tool, "UTC", Instant.parse("2026-01-01T00:00:00Z"), 1, List.of(expr)))
                        .as("systemd also rejects %s", expr).containsValue(null);
            }
        }
    }
}
