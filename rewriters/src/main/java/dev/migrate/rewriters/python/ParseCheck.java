package dev.migrate.rewriters.python;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Parses every {@code .py} file under a path and checks that each prints back byte for byte. Symbolic
 * links are never followed (so nothing outside the path is read); they are counted as skipped.
 */
public final class ParseCheck {
    /** A file whose syntax tree did not print back to the same bytes (a parser bug). */
    public record RoundTripFailure(Path file, String detail) {
    }

    /** One syntax diagnostic in one file. */
    public record SyntaxProblem(Path file, Diagnostic diagnostic) {
        public String format() {
            return diagnostic.format(file.toString());
        }
    }

    /** Unreadable files, with the reason. */
    public record Unreadable(Path file, String reason) {
    }

    public record Report(int files, int roundTripped, long lines, List<SyntaxProblem> syntaxErrors,
                         List<RoundTripFailure> roundTripFailures, List<Unreadable> unreadable, int skippedLinks,
                         long nanos) {
        public long filesWithSyntaxErrors() {
            return syntaxErrors.stream().map(SyntaxProblem::file).distinct().count();
        }
    }

    private ParseCheck() {
    }

    public static Report run(Path root) throws IOException {
        return run(List.of(root));
    }

    public static Report run(List<Path> roots) throws IOException {
        long t0 = System.nanoTime();
        Map<Path, Long> found = new HashMap<>();
        int[] links = {0};
        for (Path root : roots) {
            collect(root, found, links);
        }
        // Largest first, each worker taking the next file as it frees up: no worker is left with a
        // long tail of big files while the others idle.
        List<Map.Entry<Path, Long>> bySize = new ArrayList<>(found.entrySet());
        bySize.sort(Map.Entry.<Path, Long>comparingByValue().reversed());
        List<Path> files = bySize.stream().map(Map.Entry::getKey).toList();
        List<SyntaxProblem> syntax = Collections.synchronizedList(new ArrayList<>());
        List<RoundTripFailure> failures = Collections.synchronizedList(new ArrayList<>());
        List<Unreadable> unreadable = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lines = new AtomicLong();
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
                check(files.get(i), lines, syntax, failures, unreadable);
            }
        };
        runOnAllCores(worker, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        Comparator<Path> byName = Comparator.naturalOrder();
        syntax.sort(Comparator.comparing(SyntaxProblem::file, byName)
                .thenComparingInt(p -> p.diagnostic().line())
                .thenComparingInt(p -> p.diagnostic().column()));
        failures.sort(Comparator.comparing(RoundTripFailure::file, byName));
        unreadable.sort(Comparator.comparing(Unreadable::file, byName));
        int ok = files.size() - unreadable.size() - failures.size();
        return new Report(files.size(), ok, lines.get(), List.copyOf(syntax), List.copyOf(failures),
                List.copyOf(unreadable), links[0], System.nanoTime() - t0);
    }

    private static void check(Path f, AtomicLong lines, List<SyntaxProblem> syntax, List<RoundTripFailure> failures,
                              List<Unreadable> unreadable) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            unreadable.add(new Unreadable(f, e.toString()));
            return;
        }
        lines.addAndGet(countLines(bytes));
        PythonFile parsed = PythonParser.parse(f, bytes);
        byte[] printed = parsed.toBytes();
        if (!Arrays.equals(bytes, printed)) {
            failures.add(new RoundTripFailure(f, "printed " + printed.length + " bytes, read " + bytes.length
                    + "; first difference at byte " + Arrays.mismatch(bytes, printed)));
        }
        for (Diagnostic d : parsed.diagnostics()) {
            syntax.add(new SyntaxProblem(f, d));
        }
    }

    /** Runs {@code worker} on this thread and {@code threads - 1} more; rethrows what any of them threw. */
    private static void runOnAllCores(Runnable worker, int threads) {
        List<Thread> started = new ArrayList<>();
        Throwable[] thrown = new Throwable[1];
        for (int i = 1; i < threads; i++) {
            Thread t = new Thread(worker, "parse-check-" + i);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (thrown) {
                    thrown[0] = e;
                }
            });
            t.start();
            started.add(t);
        }
        worker.run();
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("parse-check interrupted", e);
            }
        }
        synchronized (thrown) {
            if (thrown[0] instanceof RuntimeException e) {
                throw e;
            }
            if (thrown[0] instanceof Error e) {
                throw e;
            }
        }
    }

    private static void collect(Path root, Map<Path, Long> files, int[] links) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    links[0]++;
                } else if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                    files.put(file, attrs.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long countLines(byte[] b) {
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }
}
