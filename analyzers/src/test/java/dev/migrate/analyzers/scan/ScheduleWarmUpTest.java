package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import dev.migrate.analyzers.sources.JobBuilder;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schedules of the jobs known after each step of a scan's end are read and proven once each, as the report will
 * ask for them: a platform job's schedule without a zone in UTC, a job a step replaced not again, a schedule that cannot
 * be read or proven left to the report.
 */
class ScheduleWarmUpTest {
    private static Job job(JobKind kind, String path, String name, ScheduleSpec.Form form, String expression) {
        SourceRef at = SourceRef.at(path, 3, 1);
        return new JobBuilder(new ScanFile(path, ""), kind, name, at, name)
                .schedule(new ScheduleSpec(form, expression, null, at)).build();
    }

    @Test
    void eachDistinctScheduleIsTakenUpOnceAcrossStepsAndPlatformOnesInUtc() {
        Job nightly = job(JobKind.CRON, "etc/cron.d/etl", "nightly", ScheduleSpec.Form.CRON_UNIX, "0 2 * * *");
        Job again = job(JobKind.CRON, "etc/cron.d/etl", "nightly-copy", ScheduleSpec.Form.CRON_UNIX, "0 2 * * *");
        Job deployment = job(JobKind.PREFECT3_DEPLOYMENT, "prefect.yaml", "load", ScheduleSpec.Form.CRON_PREFECT, "0 4 * * *");
        // a resolver replaces a job by one with another name: its schedule is the same
        Job renamed = job(JobKind.PREFECT3_DEPLOYMENT, "prefect.yaml", "load-renamed", ScheduleSpec.Form.CRON_PREFECT,
                "0 4 * * *");
        ScheduleWarmUp warmUp = new ScheduleWarmUp(ZoneId.of("Europe/Paris"), 2);
        warmUp.add(List.of(nightly, again));
        warmUp.add(List.of(nightly, again, deployment));
        warmUp.add(List.of(nightly, again, renamed));
        warmUp.await();
        assertThat(warmUp.taken()).containsExactlyInAnyOrder(
                List.of(ScheduleSpec.Form.CRON_UNIX, "0 2 * * *", "null", "etc/cron.d/etl", ScheduleOrigin.LEGACY_JOB),
                // read in UTC, as PlatformZones names it for the report, and proven as a Prefect deployment's own
                List.of(ScheduleSpec.Form.CRON_PREFECT, "0 4 * * *", "UTC", "prefect.yaml", ScheduleOrigin.PREFECT_DEPLOYMENT));
    }

    @Test
    void schedulesThatCannotBeReadOrTranslatedAreLeftToTheReport() {
        Job broken = job(JobKind.CRON, "etc/cron.d/bad", "bad", ScheduleSpec.Form.CRON_UNIX, "61 25 * * *");
        Job boot = job(JobKind.CRON, "etc/cron.d/boot", "boot", ScheduleSpec.Form.CRON_UNIX, "@reboot");
        Job rule = job(JobKind.PREFECT3_DEPLOYMENT, "prefect.yaml", "rule", ScheduleSpec.Form.RRULE, "FREQ=NEVER;X=Y");
        ScheduleWarmUp warmUp = new ScheduleWarmUp(ZoneId.of("UTC"), 1);
        warmUp.add(List.of(broken, boot, rule));
        warmUp.await();
        assertThat(warmUp.taken()).hasSize(3);
    }
}
