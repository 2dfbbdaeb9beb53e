package dev.migrate.analyzers.sources.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.Scanner;
import dev.migrate.analyzers.sources.TreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted {@code java -jar} unit that says nothing of scheduling is the scheduler service of the tree's Spring or
 * Quartz module when its jar is that module's build, known by the module's pom or Gradle script: linked, its TZ read.
 * A unit running an unrelated jar stays no job.
 */
class JvmBuildNameServiceTest {
    private static final String JOBS = """
            package com.acme.jobs;
            import org.springframework.scheduling.annotation.Scheduled;
            class Jobs {
                @Scheduled(cron = "0 30 2 * * *")
                void nightly() {}
            }
            """;
    private static final String POM = """
            <project>
              <parent>
                <groupId>org.springframework.boot</groupId>
                <artifactId>spring-boot-starter-parent</artifactId>
              </parent>
              <artifactId>billing-app</artifactId>
              <dependencies>
                <dependency><artifactId>spring-boot-starter-quartz</artifactId></dependency>
              </dependencies>
            </project>
            """;
    private static final String UNIT = "etc/systemd/system/billing.service";

    @TempDir
    Path tree;

    private static String unit(String jar) {
        return "[Unit]\nDescription=Billing\n\n[Service]\nEnvironment=TZ=Europe/Paris\nExecStart=/usr/bin/java -Xmx1g -jar "
                + jar + " --spring.profiles.active=prod\nRestart=on-failure\n";
    }

    private Inventory scan(String... files) throws IOException {
        List<String> all = new ArrayList<>(List.of("opt/billing/src/main/java/com/acme/jobs/Jobs.java", JOBS));
        all.addAll(List.of(files));
        TreeFiles.write(tree, all.toArray(String[]::new));
        return Scanner.standard(ScanOptions.defaults()).scan(tree, "t", ScanListener.NONE);
    }

    private static Job nightly(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.name().contains("nightly")).findFirst().orElseThrow();
    }

    private static List<Job> services(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE).toList();
    }

    @Test
    void theJarThePomBuildsIsTheSchedulerService() throws IOException {
        Inventory inv = scan(UNIT, unit("/opt/billing/billing-app-1.4.2.jar"), "opt/billing/pom.xml", POM);
        assertThat(nightly(inv).attributes()).containsEntry("service", UNIT);
        assertThat(nightly(inv).schedules().get(0).timezone()).isEqualTo("Europe/Paris");
        assertThat(services(inv)).hasSize(1).allSatisfy(s -> assertThat(s.attributes()).doesNotContainKey("service.unannouncedJvm"));
        assertThat(inv.findings()).anyMatch(f -> f.code().equals("SYD004") && f.jobId().equals(services(inv).get(0).id()));
    }

    @Test
    void aGradleArchiveBaseNameNamesTheJarToo() throws IOException {
        Inventory inv = scan(UNIT, unit("/srv/app/invoicing.jar"), "opt/billing/build.gradle",
                "plugins { id 'org.springframework.boot' }\nbootJar {\n    archiveBaseName = 'invoicing'\n}\n");
        assertThat(nightly(inv).attributes()).containsEntry("service", UNIT);
    }

    // must not change: a restarted java unit running another application is no scheduler, and the jobs stay unlinked
    @Test
    void aUnitRunningAnUnrelatedJarIsNoJob() throws IOException {
        for (String jar : List.of("/opt/search/elasticsearch.jar", "/opt/billing/spring-boot-starter-parent.jar",
                "/opt/billing/spring-boot-starter-quartz.jar")) {
            Inventory inv = scan(UNIT, unit(jar), "opt/billing/pom.xml", POM);
            assertThat(services(inv)).isEmpty();
            assertThat(inv.findings()).noneMatch(f -> f.code().equals("SYD004"));
            assertThat(nightly(inv).attributes()).doesNotContainKey("service");
            assertThat(nightly(inv).schedules().get(0).timezone()).isNull();
        }
    }

    @Test
    void archiveNamesCompareWithoutVersion() {
        assertThat(ModuleArchives.base("/opt/x/billing-app-1.4.2-SNAPSHOT.jar")).isEqualTo("billing-app");
        assertThat(ModuleArchives.of("opt/billing", java.util.Map.of("opt/billing/pom.xml", POM))).containsExactly("billing-app");
    }
}
