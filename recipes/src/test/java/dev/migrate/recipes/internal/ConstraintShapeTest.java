package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstraintShapeTest {
    @Test
    void exactPinsStayExact() {
        assertThat(ConstraintShape.pep440("==2.14.9", "3.8.3")).isEqualTo("==3.8.3");
        assertThat(ConstraintShape.pep440("===2.14.9", "3.8.3")).isEqualTo("===3.8.3");
        assertThat(ConstraintShape.pep440(" == 2.20.0rc1", "3.0.0")).isEqualTo(" == 3.0.0");
        assertThat(ConstraintShape.pep440("==0.4.10", "0.5.0")).isEqualTo("==0.5.0");
    }

    @Test
    void rangesMoveToTheSameRangeAtTheNewMinimum() {
        assertThat(ConstraintShape.pep440(">=2.10,<3", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.pep440(">=2.10, <3.0.0", "3.8.3")).isEqualTo(">=3.8.3, <4.0.0");
        assertThat(ConstraintShape.pep440("<3,>=2.7", "3.8.3")).isEqualTo("<4,>=3.8.3");
        assertThat(ConstraintShape.pep440(">=2.7", "3.8.3")).isEqualTo(">=3.8.3");
        assertThat(ConstraintShape.pep440(">2.7", "3.8.3")).isEqualTo(">=3.8.3");
        // the 0.x line of an integration is its minor
        assertThat(ConstraintShape.pep440(">=0.4,<0.5", "0.5.0")).isEqualTo(">=0.5.0,<0.6");
    }

    // a cap alone also admitted older majors: the new range starts at the minimum
    @Test
    void aCapAloneGetsTheMinimumInFront() {
        assertThat(ConstraintShape.pep440("<3", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.pep440("<=2.20.1", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.pep440("<0.5", "0.5.0")).isEqualTo(">=0.5.0,<0.6");
    }

    @Test
    void aCapInsideALineKeepsItsPrecision() {
        assertThat(ConstraintShape.pep440(">=2.10,<2.15", "3.8.3")).isEqualTo(">=3.8.3,<3.9");
        assertThat(ConstraintShape.pep440(">=2.10,<2.15", "3.0.0")).isEqualTo(">=3.0.0,<3.1");
    }

    @Test
    void compatibleReleasesKeepTheirPrecision() {
        assertThat(ConstraintShape.pep440("~=2.14", "3.8.3")).isEqualTo("~=3.8");
        assertThat(ConstraintShape.pep440("~=2.14.3", "3.8.3")).isEqualTo("~=3.8.3");
        assertThat(ConstraintShape.pep440("~=2.14", "3.0.0")).isEqualTo("~=3.0");
        assertThat(ConstraintShape.pep440("~=0.4.2", "0.5.0")).isEqualTo("~=0.5.0");
    }

    @Test
    void wildcardsBecomeARangeFromTheMinimum() {
        assertThat(ConstraintShape.pep440("==2.*", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.pep440("==2.14.*", "3.8.3")).isEqualTo(">=3.8.3,<3.9");
    }

    @Test
    void exclusionsBelowTheMinimumAreDropped() {
        assertThat(ConstraintShape.pep440(">=2.10,!=2.14.0,<3", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.pep440("~=2.14,!=3.9.0", "3.8.3")).isEqualTo("~=3.8,!=3.9.0");
    }

    // a cap that admits the minimum did not hold the old release back
    @Test
    void aCapAboveTheMinimumStays() {
        assertThat(ConstraintShape.pep440("==0.4.1,<1", "0.5.0")).isEqualTo("==0.5.0,<1");
    }

    @Test
    void poetryConstraintsKeepTheirOperators() {
        assertThat(ConstraintShape.poetry("^2.14", "3.8.3")).isEqualTo("^3.8");
        assertThat(ConstraintShape.poetry("^2.14.3", "3.8.3")).isEqualTo("^3.8.3");
        assertThat(ConstraintShape.poetry("^2", "3.8.3")).isEqualTo("^3.8");
        assertThat(ConstraintShape.poetry("~2.14", "3.8.3")).isEqualTo("~3.8");
        assertThat(ConstraintShape.poetry("~2", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.poetry("2.14.3", "3.8.3")).isEqualTo("3.8.3");
        assertThat(ConstraintShape.poetry("2.*", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.poetry(">=2.10,<3", "3.8.3")).isEqualTo(">=3.8.3,<4");
        assertThat(ConstraintShape.poetry("^0.4", "0.5.0")).isEqualTo("^0.5");
    }

    @Test
    void shapesItCannotReadAreLeftToTheCaller() {
        assertThat(ConstraintShape.poetry("^2.14 || ^3.0", "3.8.3")).isNull();
        assertThat(ConstraintShape.pep440("2.14.3", "3.8.3")).isNull();
        assertThat(ConstraintShape.pep440("^2.14", "3.8.3")).isNull();
        assertThat(ConstraintShape.pep440("==latest", "3.8.3")).isNull();
        // must not change: Poetry's spaces between clauses and its * are not written back
        assertThat(ConstraintShape.poetry(">=2.10 <3", "3.8.3")).isNull();
        assertThat(ConstraintShape.poetry("*", "3.8.3")).isNull();
    }

    /**
     * Read by the shared VersionConstraint: before, an empty clause (pip's packaging skips it) made the whole constraint
     * unread, so a library's range was pinned exactly; {@code ~=2}, which pip rejects, was moved as if it were valid.
     */
    @Test
    void whatPipReadsIsWhatThisMoves() {
        assertThat(ConstraintShape.pep440(">=2.10,", "3.8.3")).isEqualTo(">=3.8.3");
        assertThat(ConstraintShape.pep440("~=2", "3.8.3")).isNull();
        assertThat(ConstraintShape.pep440(">=2.10.0rc1,<3", "3.8.3")).isEqualTo(">=3.8.3,<4");
    }
}
