package dev.migrate.analyzers.sources.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class PrefectPinDetectorTest {
    private final PrefectPinDetector detector = new PrefectPinDetector();

    @Test
    void pinsInDependencyFilesAndInstallLines() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                pandas==2.2.0
                prefect==2.14.9
                prefect-aws==0.4.1
                prefect[dask] ~= 2.19
                """)).isEqualTo("""
                requirements.txt:2:1 PF208 dependency pin prefect==2.14.9 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                requirements.txt:3:1 PF208 dependency pin prefect-aws==0.4.1 keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                requirements.txt:4:1 PF208 dependency pin prefect[dask] ~= 2.19 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                """);
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect = "^2.14"
                """)).contains("pyproject.toml:2:1 PF208 dependency pin prefect = \"^2.14");
        assertThat(DetectorHarness.run(detector, ".github/workflows/ci.yml", """
                steps:
                  - run: pip install "prefect>=2.10,<3" pytest
                  - run: echo prefect==2.1 is only text here
                """)).isEqualTo("""
                .github/workflows/ci.yml:2:23 PF208 dependency pin prefect>=2.10,<3 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                """);
    }

    /**
     * pip reads project names as PEP 503 does: {@code prefect_gcp} (the import's spelling) and {@code Prefect} are the
     * packages {@code prefect-gcp} and {@code prefect}; a setting's all-capital {@code PREFECT_...} is no package.
     */
    @Test
    void namesAreReadAsPipReadsThem() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                Prefect==2.14.9
                prefect_gcp[bigquery] == 0.5.5
                prefect_aws>=0.5.0
                """)).isEqualTo("""
                requirements.txt:1:1 PF208 dependency pin Prefect==2.14.9 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                requirements.txt:2:1 PF208 dependency pin prefect_gcp[bigquery] == 0.5.5 keeps Prefect 2 (prefect_gcp supports Prefect 3 from 0.6.0)
                """);
        assertThat(DetectorHarness.run(detector, "Dockerfile", """
                FROM python:3.11-slim
                RUN PREFECT_HOME=/opt/prefect pip install prefect_aws==0.4.5
                """)).isEqualTo("""
                Dockerfile:2:43 PF208 dependency pin prefect_aws==0.4.5 keeps Prefect 2 (prefect_aws supports Prefect 3 from 0.5.0)
                """);
    }

    @Test
    void pinsLockedWithHashesSayToCompileTheLockAgain() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                anyio==3.7.1 \\
                    --hash=sha256:44a3c9aba0f5defa43261a8b3efb97891f2bd7d804e0e1f56419befa1adfc780
                prefect==2.19.4 \\
                    --hash=sha256:1f7bd1e9c6bbd2d3c2d3e8e4d5a6f7081a2b3c4d5e6f708192a3b4c5d6e7f809
                    # via -r requirements.in
                prefect-aws==0.4.14 --hash=sha256:3b9df3ab08dde4f5e4f5a0a6f7c8b9203c4d5e6f708192a3b4c5d6e7f8091a2b
                prefect-gcp==0.5.0
                """)).isEqualTo("""
                requirements.txt:3:1 PF208 dependency pin prefect==2.19.4 keeps Prefect 2; it is locked with --hash lines: once flows and integrations are ready, re-run pip-compile (or uv pip compile) with prefect>=3 in its input to regenerate it, since a new version needs new hashes
                requirements.txt:6:1 PF208 dependency pin prefect-aws==0.4.14 keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0); it is locked with --hash lines: re-run pip-compile (or uv pip compile) with prefect>=3 in its input to regenerate it, since a new version needs new hashes
                requirements.txt:7:1 PF208 dependency pin prefect-gcp==0.5.0 keeps Prefect 2 (prefect-gcp supports Prefect 3 from 0.6.0)
                """);
    }

    @Test
    void integrationsHeldBelowTheirFirstPrefect3ReleaseInDependencyFilesAndExtraPipPackages() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect-gcp>=0.5
                prefect-docker<0.6
                prefect-dask==0.3.0
                prefect-shell ~= 0.2.2
                prefect-unknown==0.1
                prefect-aws>=0.4,<0.5
                """)).isEqualTo("""
                requirements.txt:2:1 PF208 dependency pin prefect-docker<0.6 keeps Prefect 2 (prefect-docker supports Prefect 3 from 0.6.0)
                requirements.txt:4:1 PF208 dependency pin prefect-shell ~= 0.2.2 keeps Prefect 2 (prefect-shell supports Prefect 3 from 0.3.0)
                requirements.txt:6:1 PF208 dependency pin prefect-aws>=0.4,<0.5 keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                """);
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect-aws = "^0.4"
                prefect-gcp = "^0.6"
                """)).isEqualTo("""
                pyproject.toml:2:1 PF208 dependency pin prefect-aws = "^0.4" keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                """);
        // Poetry's table form, which the pin recipe moves as well
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect-aws = {extras = ["s3"], version = "^0.4"}
                """)).isEqualTo("""
                pyproject.toml:2:1 PF208 dependency pin prefect-aws version = "^0.4" keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                """);
        // the image installs EXTRA_PIP_PACKAGES at start; other lines of a compose file are not dependencies
        assertThat(DetectorHarness.run(detector, "docker-compose.yml", """
                services:
                  worker:
                    image: prefecthq/prefect:3-python3.11
                    environment:
                      - EXTRA_PIP_PACKAGES=prefect-docker==0.4.1 s3fs
                      - NOTE=prefect-aws==0.3.1 is only text here
                """)).isEqualTo("""
                docker-compose.yml:5:28 PF208 dependency pin prefect-docker==0.4.1 keeps Prefect 2 (prefect-docker supports Prefect 3 from 0.6.0)
                """);
    }

    @Test
    void pinsOnTheContinuationLinesOfAnInstallAndInSetupPy() {
        assertThat(DetectorHarness.run(detector, "Dockerfile", """
                FROM python:3.10-slim
                RUN pip install --no-cache-dir \\
                      "prefect==2.14.21" \\
                      "prefect-gcp[cloud_storage]==0.4.0"
                RUN echo "prefect==2.1 is only text here"
                """)).isEqualTo("""
                Dockerfile:3:8 PF208 dependency pin prefect==2.14.21 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                Dockerfile:4:8 PF208 dependency pin prefect-gcp[cloud_storage]==0.4.0 keeps Prefect 2 (prefect-gcp supports Prefect 3 from 0.6.0)
                """);
        assertThat(DetectorHarness.run(detector, "setup.py", """
                from setuptools import setup

                setup(name="flows", install_requires=["prefect==2.10.8", "pandas"])
                """)).contains("setup.py:3:40 PF208 dependency pin prefect==2.10.8");
    }

    // Prefect 1 projects pinned prefect==1.x or Prefect Core 0.x in requirements, pip install lines and FROM lines:
    // the Prefect 1 rewrite moved the pins, but scan reported none of them (PF108 said it flagged 1.x requirements)
    // the pin is a build argument: PF208 points at its default, which the rewrite raises
    @Test
    void aVersionArgTheDockerfileInstallsOrPicksItsImageWith() {
        assertThat(DetectorHarness.run(detector, "docker/Dockerfile", """
                ARG PREFECT_VERSION="2.14.0"
                ARG APP_VERSION=2.1
                FROM prefecthq/prefect:${PREFECT_VERSION}-python3.11
                RUN pip install "acme==${APP_VERSION}"
                """)).isEqualTo("""
                docker/Dockerfile:1:22 PF208 ARG PREFECT_VERSION=2.14.0 installs or runs Prefect 2 in this image; move it to Prefect 3 once flows and integrations are ready
                """);
        // a whole image tag counts where it is all of a Prefect image's tag, not where more of the tag follows
        assertThat(DetectorHarness.run(detector, "Dockerfile", """
                ARG PREFECT_TAG=2.14.3-python3.11
                ARG FLAVOUR_TAG=2.14.3-python3.11
                FROM prefecthq/prefect:${PREFECT_TAG} AS base
                FROM prefecthq/prefect:${FLAVOUR_TAG}-kubernetes
                """)).isEqualTo("Dockerfile:1:17 PF208 ARG PREFECT_TAG=2.14.3-python3.11 installs or runs Prefect 2 in this "
                + "image; move it to Prefect 3 once flows and integrations are ready\n");
    }

    // the pin is the ARG's value: prefect-aws==${PREFECT_AWS_VERSION} alone names no version
    @Test
    void anIntegrationsVersionArgTheDockerfileInstallsWith() {
        assertThat(DetectorHarness.run(detector, "Dockerfile", """
                ARG PREFECT_AWS_VERSION=0.4.5
                ARG AWS_FLOOR=0.4.5
                ARG DOCKER=0.6.1
                RUN pip install "prefect-aws[s3]==${PREFECT_AWS_VERSION}" "prefect-aws>=$AWS_FLOOR" prefect-docker==$DOCKER
                """)).isEqualTo("""
                Dockerfile:1:25 PF208 ARG PREFECT_AWS_VERSION=0.4.5 installs prefect-aws below its first Prefect 3 release (0.5.0) in this image; move it with Prefect once flows and integrations are ready
                """);
    }

    @Test
    void prefect1PinsAndImagesArePF108() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect[aws]==1.4.1
                prefect>=0.14,<1.0
                pandas
                """)).isEqualTo("""
                requirements.txt:1:1 PF108 dependency pin prefect[aws]==1.4.1 installs Prefect 1; move it to Prefect 3 with the flows
                requirements.txt:2:1 PF108 dependency pin prefect>=0.14,<1.0 installs Prefect 1; move it to Prefect 3 with the flows
                """);
        assertThat(DetectorHarness.run(detector, "agent/Dockerfile", "FROM python:3.8\nRUN pip3 install prefect==0.15.3\n"))
                .contains("agent/Dockerfile:2:18 PF108 dependency pin prefect==0.15.3 installs Prefect 1");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), "Dockerfile", "FROM prefecthq/prefect:1.4.1-python3.9\n"))
                .contains("Dockerfile:1:1 PF108 image prefecthq/prefect:1.4.1-python3.9 runs Prefect 1.4.1");
        // a CI job's image: GitHub Actions' container:, GitLab's image:
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".github/workflows/ci.yml",
                "jobs:\n  deploy:\n    container: prefecthq/prefect:0.14.17-python3.7\n    steps:\n      - run: prefect register --project p\n"))
                .contains(".github/workflows/ci.yml:3:1 PF108 image prefecthq/prefect:0.14.17-python3.7 runs Prefect 0.14.17");
        assertThat(DetectorHarness.run(new PrefectCliLineDetector(), ".gitlab-ci.yml", "deploy:\n  image: \"prefecthq/prefect:2.14.9\"\n"))
                .contains(".gitlab-ci.yml:2:1 PF208");
        assertThat(DetectorHarness.run(detector, "requirements.txt", "prefect>=1.0\nprefect==2.14.9\n")).doesNotContain("PF108");
    }

    // a compose copy of Prefect 1's server (prefecthq/server, apollo, ui): scan reported nothing for it
    @Test
    void prefect1ServerContainersArePF114() {
        String compose = """
                services:
                  graphql:
                    image: "prefecthq/server:${TAG:-latest}"
                    command: python src/prefect_server/services/graphql/server.py
                  apollo:
                    image: prefecthq/apollo:core-1.4.1
                  ui:
                    image: prefecthq/ui:core-1.2.2
                  other:
                    image: prefecthq/prefect:3-python3.12
                """;
        String out = DetectorHarness.run(new ComposeDetector(), "docker-compose.yml", compose);
        assertThat(out).contains("docker-compose.yml:3:12 PF114 image prefecthq/server:${TAG:-latest} is Prefect 1's server (server)")
                .contains("docker-compose.yml:6:12 PF114 image prefecthq/apollo:core-1.4.1")
                .contains("docker-compose.yml:8:12 PF114 image prefecthq/ui:core-1.2.2");
        assertThat(out.lines().filter(l -> l.contains("PF114"))).hasSize(3);
    }

    @Test
    void pinsInFilesRequirementsFilesIncludeAreReportedWhateverTheirNames() {
        // the files the rewrite pins (PinPrefect3InRequirements): -r and -c, relative to the including file, through
        // a continuation line, and -r inside a constraints file (pip installs from it)
        String out = DetectorHarness.run(new PrefectPinDetector(),
                new ScanFile("requirements.txt", "-r base.txt\n-c constraints/prod.txt\n"),
                new ScanFile("base.txt", "pandas==2.2.0\nprefect==2.19.4\n"),
                new ScanFile("constraints/prod.txt", "prefect-aws==0.4.14\n-r \\\n    ../pins.txt\n"),
                new ScanFile("pins.txt", "prefect==1.4.1\n"));
        assertThat(out).isEqualTo("""
                base.txt:2:1 PF208 dependency pin prefect==2.19.4 keeps Prefect 2; move it to Prefect 3 once flows and integrations are ready
                constraints/prod.txt:1:1 PF208 dependency pin prefect-aws==0.4.14 keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                pins.txt:1:1 PF108 dependency pin prefect==1.4.1 installs Prefect 1; move it to Prefect 3 with the flows
                """);
    }

    @Test
    void mustNotReportTextFilesNoRequirementsFileIncludes() {
        // notes.txt names base.txt, but no requirements file names notes.txt: pip reads neither
        assertThat(DetectorHarness.run(new PrefectPinDetector(),
                new ScanFile("requirements.txt", "pandas==2.2.0\n# -r base.txt\n"),
                new ScanFile("notes.txt", "-r base.txt\nwe ran prefect==2.19.4 last year\n"),
                new ScanFile("base.txt", "prefect==2.19.4\n"),
                new ScanFile("docs/upgrade.in", "prefect>=2.10,<3\n"))).isEmpty();
    }

    @Test
    void aCapAloneHoldsTheReleasesBelowIt() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect<3
                """)).startsWith("requirements.txt:1:1 PF208 dependency pin prefect<3 keeps Prefect 2");
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect <= 2.20.1
                """)).startsWith("requirements.txt:1:1 PF208 dependency pin prefect <= 2.20.1 keeps Prefect 2");
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect<2
                """)).startsWith("requirements.txt:1:1 PF108 dependency pin prefect<2 installs Prefect 1");
        assertThat(DetectorHarness.run(detector, "requirements.txt", "prefect<3.2\nprefect<30\n")).isEmpty();
        // a wildcard pin is shown whole
        assertThat(DetectorHarness.run(detector, "Dockerfile", "RUN pip install \"prefect==2.*\" boto3\n"))
                .startsWith("Dockerfile:1:18 PF208 dependency pin prefect==2.* keeps Prefect 2");
        // Poetry's constraints read the same way, its table form too
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect = ">=2.10,<3"
                """)).startsWith("pyproject.toml:2:1 PF208 dependency pin prefect = \">=2.10,<3\" keeps Prefect 2");
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect = {extras = ["aws"], version = "~2.19"}
                """)).startsWith("pyproject.toml:2:1 PF208 dependency pin prefect version = \"~2.19\" keeps Prefect 2");
        assertThat(DetectorHarness.run(detector, "pyproject.toml", """
                [tool.poetry.dependencies]
                prefect = "^3.1"
                prefect-aws = ">=0.5"
                """)).isEmpty();
    }

    // an integration's cap holds it back only when it excludes the first Prefect 3 release; the ranges the pin
    // recipes write (>=0.5.0,<0.6) and a cap above it (<1) admit it
    @Test
    void anIntegrationsCapHoldsItOnlyBelowItsFirstPrefect3Release() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect-aws<0.5
                prefect-gcp>=0.4,<=0.5.9
                """)).isEqualTo("""
                requirements.txt:1:1 PF208 dependency pin prefect-aws<0.5 keeps Prefect 2 (prefect-aws supports Prefect 3 from 0.5.0)
                requirements.txt:2:1 PF208 dependency pin prefect-gcp>=0.4,<=0.5.9 keeps Prefect 2 (prefect-gcp supports Prefect 3 from 0.6.0)
                """);
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect>=3.8.3,<4
                prefect-aws>=0.5.0,<0.6
                prefect-gcp~=0.6.0
                prefect-docker>=0.4,<1
                """)).isEmpty();
    }

    @Test
    void mustNotReport() {
        assertThat(DetectorHarness.run(detector, "requirements.txt", """
                prefect==3.1.0
                prefect>=3
                prefect>=2.10
                prefect-aws==0.5.0
                # prefect==2.14.9 (old pin, commented out)
                """)).isEmpty();
    }
}
