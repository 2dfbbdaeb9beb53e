package dev.migrate.rewriters.python.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Published in the test-jar. isort as the oracle for "these imports are in the order an import-sorting check
 * wants": one python3 process checks every file with isort's API (never imports the files). Skips, visibly,
 * when no python3 on the machine has isort (CI installs Debian's python3-isort).
 */
public final class IsortOracle {
    /** isort settings by name: its defaults, force-sort-within-sections, and the black profile. */
    public static final Map<String, String> SETTINGS = Map.of(
            "default", "{}",
            "force-sort", "{'force_sort_within_sections': True}",
            "black", "{'profile': 'black'}");

    private static final String CHECK_ALL = String.join("\n",
            "import sys, isort",
            "settings = {" + String.join(", ", SETTINGS.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "': " + e.getValue()).toList()) + "}",
            "bad = 0",
            "for line in sys.stdin.read().splitlines():",
            "    name, path = line.split('\\t', 1)",
            "    code = open(path, encoding='utf-8').read()",
            "    config = isort.Config(known_first_party=['flows', 'app'], **settings[name])",
            "    if not isort.check_code(code, config=config):",
            "        bad += 1",
            "        print(path, name, 'wants:')",
            "        print(isort.code(code, config=config))",
            "print('unsorted', bad)");

    private IsortOracle() {
    }

    /** A python3 that has isort: the one on PATH, else Debian's (where apt's python3-isort installs it). */
    private static Optional<String> python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import isort").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    /** Asserts isort finds each file's imports sorted under the settings named with it. */
    public static void assertSorted(Map<Path, String> settingsByFile) throws IOException, InterruptedException {
        Optional<String> python = python();
        assumeThat(python).as("no python3 with isort (apt-get install python3-isort); skipping the isort check").isPresent();
        Process process = new ProcessBuilder(python.get(), "-B", "-c", CHECK_ALL).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            for (Map.Entry<Path, String> e : settingsByFile.entrySet()) {
                in.write((e.getValue() + "\t" + e.getKey().toAbsolutePath() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        assertThat(out.strip()).as("isort's check of the imports").isEqualTo("unsorted 0");
    }
}
