package dev.migrate.analyzers.sources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncludedRequirementsTest {
    private static IncludedRequirements tree() {
        IncludedRequirements r = new IncludedRequirements();
        r.offer("requirements/prod.txt", "-r base.txt\n-c ../constraints/prod.txt\n");
        r.offer("requirements/base.txt", "-r ../common/shared.in\nprefect==2.19.4\n");
        r.offer("constraints/prod.txt", "prefect-aws==0.4.14\n");
        // names files, but no requirements file names it: pip never reads it
        r.offer("notes.txt", "-r stray.txt\n");
        r.offer("README.md", "-r docs.txt\n");
        return r;
    }

    @Test
    void theFilesRequirementsFilesReachWhateverTheirNames() {
        IncludedRequirements r = tree();
        assertThat(r.included()).containsExactly("common/shared.in", "constraints/prod.txt", "requirements/base.txt");
        assertThat(r.installed()).containsExactly("common/shared.in", "requirements/base.txt");
        assertThat(r.installedThrough("common/shared.in")).containsExactly("requirements/base.txt", "requirements/prod.txt");
        assertThat(r.installedThrough("constraints/prod.txt")).isEmpty();
    }

    @Test
    void mustNotIncludeWhatOnlyAStrayTextFileNames() {
        IncludedRequirements r = tree();
        assertThat(r.included()).doesNotContain("stray.txt", "docs.txt", "notes.txt");
        assertThat(IncludedRequirements.mayBeRequirements("README.md")).isFalse();
        assertThat(IncludedRequirements.mayBeRequirements("pins/prod.in")).isTrue();
    }

    @Test
    void aFileIsOnlyConstrainedByWhenNamedOnlyWithMinusCAndNotNamedAsInstalledFrom() {
        IncludedRequirements r = new IncludedRequirements();
        r.offer("requirements-dev.txt", "-c requirements.txt\n-c constraints.txt\n-c ci/pins.txt\n");
        r.offer("requirements/prod.txt", "-r ../ci/pins.txt\n");
        r.offer("requirements/test.txt", "-c ../locks/prefect.txt\n");
        assertThat(r.onlyConstrains("constraints.txt")).isTrue();
        assertThat(r.onlyConstrains("locks/prefect.txt")).isTrue();
        // images install requirements.txt directly; prod.txt installs from ci/pins.txt
        assertThat(r.onlyConstrains("requirements.txt")).isFalse();
        assertThat(r.onlyConstrains("ci/pins.txt")).isFalse();
        assertThat(r.onlyConstrains("requirements/prod.txt")).isFalse();
    }

    // constraints-prod.txt, passed to pip with -c by CI, is named by no requirements file
    @Test
    void aFileNamedAsConstraintsOnlyConstrainsUnlessARequirementsFileInstallsFromIt() {
        IncludedRequirements r = new IncludedRequirements();
        r.offer("requirements.txt", "-r shared/base-constraints.txt\nprefect\n");
        assertThat(r.onlyConstrains("constraints.txt")).isTrue();
        assertThat(r.onlyConstrains("deps/constraints-prod.txt")).isTrue();
        assertThat(r.onlyConstrains("requirements/dev_constraints.in")).isTrue();
        assertThat(r.onlyConstrains("shared/base-constraints.txt")).isFalse();
        assertThat(r.onlyConstrains("requirements-dev.txt")).isFalse();
        assertThat(r.onlyConstrains("noconstraintsfile.txt")).isFalse();
    }
}
