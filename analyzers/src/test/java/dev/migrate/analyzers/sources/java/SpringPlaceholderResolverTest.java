package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringPlaceholderResolverTest {
    private static final String SOURCE = """
            import org.springframework.scheduling.annotation.Scheduled;
            class Jobs {
                @Scheduled(cron = "${jobs.nightly.cron}", zone = "${jobs.zone:UTC}")
                void nightly() {}
                @Scheduled(fixedRateString = "${jobs.poll-ms}")
                void poll() {}
                @Scheduled(cron = "${jobs.missing}")
                void missing() {}
                @Scheduled(cron = "${jobs.fallback:0 0 5 * * *}")
                void fallback() {}
            }
            """;

    @Test
    void resolvesFromTheModulesPropertiesAndYaml() {
        DetectorHarness h = new DetectorHarness();
        new SpringScheduledDetector().detect(new ScanFile("orders/src/main/java/Jobs.java", SOURCE), h);
        List<Job> jobs = new ArrayList<>(h.jobs());
        List<Finding> findings = new ArrayList<>();
        List<ScanFile> config = List.of(
                new ScanFile("orders/src/main/resources/application.yml", """
                        jobs:
                          nightly:
                            cron: "0 0 1 * * *"
                          poll-ms: 15000
                        """),
                new ScanFile("orders/src/main/resources/application.properties", "jobs.nightly.cron=0 0 2 * * *\n"),
                new ScanFile("billing/src/main/resources/application.properties", "jobs.missing=0 0 3 * * *\n"));
        new SpringPlaceholderResolver().resolve(jobs, findings, config);
        DetectorHarness out = new DetectorHarness();
        jobs.forEach(out::job);
        findings.forEach(out::finding);
        assertThat(out.render()).isEqualTo("""
                job spring-nightly-77d37ec9 spring 'nightly' at orders/src/main/java/Jobs.java:3:5
                  schedule CRON_SPRING '0 0 2 * * *' tz=UTC at orders/src/main/java/Jobs.java:3:23
                  command Jobs#nightly
                  overlap SKIP
                  attrs {placeholder=${jobs.nightly.cron}, resolvedFrom=orders/src/main/resources/application.properties, orders/src/main/resources/application.yml, spring.attribute=cron, zone=UTC}
                job spring-poll-5c12722f spring 'poll' at orders/src/main/java/Jobs.java:5:5
                  schedule INTERVAL 'PT15S' at orders/src/main/java/Jobs.java:5:34
                  command Jobs#poll
                  overlap QUEUE
                  attrs {placeholder=${jobs.poll-ms}, resolvedFrom=orders/src/main/resources/application.properties, orders/src/main/resources/application.yml, spring.attribute=fixedRate}
                job spring-missing-e4b8c88d spring 'missing' at orders/src/main/java/Jobs.java:7:5
                  schedule UNKNOWN '${jobs.missing}' at orders/src/main/java/Jobs.java:7:23
                  command Jobs#missing
                  overlap SKIP
                  attrs {spring.attribute=cron}
                job spring-fallback-75906b0f spring 'fallback' at orders/src/main/java/Jobs.java:9:5
                  schedule CRON_SPRING '0 0 5 * * *' at orders/src/main/java/Jobs.java:9:23
                  command Jobs#fallback
                  overlap SKIP
                  attrs {placeholder=${jobs.fallback:0 0 5 * * *}, resolvedFrom=orders/src/main/resources/application.properties, orders/src/main/resources/application.yml, spring.attribute=cron}
                orders/src/main/java/Jobs.java:7:23 JAV004 Jobs#missing: ${jobs.missing} is not defined in orders/src/main/resources/application.properties, orders/src/main/resources/application.yml; the schedule is set at deploy time [spring-missing-e4b8c88d]
                """);
    }

    @Test
    void mustNotChangeJobsWithoutPlaceholders() {
        DetectorHarness h = new DetectorHarness();
        new SpringScheduledDetector().detect(new ScanFile("Jobs.java",
                "class Jobs { @org.springframework.scheduling.annotation.Scheduled(cron = \"0 0 1 * * *\") void a() {} }"), h);
        List<Job> jobs = new ArrayList<>(h.jobs());
        List<Finding> findings = new ArrayList<>();
        new SpringPlaceholderResolver().resolve(jobs, findings, List.of());
        assertThat(jobs).isEqualTo(h.jobs());
        assertThat(findings).isEmpty();
    }
}
