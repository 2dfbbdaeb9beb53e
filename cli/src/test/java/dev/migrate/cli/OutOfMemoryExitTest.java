package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running out of heap is an environment problem (exit 3) with a way out, never a stack trace and never the
 * JVM's exit code 1, which the contract reserves for findings. Runs the jar's entry point in a JVM with a
 * heap far too small for a 300-file rewrite.
 */
class OutOfMemoryExitTest {
    @TempDir
    Path project;

    @Test
    void aHeapTooSmallForTheInputExitsWithThreeAndSaysHowToGiveItMore() throws Exception {
        String flow = """
                from prefect import flow, task
                from prefect.task_runners import ConcurrentTaskRunner


                @task
                def one(x):
                    return x


                @flow(task_runner=ConcurrentTaskRunner())
                def etl():
                    futures = [one.submit(i) for i in range(3)]
                    return futures
                """;
        for (int i = 0; i < 300; i++) {
            Files.writeString(project.resolve("flow_" + i + ".py"), flow.replace("etl", "etl_" + i));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx16m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "rewrite", project.toString(), "--dry-run"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCode.ENVIRONMENT.code());
        assertThat(err).startsWith("migrate: out of memory: the Java heap (at most ")
                .contains("MIGRATE_JAVA_OPTS=-Xmx").doesNotContain("Exception in thread", "\tat ");
    }
}
