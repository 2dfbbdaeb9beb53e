package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrewrite.test.SourceSpecs.text;
import static org.openrewrite.yaml.Assertions.yaml;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import org.junit.jupiter.api.Test;
import org.openrewrite.DocumentExample;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.test.RecipeSpec;
import org.openrewrite.test.RewriteTest;

class RaiseSetupPythonVersionInWorkflowsTest implements RewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new RaiseSetupPythonVersionInWorkflows());
    }

    // the deploy job's single version is raised (quoted: a plain 3.10 is the number 3.1); the test matrix is a choice
    @DocumentExample
    @Test
    void aSingleVersionIsRaisedAndAMatrixIsNoted() {
        rewriteRun(spec -> spec.dataTable(MigrationNotes.Row.class, rows -> assertThat(rows)
                        .extracting(r -> r.line() + " " + r.manual() + " " + r.code() + " " + r.message()).containsExactly(
                                "5 true PF221 the matrix's python-version lists 3.8, 3.9: Prefect 3.8.3 needs Python 3.10 or "
                                        + "newer, and this job installs Prefect; drop those entries or raise them to 3.10",
                                "16 false PF221 raised python-version from 3.9 to \"3.10\": Prefect 3.8.3 needs Python 3.10 "
                                        + "or newer, and this job installs Prefect; the job now runs on that Python")),
            text("[project]\ndependencies = [\"prefect==2.19.4\"]\n", spec -> spec.path("pyproject.toml")),
            yaml(
                """
                jobs:
                  test:
                    strategy:
                      matrix:
                        python-version: ["3.8", "3.9", "3.10"]
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: ${{ matrix.python-version }}
                      - run: pip install -e ".[dev]" && pytest
                  deploy:
                    steps:
                      - name: Set up Python
                        uses: actions/setup-python@v5
                        with:
                          python-version: 3.9  # the workers' Python
                      - run: pip install . && prefect deploy --all
                """,
                """
                jobs:
                  test:
                    strategy:
                      matrix:
                        python-version: ["3.8", "3.9", "3.10"]
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: ${{ matrix.python-version }}
                      - run: pip install -e ".[dev]" && pytest
                  deploy:
                    steps:
                      - name: Set up Python
                        uses: actions/setup-python@v5
                        with:
                          python-version: "3.10"  # the workers' Python
                      - run: pip install . && prefect deploy --all
                """,
                spec -> spec.path(".github/workflows/ci.yml")));
    }

    @Test
    void workflowsThatInstallNoPrefectNewVersionsAndOlderTargetsStay() {
        rewriteRun(
            text("[project]\ndependencies = [\"prefect==3.8.3\"]\n", spec -> spec.path("pyproject.toml")),
            yaml("jobs:\n  lint:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.8'\n"
                + "      - run: pip install ruff && ruff check .\n"
                + "  deploy:\n    steps:\n      - run: pip install . && prefect deploy --all\n",
                spec -> spec.path(".github/workflows/lint.yml")),
            yaml("jobs:\n  deploy:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n"
                + "      - run: pip install .\n", spec -> spec.path(".github/workflows/deploy.yml")));
        InMemoryExecutionContext ctx = new InMemoryExecutionContext();
        PrefectTarget.parse("3.2").putInto(ctx);
        rewriteRun(spec -> spec.executionContext(ctx),
            yaml("jobs:\n  deploy:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.9'\n"
                + "      - run: pip install prefect==3.2.0\n", spec -> spec.path(".github/workflows/deploy.yml")));
    }

    // the job installs requirements.txt, which lists Prefect only through the file it includes
    @Test
    void aJobInstallingARequirementsFileThatIncludesPrefect() {
        rewriteRun(
            text("-r requirements/base.txt\n", spec -> spec.path("requirements.txt")),
            text("prefect-aws==0.4.14\n", spec -> spec.path("requirements/base.txt")),
            yaml(
                """
                jobs:
                  deploy:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.9"
                      - run: pip install -r requirements.txt && prefect deploy --all
                """,
                """
                jobs:
                  deploy:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.10"
                      - run: pip install -r requirements.txt && prefect deploy --all
                """,
                spec -> spec.path(".github/workflows/deploy.yml")),
            text("-c ../requirements/base.txt\nruff\n", spec -> spec.path("lint/requirements.txt")),
            yaml(
                """
                jobs:
                  lint:
                    steps:
                      - uses: actions/setup-python@v5
                        with:
                          python-version: "3.8"
                      - run: pip install -r lint/requirements.txt && ruff check .
                """,
                spec -> spec.path(".github/workflows/lint.yml")));
    }
}
