package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A constraint fixes a naive-anchor reading only when every release it admits is on one side of 3.5.0. */
class PrefectConstraintReadingTest {
    @Test
    void exactPinsReadAsTheirVersion() {
        assertThat(PrefectConstraintReading.of("==3.4.1", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("===3.5.0", false)).contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of("== 2.14.2", false)).contains(Reading.PREFECT2);
        assertThat(PrefectConstraintReading.of("3.4.25", true)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("==2", false)).contains(Reading.PREFECT2); // any 2.x
    }

    @Test
    void rangesOnOneSideDecide() {
        assertThat(PrefectConstraintReading.of(">=3.0,<3.5", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=3.0, <=3.4.99", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("~=3.4.0", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("==3.4.*", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("~3.4", true)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=3.5", false)).contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of(">=3.5.2,<4", true)).contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of("^3.5", true)).contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of("~=3.5", false)).contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of(">=2.10,<3", false)).contains(Reading.PREFECT2);
        // 2.x and 3.x before 3.5.0 both read the anchor as UTC
        assertThat(PrefectConstraintReading.of(">=2.10,<3.5", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("<3.5", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("<=2.20", false)).contains(Reading.PREFECT2);
    }

    /** The constraint reader and the version reader share one boundary, the one NaiveAnchors keeps. */
    @Test
    void boundaryIsTheOneNaiveAnchorsKeeps() {
        int[] since = NaiveAnchors.zoneReadingSince();
        String first = since[0] + "." + since[1] + "." + since[2];
        String before = since[0] + "." + (since[1] - 1) + ".99";
        assertThat(PrefectConstraintReading.of("==" + first, false)).isEqualTo(NaiveAnchors.forVersion(first))
                .contains(Reading.PREFECT3_ZONE);
        assertThat(PrefectConstraintReading.of("==" + before, false)).isEqualTo(NaiveAnchors.forVersion(before))
                .contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=" + before + ",<" + first, false)).contains(Reading.PREFECT3_UTC);
        since[1] = 99; // a copy: the caller cannot move the boundary
        assertThat(NaiveAnchors.zoneReadingSince()[1]).isEqualTo(5);
    }

    /** Must not change: a range across 3.5.0, an open one, one that admits nothing, or what this does not read. */
    @Test
    void rangesAcross350DecideNothing() {
        for (String spec : new String[] {">=3.4,<3.6", ">=3", "~=3.4", "<3.6", "==3", "!=3.4.1", "*", ">=3.6,<3.5",
                "<2", "==3.4.1,>=3.5"}) {
            assertThat(PrefectConstraintReading.of(spec, false)).as(spec).isEqualTo(Optional.empty());
        }
        assertThat(PrefectConstraintReading.of("^3.4", true)).isEmpty();
        assertThat(PrefectConstraintReading.of("3", true)).isEmpty();
        assertThat(PrefectConstraintReading.of("3.4.1", false)).isEmpty(); // no operator is no PEP 440 clause
        assertThat(PrefectConstraintReading.of(">=4", false)).isEmpty();
    }
}
