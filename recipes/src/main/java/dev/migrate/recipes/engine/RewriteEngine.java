package dev.migrate.recipes.engine;

import dev.migrate.recipes.DeletedFiles;
import dev.migrate.recipes.DeletedLinks;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.NotedIn;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.ProjectPaths;
import dev.migrate.rewriters.io.AtomicFiles;
import dev.migrate.rewriters.python.Diagnostic;
import dev.migrate.rewriters.python.EditCheck;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonRewriteParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FileAttributes;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.Recipe;
import org.openrewrite.RecipeRun;
import org.openrewrite.Result;
import org.openrewrite.SourceFile;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.text.PlainText;
import org.openrewrite.tree.ParseError;

/**
 * Runs recipes over a project and computes, without writing anything, each changed file's new bytes and
 * its diff. A result that does not parse again with the file's parser, or does not print back to the
 * same bytes, is refused: it is reported and never written.
 */
public final class RewriteEngine {
    private final Recipe recipe;
    private final PrefectTarget target;
    private final boolean unsafeFixes;

    public RewriteEngine(Recipe recipe, PrefectTarget target, boolean unsafeFixes) {
        this.recipe = recipe;
        this.target = target;
        this.unsafeFixes = unsafeFixes;
    }

    public RewriteResult run(Path root) {
        Path base = root.toAbsolutePath().normalize();
        Path projectDir = Files.isDirectory(base) ? base : base.getParent();
        ProjectFiles files = ProjectFiles.walk(base);
        List<RewriteResult.Refused> refused = new ArrayList<>();
        List<SourceFile> sources = new ArrayList<>();
        List<ProjectFiles.Skipped> skipped = new ArrayList<>(files.skipped());
        ExecutionContext parseCtx = new InMemoryExecutionContext(t -> { });
        for (Path file : files.files()) {
            Path relative = projectDir.relativize(file);
            Optional<Parser> byPath = SourceParsers.forPath(relative);
            byte[] head = byPath.isEmpty() && SourceParsers.mayChooseByContent(relative)
                    ? read(file) : null; // an extensionless script is known by its first line
            Optional<Parser> parser = head == null ? byPath : SourceParsers.forContent(relative, head);
            if (parser.isEmpty()) {
                continue;
            }
            byte[] bytes = head == null ? read(file) : head;
            if (ProjectFiles.looksBinary(bytes)) {
                skipped.add(new ProjectFiles.Skipped(file, "binary content"));
                continue;
            }
            // an executable file's diff says mode 100755, as git records it (git apply warns on 100644); the attribute
            // is looked up only for that bit, not OpenRewrite's full stat of every file
            Parser.Input input = new Parser.Input(relative, executableAttributes(file, bytes.length),
                    () -> new ByteArrayInputStream(bytes));
            // Python files are parsed from the bytes at hand: OpenRewrite's input stream reads them again, byte by byte
            Stream<SourceFile> parsed = parser.get() instanceof PythonRewriteParser python
                    ? Stream.of(python.parseBytes(input, bytes, projectDir, parseCtx))
                    : parser.get().parseInputs(List.of(input), projectDir, parseCtx);
            parsed.forEach(sf -> {
                if (sf instanceof ParseError) {
                    skipped.add(new ProjectFiles.Skipped(file, "does not parse as " + parserName(parser.get())
                            + "; left unchanged"));
                    return;
                }
                if (sf instanceof PythonFile python && python.hasSyntaxErrors()) {
                    // no recipe edits a file with syntax errors; it stays in the set for what others read from it
                    Diagnostic d = python.diagnostics().get(0);
                    skipped.add(new ProjectFiles.Skipped(file, "syntax error at line " + d.line() + ", column "
                            + d.column() + " (" + d.message() + "); left unchanged: fix it (python3 -m py_compile "
                            + relative + ") and run again"));
                }
                sources.add(sf);
            });
        }

        List<Throwable> errors = new ArrayList<>();
        ExecutionContext ctx = new InMemoryExecutionContext(errors::add);
        target.putInto(ctx);
        new ProjectPaths(files.files().stream().map(f -> projectDir.relativize(f).toString().replace('\\', '/'))
                .collect(Collectors.toSet()), files.links().stream().collect(Collectors.toMap(
                        f -> projectDir.relativize(f).toString().replace('\\', '/'), files::linkTarget, (a, b) -> a)))
                .withRepositoryRoots(files.repositories().stream().map(r -> projectDir.relativize(r).toString().replace('\\', '/'))
                        .collect(Collectors.toSet()))
                .putInto(ctx);
        FixSafety.allowUnsafe(ctx, unsafeFixes);
        // A recipe that fails on a file leaves that file unchanged; the run goes on and the failure is
        // reported as a bug (exit 4), never hidden.
        RecipeRun run = UntimedScheduler.run(recipe, new InMemoryLargeSourceSet(sources), ctx);
        rethrowOutOfMemory(errors);

        List<FileChange> changes = new ArrayList<>();
        NoteLines noteLines = new NoteLines();
        for (Result result : run.getChangeset().getAllResults()) {
            SourceFile after = result.getAfter();
            SourceFile before = result.getBefore();
            // Each entry is a stack from the composite down to the recipe that made the edit: name the leaf.
            List<String> recipes = result.getRecipes().stream()
                    .map(stack -> stack.get(stack.size() - 1).getName()).distinct().sorted().toList();
            if (after == null) {
                recipes = DeletedFiles.deleter(ctx, before.getSourcePath()).map(List::of).orElse(recipes);
                Result kept = new Result(textOnly(before), null, result.getRecipes());
                changes.add(new FileChange(before.getSourcePath(), null, kept::diff, recipes, FileChange.Kind.DELETED));
                continue;
            }
            String path = after.getSourcePath().toString();
            char[] afterText = after instanceof PythonFile python ? python.printedChars() : null;
            Charset charset = after.getCharset() == null ? StandardCharsets.UTF_8 : after.getCharset();
            Optional<String> unencodable = afterText != null ? Encodability.firstUnencodable(afterText, charset)
                    : Encodability.firstUnencodable(after.printAll(), charset);
            if (unencodable.isPresent()) {
                refused.add(new RewriteResult.Refused(path, "the rewritten file has a character its encoding ("
                        + charset.name() + ") cannot hold: " + unencodable.get()
                        + "; change the file's encoding to UTF-8 or edit that line by hand"));
                continue;
            }
            // a Windows file (every line CRLF) keeps CRLF on the lines recipes add, which they write with \n
            String crlf = afterText == null && before != null ? crlfKept(before.printAll(), after.printAll()) : null;
            if (crlf != null) {
                after = PlainText.builder().sourcePath(after.getSourcePath()).charsetName(charset.name())
                        .charsetBomMarked(after.isCharsetBomMarked()).fileAttributes(after.getFileAttributes())
                        .text(crlf).build();
            }
            byte[] bytes = afterText != null ? ((PythonFile) after).encode(afterText) : after.printAllAsBytes();
            Optional<String> problem = after instanceof PythonFile python
                    ? EditCheck.problem(path, before instanceof PythonFile original ? original : null, python.module(),
                            afterText, bytes)
                    : reparseProblem(after, bytes, projectDir);
            if (problem.isPresent()) {
                refused.add(new RewriteResult.Refused(path, problem.get()));
                continue;
            }
            noteLines.rewritten(path, afterText != null ? afterText : after.printAll().toCharArray());
            // the diff is printed later, if at all: it keeps texts, so the trees of every file can go now
            Result kept = new Result(textOnly(before), textOnly(after), result.getRecipes());
            changes.add(new FileChange(after.getSourcePath(), bytes, kept::diff, recipes,
                    before == null ? FileChange.Kind.CREATED : FileChange.Kind.MODIFIED));
        }
        java.util.Set<Path> linksDeleted = deletedLinks(ctx, files, projectDir, changes);
        skipped.removeIf(s -> linksDeleted.contains(s.path())); // deleted, not "not rewritten"
        Map<MigrationNotes.Row, Supplier<String>> notedIn = new IdentityHashMap<>();
        for (NotedIn.Row r : run.<NotedIn.Row>getDataTableRows(NotedIn.class)) {
            notedIn.put(r.note(), r.text());
        }
        List<MigrationNotes.Row> notes = new ArrayList<>();
        for (MigrationNotes.Row row : run.<MigrationNotes.Row>getDataTableRows(MigrationNotes.class)) {
            notes.add(noteLines.place(row, notedIn.get(row)));
        }
        notes.sort((a, b) -> a.sourcePath().equals(b.sourcePath())
                ? Integer.compare(a.line(), b.line()) : a.sourcePath().compareTo(b.sourcePath()));
        List<String> failures = errors.stream().map(RewriteEngine::describe).distinct().toList();
        return new RewriteResult(changes, notes, refused, skipped, sources.size(), failures);
    }

