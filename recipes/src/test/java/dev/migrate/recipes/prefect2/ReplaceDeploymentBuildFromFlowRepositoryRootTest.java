package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import dev.migrate.rewriters.python.test.PythonRewriteTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.test.RecipeSpec;

/**
 * GitHub storage becomes from_source's git source, which reads the entrypoint from the root of the clone. When several
 * repositories are rewritten together ({@code migrate rewrite ~/src} holding {@code repo-a/} and {@code repo-b/}), that
 * root is the deploying script's repository, not the project root: the folder holding {@code .git}, else the folder
 * named after the repository the storage clones.
 */
class ReplaceDeploymentBuildFromFlowRepositoryRootTest implements PythonRewriteTest {
    @TempDir
    Path src;

    private static final String DEPLOY = """
            from prefect.deployments import Deployment
            from prefect.filesystems import GitHub

            from flows.etl import etl

            Deployment.build_from_flow(flow=etl, name="git", storage=GitHub(repository="https://github.com/acme/repo-a.git", reference="main"), work_pool_name="process", apply=True, enforce_parameter_schema=False)
            """;

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ReplaceDeploymentBuildFromFlow());
    }

    // before: entrypoint="repo-a/flows/etl.py:etl", a path the clone of repo-a does not hold
    @Test
    void theFolderNamedAfterTheRepositoryIsItsRoot() {
        rewriteRun(python(DEPLOY,
            """
            from prefect.runner.storage import GitRepository

            from flows.etl import etl

            etl.from_source(source=GitRepository(url="https://github.com/acme/repo-a.git", branch="main"), entrypoint="flows/etl.py:etl").deploy(name="git", work_pool_name="process", enforce_parameter_schema=False)
            """,
            spec -> spec.path("repo-a/deploy.py")));
    }

    @Test
    void aScriptOutsideAFolderOfThatNameKeepsTheProjectPath() {
        rewriteRun(python(DEPLOY,
            """
            from prefect.runner.storage import GitRepository

            from flows.etl import etl

            etl.from_source(source=GitRepository(url="https://github.com/acme/repo-a.git", branch="main"), entrypoint="pipelines/flows/etl.py:etl").deploy(name="git", work_pool_name="process", enforce_parameter_schema=False)
            """,
            spec -> spec.path("pipelines/deploy.py")));
    }

    // the checkout's folder has another name than the repository: its .git says where the clone's root is
    @Test
    void theFolderHoldingGitIsTheRootWhateverItsName() throws Exception {
        for (String repo : List.of("checkouts/etl-main", "checkouts/other")) {
            Files.createDirectories(src.resolve(repo + "/.git"));
            Files.writeString(src.resolve(repo + "/.git/HEAD"), "ref: refs/heads/main\n");
        }
        Files.createDirectories(src.resolve("checkouts/etl-main/flows"));
        Files.writeString(src.resolve("checkouts/etl-main/flows/etl.py"), "from prefect import flow\n\n\n@flow\ndef etl():\n    pass\n");
        Files.writeString(src.resolve("checkouts/etl-main/deploy.py"), DEPLOY);
        RewriteResult result = new RewriteEngine(RecipeCatalog.load().activate(List.of(RecipeCatalog.DEFAULT_RECIPE)),
                PrefectTarget.defaultTarget(), true).run(src);
        assertThat(result.changes()).anySatisfy(c -> assertThat(new String(c.after(), StandardCharsets.UTF_8))
                .contains("entrypoint=\"flows/etl.py:etl\"").doesNotContain("checkouts/"));
    }
}
