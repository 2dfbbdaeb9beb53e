package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.HostEstate;
import dev.migrate.analyzers.sources.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JvmZoneResolverTest {
    private static final String JOBS = """
            package com.acme.jobs;
            import org.springframework.scheduling.annotation.Scheduled;
            class Jobs {
                @Scheduled(cron = "0 30 2 * * *")
                void nightly() {}
                @Scheduled(cron = "0 0 6 * * MON", zone = "Europe/Paris")
                void weekly() {}
                @Scheduled(fixedRate = 60000)
                void poll() {}
            }
            """;

    private static List<String> resolved(ScanFile... files) {
        RecordingSink sink = HostEstate.scan(List.of(files), new SpringScheduledDetector(), new QuartzJavaDetector(),
                new JvmDefaultZoneDetector());
        List<Job> jobs = new ArrayList<>(sink.jobs);
        List<Finding> findings = new ArrayList<>(sink.findings);
        new JvmZoneResolver().resolve(jobs, findings, List.of());
        return jobs.stream().sorted(java.util.Comparator.comparing(Job::name)).map(j -> j.name() + " "
                + j.schedules().get(0).expression() + " [" + j.schedules().get(0).timezone() + "] "
                + j.attributes().getOrDefault("zone.from", "-")).toList();
    }

    // Spring Boot applications often pin the JVM to UTC in main(); scan read their zone-less crons in the host's
    // zone, so a Paris host dump moved every such job by one or two hours
    @Test
    void schedulesWithoutAZoneRunInTheZoneTheApplicationSets() {
        ScanFile app = new ScanFile("billing/src/main/java/com/acme/BillingApplication.java", """
                package com.acme;
                import java.util.TimeZone;
                public class BillingApplication {
                    // TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo")) was the old setting
                    public static void main(String[] args) {
                        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
                    }
                }
                """);
        ScanFile jobs = new ScanFile("billing/src/main/java/com/acme/jobs/Jobs.java", JOBS);
        assertThat(resolved(app, jobs)).containsExactly(
                "nightly 0 30 2 * * * [UTC] JVM default time zone set at billing/src/main/java/com/acme/BillingApplication.java:6:9",
                "poll PT1M [null] -",
                "weekly 0 0 6 * * MON [Europe/Paris] -");
    }

    @Test
    void aJavaCommandLineSetsItForTheFilesUnderItsDirectoryAndCodeWinsOverIt() {
        ScanFile unit = new ScanFile("deploy/billing.service", """
                [Service]
                ExecStart=/usr/bin/java -Duser.timezone=America/Chicago -jar /opt/billing/app.jar
                """);
        ScanFile rootScript = new ScanFile("run.sh", "exec java -Duser.timezone=\"Europe/London\" -jar app.jar\n");
        ScanFile jobs = new ScanFile("src/main/java/com/acme/jobs/Jobs.java", JOBS);
        // the unit's directory holds no job; the script at the root holds them all
        assertThat(resolved(unit, rootScript, jobs)).first().asString()
                .isEqualTo("nightly 0 30 2 * * * [Europe/London] JVM default time zone set at run.sh:1:11");
        ScanFile code = new ScanFile("src/main/java/com/acme/Main.java",
                "class Main { static { System.setProperty(\"user.timezone\", \"Asia/Tokyo\"); } }\n");
        assertThat(resolved(rootScript, code, jobs)).first().asString().startsWith("nightly 0 30 2 * * * [Asia/Tokyo]");
    }

    @Test
    void twoApplicationsThatSetDifferentZonesAtTheSameRankLeaveTheHostsZone() {
        ScanFile a = new ScanFile("a.sh", "java -Duser.timezone=UTC -jar a.jar\n");
        ScanFile b = new ScanFile("b.sh", "java -Duser.timezone=Asia/Tokyo -jar b.jar\n");
        ScanFile jobs = new ScanFile("src/main/java/com/acme/jobs/Jobs.java", JOBS);
        assertThat(resolved(a, b, jobs)).first().asString().isEqualTo("nightly 0 30 2 * * * [null] -");
        // build files start test JVMs; an unknown zone is no setting
        ScanFile pom = new ScanFile("pom.xml", "<argLine>-Duser.timezone=UTC</argLine>\n");
        ScanFile typo = new ScanFile("c.sh", "java -Duser.timezone=Mars/Olympus -jar c.jar\n");
        assertThat(resolved(pom, typo, jobs)).first().asString().isEqualTo("nightly 0 30 2 * * * [null] -");
    }

    // the zone is shown after the schedule, as a zone= is, so no "(UTC, assumed...)" is written after it later
    @Test
    void theFindingShowsTheScheduleInTheZoneTheApplicationSets() {
        ScanFile code = new ScanFile("src/main/java/com/acme/Main.java",
                "class Main { static { System.setProperty(\"user.timezone\", \"Asia/Tokyo\"); } }\n");
        ScanFile jobs = new ScanFile("src/main/java/com/acme/jobs/Jobs.java", JOBS);
        RecordingSink sink = HostEstate.scan(List.of(code, jobs), new SpringScheduledDetector(), new JvmDefaultZoneDetector());
        List<Job> all = new ArrayList<>(sink.jobs);
        List<Finding> findings = new ArrayList<>(sink.findings);
        new JvmZoneResolver().resolve(all, findings, List.of());
        List<String> messages = findings.stream().filter(f -> f.code().startsWith("JAV00")).map(Finding::message)
                .sorted().toList();
        assertThat(messages).containsExactly(
                "Spring @Scheduled(cron) method Jobs.nightly (0 30 2 * * *) (Asia/Tokyo); it runs in Asia/Tokyo, the JVM"
                        + " default time zone set at src/main/java/com/acme/Main.java:1:23",
                // must not change: a zone the method names, and an interval no zone moves
                "Spring @Scheduled(cron) method Jobs.weekly (0 0 6 * * MON) (Europe/Paris)",
                "Spring @Scheduled(fixedRate) method Jobs.poll (PT1M)");
    }
}
