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

class PinPrefect3InRequirementsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InRequirements());
    }

    @DocumentExample
    @Test
    void prefectAndIntegrationsMoveToPrefect3() {
        rewriteRun(text(
            """
            # runtime
            prefect[postgres]==2.14.9  # server + worker
            prefect-aws==0.4.10 ; python_version >= "3.9"
            prefect-docker>=0.3,<0.5
            requests==2.31.0
            """,
            """
            # runtime
            prefect[postgres]==3.8.3  # server + worker
            prefect-aws>=0.5.0 ; python_version >= "3.9"
            prefect-docker>=0.6.0
            requests==2.31.0
            """,
            spec -> spec.path("requirements.txt")));
    }

    @Test
    void crlfLinesKeepTheirEndings() {
        rewriteRun(text("prefect>=2.10,<3\r\nrequests\r\n", "prefect==3.8.3\r\nrequests\r\n",
            spec -> spec.path("requirements-prod.txt")));
    }

    @Test
    void prefect1AndUnpinnedAndPrefect3AreLeftAlone() {
        rewriteRun(text("prefect==1.4.1\nprefect\nprefect>=3.1\nprefect-aws>=0.5.3\n", spec -> spec.path("requirements.txt")));
    }

    // a project pinned pydantic to 1.x beside prefect 2; with prefect moved to 3.x pip could not resolve the file
    @Test
    void aPydantic1PinBesidePrefect3IsRaisedAndNoted() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .allSatisfy(r -> {
                    assertThat(r.code()).isEqualTo("PF218");
                    assertThat(r.manual()).isTrue();
                    assertThat(r.message()).contains("Prefect 3.8.3 requires pydantic >=2.10.1,<3");
                }).extracting(MigrationNotes.Row::line).containsExactly(2, 3, 4)),
            text(
            """
            prefect==2.14.9
            pydantic==1.10.0  # our models use the v1 API
            pydantic[email]<2 ; python_version >= "3.9"
            pydantic ~= 1.10
            """,
            """
            prefect==3.8.3
            pydantic>=2.10.1  # our models use the v1 API
            pydantic[email]>=2.10.1 ; python_version >= "3.9"
            pydantic>=2.10.1
            """,
            spec -> spec.path("requirements.txt")));
    }

    @Test
    void withoutUnsafeFixesThePydantic1PinOnlyGetsItsNote() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        FixSafety.allowUnsafe(ctx, false);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> {
                    assertThat(r.line()).isEqualTo(2);
                    assertThat(r.message()).startsWith("unsafe fix not applied").contains("pydantic>=2.10.1");
                })),
            text("prefect==3.8.3\npydantic<2.0\n", spec -> spec.path("requirements.txt")));
    }

    // the catalogue records the pydantic requirement of 3.0.0 and 3.8.3 only; other targets get pydantic 2
    @Test
    void thePydanticFloorFollowsTheTarget() {
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.4").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx).dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> assertThat(r.message()).contains("Prefect 3.4.0 requires pydantic 2,"))),
            text("prefect>=2.10\npydantic==1.10.13\n", "prefect==3.4.0\npydantic>=2\n",
                spec -> spec.path("requirements.txt")));
        assertThat(PrefectTarget.parse("3.0").pydanticMin()).isEqualTo("2.7");
    }

    @Test
    void pydanticPinsThatAdmitVersion2OrStandWithoutPrefect3AreLeftAlone() {
        rewriteRun(
            text("prefect==3.8.3\npydantic>=1.10,<3\npydantic<2.5\npydantic>=2\npydantic\n",
                spec -> spec.path("requirements.txt")),
            text("prefect==1.4.1\npydantic==1.10.0\n", spec -> spec.path("legacy/requirements.txt")));
    }

    // a Docker build's `docker-requirements.txt` kept prefect-gcp 0.2.4 while requirements.txt was pinned
    @Test
    void requirementsFilesUnderOtherNamesArePinnedToo() {
        rewriteRun(
            text("prefect-gcp[cloud_storage]==0.2.4\n", "prefect-gcp[cloud_storage]>=0.6.0\n",
                spec -> spec.path("docker-requirements.txt")),
            text("prefect==2.19.4\n", "prefect==3.8.3\n", spec -> spec.path("requirements.in")),
            text("prefect==2.19.4\n", spec -> spec.path("notes.txt")));
    }

    // requirements.txt only includes the shared base and a constraints file kept beside the CI config
    @Test
    void filesThatRequirementsFilesIncludeArePinnedWhateverTheirNames() {
        rewriteRun(
            text("-r base.txt\n-c ci/pins.txt\nrequests==2.31.0\n", spec -> spec.path("requirements.txt")),
            text(
                """
                # shared by the worker and the flows
                prefect[aws]==2.19.4
                pandas==2.2.2
                """,
                """
                # shared by the worker and the flows
                prefect[aws]==3.8.3
                pandas==2.2.2
                """,
                spec -> spec.path("base.txt")),
            text("prefect==2.19.4\nprefect-gcp==0.5.4\n", "prefect==3.8.3\nprefect-gcp>=0.6.0\n",
                spec -> spec.path("ci/pins.txt")));
    }

    @Test
    void includesFollowChainsAndCyclesOnce() {
        rewriteRun(
            text("--requirement deps/a.in\n", spec -> spec.path("requirements.in")),
            text("-r b.in\nprefect>=2.10,<3\n", "-r b.in\nprefect==3.8.3\n", spec -> spec.path("deps/a.in")),
            text("-r a.in\nprefect-docker==0.4.5\n", "-r a.in\nprefect-docker>=0.6.0\n", spec -> spec.path("deps/b.in")));
    }

    @Test
    void includesOnContinuationLinesAndInsideConstraintsFilesAreFollowedAsPipFollowsThem() {
        rewriteRun(
            text("--constraint=\\\n    constraints/prod.txt\n", spec -> spec.path("requirements/prod.txt")),
            text("-r ../../base.txt\nprefect-aws==0.4.14\n", "-r ../../base.txt\nprefect-aws>=0.5.0\n",
                spec -> spec.path("requirements/constraints/prod.txt")),
            text("prefect==2.19.4\n", "prefect==3.8.3\n", spec -> spec.path("base.txt")));
    }

    @Test
    void textFilesNoRequirementsFileIncludesStay() {
        rewriteRun(
            text("-r ../outside.txt\nflask\n", spec -> spec.path("requirements.txt")),
            text("-r pinned.txt\n", spec -> spec.path("docs/notes.txt")),
            text("prefect==2.19.4\n", spec -> spec.path("docs/pinned.txt")),
            text("prefect==2.19.4\n", spec -> spec.path("outside.txt")));
    }
}
