package dev.migrate.analyzers.sources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonConstraintsTest {
    @Test
    void theLowerBoundIsRaisedAndTheRestKept() {
        assertThat(PythonConstraints.pep440(">=3.8", "3.10")).contains(new PythonConstraints.Low("3.8", ">=3.10"));
        assertThat(PythonConstraints.pep440(">=3.8.1, <4", "3.10")).contains(new PythonConstraints.Low("3.8", ">=3.10, <4"));
        assertThat(PythonConstraints.pep440(">3.7", "3.10")).contains(new PythonConstraints.Low("3.7", ">=3.10"));
        assertThat(PythonConstraints.pep440("~=3.9", "3.10")).contains(new PythonConstraints.Low("3.9", "~=3.10"));
        assertThat(PythonConstraints.pep440(">=3.9,<3.13,!=3.9.7", "3.10"))
                .contains(new PythonConstraints.Low("3.9", ">=3.10,<3.13,!=3.9.7"));
        assertThat(PythonConstraints.poetry("^3.8", "3.10")).contains(new PythonConstraints.Low("3.8", "^3.10"));
        assertThat(PythonConstraints.poetry(">=3.8,<3.12", "3.10")).contains(new PythonConstraints.Low("3.8", ">=3.10,<3.12"));
    }

    @Test
    void aCapBelowTheFloorLeavesTheChoiceToAPerson() {
        assertThat(PythonConstraints.pep440("~=3.9.0", "3.10")).contains(new PythonConstraints.Low("3.9", null));
        assertThat(PythonConstraints.pep440(">=3.8,<3.10", "3.10")).contains(new PythonConstraints.Low("3.8", null));
        assertThat(PythonConstraints.pep440("==3.9.*", "3.10")).contains(new PythonConstraints.Low("3.9", null));
        assertThat(PythonConstraints.poetry("~3.9", "3.10")).contains(new PythonConstraints.Low("3.9", null));
        assertThat(PythonConstraints.poetry("3.9.*", "3.10")).contains(new PythonConstraints.Low("3.9", null));
    }

    @Test
    void constraintsThatAlreadyStartAtTheFloorOrCannotBeReadStay() {
        assertThat(PythonConstraints.pep440(">=3.10", "3.10")).isEmpty();
        assertThat(PythonConstraints.pep440(">=3.9", "3.9")).isEmpty();
        assertThat(PythonConstraints.pep440("<4", "3.10")).isEmpty();
        assertThat(PythonConstraints.poetry("^3.8 || ^4.0", "3.10")).isEmpty();
        assertThat(PythonConstraints.pep440(">=3.8,<3.10.5", "3.10")).contains(new PythonConstraints.Low("3.8", ">=3.10,<3.10.5"));
    }

    /**
     * Read by the shared VersionConstraint. Before, a caret or compatible release whose own cap is below the floor was
     * raised across a major ({@code ^2.7} to {@code ^3.10}), though the class leaves such caps to a person; Poetry's
     * space-separated clauses were not read at all.
     */
    @Test
    void aCapOfTheLowerClauseItselfCountsAndPoetrysSpacesAreRead() {
        assertThat(PythonConstraints.poetry("^2.7", "3.10")).contains(new PythonConstraints.Low("2.7", null));
        assertThat(PythonConstraints.pep440("~=2.7", "3.10")).contains(new PythonConstraints.Low("2.7", null));
        assertThat(PythonConstraints.poetry(">=3.9 <3.13", "3.10")).contains(new PythonConstraints.Low("3.9", ">=3.10 <3.13"));
        assertThat(PythonConstraints.poetry(">= 3.8, < 4", "3.10")).contains(new PythonConstraints.Low("3.8", ">= 3.10, < 4"));
        assertThat(PythonConstraints.pep440(">=3.6, !=3.7.*, <3.9", "3.10")).contains(new PythonConstraints.Low("3.6", null));
    }
}
