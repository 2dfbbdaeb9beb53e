package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequirementsFilesTest {
    @Test
    void requirementsFilesByTheirUsualNames() {
        assertThat(RequirementsFiles.isRequirements("requirements.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("flows/requirements-dev.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("docker/docker-requirements.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("dev_requirements.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("requirements.in")).isTrue();
        assertThat(RequirementsFiles.isRequirements("constraints.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("requirements/base.txt")).isTrue();
        assertThat(RequirementsFiles.isRequirements("a\\requirements\\prod.in")).isTrue();
        assertThat(RequirementsFiles.isRequirements("Requirements.TXT")).isTrue();
    }

    @Test
    void otherTextFilesAreNot() {
        assertThat(RequirementsFiles.isRequirements("notes.txt")).isFalse();
        assertThat(RequirementsFiles.isRequirements("MANIFEST.in")).isFalse();
        assertThat(RequirementsFiles.isRequirements("myrequirements.txt")).isFalse();
        assertThat(RequirementsFiles.isRequirements("requirements.txt.bak")).isFalse();
        assertThat(RequirementsFiles.isRequirements("requirements/README.md")).isFalse();
        assertThat(RequirementsFiles.isRequirements("requirements_check.py")).isFalse();
    }
}
