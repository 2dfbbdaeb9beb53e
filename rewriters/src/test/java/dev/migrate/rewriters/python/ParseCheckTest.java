package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyFileIsCheckedOnceAndErrorsComeOutInFileOrder() throws Exception {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        long lines = 4;
        for (int i = 0; i < 300; i++) {
            // Sizes vary so the workers' largest-first order differs from the walk order.
            Files.writeString(pkg.resolve("m" + i + ".py"), "x = " + i + "\n" + "y = [1, 2]\n".repeat(i % 17));
            lines += 1 + i % 17;
        }
        Files.writeString(dir.resolve("b.py"), "def f(:\n    pass\n");
        Files.writeString(dir.resolve("a.py"), "x = (\ny = 2\n");

        // Overlapping roots: the package is found twice but checked once.
        ParseCheck.Report r = ParseCheck.run(List.of(dir, pkg, dir.resolve("a.py")));

        assertThat(r.files()).isEqualTo(302);
        assertThat(r.roundTripped()).isEqualTo(302);
        assertThat(r.roundTripFailures()).isEmpty();
        assertThat(r.lines()).isEqualTo(lines);
        assertThat(r.filesWithSyntaxErrors()).isEqualTo(2);
        assertThat(r.syntaxErrors()).extracting(p -> p.file().getFileName().toString())
                .isSortedAccordingTo(String::compareTo).startsWith("a.py").endsWith("b.py");
    }
}
