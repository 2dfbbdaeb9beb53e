package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.text.PlainText;

class FilesByPathTest {
    private static final List<String> PATHS = List.of("Dockerfile", "docker/Dockerfile.prod", "build/app.dockerfile",
            "Containerfile", "deploy/prefect.yaml", "prefect-dev.yml", "charts/agent/values.yaml", "values-prod.yaml",
            "pyproject.toml", "src/setup.cfg", "flows/etl.py", "Dockerfile.md/notes.txt", "README.md", "agent.Dockerfile",
            "docker/Containerfile.worker", "build/worker.Containerfile", "Dockerfiles/README.md", "docker/Dockerfiler");

    // the recipes swapped OpenRewrite's FindSourceFiles for this selector: it must pick exactly the same files
    @Test
    void selectsTheFilesFindSourceFilesSelects() {
        List<String> patterns = List.of(FileGlobs.DOCKERFILES, FileGlobs.COMPOSE_FILES, "**/prefect.yaml;**/prefect-*.yml",
                "**/values*.yaml;**/*-values.yaml", " ./**/pyproject.toml ; /**/setup.cfg ;", "**/*.py", "", ";");
        for (String pattern : patterns) {
            assertThat(selected(() -> FilesByPath.matching(pattern))).as(pattern)
                    .isEqualTo(selected(() -> new FindSourceFiles(pattern).getVisitor()));
        }
    }

    @Test
    void selectsOnlyMatchingFiles() {
        assertThat(selected(() -> FilesByPath.matching(FileGlobs.DOCKERFILES)))
                .containsExactlyInAnyOrder("Dockerfile", "docker/Dockerfile.prod", "build/app.dockerfile", "Containerfile",
                        "agent.Dockerfile", "docker/Containerfile.worker", "build/worker.Containerfile");
    }

    // the recipes that have a name, not a source file, read Dockerfiles the same way
    @Test
    void dockerfileNamesAgreeWithTheGlobs() {
        Set<String> byGlob = selected(() -> FilesByPath.matching(FileGlobs.DOCKERFILES));
        for (String path : PATHS) {
            assertThat(DockerfileNames.is(Path.of(path).getFileName().toString())).as(path).isEqualTo(byGlob.contains(path));
        }
    }

    /** The paths an edit of every file changes when {@code selector} is its precondition, the way the recipes use it. */
    private static Set<String> selected(Supplier<TreeVisitor<?, ExecutionContext>> selector) {
        Recipe recipe = new Recipe() {
            @Override
            public String getDisplayName() {
                return "Edit the selected files";
            }

            @Override
            public String getDescription() {
                return "Marks each file the selector under test lets through.";
            }

            @Override
            public TreeVisitor<?, ExecutionContext> getVisitor() {
                return Preconditions.check(selector.get(), new TreeVisitor<Tree, ExecutionContext>() {
                    @Override
                    public Tree visit(Tree tree, ExecutionContext ctx) {
                        PlainText file = (PlainText) tree;
                        return file.getText().isEmpty() ? file.withText("selected") : file;
                    }
                });
            }
        };
        List<SourceFile> files = PATHS.stream()
                .<SourceFile>map(p -> PlainText.builder().sourcePath(Path.of(p)).text("").build()).toList();
        return recipe.run(new InMemoryLargeSourceSet(files), new InMemoryExecutionContext()).getChangeset().getAllResults()
                .stream().map(r -> r.getAfter().getSourcePath().toString()).collect(Collectors.toSet());
    }
}
