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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.PriorityBlockingQueue;
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
        List<SyntaxProblem> syntax = Collections.synchronizedList(new ArrayList<>());
        List<RoundTripFailure> failures = Collections.synchronizedList(new ArrayList<>());
        List<Unreadable> unreadable = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lines = new AtomicLong();
        AtomicInteger roundTripped = new AtomicInteger();
        // Workers parse while this thread is still walking, always taking the largest file found so
        // far: both cores are busy from the start, and the biggest files never come last.
        PriorityBlockingQueue<Found> queue = new PriorityBlockingQueue<>();
        int threads = Runtime.getRuntime().availableProcessors();
        List<Thread> workers = new ArrayList<>();
        Throwable[] thrown = new Throwable[1];
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                for (Found f = take(queue); f.size() >= 0; f = take(queue)) {
                    check(f.path(), lines, roundTripped, syntax, failures, unreadable);
                }
            }, "parse-check-" + i);
            t.setUncaughtExceptionHandler((th, e) -> {
                synchronized (thrown) {
                    thrown[0] = e;
                }
            });
            t.start();
            workers.add(t);
        }
        Set<Path> files = new HashSet<>();
        int[] links = {0};
        try {
            for (Path root : roots) {
                collect(root, files, links, queue);
            }
        } finally {
            for (int i = 0; i < threads; i++) {
                queue.add(Found.END);
            }
            join(workers);
        }
        synchronized (thrown) {
            if (thrown[0] instanceof RuntimeException e) {
                throw e;
            }
            if (thrown[0] instanceof Error e) {
                throw e;
            }
        }
        Comparator<Path> byName = Comparator.naturalOrder();
        syntax.sort(Comparator.comparing(SyntaxProblem::file, byName)
                .thenComparingInt(p -> p.diagnostic().line())
                .thenComparingInt(p -> p.diagnostic().column()));
        failures.sort(Comparator.comparing(RoundTripFailure::file, byName));
        unreadable.sort(Comparator.comparing(Unreadable::file, byName));
        return new Report(files.size(), roundTripped.get(), lines.get(), List.copyOf(syntax), List.copyOf(failures),
                List.copyOf(unreadable), links[0], System.nanoTime() - t0);
    }

    /** A file waiting to be checked; larger files first, and {@link #END} (one per worker) after all of them. */
    private record Found(Path path, long size) implements Comparable<Found> {
        static final Found END = new Found(null, -1);

        @Override
        public int compareTo(Found o) {
            return Long.compare(o.size, size);
        }
    }

    private static Found take(PriorityBlockingQueue<Found> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Found.END;
        }
    }

    private static void join(List<Thread> workers) {
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("parse-check interrupted", e);
            }
        }
    }

    private static void check(Path f, AtomicLong lines, AtomicInteger roundTripped, List<SyntaxProblem> syntax,
                              List<RoundTripFailure> failures, List<Unreadable> unreadable) {
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
        if (Arrays.equals(bytes, printed)) {
            roundTripped.incrementAndGet();
        } else {
            failures.add(new RoundTripFailure(f, "printed " + printed.length + " bytes, read " + bytes.length
                    + "; first difference at byte " + Arrays.mismatch(bytes, printed)));
        }
        for (Diagnostic d : parsed.diagnostics()) {
            syntax.add(new SyntaxProblem(f, d));
        }
    }

    private static void collect(Path root, Set<Path> files, int[] links, PriorityBlockingQueue<Found> queue)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    links[0]++;
                } else if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".py") && files.add(file)) {
                    queue.add(new Found(file, attrs.size()));
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
