package dev.migrate.analyzers.sources.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The project's task index, read as the rewrite records modules (trees, read lazily) and as the scan does (facts). */
class ProjectTaskIndexTest {
    private static final String TASKS = """
            from prefect import task as ptask

            @ptask
            def load(rows):
                return rows

            @ptask(retries=1)
            async def fetch(url):
                return url

            def _private():
                pass
            """;
    private static final String FLOW = """
            from prefect import flow
            from etl import load
            from etl.tasks import fetch as get
            import etl.tasks
            from .tasks import *
            from etl.util import load_config
            """;

    private static Node parse(String path, String text) {
        return PythonParser.parse(Path.of(path), text).module();
    }

    private static Map<String, String> imported(boolean lazily, String... pathsAndTexts) {
        ProjectTaskIndex index = new ProjectTaskIndex();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Node module = parse(pathsAndTexts[i], pathsAndTexts[i + 1]);
            if (lazily) {
                index.record(pathsAndTexts[i], module);
            } else {
                index.record(pathsAndTexts[i], module, Imports.of(module));
            }
        }
        Node flow = parse("etl/flow.py", FLOW);
        index.record("etl/flow.py", flow, Imports.of(flow));
        Map<String, String> out = new java.util.TreeMap<>();
        index.importedBy("etl/flow.py", Imports.of(flow))
                .forEach((ref, t) -> out.put(ref, t.path() + ":" + t.name() + (t.async() ? " async" : "")));
        return out;
    }

    @Test
    void namesAModuleReachesTasksByAreTheSameReadLazilyOrAtOnce() {
        String[] project = {"etl/__init__.py", "from .tasks import load\n", "etl/tasks.py", TASKS,
            "etl/util.py", "def load_config():\n    return {}\n"};
        Map<String, String> expected = Map.of(
                "load", "etl/tasks.py:load",
                "get", "etl/tasks.py:fetch async",
                "etl.tasks.load", "etl/tasks.py:load",
                "etl.tasks.fetch", "etl/tasks.py:fetch async",
                "fetch", "etl/tasks.py:fetch async");
        assertThat(imported(true, project)).isEqualTo(expected);
        assertThat(imported(false, project)).isEqualTo(expected);
    }

    @Test
    void aModuleTheProjectHasTwiceIsNoTaskModuleAndAModuleWithoutPrefectImportsNone() {
        ProjectTaskIndex index = new ProjectTaskIndex();
        Node tasks = parse("a/tasks.py", TASKS);
        index.record("a/tasks.py", tasks, Imports.of(tasks));
        Node flow = parse("b/flow.py", "from prefect import flow\nfrom tasks import load\n");
        assertThat(index.importedBy("b/flow.py", Imports.of(flow))).containsOnlyKeys("load");
        index.listed("c/tasks.py");
        assertThat(index.importedBy("b/flow.py", Imports.of(flow))).isEmpty();
        Node script = parse("a/run.py", "from tasks import load\n");
        assertThat(index.importedBy("a/run.py", Imports.of(script))).isEmpty();
    }

    @Test
    void aTaskAPackageReExportsUnderAnotherNameIsFollowedThroughEachPackage() {
        String flow = """
                from prefect import flow
                from etl import get, pull, shadowed, helper
                """;
        String[] project = {
            "etl/__init__.py", """
                from .tasks import fetch as get
                from .sub import grab as pull
                from .tasks import load as shadowed
                from .util import load_config as helper

                def shadowed():
                    pass
                """,
            "etl/sub/__init__.py", "from ..tasks import fetch as grab\n",
            "etl/tasks.py", TASKS,
            "etl/util.py", "def load_config():\n    return {}\n"};
        for (boolean lazily : new boolean[] {true, false}) {
            ProjectTaskIndex index = new ProjectTaskIndex();
            for (int i = 0; i < project.length; i += 2) {
                Node module = parse(project[i], project[i + 1]);
                if (lazily) {
                    index.record(project[i], module);
                } else {
                    index.record(project[i], module, Imports.of(module));
                }
            }
            Node module = parse("jobs/run.py", flow);
            index.record("jobs/run.py", module, Imports.of(module));
            Map<String, String> out = new java.util.TreeMap<>();
            index.importedBy("jobs/run.py", Imports.of(module))
                    .forEach((ref, t) -> out.put(ref, t.path() + ":" + t.name() + (t.async() ? " async" : "")));
            // a name the package defines itself, or re-exports from a module without tasks, is no task
            assertThat(out).as("lazily %s", lazily)
                    .isEqualTo(Map.of("get", "etl/tasks.py:fetch async", "pull", "etl/tasks.py:fetch async"));
        }
    }
}
