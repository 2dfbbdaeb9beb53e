package dev.migrate.analyzers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleViewTest {
    private static ScheduleView view(Form form, String expression) {
        return new ScheduleView.Cache(java.time.ZoneId.of("UTC"))
                .of(new ScheduleSpec(form, expression, "UTC", SourceRef.at("x.timer", 5, 1)));
    }

    @Test
    void anIntervalFromWheneverTheJobLastStartedIsExactInSpacingOnly() {
        ScheduleView v = view(Form.SYSTEMD_MONOTONIC, "OnUnitActiveSec=1h");
        assertThat(v.exact()).isTrue();
        assertThat(v.proof()).isEqualTo("exact spacing over 50 fire times (the legacy runs count from whenever the "
                + "job last started (a boot, a restart), so each run's minute comes from anchor_date: set it to a time "
                + "the job ran)");
    }

    /**
     * Before: a Prefect deployment's own {@code interval: 3600} showed the anchor a legacy job's translation writes
     * ({@code anchor_date: 2020-01-01T00:00}, which the rewrite does not add to it) and the legacy job's caveat.
     */
    @Test
    void aPrefectDeploymentsOwnIntervalMovesAsWrittenWhileALegacyLoopGetsTheAnchor() {
        ScheduleSpec hourly = new ScheduleSpec(Form.INTERVAL, "PT1H", "UTC", SourceRef.at("prefect.yaml", 5, 5));
        ScheduleView.Cache cache = new ScheduleView.Cache(java.time.ZoneId.of("UTC"));
        ScheduleView deployment = cache.of(job(JobKind.PREFECT2_DEPLOYMENT, hourly), hourly);
        assertThat(deployment.prefect()).isEqualTo("interval: 3600, timezone: UTC");
        assertThat(deployment.proof()).isEqualTo("exact spacing over 50 fire times (no anchor_date: Prefect counts the "
                + "interval from the moment the deployment is created, before the move and after it)");
        ScheduleView loop = cache.of(job(JobKind.PYTHON_SLEEP_LOOP, hourly), hourly);
        assertThat(loop.prefect()).isEqualTo("interval: 3600, anchor_date: 2020-01-01T00:00, timezone: UTC");
        assertThat(loop.proof()).contains("the legacy runs count from whenever the job last started");
        // an anchored Prefect interval is shown as it is
        ScheduleSpec anchored = new ScheduleSpec(Form.INTERVAL, "R/2024-01-01T00:30+01:00/PT6H", "UTC", SourceRef.at("d.py", 3, 1));
        assertThat(cache.of(job(JobKind.PREFECT2_DEPLOYMENT, anchored), anchored)).isEqualTo(cache.of(anchored));
    }

    /**
     * A deployment's schedule switched off on its own ({@code active: false}) says so, and its Prefect 3 entry keeps
     * {@code active: false}; the same schedule that runs is shown as before. Before: the two read the same, as if both ran.
     */
    @Test
    void aPausedScheduleSaysSoAndKeepsActiveFalse() {
        ScheduleSpec weekly = new ScheduleSpec(Form.INTERVAL, "R/2024-01-01T09:00Z/P7D", "Europe/London",
                SourceRef.at("prefect.yaml", 8, 19));
        ScheduleView.Cache cache = new ScheduleView.Cache(java.time.ZoneId.of("UTC"));
        ScheduleView on = cache.of(job(JobKind.PREFECT2_DEPLOYMENT, weekly), weekly);
        ScheduleView off = cache.of(job(JobKind.PREFECT2_DEPLOYMENT, weekly.asPaused()), weekly.asPaused());
        assertThat(on.description()).isEqualTo("every 7 days (Europe/London)");
        assertThat(on.prefect()).isEqualTo("interval: 604800, anchor_date: 2024-01-01T09:00:00+00:00, timezone: Europe/London");
        assertThat(on.exact()).isTrue();
        assertThat(off.description()).isEqualTo("every 7 days (Europe/London), paused (active: false)");
        assertThat(off.prefect()).isEqualTo(on.prefect() + ", active: false");
        assertThat(off.verdict()).startsWith(off.prefect() + ": exact over ");
    }

    /**
     * Before: a Prefect deployment's own {@code interval: 86400} without anchor_date was shown with the anchor the
     * rewrite does not write and the legacy job's reason; now the translation knows whose schedule it is and says what
     * Prefect does with it.
     */
    @Test
    void aPrefectDeploymentsOwnDailyIntervalSaysItsTimeOfDayComesFromItsCreation() {
        ScheduleSpec daily = new ScheduleSpec(Form.INTERVAL, "P1D", "UTC", SourceRef.at("prefect.yaml", 5, 5));
        ScheduleView.Cache cache = new ScheduleView.Cache(java.time.ZoneId.of("UTC"));
        ScheduleView deployment = cache.of(job(JobKind.PREFECT2_DEPLOYMENT, daily), daily);
        assertThat(deployment.prefect()).isEqualTo("interval: 86400, timezone: UTC");
        assertThat(deployment.exact()).isFalse();
        assertThat(deployment.reason()).isEqualTo("the deployment has no anchor_date: Prefect counts its every 1 day "
                + "from the moment the deployment is created, so the new deployment runs at the time of day it is created, "
                + "not at the old one's: set anchor_date to a time the deployment ran");
        ScheduleView loop = cache.of(job(JobKind.PYTHON_SLEEP_LOOP, daily), daily);
        assertThat(loop.prefect()).isEqualTo("interval: 86400, anchor_date: 2020-01-01T00:00, timezone: UTC");
        assertThat(loop.reason()).startsWith("the legacy job ran every 1 day from whenever it was started");
    }

    private static Job job(JobKind kind, ScheduleSpec s) {
        return new Job("j", kind, "j", s.where(), List.of(s), null, null, Map.of(), null, null, List.of(), Map.of());
    }

    @Test
    void aScheduleThatStatesItsTimesIsExactWithoutCaveat() {
        ScheduleView v = view(Form.CRON_UNIX, "0 * * * *");
        assertThat(v.proof()).isEqualTo("exact over 50 fire times");
        assertThat(v.reason()).isNull();
    }

    /** Before: "unknown schedule: 61 is out of range ... -> no Prefect 3 schedule: unknown schedule: 61 is out of range ...". */
    @Test
    void anUnknownScheduleSaysWhyOnce() {
        ScheduleView v = view(Form.CRON_UNIX, "61 * * * *");
        assertThat(v.description()).isEqualTo("unknown schedule: 61 is out of range for the minute field (0-59)");
        assertThat(v.verdict()).isEqualTo("no Prefect 3 schedule");
        assertThat(v.description() + " -> " + v.verdict()).containsOnlyOnce("out of range");
    }

    @Test
    void aBootScheduleSaysWhatToDoWithoutRepeatingItself() {
        ScheduleView v = view(Form.AT_BOOT, "@reboot");
        assertThat(v.description()).isEqualTo("once at boot (@reboot)");
        assertThat(v.verdict()).startsWith("no Prefect 3 schedule: Prefect 3 schedules (cron, interval, rrule) have no "
                + "boot trigger").doesNotContain("@reboot");
    }

    /** The views were cached by text alone: whichever file came first decided what the other one showed. */
    @Test
    void theSameCronInAPrefectYamlAndACrontabIsReadEachItsOwnWay() {
        ScheduleView.Cache cache = new ScheduleView.Cache(java.time.ZoneId.of("UTC"));
        ScheduleView yaml = cache.of(new ScheduleSpec(Form.CRON_UNIX, "0 0 L * *", "UTC", SourceRef.at("prefect.yaml", 7, 9)));
        ScheduleView crontab = cache.of(new ScheduleSpec(Form.CRON_UNIX, "0 0 L * *", "UTC", SourceRef.at("etc/crontab", 3, 1)));
        assertThat(yaml.prefect()).startsWith("cron: 0 0 L * *");
        assertThat(crontab.prefect()).isNull();
        assertThat(crontab.description()).contains("'L' is not a valid day-of-month value");
    }
}
