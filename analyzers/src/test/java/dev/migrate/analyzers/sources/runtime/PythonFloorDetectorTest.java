package dev.migrate.analyzers.sources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.DetectorHarness;
import org.junit.jupiter.api.Test;

class PythonFloorDetectorTest {

    @Test
    void dockerfileStagesThatInstallPrefectOnAnOldPython() {
        assertThat(DetectorHarness.run(new PythonFloorDetector(), new ScanFile("requirements.txt", "prefect==2.14.9\npandas\n"),
                new ScanFile("docker/Dockerfile", """
                        FROM node:18 AS ui
                        RUN npm ci && npm run build

                        FROM --platform=linux/amd64 python:3.9-slim-bookworm AS build
                        COPY requirements.txt .
                        RUN pip install --no-cache-dir \\
                            -r requirements.txt

                        FROM python:3.8 AS docs
                        RUN pip install mkdocs

                        FROM docker.io/library/python:3.9.18-slim
                        COPY --from=build /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages
                        COPY --from=ui /app/dist /srv/ui
                        CMD ["prefect", "worker", "start", "--pool", "etl"]
                        """))).isEqualTo("""
                docker/Dockerfile:4:29 PF221 base image python:3.9-slim-bookworm of stage build, which installs Prefect, runs Python 3.9; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to python:3.10-slim-bookworm
                docker/Dockerfile:12:6 PF221 base image docker.io/library/python:3.9.18-slim of stage 3, which installs Prefect, runs Python 3.9; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to docker.io/library/python:3.10-slim
                """);
    }