    /**
     * The links of the project a recipe deleted ({@link DeletedLinks}), as deletions whose diff git applies: the link's
     * text is its content, mode 120000. A link no longer there (a second run) is no change.
     */
    private static java.util.Set<Path> deletedLinks(ExecutionContext ctx, ProjectFiles files, Path projectDir,
                                                    List<FileChange> changes) {
        java.util.Set<Path> deleted = new java.util.HashSet<>();
        Map<String, Path> links = new java.util.TreeMap<>();
        files.links().forEach(l -> links.put(projectDir.relativize(l).toString().replace('\\', '/'), l));
        new java.util.TreeMap<>(DeletedLinks.all(ctx)).forEach((path, recipe) -> {
            Path link = links.get(path);
            if (link == null) {
                return;
            }
            String text = files.linkTarget(link);
            String diff = "diff --git a/" + path + " b/" + path + "\ndeleted file mode 120000\n--- a/" + path
                    + "\n+++ /dev/null\n@@ -1 +0,0 @@\n-" + text + "\n\\ No newline at end of file\n";
            changes.add(new FileChange(Path.of(path), null, () -> diff, List.of(recipe), FileChange.Kind.DELETED));
            deleted.add(link);
        });
        return deleted;
    }

    /**
     * A Python file as plain text with the same path, encoding and attributes, which diffs the same; other
     * files as they are. The text is the tree index's string, which OpenRewrite already had printed to compare the
     * last recipe's result with what it was given (not a second string of the same characters).
     */
    private static SourceFile textOnly(SourceFile file) {
        if (!(file instanceof PythonFile python)) {
            return file;
        }
        return PlainText.builder().sourcePath(python.getSourcePath()).charsetName(python.getCharset().name())
                .charsetBomMarked(python.isCharsetBomMarked()).fileAttributes(python.getFileAttributes())
                .text(python.text()).build();
    }

