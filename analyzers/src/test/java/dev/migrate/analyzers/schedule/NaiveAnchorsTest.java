package dev.migrate.analyzers.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.ScheduleSpec.Form;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * A naive anchor is read as UTC and marked for its version: Prefect 2 and 3.x before 3.3.0 prove that instant; from 3.3.0
 * the Python versions of the client and the server decide between it and the digits in the schedule's timezone, so the
 * mark stays and says both.
 */
class NaiveAnchorsTest {
    private static final SourceRef AT = SourceRef.at("prefect.yaml", 1, 1);
    private static final LocalDateTime SIX_THIRTY = LocalDateTime.of(2023, 3, 1, 6, 30);

    private static ScheduleSpec naive(String timezone) {
        String expression = AnchoredInterval.expression("P1D", SIX_THIRTY, timezone).orElseThrow();
        return NaiveAnchors.marked(new ScheduleSpec(Form.INTERVAL, expression, timezone, AT));
    }

    @Test
    void aNaiveAnchorInChicagoIsReadAsUtcAndMarked() {
        ScheduleSpec s = naive("America/Chicago");
        assertThat(s.expression()).isEqualTo("R/2023-03-01T06:30Z/P1D");
        assertThat(NaiveAnchors.pending(s)).isTrue();
        assertThat(NaiveAnchors.resolve(s, Reading.PREFECT2)).satisfies(r -> {
            assertThat(r.expression()).isEqualTo("R/2023-03-01T06:30Z/P1D");
            assertThat(r.unproven()).isNull();
        });
        assertThat(NaiveAnchors.resolve(s, Reading.PREFECT3_UTC).expression()).isEqualTo("R/2023-03-01T06:30Z/P1D");
        assertThat(NaiveAnchors.resolve(s, Reading.PREFECT3_UTC).unproven()).isNull();
        // the other reading, which some 3.3+ clients and servers run
        assertThat(NaiveAnchors.inZone(s).expression()).isEqualTo("R/2023-03-01T06:30-06:00/P1D");
        assertThat(NaiveAnchors.inZone(s).unproven()).isNull();
    }

    /**
     * Before, a 3.5.0 or later version resolved the anchor into the zone, crediting PrefectHQ/prefect#19301; now no
     * version from 3.3.0 proves either reading: the mark stays, with both instants, what decides and what to write.
     */
    @Test
    void from330TheMarkStaysWithBothReadings() {
        ScheduleSpec s = naive("America/Chicago");
        assertThat(NaiveAnchors.resolve(s, Reading.BY_PYTHON)).isEqualTo(s);
        assertThat(s.unproven()).isEqualTo("naive anchor_date 2023-03-01T06:30 with timezone America/Chicago is "
                + "2023-03-01T06:30Z read as UTC, 2023-03-01T06:30-06:00 read in America/Chicago: Prefect 2 and 3.x before "
                + "3.3.0 read it as UTC, and from 3.3.0 which one runs depends on the Python version of the Prefect client "
                + "that deploys it and of the server that stores it, and no prefect pin here keeps it below 3.3.0; write "
                + "anchor_date with an explicit offset (migrate rewrite writes a Prefect 2 anchor with +00:00, PF207); "
                + "read as UTC");
        assertThat(s.unproven()).doesNotContain("19301");
    }

    @Test
    void versionsOnEitherSideOf330() {
        assertThat(NaiveAnchors.forVersion("2.20.25")).contains(Reading.PREFECT2);
        assertThat(NaiveAnchors.forVersion("3.0.0")).contains(Reading.PREFECT3_UTC);
        assertThat(NaiveAnchors.forVersion("3.2.6")).contains(Reading.PREFECT3_UTC);
        assertThat(NaiveAnchors.forVersion("3.3.0")).contains(Reading.BY_PYTHON);
        assertThat(NaiveAnchors.forVersion("3.4.25")).contains(Reading.BY_PYTHON);
        assertThat(NaiveAnchors.forVersion("3.5.0")).contains(Reading.BY_PYTHON);
        assertThat(NaiveAnchors.forVersion("3.8")).contains(Reading.BY_PYTHON);
        assertThat(NaiveAnchors.forVersion("3.3.0rc1")).contains(Reading.BY_PYTHON);
        assertThat(Reading.BY_PYTHON.proven()).isFalse();
        assertThat(NaiveAnchors.forVersion("1.4.1")).isEmpty();
        assertThat(NaiveAnchors.forVersion("{{ version }}")).isEmpty();
        assertThat(NaiveAnchors.forVersion(null)).isEmpty();
    }

    // must not change: UTC by any name, no zone, an unknown zone, or an anchor with its offset is one instant to all
    @Test
    void anchorsEveryVersionReadsAlikeAreNotMarked() {
        assertThat(NaiveAnchors.pending(naive("UTC"))).isFalse();
        assertThat(NaiveAnchors.pending(naive("Etc/UTC"))).isFalse();
        assertThat(NaiveAnchors.pending(naive(null))).isFalse();
        assertThat(AnchoredInterval.expression("P1D", SIX_THIRTY, "Mars/Olympus")).isEmpty();
        assertThat(AnchoredInterval.naive("2023-03-01T06:30:00+00:00")).isFalse();
        assertThat(AnchoredInterval.naive("2023-03-01 06:30")).isTrue();
        assertThat(AnchoredInterval.expression("P1D", "2023-03-01T06:30:00-05:00", "America/Chicago"))
                .contains("R/2023-03-01T06:30-05:00/P1D");
    }

    // must not change: a Prefect 1 start placed in its zone by the caller (pendulum) keeps its offset
    @Test
    void aPrefect1StartKeepsItsZone() {
        assertThat(AnchoredInterval.expression("PT1H", SIX_THIRTY.atZone(java.time.ZoneId.of("Europe/London"))))
                .isEqualTo("R/2023-03-01T06:30Z/PT1H");
        assertThat(AnchoredInterval.expression("PT1H", LocalDateTime.of(2022, 7, 4, 6, 30)
                .atZone(java.time.ZoneId.of("Europe/London")))).isEqualTo("R/2022-07-04T06:30+01:00/PT1H");
    }
}