    @Test
    void aBuildArgumentTagAndAStageBuiltOnAnother() {
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                ARG PYTHON_VERSION=3.8
                FROM python:${PYTHON_VERSION}-slim AS base
                ENV PIP_NO_CACHE_DIR=1

                FROM base AS app
                RUN pip install "prefect[aws]==2.19.0" prefect-aws
                """)).isEqualTo("""
                Dockerfile:2:6 PF221 base image python:3.8-slim (build argument PYTHON_VERSION) of stage base, which installs Prefect, runs Python 3.8; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to python:3.10-slim
                """);
    }

    @Test
    void projectMetadataOfAProjectThatDependsOnPrefect() {
        String out = DetectorHarness.run(new PythonFloorDetector(), new ScanFile("pyproject.toml", """
                [project]
                name = "etl"
                requires-python = ">=3.8,<4"
                dependencies = ["prefect>=2.14"]

                [tool.poetry.dependencies]
                python = "^3.8"
                """), new ScanFile("lib/setup.py", """
                from setuptools import setup
                setup(name="lib", install_requires=["prefect-aws"], python_requires="~=3.9.0")
                """), new ScanFile("lib/setup.cfg", "[options]\npython_requires = >=3.9\n"));
        assertThat(out).isEqualTo("""
                lib/setup.cfg:2:19 PF221 python_requires ">=3.9" admits Python 3.9 for a project that depends on Prefect; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (Poetry and uv cannot lock the project): raise it to ">=3.10"
                lib/setup.py:2:70 PF221 python_requires "~=3.9.0" admits Python 3.9 for a project that depends on Prefect; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports, and the constraint caps Python below it: choose the Pythons the project supports
                pyproject.toml:3:20 PF221 requires-python ">=3.8,<4" admits Python 3.8 for a project that depends on Prefect; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (Poetry and uv cannot lock the project): raise it to ">=3.10,<4"
                pyproject.toml:7:11 PF221 python "^3.8" admits Python 3.8 for a project that depends on Prefect; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (Poetry and uv cannot lock the project): raise it to "^3.10"
                """);
    }

    @Test
    void workflowsThatInstallTheProjectAndVersionFiles() {
        String out = DetectorHarness.run(new PythonFloorDetector(), new ScanFile("requirements.txt", "prefect==3.8.3\n"),
                new ScanFile(".python-version", "3.9.18\n"), new ScanFile("runtime.txt", "python-3.10.14\n"),
                new ScanFile(".github/workflows/ci.yml", """
                        jobs:
                          test:
                            strategy:
                              matrix:
                                python-version: ["3.8", "3.9", "3.10"]
                            steps:
                              - uses: actions/checkout@v4
                              - uses: actions/setup-python@v5
                                with:
                                  python-version: ${{ matrix.python-version }}
                              - run: pip install -r requirements.txt
                          deploy:
                            steps:
                              - name: Set up Python
                                uses: actions/setup-python@v5
                                with:
                                  python-version: 3.9
                              - run: |
                                  pip install -r requirements.txt
                                  prefect deploy --all
                        """));
        assertThat(out).isEqualTo("""
                .github/workflows/ci.yml:5:25 PF221 the matrix's python-version lists 3.8, 3.9 for a job that installs Prefect; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports: drop those entries or raise them
                .github/workflows/ci.yml:17:27 PF221 python-version 3.9 sets up an older Python than Prefect 3 needs (Python 3.10, the oldest that Prefect 3.8 supports) for a job that installs Prefect: raise it to "3.10"
                .python-version:1:1 PF221 .python-version selects Python 3.9.18 for a project that depends on Prefect (pyenv, uv and setup-python's python-version-file); Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports: change it with the project's other Python versions
                """);
    }

    @Test
    void newPythonsProjectsWithoutPrefectAndStagesThatDoNotInstallItAreNotReported() {
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM python:3.11-slim
                RUN pip install prefect==3.8.3
                """)).isEmpty();
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM python:3.8-slim
                RUN pip install flask
                CMD ["flask", "run"]
                """)).isEmpty();
        assertThat(DetectorHarness.run(new PythonFloorDetector(), new ScanFile("requirements.txt", "flask\n"),
                new ScanFile("Dockerfile", "FROM python:3.8\nCOPY . .\nRUN pip install -r requirements.txt && pip install .\n"),
                new ScanFile("pyproject.toml", "[project]\nname = \"prefect-flows\"\nrequires-python = \">=3.8\"\n"),
                new ScanFile(".python-version", "3.8\n"))).isEmpty();
        assertThat(DetectorHarness.run(new PythonFloorDetector(), new ScanFile("pyproject.toml", """
                [project]
                requires-python = ">=3.10"
                dependencies = ["prefect==3.8.3"]
                """), new ScanFile(".github/workflows/ci.yml", """
                jobs:
                  lint:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.8"
                      - run: pip install ruff && ruff check .
                """))).isEmpty();
        // the lint job's old Python installs no Prefect, though the deploy job of the same workflow does
        assertThat(DetectorHarness.run(new PythonFloorDetector(), new ScanFile("requirements.txt", "prefect==3.8.3\n"),
                new ScanFile(".github/workflows/ci.yml", """
                        jobs:
                          lint:
                            steps:
                              - uses: actions/setup-python@v5
                                with:
                                  python-version: "3.8"
                              - run: pip install ruff && ruff check .
                          deploy:
                            steps:
                              - uses: actions/setup-python@v5
                                with:
                                  python-version: "3.12"
                              - run: pip install -r requirements.txt && prefect deploy --all
                        """))).isEmpty();
    }

    // a cookiecutter layout: requirements.txt only includes requirements/base.txt, which lists Prefect
    @Test
    void aRequirementsFileListsPrefectThroughTheFilesItIncludes() {
        String out = DetectorHarness.run(new PythonFloorDetector(),
                new ScanFile("requirements.txt", "-r requirements/base.txt\n"),
                new ScanFile("requirements/base.txt", "-r common.in\npandas==2.2.2\n"),
                new ScanFile("requirements/common.in", "-r base.txt  # a loop pip itself would refuse\nprefect[aws]==2.19.4\n"),
                new ScanFile("Dockerfile", "FROM python:3.9-slim\nCOPY . .\nRUN pip install -r requirements.txt\n"),
                new ScanFile("runtime.txt", "python-3.9.18\n"));
        assertThat(out).isEqualTo("""
                Dockerfile:1:6 PF221 base image python:3.9-slim of stage 0, which installs Prefect, runs Python 3.9; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to python:3.10-slim
                runtime.txt:1:8 PF221 runtime.txt selects Python 3.9.18 for a project that depends on Prefect (the platform's runtime); Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports: change it with the project's other Python versions
                """);
    }

    @Test
    void textFilesOfOtherNamesAreReadOnlyWhenTheyListPrefectOrIncludeOthers() {
        PythonFloorDetector d = new PythonFloorDetector();
        assertThat(d.accepts(new ScanFile("deps/base.txt", "-r common.txt\n"))).isTrue();
        assertThat(d.accepts(new ScanFile("deps/common.txt", "prefect-aws==0.4.14\n"))).isTrue();
        assertThat(d.accepts(new ScanFile("docs/README.txt", "Install Python 3.10, then pip install -r requirements.txt\n")))
                .isFalse();
    }

    @Test
    void constraintsIncludesOutsideTheTreeAndStrayTextFilesInstallNoPrefect() {
        // -c only constrains versions; ../ above the root is another repository's file; notes.txt is included by nothing
        assertThat(DetectorHarness.run(new PythonFloorDetector(),
                new ScanFile("requirements.txt", "-c pins.txt\n-r ../platform/base.txt\nflask\n"),
                new ScanFile("pins.txt", "prefect==2.19.4\n"),
                new ScanFile("base.txt", "prefect==2.19.4\n"),
                new ScanFile("docs/notes.txt", "prefect\n"),
                new ScanFile("docs/.python-version", "3.8\n"),
                new ScanFile(".python-version", "3.8\n"),
                new ScanFile("Dockerfile", "FROM python:3.8\nRUN pip install -r requirements.txt\n"))).isEmpty();
    }

    // distroless-style images: the runtime stage is no Python image and copies /usr/local from one
    @Test
    void aStageOnAnotherBaseRunsThePythonItCopiesFromAnImageOrAStage() {
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM debian:bookworm-slim
                COPY --from=python:3.9-slim /usr/local/ /usr/local/
                RUN pip install "prefect==3.8.3"
                """)).isEqualTo("""
                Dockerfile:2:13 PF221 image python:3.9-slim, whose Python stage 0 copies (COPY --from) and runs Prefect on, is Python 3.9; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to python:3.10-slim
                """);
        // a stage named python is the stage, not the image: its base is the Python copied
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM python:3.8-slim AS python
                RUN pip install mkdocs
                FROM ubuntu:22.04 AS runtime
                COPY --from=python /usr/local /usr/local
                RUN pip install prefect-aws
                """)).isEqualTo("""
                Dockerfile:1:6 PF221 base image python:3.8-slim of stage python, whose Python stage runtime copies (COPY --from) and runs Prefect on, is Python 3.8; Prefect 3 needs Python 3.10, the oldest that Prefect 3.8 supports (pip falls back to an older Prefect or refuses the pin): move it to python:3.10-slim
                """);
    }

    @Test
    void copiedFilesOtherThanPythonStagesNamedLaterAndFromByNumberAreNoPythonOfThisStage() {
        // the image's Python stays its own base's; a tool copied from an old image is not the Python that runs Prefect
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM python:3.12-slim
                COPY --from=python:3.8-slim /usr/local/lib/python3.8 /opt/py38
                RUN pip install prefect
                """)).isEmpty();
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM debian:bookworm-slim
                COPY --from=python:3.8-slim /usr/local/bin/tini /tini
                RUN apt-get install -y python3-pip && pip install prefect
                """)).isEmpty();
        // FROM 0 pulls an image called 0; only --from= counts stages
        assertThat(DetectorHarness.run(new PythonFloorDetector(), "Dockerfile", """
                FROM python:3.8 AS tools
                RUN pip install ruff
                FROM 0
                RUN pip install prefect
                FROM python:3.12-slim AS app
                COPY --from=python:3.8 /usr/local /usr/local-old
                RUN pip install prefect
                """)).isEmpty();
    }
}
