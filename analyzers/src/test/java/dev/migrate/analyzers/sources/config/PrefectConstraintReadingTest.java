package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A constraint proves the UTC reading of a naive anchor only when every release it admits is before 3.3.0; one that
 * admits 3.3.0 or later leaves it to the Python versions ({@link Reading#BY_PYTHON}).
 */
class PrefectConstraintReadingTest {
    @Test
    void exactPinsReadAsTheirVersion() {
        assertThat(PrefectConstraintReading.of("==3.2.1", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("==3.4.1", false)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("===3.5.0", false)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("== 2.14.2", false)).contains(Reading.PREFECT2);
        assertThat(PrefectConstraintReading.of("3.2.6", true)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("==2", false)).contains(Reading.PREFECT2); // any 2.x
    }

    @Test
    void rangesBefore330ProveUtc() {
        assertThat(PrefectConstraintReading.of(">=3.0,<3.3", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=3.0, <=3.2.99", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("~=3.2.0", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("==3.2.*", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("~3.2", true)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=2.10,<3", false)).contains(Reading.PREFECT2);
        // 2.x and 3.x before 3.3.0 both read the anchor as UTC
        assertThat(PrefectConstraintReading.of(">=2.10,<3.3", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("<3.3", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("<=2.20", false)).contains(Reading.PREFECT2);
    }

    /** Before, a range from 3.5.0 proved the zone reading; now anything that admits 3.3.0 or later proves nothing. */
    @Test
    void rangesThatAdmit330OrLaterAreLeftToPython() {
        for (String spec : new String[] {">=3.5", "~=3.5", ">=3.4,<3.6", ">=3", "~=3.4", "<3.6", "==3", "==3.4.*",
                ">=3.0,<3.5", "~=3.4.0", ">=4"}) {
            assertThat(PrefectConstraintReading.of(spec, false)).as(spec).contains(Reading.BY_PYTHON);
        }
        assertThat(PrefectConstraintReading.of("^3.4", true)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("^3.2", true)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of(">=3.5.2,<4", true)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("3", true)).contains(Reading.BY_PYTHON);
    }

    /** The constraint reader and the version reader share one boundary, the one NaiveAnchors keeps. */
    @Test
    void boundaryIsTheOneNaiveAnchorsKeeps() {
        String first = NaiveAnchors.unprovenSince().toString();
        int[] since = NaiveAnchors.unprovenSince().numbers();
        String before = since[0] + "." + (since[1] - 1) + ".99";
        assertThat(PrefectConstraintReading.of("==" + first, false)).isEqualTo(NaiveAnchors.forVersion(first))
                .contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("==" + before, false)).isEqualTo(NaiveAnchors.forVersion(before))
                .contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=" + before + ",<" + first, false)).contains(Reading.PREFECT3_UTC);
        since[1] = 99; // a copy: the caller cannot move the boundary
        assertThat(NaiveAnchors.unprovenSince()).hasToString("3.3.0");
    }

    /** Must not change: one that admits nothing, Prefect 1 only, or what this does not read. */
    @Test
    void constraintsThatNameNoReleaseDecideNothing() {
        for (String spec : new String[] {">=3.6,<3.5", "<2", "==3.2.1,>=3.5"}) {
            assertThat(PrefectConstraintReading.of(spec, false)).as(spec).isEqualTo(Optional.empty());
        }
        assertThat(PrefectConstraintReading.of("3.4.1", false)).isEmpty(); // no operator is no PEP 440 clause
        assertThat(PrefectConstraintReading.of("^3.2 || ^3.4", true)).isEmpty();
    }

    /**
     * Read by the shared VersionConstraint: Poetry's space-separated clauses were not read before; an exclusion alone
     * or {@code *} admits every release, 3.3.0 and later among them (before, nothing was read from them).
     */
    @Test
    void poetrysSpacesAndOpenConstraintsAreRead() {
        assertThat(PrefectConstraintReading.of(">=3.0 <3.3", true)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of(">=3.0.0rc1,<3.3.0", false)).contains(Reading.PREFECT3_UTC);
        assertThat(PrefectConstraintReading.of("<3.0.0,>=2.13.5", false)).contains(Reading.PREFECT2);
        assertThat(PrefectConstraintReading.of("!=3.4.1", false)).contains(Reading.BY_PYTHON);
        assertThat(PrefectConstraintReading.of("*", true)).contains(Reading.BY_PYTHON);
    }
}
