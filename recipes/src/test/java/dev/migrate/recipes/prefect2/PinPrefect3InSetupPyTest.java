package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.test.RecipeSpec;

class PinPrefect3InSetupPyTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new PinPrefect3InSetupPy());
    }

    // a search-index job's setup.py: install_requires=["prefect-shell==0.2.2", "prefect==2.14.6", ...] kept
    // installing Prefect 2, while requirements files and pyproject.toml were pinned
    @DocumentExample
    @Test
    void requirementStringsMoveToPrefect3() {
        rewriteRun(python(
            """
            from setuptools import setup

            setup(
                name="indexer",
                install_requires=[
                    "prefect-shell==0.2.2", "prefect==2.14.6",  # orchestration
                    'prefect-aws==0.4.1; python_version>"3.8"', "pandas",
                ],
            )
            """,
            """
            from setuptools import setup

            setup(
                name="indexer",
                install_requires=[
                    "prefect-shell==0.3.0", "prefect==3.8.3",  # orchestration
                    'prefect-aws==0.5.0; python_version>"3.8"', "pandas",
                ],
            )
            """,
            spec -> spec.path("setup.py")));
    }

    // a library's install_requires keeps its ranges: an exact ==3.8.3 would forbid every other release to its users
    @Test
    void aLibrarysRangesStayRanges() {
        rewriteRun(python(
            """
            setup(
                install_requires=["prefect>=2.7,<3", 'prefect-gcp~=0.5.4 ; python_version>="3.9"'],
                extras_require={"dask": ["prefect-dask<0.3"]},
            )
            """,
            """
            setup(
                install_requires=["prefect>=3.8.3,<4", 'prefect-gcp~=0.6.0 ; python_version>="3.9"'],
                extras_require={"dask": ["prefect-dask>=0.3.0,<0.4"]},
            )
            """,
            spec -> spec.path("setup.py")));
    }

    @Test
    void rangesAlreadyOnPrefect3StayAsTheyAre() {
        rewriteRun(python("setup(install_requires=[\"prefect>=3.8.3,<4\", \"prefect-dask>=0.3.0,<0.4\"])\n",
            spec -> spec.path("setup.py")));
    }

    @Test
    void otherFilesAndUnpinnedPrefectAreLeftAlone() {
        rewriteRun(
            python("REQS = [\"prefect==2.14.6\"]\n", spec -> spec.path("deps.py")),
            python("setup(install_requires=[\"prefect\", \"prefect>=3.1\", f\"prefect=={v}\"])\n",
                spec -> spec.path("setup.py")));
    }

    @Test
    void aPydantic1PinBesidePrefect3IsRaisedAndNoted() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                .singleElement().satisfies(r -> {
                    assertThat(r.code()).isEqualTo("PF218");
                    assertThat(r.line()).isEqualTo(3);
                })),
            python(
            """
            from setuptools import setup

            setup(install_requires=["prefect>=2.10,<3", 'pydantic[email]<2 ; python_version>"3.8"', "pydantic-core<2"])
            """,
            """
            from setuptools import setup

            setup(install_requires=["prefect>=3.8.3,<4", 'pydantic[email]>=2.10.1 ; python_version>"3.8"', "pydantic-core<2"])
            """,
            spec -> spec.path("setup.py")));
    }

    @Test
    void aPydantic1PinWithoutPrefect3Stays() {
        rewriteRun(python("setup(install_requires=[\"prefect==1.4.1\", \"pydantic<2\"])\n", spec -> spec.path("setup.py")));
    }
}
