package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `migrate rewrite` never edits installed packages: the Prefect 2 inside a virtual environment stays as it is. */
class InstalledPackagesTest {
    private static final String PREFECT2_CODE = """
            from prefect import flow
            from prefect.task_runners import SequentialTaskRunner


            @flow(task_runner=SequentialTaskRunner())
            def etl():
                pass
            """;

    @TempDir
    Path project;

    @Test
    void virtualEnvironmentsUnderAnyNameAndSitePackagesAreLeftAlone() throws Exception {
        Files.createDirectories(project.resolve("flows"));
        Files.writeString(project.resolve("flows/etl.py"), PREFECT2_CODE, StandardCharsets.UTF_8);
        Path venv = Files.createDirectories(project.resolve("py311/lib/python3.11/site-packages/prefect"));
        Files.writeString(project.resolve("py311/pyvenv.cfg"), "home = /usr/bin\n", StandardCharsets.UTF_8);
        Files.writeString(venv.resolve("engine.py"), PREFECT2_CODE, StandardCharsets.UTF_8);
        Path conda = Files.createDirectories(project.resolve("envs/etl/lib/python3.11/site-packages/prefect"));
        Files.writeString(conda.resolve("engine.py"), PREFECT2_CODE, StandardCharsets.UTF_8);

        RewriteResult result = new RewriteEngine(RecipeCatalog.load().activate(List.of(RecipeCatalog.DEFAULT_RECIPE)),
                PrefectTarget.defaultTarget(), true).run(project);

        assertThat(result.changes()).extracting(c -> c.path().toString().replace('\\', '/'))
                .containsExactly("flows/etl.py");
    }
}
