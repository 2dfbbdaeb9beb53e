package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

/** Prefect 2 base images, written in FROM or held in the ARG that FROM reads, take the target's pinned tag. */
class UpgradePrefectBaseImagesInDockerfilesTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new UpgradePrefectBaseImagesInDockerfiles());
    }

    @DocumentExample
    @Test
    void aFromImageIsPinnedKeepingItsPythonAndFlavour() {
        rewriteRun(text(
            """
            FROM prefecthq/prefect:2.14.3-python3.11-kubernetes AS base
            RUN pip install prefect-aws
            """,
            """
            FROM prefecthq/prefect:3.8.3-python3.11-kubernetes AS base
            RUN pip install prefect-aws
            """,
            spec -> spec.path("Dockerfile")));
    }

    @Test
    void theArgImageAFromBuildsOnMovesAsTheImageWould() {
        rewriteRun(
            text(
                """
                ARG BASE_IMAGE=prefecthq/prefect:2.14.3-python3.11
                FROM ${BASE_IMAGE}
                COPY flows/ /opt/prefect/flows/
                """,
                """
                ARG BASE_IMAGE=prefecthq/prefect:3.8.3-python3.11
                FROM ${BASE_IMAGE}
                COPY flows/ /opt/prefect/flows/
                """,
                spec -> spec.path("Dockerfile")),
            text(
                """
                ARG RUNTIME="docker.io/prefecthq/prefect:2-latest"
                FROM python:3.11-slim AS build
                FROM $RUNTIME AS runtime
                FROM prefecthq/prefect:2.19-python3.12
                """,
                """
                ARG RUNTIME="docker.io/prefecthq/prefect:3.8.3-python3.10"
                FROM python:3.11-slim AS build
                FROM $RUNTIME AS runtime
                FROM prefecthq/prefect:3.8.3-python3.12
                """,
                spec -> spec.path("docker/worker.Dockerfile")));
    }

    @Test
    void aPythonBelowTheFloorInAnArgIsAnUnsafeFixLeftAsANote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.message()).containsExactly(
                                "1 true unsafe fix not applied (rerun with --unsafe-fixes): Prefect 3.8.3 images start at "
                                        + "Python 3.10; moved from Python 3.8, so check the flow's dependencies")),
            text("ARG BASE_IMAGE=prefecthq/prefect:2.14.3-python3.8\nFROM ${BASE_IMAGE}\n", spec -> spec.path("Dockerfile")));
    }

    @Test
    void otherImagesPrefect3ImagesAndArgsNoFromReadsStay() {
        rewriteRun(text(
            """
            ARG BASE_IMAGE=python:3.11-slim
            ARG PREFECT_IMAGE=prefecthq/prefect:3.1.4-python3.11
            ARG UNUSED=prefecthq/prefect:2.14.3-python3.11
            FROM ${BASE_IMAGE} AS build
            FROM ${PREFECT_IMAGE}
            """,
            spec -> spec.path("Dockerfile")));
    }
}
