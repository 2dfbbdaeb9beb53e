package dev.migrate.analyzers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scan's one linking step for JVM schedulers: a Spring or Quartz job records the unit whose {@code java -jar} runs
 * its application ({@link SchedulerServices#SERVICE}), and what reads the inventory after (the cutover) finds the unit
 * from that record, not by matching jars again.
 */
class JvmServiceLinkTest {
    private static Job unit(String name, String command) {
        return new Job("systemd-scheduler-" + name, JobKind.SYSTEMD_SCHEDULER_SERVICE, name,
                SourceRef.at("etc/systemd/system/" + name + ".service", 0, 0), List.of(), command, null, Map.of(), null,
                null, List.of(), Map.of("service", "etc/systemd/system/" + name + ".service"));
    }

    private static Job job(JobKind kind, String path, Map<String, String> attributes) {
        return new Job(kind.slug() + "-" + path.hashCode(), kind, "run", SourceRef.at(path, 10, 5), List.of(),
                "com.corp.Jobs#run", null, Map.of(), null, null, List.of(), attributes);
    }

    @Test
    void springAndQuartzJobsRecordTheUnitThatRunsTheirJar() {
        Job billing = unit("billing-app", "/usr/bin/java -Xmx1g -jar /opt/billing-app/target/billing-app.jar");
        Job spring = job(JobKind.SPRING_SCHEDULED, "opt/billing-app/src/main/java/com/corp/Jobs.java", Map.of());
        Job quartz = job(JobKind.QUARTZ, "opt/billing-app/src/main/resources/quartz_jobs.xml", Map.of("trigger", "t"));
        Job other = job(JobKind.SPRING_SCHEDULED, "services/ledger/src/main/java/com/corp/Jobs.java", Map.of());
        List<Job> jobs = new ArrayList<>(List.of(billing, spring, quartz, other));
        SchedulerServices.linkJvmServices(jobs);
        assertThat(jobs.get(1).attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/billing-app.service");
        assertThat(jobs.get(2).attributes()).containsEntry(SchedulerServices.SERVICE, "etc/systemd/system/billing-app.service")
                .containsEntry("trigger", "t");
        assertThat(jobs.get(3).attributes()).doesNotContainKey(SchedulerServices.SERVICE);
        assertThat(SchedulerServices.recordedServiceOf(jobs.get(1), jobs)).isSameAs(billing);
        assertThat(SchedulerServices.recordedServiceOf(jobs.get(3), jobs)).isNull();
        assertThat(SchedulerServices.recordedHostedBy(billing, jobs)).containsExactly(jobs.get(1), jobs.get(2));
    }

    // must not change: without the record (an inventory the scan did not link), or for a unit's own service=, nothing
    @Test
    void onlyTheRecordOfAJvmJobLinksIt() {
        Job billing = unit("billing-app", "/usr/bin/java -jar /opt/billing-app/target/billing-app.jar");
        Job unlinked = job(JobKind.SPRING_SCHEDULED, "opt/billing-app/src/main/java/com/corp/Jobs.java", Map.of());
        assertThat(SchedulerServices.recordedServiceOf(unlinked, List.of(billing, unlinked))).isNull();
        assertThat(SchedulerServices.recordedHostedBy(billing, List.of(billing, unlinked))).isEmpty();
        // a timer names its own unit in service=: that is no scheduler running it
        Job timer = new Job("t", JobKind.SYSTEMD_TIMER, "t", SourceRef.at("etc/systemd/system/billing-app.timer", 0, 0),
                List.of(), "/bin/true", null, Map.of(), null, null, List.of(),
                Map.of("service", "etc/systemd/system/billing-app.service"));
        assertThat(SchedulerServices.recordedServiceOf(timer, List.of(billing, timer))).isNull();
        // a record the job already has is kept as it is
        Job stated = job(JobKind.QUARTZ, "opt/billing-app/src/main/java/com/corp/Q.java",
                Map.of(SchedulerServices.SERVICE, "etc/systemd/system/other.service"));
        List<Job> jobs = new ArrayList<>(List.of(billing, stated));
        SchedulerServices.linkJvmServices(jobs);
        assertThat(jobs.get(1)).isSameAs(stated);
    }
}