    /**
     * {@code after} with CRLF on every line when every line of {@code before} ends in CRLF and {@code after} has lines
     * that end in a bare LF (added by a recipe); null when there is nothing to mend.
     */
    static String crlfKept(String before, String after) {
        if (before.indexOf('\n') < 0 || before.replace("\r\n", "").indexOf('\n') >= 0
                || after.replace("\r\n", "").indexOf('\n') < 0) {
            return null;
        }
        return after.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /** Attributes that say the file is executable, or null (OpenRewrite's default: a regular file) when it is not. */
    private static FileAttributes executableAttributes(Path file, long size) {
        return Files.isExecutable(file) ? new FileAttributes(null, null, null, true, Files.isWritable(file), true, size)
                : null;
    }

    /** Writes every change in place, atomically. */
    public static void apply(Path root, RewriteResult result) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path projectDir = Files.isDirectory(base) ? base : base.getParent();
        for (FileChange c : result.changes()) {
            Path file = projectDir.resolve(c.path());
            if (c.kind() == FileChange.Kind.DELETED) {
                Files.deleteIfExists(file);
            } else {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                AtomicFiles.write(file, c.after());
            }
        }
    }

    /** Why the printed result ({@code bytes}) of a file must not be written, if it must not. */
    private static Optional<String> reparseProblem(SourceFile after, byte[] bytes, Path projectDir) {
        Optional<Parser> parser = SourceParsers.forPath(after.getSourcePath());
        if (parser.isEmpty()) {
            return Optional.empty();
        }
        Parser.Input input = new Parser.Input(after.getSourcePath(), () -> new ByteArrayInputStream(bytes));
        List<SourceFile> again = parser.get().parseInputs(List.of(input), projectDir,
                new InMemoryExecutionContext(t -> { })).toList();
        if (again.size() != 1 || again.get(0) instanceof ParseError) {
            return Optional.of("the rewritten file would not parse as " + parserName(parser.get()));
        }
        if (!Arrays.equals(again.get(0).printAllAsBytes(), bytes)) {
            return Optional.of("the rewritten file would not print back unchanged after parsing");
        }
        return Optional.empty();
    }

    /**
     * OpenRewrite reports what a recipe threw, errors included, as that recipe's failure. Running out of heap is
     * no bug of the recipe: it goes up to the CLI, which says how to give the JVM more.
     */
    private static void rethrowOutOfMemory(List<Throwable> errors) {
        for (Throwable e : errors) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof OutOfMemoryError oom) {
                    throw oom;
                }
            }
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String parserName(Parser parser) {
        String n = parser.getClass().getSimpleName();
        return n.endsWith("Parser") ? n.substring(0, n.length() - "Parser".length()) : n;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
