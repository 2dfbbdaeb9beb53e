package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RaisePythonBaseImagesInDockerfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaisePythonBaseImagesInDockerfiles());
    }

    // a worker image: the build stage installs the requirements (which pin Prefect) into a virtualenv that the
    // runtime stage copies; the front-end and docs stages keep their images
    @DocumentExample
    @Test
    void stagesThatInstallOrCopyPrefectMoveToTheTargetsPython() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.code() + " " + r.message()).containsExactly(
                                "4 false PF221 moved the base image python:3.9-slim-bookworm to python:3.10-slim-bookworm: "
                                        + "Prefect 3.8.3 needs Python 3.10 or newer, and stage build installs Prefect on "
                                        + "Python 3.9; check that the image's other packages support it and that the "
                                        + "slim-bookworm variant is published for it",
                                "12 false PF221 moved the base image python:3.9.18-slim to python:3.10-slim: Prefect 3.8.3 "
                                        + "needs Python 3.10 or newer, and stage 3 installs Prefect on Python 3.9; the patch "
                                        + "version was dropped; check that the image's other packages support it and that "
                                        + "the slim variant is published for it")),
            text("prefect==2.19.4\nprefect-aws==0.4.14\n", spec -> spec.path("requirements.txt")),
            text(
                """
                FROM node:18 AS ui
                RUN npm ci && npm run build

                FROM --platform=linux/amd64 python:3.9-slim-bookworm AS build
                COPY requirements.txt .
                RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir \\
                    -r requirements.txt

                FROM python:3.8 AS docs
                RUN pip install mkdocs

                FROM python:3.9.18-slim
                COPY --from=build /venv /venv
                COPY --from=ui /app/dist /srv/ui
                CMD ["/venv/bin/prefect", "worker", "start", "--pool", "etl"]
                """,
                """
                FROM node:18 AS ui
                RUN npm ci && npm run build

                FROM --platform=linux/amd64 python:3.10-slim-bookworm AS build
                COPY requirements.txt .
                RUN python -m venv /venv && /venv/bin/pip install --no-cache-dir \\
                    -r requirements.txt

                FROM python:3.8 AS docs
                RUN pip install mkdocs

                FROM python:3.10-slim
                COPY --from=build /venv /venv
                COPY --from=ui /app/dist /srv/ui
                CMD ["/venv/bin/prefect", "worker", "start", "--pool", "etl"]
                """,
                spec -> spec.path("docker/worker.Dockerfile")));
    }

    @Test
    void aBuildArgumentThatHoldsTheVersionIsRaisedWhereItIsDeclared() {
        rewriteRun(text(
            """
            ARG PYTHON_VERSION=3.8
            FROM python:${PYTHON_VERSION}-slim AS base
            FROM base AS app
            RUN pip install "prefect==3.8.3"
            """,
            """
            ARG PYTHON_VERSION=3.10
            FROM python:${PYTHON_VERSION}-slim AS base
            FROM base AS app
            RUN pip install "prefect==3.8.3"
            """,
            spec -> spec.path("Dockerfile")));
    }

    @Test
    void withoutUnsafeFixesAndForADigestOnlyANoteIsWritten() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.message()).containsExactly(
                                "1 true unsafe fix not applied (rerun with --unsafe-fixes): moved the base image python:3.9 "
                                        + "to python:3.10: Prefect 3.8.3 needs Python 3.10 or newer, and stage 0 installs "
                                        + "Prefect on Python 3.9; check that the image's other packages support it",
                                "1 true base image python:3.8-slim@sha256:0123abcd: Prefect 3.8.3 needs Python 3.10 or newer, "
                                        + "and stage 0 installs Prefect on Python 3.8; it is pinned by digest: pick the digest "
                                        + "of python:3.10-slim by hand")),
            text("FROM python:3.9\nRUN pip install prefect\n", spec -> spec.path("Dockerfile")),
            text("FROM python:3.8-slim@sha256:0123abcd\nRUN pip install prefect-aws\n", spec -> spec.path("b/Dockerfile")));
    }

    @Test
    void newPythonsOtherImagesAndStagesWithoutPrefectStay() {
        rewriteRun(
            text("prefect==3.8.3\n", spec -> spec.path("requirements.txt")),
            text("FROM python:3.11-slim\nRUN pip install -r requirements.txt\n", spec -> spec.path("Dockerfile")),
            text("FROM python:3.8\nRUN pip install flask\n", spec -> spec.path("web/Dockerfile")),
            text("FROM myorg/python:3.8\nRUN pip install prefect\n", spec -> spec.path("c/Dockerfile")),
            text("FROM python:3-slim\nRUN pip install prefect\n", spec -> spec.path("d/Dockerfile")));
    }

    @Test
    void aTargetWhosePythonIsOlderKeepsPython39() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            text("FROM python:3.9-slim\nRUN pip install prefect==3.2.0\n", spec -> spec.path("Dockerfile")));
    }

    @Test
    void aTargetWhosePythonIsOlderStillRaises38() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            text("FROM python:3.8-alpine3.18\nRUN pip install prefect==3.2.0\n",
                "FROM python:3.9-alpine3.18\nRUN pip install prefect==3.2.0\n", spec -> spec.path("Dockerfile")));
    }

    // the image installs requirements.txt, which lists Prefect only through the file it includes
    @Test
    void aRequirementsFileThatIncludesPrefectInstallsIt() {
        rewriteRun(
            text("-r requirements/base.txt\n", spec -> spec.path("requirements.txt")),
            text("prefect==2.19.4\n", spec -> spec.path("requirements/base.txt")),
            text("FROM python:3.9-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n",
                "FROM python:3.10-slim\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n",
                spec -> spec.path("Dockerfile")));
    }

    @Test
    void aConstraintsFileThatPinsPrefectInstallsNothing() {
        rewriteRun(
            text("-c constraints/prefect.txt\nflask\n", spec -> spec.path("requirements.txt")),
            text("prefect==2.19.4\n", spec -> spec.path("constraints/prefect.txt")),
            text("FROM python:3.9-slim\nRUN pip install -r requirements.txt\n", spec -> spec.path("Dockerfile")));
    }

    // a distroless-style runtime: Python comes from the official image by COPY --from, Prefect from the build stage
    @Test
    void thePythonAStageCopiesFromAnImageOrAStageIsRaised() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.message()).containsExactly(
                                "1 moved the base image python:3.9-slim to python:3.10-slim: Prefect 3.8.3 needs Python "
                                        + "3.10 or newer, and stage build installs Prefect on Python 3.9; check that the "
                                        + "image's other packages support it and that the slim variant is published for it",
                                "5 moved the COPY --from image python:3.9-slim to python:3.10-slim: Prefect 3.8.3 needs "
                                        + "Python 3.10 or newer, and stage 1 runs Prefect on the Python 3.9 it copies from "
                                        + "this image; check that the image's other packages support it and that the slim "
                                        + "variant is published for it")),
            text(
                """
                FROM python:3.9-slim AS build
                RUN python -m venv /venv && /venv/bin/pip install "prefect==3.8.3"

                FROM gcr.io/distroless/base-debian12
                COPY --from=python:3.9-slim /usr/local/ /usr/local/
                COPY --from=build /venv /venv
                ENTRYPOINT ["/venv/bin/prefect", "worker", "start", "--pool", "etl"]
                """,
                """
                FROM python:3.10-slim AS build
                RUN python -m venv /venv && /venv/bin/pip install "prefect==3.8.3"

                FROM gcr.io/distroless/base-debian12
                COPY --from=python:3.10-slim /usr/local/ /usr/local/
                COPY --from=build /venv /venv
                ENTRYPOINT ["/venv/bin/prefect", "worker", "start", "--pool", "etl"]
                """,
                spec -> spec.path("Dockerfile")));
    }

    @Test
    void aStageNamedLikeAnImageIsTheStage() {
        rewriteRun(
            text(
                """
                FROM python:3.8-slim AS python
                FROM debian:bookworm-slim
                COPY --from=python /usr/local /usr/local
                RUN pip install prefect
                """,
                """
                FROM python:3.10-slim AS python
                FROM debian:bookworm-slim
                COPY --from=python /usr/local /usr/local
                RUN pip install prefect
                """,
                spec -> spec.path("Dockerfile")));
    }

    @Test
    void copiesOfOtherFilesAndImagesOfStagesOnPythonStay() {
        rewriteRun(
            text("FROM debian:bookworm-slim\nCOPY --from=python:3.8 /usr/local/bin/tini /tini\nRUN pip install prefect\n",
                spec -> spec.path("Dockerfile")),
            text("FROM python:3.11-slim\nCOPY --from=python:3.8 /usr/local/lib/python3.8 /opt/py38\nRUN pip install prefect\n",
                spec -> spec.path("b/Dockerfile")),
            text("FROM python:3.8 AS tools\nFROM 0\nRUN pip install prefect\n", spec -> spec.path("c/Dockerfile")));
    }
}
