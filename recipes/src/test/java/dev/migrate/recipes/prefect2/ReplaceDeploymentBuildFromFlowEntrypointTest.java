package dev.migrate.recipes.prefect2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a project, the entrypoint written for an imported flow is checked against the project's files. */
class ReplaceDeploymentBuildFromFlowEntrypointTest {
    @TempDir
    Path project;

    private String deployScript(String importLine, String flow) {
        return importLine + "\nfrom prefect.deployments import Deployment\n\n"
                + "Deployment.build_from_flow(flow=" + flow + ", name=\"nightly\", work_pool_name=\"etl\", apply=True)\n";
    }

    private RewriteResult rewrite(String script) throws Exception {
        return rewrite("deploy.py", script);
    }

    private RewriteResult rewrite(String path, String script) throws Exception {
        Files.createDirectories(project.resolve(path).getParent());
        Files.writeString(project.resolve(path), script, StandardCharsets.UTF_8);
        return new RewriteEngine(RecipeCatalog.load().activate(List.of("dev.migrate.recipes.prefect2.ReplaceDeploymentBuildFromFlow")),
                PrefectTarget.defaultTarget(), true).run(project);
    }

    private static String after(RewriteResult r) {
        return new String(r.changes().get(0).after(), StandardCharsets.UTF_8);
    }

    @Test
    void aFlowImportedFromAPackageGetsThePackagesInitAsEntrypoint() throws Exception {
        Files.createDirectories(project.resolve("pipelines/nightly"));
        Files.writeString(project.resolve("pipelines/nightly/__init__.py"), "from prefect import flow\n\n@flow\ndef etl():\n    pass\n");
        RewriteResult r = rewrite(deployScript("from pipelines.nightly import etl", "etl"));
        assertThat(after(r)).contains("entrypoint=\"pipelines/nightly/__init__.py:etl\"");
        assertThat(r.notes()).noneMatch(n -> "PF214".equals(n.code()));
    }

    @Test
    void aFlowModuleTheProjectHoldsIsWrittenAsItIs() throws Exception {
        Files.createDirectories(project.resolve("pipelines"));
        Files.writeString(project.resolve("pipelines/nightly.py"), "from prefect import flow\n\n@flow\ndef etl():\n    pass\n");
        RewriteResult r = rewrite(deployScript("from pipelines.nightly import etl", "etl"));
        assertThat(after(r)).contains("entrypoint=\"pipelines/nightly.py:etl\"");
        assertThat(r.notes()).noneMatch(n -> "PF214".equals(n.code()));
    }

    // a Kubernetes demo imported each flow module (`import flows.param_flow`) and passed flow=flows.param_flow.increment:
    // every call was left with "the flow's source file is unknown" though the import names the file
    @Test
    void aFlowReachedThroughItsImportedModuleGetsThatModulesEntrypoint() throws Exception {
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/__init__.py"), "");
        Files.writeString(project.resolve("flows/param_flow.py"), "from prefect import flow\n\n@flow\ndef increment(i):\n    return i + 1\n");
        Files.writeString(project.resolve("flows/child_flow.py"), "from prefect import flow\n\n@flow\ndef child():\n    pass\n");
        RewriteResult r = rewrite("""
                import flows.child_flow
                import flows.param_flow as params
                from flows import child_flow
                from prefect.deployments import Deployment

                Deployment.build_from_flow(flow=flows.child_flow.child, name="a", work_pool_name="k8s", apply=True)
                Deployment.build_from_flow(flow=params.increment, name="b", work_pool_name="k8s", apply=True)
                Deployment.build_from_flow(flow=child_flow.child, name="c", work_pool_name="k8s", apply=True)
                """);
        assertThat(after(r)).contains(
                "flows.child_flow.child.from_source(source=str(Path(__file__).resolve().parent), "
                        + "entrypoint=\"flows/child_flow.py:child\").deploy(name=\"a\"",
                "params.increment.from_source(source=str(Path(__file__).resolve().parent), "
                        + "entrypoint=\"flows/param_flow.py:increment\").deploy(name=\"b\"",
                "child_flow.child.from_source(source=str(Path(__file__).resolve().parent), "
                        + "entrypoint=\"flows/child_flow.py:child\").deploy(name=\"c\"");
        assertThat(r.notes()).noneMatch(n -> "PF214".equals(n.code()));
    }

    // an attribute of something that is not an imported module (a registry object, a class) names no file
    @Test
    void aFlowReachedThroughAnObjectStaysForAPerson() throws Exception {
        RewriteResult r = rewrite("""
                import flows.registry
                from prefect.deployments import Deployment

                Deployment.build_from_flow(flow=flows.registry.FLOWS.etl, name="a", work_pool_name="k8s", apply=True)
                """);
        assertThat(after(r)).contains("# TODO(migrate PF214): the flow's source file is unknown");
    }

    // a deploy script of flows from an installed package (`from pdf_reader.adapters.prefect import ...`): the
    // from_source path pointed at a directory the project does not have, so deploying failed; a module path does not
    @Test
    void aFlowFromAnInstalledPackageIsDeployedByModulePath() throws Exception {
        RewriteResult r = rewrite(deployScript("from pipelines.nightly import etl", "etl"));
        assertThat(after(r)).isEqualTo("""
                from pipelines.nightly import etl
                from prefect.types.entrypoint import EntrypointType

                etl.to_deployment(name="nightly", work_pool_name="etl", enforce_parameter_schema=False, \
                entrypoint_type=EntrypointType.MODULE_PATH).apply()
                """);
        assertThat(r.notes()).filteredOn(n -> "PF214".equals(n.code())).singleElement().satisfies(n -> {
            assertThat(n.message()).contains("module pipelines.nightly:etl is not in this project")
                    .contains("workers need that package installed");
            assertThat(n.manual()).isFalse();
            assertThat(after(r).split("\n")[n.line() - 1]).contains("etl.to_deployment(");
        });
    }

    @Test
    void aStoredDeploymentOfAnInstalledFlowStaysADeploymentObject() throws Exception {
        RewriteResult r = rewrite("""
                from pdf_reader.flows import extract
                from prefect.deployments import Deployment


                def deploy():
                    d = Deployment.build_from_flow(flow=extract, name="on-demand", work_pool_name="etl")
                    d.apply()
                """);
        assertThat(after(r)).contains("d = extract.to_deployment(name=\"on-demand\", work_pool_name=\"etl\", "
                + "enforce_parameter_schema=False, entrypoint_type=EntrypointType.MODULE_PATH)\n    d.apply()");
    }

    // the rewrite benchmark's scripts live in one package and import flows from a sibling (run as python -m
    // team13.deploy from the root): the source was the script's own directory, where no team0/ exists
    @Test
    void aFlowImportedFromASiblingPackageIsDeployedFromTheImportRoot() throws Exception {
        Files.createDirectories(project.resolve("team0"));
        Files.writeString(project.resolve("team0/flow_1.py"), "from prefect import flow\n\n@flow\ndef etl_1():\n    pass\n");
        RewriteResult r = rewrite("team13/deploy_3.py", deployScript("from team0.flow_1 import etl_1", "etl_1"));
        assertThat(after(r)).contains("etl_1.from_source(source=str(Path(__file__).resolve().parent.parent), "
                + "entrypoint=\"team0/flow_1.py:etl_1\")");
        assertThat(r.notes()).noneMatch(n -> "PF214".equals(n.code()));
    }
}
