package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Every .py file of the local Python installation prints back byte for byte, and every whitespace run
 * in its tree is trivia with exactly one owner.
 */
class CorpusRoundTripTest {
    @Test
    void everyInstalledPythonFileRoundTrips() throws Exception {
        assumeTrue(PythonCorpus.python3().isPresent(), "python3 not found: skipping the stdlib round-trip proof");
        List<Path> files = PythonCorpus.files();
        assertThat(files).hasSizeGreaterThan(100);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        files.parallelStream().forEach(f -> {
            try {
                byte[] bytes = Files.readAllBytes(f);
                PythonFile parsed = PythonParser.parse(f, bytes);
                if (!Arrays.equals(bytes, parsed.toBytes())) {
                    failures.add(f.toString());
                }
                String ownership = Ownership.violation(parsed.module());
                if (ownership != null) {
                    failures.add(f + ": " + ownership);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        System.out.println("round trip: " + (files.size() - failures.size()) + "/" + files.size() + " files");
        assertThat(failures).as("files that did not print back byte for byte").isEmpty();
    }
}
