package dev.migrate.rewriters.python.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModulePathsTest {
    private static final List<String> FILES = List.of("flows/etl.py", "flows/schedules.py", "flows/__init__.py",
            "common/schedules.py", "common/__init__.py", "pkg/sub/tasks.py", "pkg/__init__.py", "pkg/sub/__init__.py",
            "jobs/a/cfg.py", "jobs/b/cfg.py", "jobs/a/run.py", "top.py");

    @Test
    void relativeImportsResolveAgainstTheImportersPackage() {
        assertThat(ModulePaths.resolve("flows/etl.py", ".schedules", FILES)).contains("flows/schedules.py");
        assertThat(ModulePaths.resolve("pkg/sub/tasks.py", "..", FILES)).contains("pkg/__init__.py");
        assertThat(ModulePaths.resolve("pkg/sub/tasks.py", ".", FILES)).contains("pkg/sub/__init__.py");
        assertThat(ModulePaths.resolve("flows/etl.py", "..common.schedules", FILES)).contains("common/schedules.py");
        assertThat(ModulePaths.resolve("flows/etl.py", "..common", FILES)).contains("common/__init__.py");
    }

    @Test
    void relativeImportsBeyondTheProjectOrMissingAreUnknown() {
        assertThat(ModulePaths.resolve("top.py", "..x", FILES)).isEmpty();
        assertThat(ModulePaths.resolve("flows/etl.py", ".missing", FILES)).isEmpty();
    }

    @Test
    void absoluteImportsNeedOneMatchOrASibling() {
        assertThat(ModulePaths.resolve("flows/etl.py", "common.schedules", FILES)).contains("common/schedules.py");
        assertThat(ModulePaths.resolve("x/y.py", "sub.tasks", FILES)).contains("pkg/sub/tasks.py");
        assertThat(ModulePaths.resolve("top.py", "pkg", FILES)).contains("pkg/__init__.py");
        // two files could be "schedules": the one next to the importer wins, elsewhere nothing is guessed
        assertThat(ModulePaths.resolve("flows/etl.py", "schedules", FILES)).contains("flows/schedules.py");
        assertThat(ModulePaths.resolve("top.py", "schedules", FILES)).isEmpty();
        assertThat(ModulePaths.resolve("jobs/a/run.py", "cfg", FILES)).contains("jobs/a/cfg.py");
        assertThat(ModulePaths.resolve("elsewhere/run.py", "cfg", FILES)).isEmpty();
        // "les.py" is not "schedules.py"
        assertThat(ModulePaths.resolve("top.py", "les", FILES)).isEmpty();
    }

    @Test
    void qualifiedNamesSplitIntoModuleAndName() {
        assertThat(ModulePaths.split("schedules.every_hour")).contains(new ModulePaths.ModuleName("schedules", "every_hour"));
        assertThat(ModulePaths.split("a.b.C")).contains(new ModulePaths.ModuleName("a.b", "C"));
        assertThat(ModulePaths.split(".schedules.X")).contains(new ModulePaths.ModuleName(".schedules", "X"));
        assertThat(ModulePaths.split(".X")).contains(new ModulePaths.ModuleName(".", "X"));
        assertThat(ModulePaths.split("..X")).contains(new ModulePaths.ModuleName("..", "X"));
        assertThat(ModulePaths.split("X")).isEqualTo(Optional.empty());
    }
}
