package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class PydanticPinDetectorTest {
    private final PydanticPinDetector detector = new PydanticPinDetector();

    @Test
    void pydantic1PinsBesidePrefectInEveryKindOfDependencyFile() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==2.14.9
                pydantic==1.10.13  # models use the v1 API
                pydantic-settings<2
                pydantic[email] >=1.10, <2 ; python_version >= "3.9"
                """)).isEqualTo("""
                requirements.txt:2:1 PF218 dependency pin pydantic==1.10.13 admits only pydantic 1; Prefect 3 requires pydantic 2, so this file cannot be installed once it asks for Prefect 3
                requirements.txt:4:1 PF218 dependency pin pydantic[email] >=1.10, <2 admits only pydantic 1; Prefect 3 requires pydantic 2, so this file cannot be installed once it asks for Prefect 3
                """);
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [project]
                dependencies = ["prefect>=2.14,<3", "pydantic~=1.10"]

                [tool.poetry.dependencies]
                pydantic = { version = "^1.10", optional = true }
                """)).contains("pyproject.toml:2:38 PF218 dependency pin pydantic~=1.10 ")
                .contains("pyproject.toml:5:1 PF218 dependency pin pydantic ^1.10 ");
        assertThat(DetectorHarness.run(detector, "setup.py", """
                setup(install_requires=["prefect", "pydantic<2.0"])
                """)).contains("setup.py:1:37 PF218 dependency pin pydantic<2.0 ");
    }

    // the rewrite leaves a hashed pin as it is (new hashes come only from compiling again), so the finding says so
    @Test
    void aPinLockedWithHashesSaysToCompileTheLockAgain() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==2.19.4 \\
                    --hash=sha256:1f7b
                pydantic==1.10.13 \\
                    --hash=sha256:3b9d
                    # via prefect
                """)).isEqualTo("""
                requirements.txt:3:1 PF218 dependency pin pydantic==1.10.13 admits only pydantic 1; Prefect 3 requires pydantic 2, so this file cannot be installed once it asks for Prefect 3; it is locked with --hash lines: re-run pip-compile (or uv pip compile) with pydantic>=2 in its input to regenerate it, since a new version needs new hashes
                """);
    }

    @Test
    void pinsAdmittingPydantic2AndFilesWithoutPrefectAreNotReported() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==2.14.9
                pydantic>=1.10,<3
                pydantic<2.5
                # pydantic==1.10.0
                """)).isEmpty();
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect-aws==0.4.1
                pydantic==1.10.0
                """)).isEmpty();
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [project]
                name = "prefect-flows"
                dependencies = ["pydantic<2"]
                """)).isEmpty();
    }

    @Test
    void pinsInFilesRequirementsFilesIncludeAreReportedAndStrayTextFilesAreNot() {
        String out = DetectorHarness.run(new PydanticPinDetector(),
                new ScanFile("requirements/prod.txt", "-r ../deps/base.txt\n"),
                new ScanFile("deps/base.txt", "prefect==2.19.4\npydantic==1.10.13\n"),
                new ScanFile("notes.txt", "prefect==2.19.4\npydantic==1.10.13\n"));
        assertThat(out).isEqualTo("""
                deps/base.txt:2:1 PF218 dependency pin pydantic==1.10.13 admits only pydantic 1; Prefect 3 requires pydantic 2, so this file cannot be installed once it asks for Prefect 3
                """);
    }
}
