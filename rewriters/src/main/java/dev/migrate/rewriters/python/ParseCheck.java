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
import java.util.List;
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
        java.util.Set<Path> found = new java.util.TreeSet<>();
        int[] links = {0};
        for (Path root : roots) {
            collect(root, found, links);
        }
        List<Path> files = new ArrayList<>(found);
        List<SyntaxProblem> syntax = Collections.synchronizedList(new ArrayList<>());
        List<RoundTripFailure> failures = Collections.synchronizedList(new ArrayList<>());
        List<Unreadable> unreadable = Collections.synchronizedList(new ArrayList<>());
        AtomicLong lines = new AtomicLong();
        files.parallelStream().forEach(f -> {
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
        });
        syntax.sort((a, b) -> a.file().compareTo(b.file()) != 0 ? a.file().compareTo(b.file())
                : a.diagnostic().line() != b.diagnostic().line()
                        ? Integer.compare(a.diagnostic().line(), b.diagnostic().line())
                        : Integer.compare(a.diagnostic().column(), b.diagnostic().column()));
        failures.sort((a, b) -> a.file().compareTo(b.file()));
        int ok = files.size() - unreadable.size() - failures.size();
        return new Report(files.size(), ok, lines.get(), List.copyOf(syntax), List.copyOf(failures),
                List.copyOf(unreadable), links[0], System.nanoTime() - t0);
    }

    private static void collect(Path root, java.util.Set<Path> files, int[] links) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) {
                    links[0]++;
                } else if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".py")) {
                    files.add(file);
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
