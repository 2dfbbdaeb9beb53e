package dev.migrate.recipes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.engine.RecipeCatalog;
import dev.migrate.recipes.engine.RewriteEngine;
import dev.migrate.recipes.engine.RewriteResult;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.test.PythonCompileOracle;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.Recipe;

/**
 * The whole Python composite through the engine on a small Prefect 2 project (test resources
 * prefect2-python/): CPython compiles every result, every prefect import exists in Prefect 3.8.3, no
 * Prefect 2 construct is left, what could not be converted is a manual note, and a second run changes nothing.
 */
class MigratePrefectPythonOracleTest {
    @TempDir
    Path work;

    @Test
    void prefect2ProjectBecomesPrefect3() throws Exception {
        Path project = copyProject();
        Recipe recipe = RecipeCatalog.load().activate(List.of("dev.migrate.prefect.MigratePrefectPythonToPrefect3"));
        RewriteResult first = new RewriteEngine(recipe, PrefectTarget.defaultTarget(), true).run(project);
        assertThat(first.refused()).isEmpty();
        assertThat(first.failures()).isEmpty();
        assertThat(first.changes()).hasSize(4);
        RewriteEngine.apply(project, first);

        List<Path> python;
        try (Stream<Path> files = Files.walk(project)) {
            python = files.filter(f -> f.toString().endsWith(".py")).sorted().toList();
        }
        for (Path f : python) {
            PythonFile parsed = PythonParser.parse(f);
            assertThat(parsed.diagnostics()).as("%s", f).isEmpty();
            assertThat(Prefect2Leftovers.importsMissingIn3(parsed)).as("%s:%n%s", f, Files.readString(f)).isEmpty();
            assertThat(Prefect2Leftovers.of(parsed)).as("%s:%n%s", f, Files.readString(f)).isEmpty();
        }
        PythonCompileOracle.assertCompiles(python);

        String deploy = Files.readString(project.resolve("pipelines/deploy.py"));
        assertThat(deploy).contains("etl.deploy(", "image=\"registry.local/etl:2.4\"", "build=False",
                "\"image_pull_policy\": \"Always\"", "paused=False", "paused=True",
                "hourly = etl.from_source(source=str(Path(__file__).resolve().parent.parent), "
                        + "entrypoint=\"pipelines/etl.py:etl\").to_deployment(",
                "schedules=[Interval(timedelta(hours=1))]", "monthly_id = monthly.apply()");
        assertThat(Files.readString(project.resolve("pipelines/etl.py")))
                .contains("from prefect.task_runners import ThreadPoolTaskRunner\n", "wait([audit])\n    return");
        assertThat(deploy).contains("job_variables={\"working_dir\": \"/srv/etl\", \"env\": {\"LOG_LEVEL\": \"DEBUG\"}}");
        // `hourly` names a queue and no pool (a manual item before): Prefect 2 ran it from default-agent-pool, and it
        // deploys to the typed pool standing in for that one, its queue kept; what is left to a person is whether a
        // failed run of backfill's discarded map must fail the flow (it returns nothing: Prefect 2 failed it)
        assertThat(deploy).contains("work_queue_name=\"hourly\"", "work_pool_name=\"process-pool\"");
        assertThat(first.notes()).filteredOn(MigrationNotes.Row::manual)
                .extracting(n -> n.sourcePath() + ":" + n.line() + " " + n.code())
                .containsExactly("pipelines/etl.py:33 BHV002");
        assertThat(first.notes()).anyMatch(n -> n.message().startsWith("deploys to work pool `process-pool`"));

        RewriteResult second = new RewriteEngine(recipe, PrefectTarget.defaultTarget(), true).run(project);
        assertThat(second.changes()).isEmpty();
    }

    @Test
    void withoutUnsafeFixesTheUnsafeEditsAreNotesAndTheRestStillCompiles() throws Exception {
        Path project = copyProject();
        Recipe recipe = RecipeCatalog.load().activate(List.of("dev.migrate.prefect.MigratePrefectPythonToPrefect3"));
        RewriteResult result = new RewriteEngine(recipe, PrefectTarget.defaultTarget(), false).run(project);
        RewriteEngine.apply(project, result);
        String etl = Files.readString(project.resolve("pipelines/etl.py"));
        assertThat(etl).contains("Variable.get(\"bucket\").value", "# TODO(migrate BHV001)", "wait([audit])");
        assertThat(result.notes()).filteredOn(MigrationNotes.Row::manual)
                .extracting(MigrationNotes.Row::text).anyMatch(m -> m.contains("BHV003"));
        try (Stream<Path> files = Files.walk(project)) {
            PythonCompileOracle.assertCompiles(files.filter(f -> f.toString().endsWith(".py")).toList());
        }
    }

    private Path copyProject() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/prefect2-python").toURI());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.toList()) {
                Path dest = work.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return work;
    }
}
