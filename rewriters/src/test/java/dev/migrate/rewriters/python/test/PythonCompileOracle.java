package dev.migrate.rewriters.python.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Published in the test-jar. CPython as the oracle for "this Python compiles": one python3 process compiles every file (never imports). */
public final class PythonCompileOracle {
    private static final String COMPILE_ALL = String.join("\n",
            "import sys",
            "bad = 0",
            "for p in sys.stdin.read().splitlines():",
            "    try:",
            "        compile(open(p, 'rb').read(), p, 'exec', dont_inherit=True)",
            "    except (SyntaxError, ValueError) as e:",
            "        bad += 1",
            "        print(p, e)",
            "print('failed', bad)");

    private PythonCompileOracle() {
    }

    /** Asserts CPython compiles every file; skips (visibly) when python3 is missing. */
    public static void assertCompiles(List<Path> files) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("python3", "-B", "-c", COMPILE_ALL).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeThat(false).as("python3 is not on PATH; skipping the CPython compile check").isTrue();
            return;
        }
        try (OutputStream in = process.getOutputStream()) {
            for (Path f : files) {
                in.write((f.toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(out.strip()).as("CPython compile() of the rewritten files").isEqualTo("failed 0");
    }
}
