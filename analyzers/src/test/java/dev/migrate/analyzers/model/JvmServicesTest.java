package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which unit runs the JVM application whose Spring and Quartz jobs the scan found: the supervisor of those jobs. */
class JvmServicesTest {
    private static Job unit(String name, String command) {
        return new Job("systemd-scheduler-" + name, JobKind.SYSTEMD_SCHEDULER_SERVICE, name,
                SourceRef.at("etc/systemd/system/" + name + ".service", 0, 0), List.of(), command, null, Map.of(), null,
                null, List.of(), Map.of());
    }

    private static Job spring(String path) {
        return new Job("spring-" + path.hashCode(), JobKind.SPRING_SCHEDULED, "run", SourceRef.at(path, 10, 5), List.of(),
                "com.corp.Jobs#run", null, Map.of(), null, null, List.of(), Map.of());
    }

    @Test
    void theJarsProjectAsTheHostPathNamesItOrByTheArchivesName() {
        Job mirrored = spring("opt/billing-app/src/main/java/com/corp/Jobs.java");
        Job elsewhere = spring("services/billing-app/src/main/java/com/corp/Jobs.java");
        Job other = spring("services/ledger/src/main/java/com/corp/Jobs.java");
        Job billing = unit("billing-app", "/usr/bin/java -Xmx1g -jar /opt/billing-app/target/billing-app.jar --x=1");
        assertThat(JvmServices.hostedBy(billing, List.of(mirrored, elsewhere, other))).containsExactly(mirrored, elsewhere);
        assertThat(JvmServices.serviceOf(other, List.of(billing))).isNull();
        // a versioned archive, built by Gradle, from a project directory of its name
        Job gradle = unit("ledger", "java -jar /srv/apps/ledger-2.3.1-SNAPSHOT.jar");
        assertThat(JvmServices.serviceOf(other, List.of(billing, gradle))).isSameAs(gradle);
    }

    @Test
    void aUnitThatRunsNoJarOrAJobOfAnotherKindIsNoSupervisor() {
        Job python = unit("aps", "/opt/venv/bin/python /opt/billing-app/src/main/run.py");
        Job jobs = spring("opt/billing-app/src/main/java/com/corp/Jobs.java");
        assertThat(JvmServices.hostedBy(python, List.of(jobs))).isEmpty();
        Job cron = new Job("cron-1", JobKind.CRON, "x", SourceRef.at("opt/billing-app/src/main/crontab", 1, 1), List.of(),
                "x", null, Map.of(), null, null, List.of(), Map.of());
        Job billing = unit("billing-app", "/usr/bin/java -jar /opt/billing-app/target/billing-app.jar");
        assertThat(JvmServices.hostedBy(billing, List.of(cron))).isEmpty();
        // a source outside any src/main tree belongs to no project the jar names
        assertThat(JvmServices.builtFrom("/opt/billing-app/target/billing-app.jar", "opt/billing-app/Jobs.java")).isFalse();
    }
}
