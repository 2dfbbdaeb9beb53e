package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class SpringScheduledDetectorTest {
    private final SpringScheduledDetector detector = new SpringScheduledDetector();

    @Test
    void cronFixedRateFixedDelayConstantsAndZones() {
        String src = """
                package com.acme.jobs;

                import java.util.concurrent.TimeUnit;
                import org.springframework.scheduling.annotation.Async;
                import org.springframework.scheduling.annotation.Scheduled;

                public class Jobs {
                    static final String NIGHTLY = "0 0 " + "2 * * *";

                    @Scheduled(cron = NIGHTLY, zone = "Europe/Paris")
                    void nightly() {}

                    @Scheduled(fixedRate = 2, timeUnit = TimeUnit.MINUTES, initialDelay = 30)
                    void poll() {}

                    @Async
                    @Scheduled(fixedDelayString = "PT45S")
                    void drain() {}

                    @Scheduled(cron = "-")
                    void disabled() {}

                    @Scheduled(cron = Other.CRON)
                    void elsewhere() {}

                    @Scheduled(cron = "${jobs.cron}")
                    void placeholder() {}
                }
                """;
        assertThat(DetectorHarness.run(detector, "svc/src/main/java/com/acme/jobs/Jobs.java", src)).isEqualTo("""
                job spring-nightly-638dac73 spring 'nightly' at svc/src/main/java/com/acme/jobs/Jobs.java:10:5
                  schedule CRON_SPRING '0 0 2 * * *' tz=Europe/Paris at svc/src/main/java/com/acme/jobs/Jobs.java:10:23
                  command com.acme.jobs.Jobs#nightly
                  overlap SKIP
                  attrs {spring.attribute=cron, zone=Europe/Paris}
                job spring-poll-0ad0281a spring 'poll' at svc/src/main/java/com/acme/jobs/Jobs.java:13:5
                  schedule INTERVAL 'PT2M' at svc/src/main/java/com/acme/jobs/Jobs.java:13:28
                  command com.acme.jobs.Jobs#poll
                  overlap QUEUE
                  attrs {initialDelay=PT30M, spring.attribute=fixedRate, spring.timeUnit=TimeUnit.MINUTES}
                job spring-drain-9a81f891 spring 'drain' at svc/src/main/java/com/acme/jobs/Jobs.java:17:5
                  schedule INTERVAL 'PT45S' at svc/src/main/java/com/acme/jobs/Jobs.java:17:35
                  command com.acme.jobs.Jobs#drain
                  overlap ALLOW
                  attrs {spring.attribute=fixedDelay}
                job spring-disabled-1e2e1636 spring 'disabled' at svc/src/main/java/com/acme/jobs/Jobs.java:20:5
                  command com.acme.jobs.Jobs#disabled
                  overlap SKIP
                  attrs {disabled=true, spring.attribute=cron}
                job spring-elsewhere-9b687fd8 spring 'elsewhere' at svc/src/main/java/com/acme/jobs/Jobs.java:23:5
                  schedule UNKNOWN 'Other.CRON' at svc/src/main/java/com/acme/jobs/Jobs.java:23:23
                  command com.acme.jobs.Jobs#elsewhere
                  overlap SKIP
                  attrs {spring.attribute=cron}
                job spring-placeholder-a21dc08a spring 'placeholder' at svc/src/main/java/com/acme/jobs/Jobs.java:26:5
                  schedule UNKNOWN '${jobs.cron}' at svc/src/main/java/com/acme/jobs/Jobs.java:26:23
                  command com.acme.jobs.Jobs#placeholder
                  overlap SKIP
                  attrs {spring.attribute=cron}
                svc/src/main/java/com/acme/jobs/Jobs.java:10:5 JAV001 Spring @Scheduled(cron) method Jobs.nightly (0 0 2 * * *) (Europe/Paris) [spring-nightly-638dac73]
                svc/src/main/java/com/acme/jobs/Jobs.java:13:5 JAV002 Spring @Scheduled(fixedRate) method Jobs.poll (PT2M) [spring-poll-0ad0281a]
                svc/src/main/java/com/acme/jobs/Jobs.java:13:5 JAV006 Jobs.poll starts after initialDelay 30 [spring-poll-0ad0281a]
                svc/src/main/java/com/acme/jobs/Jobs.java:17:5 JAV003 Spring @Scheduled(fixedDelay) method Jobs.drain (PT45S) [spring-drain-9a81f891]
                svc/src/main/java/com/acme/jobs/Jobs.java:20:5 JAV007 Spring @Scheduled(cron) method Jobs.disabled (disabled) [spring-disabled-1e2e1636]
                svc/src/main/java/com/acme/jobs/Jobs.java:23:5 JAV001 Spring @Scheduled(cron) method Jobs.elsewhere (Other.CRON) [spring-elsewhere-9b687fd8]
                svc/src/main/java/com/acme/jobs/Jobs.java:23:23 JAV004 Jobs.elsewhere: cron = Other.CRON is not a constant of this file; state the schedule by hand [spring-elsewhere-9b687fd8]
                svc/src/main/java/com/acme/jobs/Jobs.java:26:5 JAV001 Spring @Scheduled(cron) method Jobs.placeholder (${jobs.cron}) [spring-placeholder-a21dc08a]
                """);
    }

    @Test
    void repeatedAndContainerAnnotationsAreSeparateJobs() {
        String src = """
                import org.springframework.scheduling.annotation.Scheduled;
                import org.springframework.scheduling.annotation.Schedules;
                class Reports {
                    @Schedules({@Scheduled(cron = "0 0 6 * * MON"), @Scheduled(cron = "0 0 6 1 * *")})
                    void weeklyAndMonthly() {}
                }
                """;
        assertThat(DetectorHarness.run(detector, "Reports.java", src)).isEqualTo("""
                job spring-weeklyandmonthly-b6d8f328 spring 'weeklyAndMonthly' at Reports.java:4:17
                  schedule CRON_SPRING '0 0 6 * * MON' at Reports.java:4:35
                  command Reports#weeklyAndMonthly
                  overlap SKIP
                  attrs {spring.attribute=cron}
                job spring-weeklyandmonthly-a992d03e spring 'weeklyAndMonthly' at Reports.java:4:53
                  schedule CRON_SPRING '0 0 6 1 * *' at Reports.java:4:71
                  command Reports#weeklyAndMonthly
                  overlap SKIP
                  attrs {spring.attribute=cron}
                Reports.java:4:17 JAV001 Spring @Scheduled(cron) method Reports.weeklyAndMonthly (0 0 6 * * MON) [spring-weeklyandmonthly-b6d8f328]
                Reports.java:4:53 JAV001 Spring @Scheduled(cron) method Reports.weeklyAndMonthly (0 0 6 1 * *) [spring-weeklyandmonthly-a992d03e]
                """);
    }

    @Test
    void subMinuteCronIsFlagged() {
        String src = """
                class Beat {
                    @org.springframework.scheduling.annotation.Scheduled(cron = "*/10 * * * * *")
                    void beat() {}
                }
                """;
        assertThat(DetectorHarness.run(detector, "Beat.java", src)).contains("JAV005 cron \"*/10 * * * * *\"");
    }

    /**
     * Before: every JAV005 said "Prefect cron has minute resolution", also of an every-10-seconds cron that the
     * translation writes as an exact interval; the finding now says which of the two cases it is.
     */
    @Test
    void subMinuteFindingSaysWhetherAnIntervalKeepsTheTimes() {
        String src = """
                import org.springframework.scheduling.annotation.Scheduled;
                class Beat {
                    @Scheduled(cron = "*/10 * * * * *")
                    void beat() {}
                    @Scheduled(cron = "30 0 6 * * *")
                    void late() {}
                    @Scheduled(cron = "0 0 6 * * *")
                    void onTheMinute() {}
                }
                """;
        String out = DetectorHarness.run(detector, "Beat.java", src);
        String order = "Prefect reads a cron minute first (croniter: a sixth field is seconds, at the end), so the text "
                + "cannot be copied";
        assertThat(out).contains("JAV005 cron \"*/10 * * * * *\" fires every 10 s (seconds field '*/10'); " + order
                + ", and the deployment gets an interval schedule of 10 s, which fires at the same instants");
        assertThat(out).contains("JAV005 cron \"30 0 6 * * *\" fires at seconds '30'; " + order + ", and the translation "
                + "writes a five-field cron, at second 0, or nothing: choose the second 0 time, an interval or a long-running flow");
        // must not fire: a cron at second 0 is a five-field cron's time
        assertThat(out.lines().filter(l -> l.contains("JAV005"))).hasSize(2);
        assertThat(out).doesNotContain("JAV005 cron \"0 0 6 * * *\"");
    }

    @Test
    void syntaxErrorIsReportedNotThrown() {
        assertThat(DetectorHarness.run(detector, "Bad.java", "class Bad { @Scheduled(cron = \"0 0 * * * *\") void x( }"))
                .startsWith("Bad.java:1:").contains("CFG003 Java syntax error");
    }

    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(detector, "Plain.java", """
                class Plain {
                    // @Scheduled(cron = "0 0 * * * *") is only mentioned in a comment
                    @Deprecated void run() {}
                }
                """)).isEmpty();
    }
}
