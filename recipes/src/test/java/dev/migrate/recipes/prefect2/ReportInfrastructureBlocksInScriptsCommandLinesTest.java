package dev.migrate.recipes.prefect2;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;
import static org.openrewrite.test.SourceSpecs.text;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

/**
 * The saving script's TODO when a 2.x command line loads the block it saves ({@code prefect deployment build -ib
 * docker-container/etl-docker} in scripts/deploy.sh, as public Prefect 2 repositories lay them out) and the run converts
 * that line: the converted {@code prefect deploy} carries the block's image, env, namespace and pull policy as
 * {@code --job-variable} flags, so the TODO says those now live there and asks only for the rest.
 */
class ReportInfrastructureBlocksInScriptsCommandLinesTest implements PythonRewriteTest {
    private static final String SAVE = """
            from prefect.infrastructure import DockerContainer

            DockerContainer(image="org/etl:1.4", image_pull_policy="ALWAYS", env={"STAGE": "prod"}).save("etl-docker", overwrite=True)
            """;
    private static final String BUILD = """
            #!/bin/bash
            set -e
            prefect deployment build flows/etl.py:etl -n etl -ib docker-container/etl-docker -q default -a
            """;
    private static final String DEPLOY = """
            #!/bin/bash
            set -e
            prefect --no-prompt deploy --pool etl-docker flows/etl.py:etl --name etl --work-queue default --job-variable image=org/etl:1.4 --job-variable image_pull_policy=Always --job-variable '{"env":{"STAGE":"prod"}}'
            """;
    private static final String TODO = "# TODO(migrate PF205): Prefect 3 has no infrastructure blocks: work pools replace "
            + "them. Create the pool once with `prefect work-pool create etl-docker --type docker`";

    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipes(new ReportInfrastructureBlocksInScripts(), new RewritePrefectCliInShellScripts());
    }

    @Test
    void aConvertedBuildLineCarriesTheSettingsTheTodoNoLongerAsksFor() {
        rewriteRun(
            python(SAVE, """
                from prefect.infrastructure import DockerContainer

                %s; this block's image, image_pull_policy ("Always"), env now live on the deployments that load it by name (scripts/deploy.sh:3), whose conversion passes them as --job-variable flags; then remove this statement and its import
                DockerContainer(image="org/etl:1.4", image_pull_policy="ALWAYS", env={"STAGE": "prod"}).save("etl-docker", overwrite=True)
                """.formatted(TODO), spec -> spec.path("blocks/create_blocks.py")),
            text(BUILD, DEPLOY, spec -> spec.path("scripts/deploy.sh")));
    }

    // a command line passes the block's image, env, namespace and pull policy only: auto_remove is still asked for
    @Test
    void aSettingNoCommandLinePassesIsStillAskedFor() {
        rewriteRun(
            python("""
                from prefect.infrastructure import DockerContainer

                DockerContainer(image="org/etl:1.4", auto_remove=True).save("etl-docker", overwrite=True)
                """, """
                from prefect.infrastructure import DockerContainer

                %s; this block's image now live on the deployments that load it by name (scripts/deploy.sh:3), whose conversion passes them as --job-variable flags; the converted command lines that load it (scripts/deploy.sh:3) do not pass its auto_remove: set it in the pool's base job template or in those deployments' job_variables in prefect.yaml; then remove this statement and its import
                DockerContainer(image="org/etl:1.4", auto_remove=True).save("etl-docker", overwrite=True)
                """.formatted(TODO), spec -> spec.path("blocks/create_blocks.py")),
            text(BUILD, """
                #!/bin/bash
                set -e
                prefect --no-prompt deploy --pool etl-docker flows/etl.py:etl --name etl --work-queue default --job-variable image=org/etl:1.4
                """, spec -> spec.path("scripts/deploy.sh")));
    }

    // a Python deployment and a command line load the same block: both are named, each with what its conversion writes
    @Test
    void pythonAndCommandLineLoadersAreBothNamed() {
        rewriteRun(
            python(SAVE, """
                from prefect.infrastructure import DockerContainer

                %s; this block's image, image_pull_policy ("Always"), env now live on the deployments that load it by name (deployments/deploy.py:7, scripts/deploy.sh:3), whose conversion passes them as image= and job_variables (Python) or --job-variable flags (command lines); then remove this statement and its import
                DockerContainer(image="org/etl:1.4", image_pull_policy="ALWAYS", env={"STAGE": "prod"}).save("etl-docker", overwrite=True)
                """.formatted(TODO), spec -> spec.path("blocks/create_blocks.py")),
            python("""
                from prefect.deployments import Deployment
                from prefect.infrastructure import DockerContainer

                from flows.etl import etl

                infra = DockerContainer.load("etl-docker")
                Deployment.build_from_flow(flow=etl, name="nightly", infrastructure=infra, apply=True)
                """, spec -> spec.path("deployments/deploy.py")),
            text(BUILD, DEPLOY, spec -> spec.path("scripts/deploy.sh")));
    }

    // with a work pool named (-p), 2.x did not read the block, and the conversion passes none of its settings
    @Test
    void aBuildForItsOwnPoolIsNoLoader() {
        rewriteRun(
            python(SAVE, """
                from prefect.infrastructure import DockerContainer

                %s, pass this block's image, image_pull_policy ("Always"), env as job_variables of the deployments that used it (or set them in the pool's base job template); then remove this statement and its import
                DockerContainer(image="org/etl:1.4", image_pull_policy="ALWAYS", env={"STAGE": "prod"}).save("etl-docker", overwrite=True)
                """.formatted(TODO), spec -> spec.path("blocks/create_blocks.py")),
            text("prefect deployment build flows/etl.py:etl -n etl -p etl-pool -ib docker-container/etl-docker -a\n",
                "prefect --no-prompt deploy flows/etl.py:etl --name etl --pool etl-pool\n", spec -> spec.path("deploy.sh")));
    }

    // without the command-line conversion in the run, the line stays a 2.x build that carries nothing: asked as before
    @Test
    void aLineTheRunDoesNotConvertIsNoLoader() {
        rewriteRun(spec -> spec.recipe(new ReportInfrastructureBlocksInScripts()),
            python(SAVE, """
                from prefect.infrastructure import DockerContainer

                %s, pass this block's image, image_pull_policy ("Always"), env as job_variables of the deployments that used it (or set them in the pool's base job template); then remove this statement and its import
                DockerContainer(image="org/etl:1.4", image_pull_policy="ALWAYS", env={"STAGE": "prod"}).save("etl-docker", overwrite=True)
                """.formatted(TODO), spec -> spec.path("blocks/create_blocks.py")),
            text(BUILD, spec -> spec.path("scripts/deploy.sh")));
    }

    // a deployment script built for a work pool, run from a shell script: no block, no command to convert
    @Test
    void filesWithoutBlocksOrBuildsAreUnchanged() {
        rewriteRun(
            python("""
                from prefect.deployments import Deployment

                from flows.etl import etl

                Deployment.build_from_flow(flow=etl, name="nightly", work_pool_name="etl-pool", apply=True)
                """, spec -> spec.path("deployments/deploy.py")),
            text("#!/bin/bash\nset -e\npython deployments/deploy.py\n", spec -> spec.path("scripts/deploy.sh")));
    }
}
