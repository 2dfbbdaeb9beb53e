package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPython is the oracle: for every installed .py file, we report a syntax error exactly when
 * {@code ast.parse} does, and every statement, Call, Attribute, Name and Constant has the same kind and
 * (line, col, end line, end col) as CPython's ast. One helper process per core reads a file list and
 * streams JSON; our side parses in parallel as the lines arrive.
 */
class CPythonAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void positionsAndErrorsAgreeWithCPython() throws Exception {
        assumeTrue(PythonCorpus.python3().isPresent(), "python3 not found: skipping the CPython agreement proof");
        List<Path> files = PythonCorpus.files();
        Path helper = CPythonOracle.helperScript(tmp);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger agreed = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            List<Path> share = new ArrayList<>();
            for (int i = w; i < files.size(); i += workers) {
                share.add(files.get(i));
            }
            jobs.add(pool.submit(() -> {
                compareShare(helper, share, failures, agreed, rejected);
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        List<String> sorted = new ArrayList<>(failures);
        Collections.sort(sorted);
        System.out.println("CPython agreement: " + agreed + "/" + files.size() + " files agree ("
                + rejected + " rejected by both)");
        sorted.stream().limit(40).forEach(System.out::println);
        assertThat(sorted).as("files where we disagree with CPython").isEmpty();
    }

    private static void compareShare(Path helper, List<Path> share, ConcurrentLinkedQueue<String> failures,
                                     AtomicInteger agreed, AtomicInteger rejected) throws Exception {
        Process proc = new ProcessBuilder("python3", helper.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Thread feeder = new Thread(() -> {
            try (Writer w = new OutputStreamWriter(proc.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Path f : share) {
                    w.write(f.toString());
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        feeder.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode rec = JSON.readTree(line);
                Path file = share.get(rec.get("i").asInt());
                String problem = compare(file, rec);
                if (problem == null) {
                    agreed.incrementAndGet();
                    if (!rec.get("ok").asBoolean()) {
                        rejected.incrementAndGet();
                    }
                } else {
                    failures.add(file + ": " + problem);
                }
            }
        }
        feeder.join();
        proc.waitFor();
    }

    private static String compare(Path file, JsonNode rec) throws IOException {
        return CPythonOracle.disagreement(PythonParser.parse(file, Files.readAllBytes(file)), rec);
    }
}
