package dev.migrate.rewriters.python;

import dev.migrate.rewriters.python.internal.LineMap;
import dev.migrate.rewriters.python.internal.TextBytes;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import dev.migrate.rewriters.python.tree.SourceRanges;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.openrewrite.Checksum;
import org.openrewrite.Cursor;
import org.openrewrite.FileAttributes;
import org.openrewrite.PrintOutputCapture;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.Markers;

/**
 * A parsed Python file: the compilation unit. It is an OpenRewrite {@link SourceFile}, so recipes can
 * read and replace it, and it carries what is needed to write the file back byte for byte: the
 * charset it was decoded with, the BOM flag, the syntax tree (which owns every other byte), plus the
 * syntax diagnostics and the file's own style.
 */
public final class PythonFile implements SourceFile {
    private final UUID id;
    private final Path sourcePath;
    private final Markers markers;
    private final Charset charset;
    private final boolean charsetBomMarked;
    private final Checksum checksum;
    private final FileAttributes fileAttributes;
    private final Node module;
    private final List<Diagnostic> diagnostics;
    private final PythonStyle style;

    public PythonFile(UUID id, Path sourcePath, Markers markers, Charset charset, boolean charsetBomMarked,
                      Checksum checksum, FileAttributes fileAttributes, Node module, List<Diagnostic> diagnostics,
                      PythonStyle style) {
        this.id = Objects.requireNonNull(id);
        this.sourcePath = Objects.requireNonNull(sourcePath);
        this.markers = Objects.requireNonNull(markers);
        this.charset = Objects.requireNonNull(charset);
        this.charsetBomMarked = charsetBomMarked;
        this.checksum = checksum;
        this.fileAttributes = fileAttributes;
        this.module = Objects.requireNonNull(module);
        this.diagnostics = List.copyOf(diagnostics);
        this.style = Objects.requireNonNull(style);
    }

    /** The MODULE node; every byte of the file after the BOM belongs to it. */
    public Node module() {
        return module;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasSyntaxErrors() {
        return !diagnostics.isEmpty();
    }

    public PythonStyle style() {
        return style;
    }

    /** A 1-based line and 0-based column (in characters) of a node or token in this file. */
    public record Position(int line, int column) {
    }

    private transient volatile SourceRanges ranges;
    private transient volatile LineMap lines;

    /** Where an element of this file's tree starts (after its prefix). */
    public Position start(PyElement e) {
        return position(ranges().start(e));
    }

    /** Where an element ends: after its last significant token (layout tokens excluded). */
    public Position end(PyElement e) {
        return position(ranges().end(e));
    }

    private Position position(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("not an element of this file's tree");
        }
        LineMap l = lines;
        if (l == null) {
            l = new LineMap(text().toCharArray());
            lines = l;
        }
        return new Position(l.line(offset), l.column(offset));
    }

    private SourceRanges ranges() {
        SourceRanges r = ranges;
        if (r == null) {
            r = SourceRanges.of(module);
            ranges = r;
        }
        return r;
    }

    public PythonFile withModule(Node newModule) {
        return newModule == module ? this : new PythonFile(id, sourcePath, markers, charset, charsetBomMarked,
                checksum, fileAttributes, newModule, diagnostics, style);
    }

    /** The file's text (without BOM), printed once per tree (recipes and OpenRewrite ask for it often). */
    public String text() {
        return TreeIndex.of(module).text();
    }

    /**
     * Whether this file prints back to exactly {@code original}.
     */
    public boolean printsExactly(byte[] original) {
        char[] printed = printedChars();
        if (!Arrays.equals(encode(printed), original)) {
            return false;
        }
        TreeIndex.printedAs(module, printed); // recipes need the text: they get this print instead of another
        return true;
    }

    /** The file's bytes exactly as they would be written: BOM (if any) plus the text in its charset. */
    public byte[] toBytes() {
        return encode(printedChars());
    }

    /** The file's text as chars (a fresh array): the tree index's copy when it has one, else a print. */
    public char[] printedChars() {
        char[] known = TreeIndex.knownText(module);
        return known != null ? known : module.toChars();
    }

    /** The bytes of {@code text} in this file's charset, with its BOM if it had one. */
    public byte[] encode(char[] text) {
        return TextBytes.encode(text, charset, charsetBomMarked);
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Tree> T withId(UUID newId) {
        return (T) (newId.equals(id) ? this : new PythonFile(newId, sourcePath, markers, charset, charsetBomMarked,
                checksum, fileAttributes, module, diagnostics, style));
    }

    @Override
    public Markers getMarkers() {
        return markers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends Tree> T withMarkers(Markers newMarkers) {
        return (T) (newMarkers == markers ? this : new PythonFile(id, sourcePath, newMarkers, charset,
                charsetBomMarked, checksum, fileAttributes, module, diagnostics, style));
    }

    @Override
    public Path getSourcePath() {
        return sourcePath;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SourceFile> T withSourcePath(Path path) {
        return (T) (path.equals(sourcePath) ? this : new PythonFile(id, path, markers, charset, charsetBomMarked,
                checksum, fileAttributes, module, diagnostics, style));
    }

    @Override
    public Charset getCharset() {
        return charset;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SourceFile> T withCharset(Charset cs) {
        return (T) (cs.equals(charset) ? this : new PythonFile(id, sourcePath, markers, cs, charsetBomMarked,
                checksum, fileAttributes, module, diagnostics, style));
    }

    @Override
    public boolean isCharsetBomMarked() {
        return charsetBomMarked;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SourceFile> T withCharsetBomMarked(boolean marked) {
        return (T) (marked == charsetBomMarked ? this : new PythonFile(id, sourcePath, markers,
                marked ? StandardCharsets.UTF_8 : charset, marked, checksum, fileAttributes, module, diagnostics,
                style));
    }

    @Override
    public Checksum getChecksum() {
        return checksum;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SourceFile> T withChecksum(Checksum c) {
        return (T) (Objects.equals(c, checksum) ? this : new PythonFile(id, sourcePath, markers, charset,
                charsetBomMarked, c, fileAttributes, module, diagnostics, style));
    }

    @Override
    public FileAttributes getFileAttributes() {
        return fileAttributes;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends SourceFile> T withFileAttributes(FileAttributes a) {
        return (T) (Objects.equals(a, fileAttributes) ? this : new PythonFile(id, sourcePath, markers, charset,
                charsetBomMarked, checksum, a, module, diagnostics, style));
    }

    @Override
    public <P> boolean isAcceptable(TreeVisitor<?, P> v, P p) {
        return v.isAdaptableTo(PythonVisitor.class);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends Tree, P> R accept(TreeVisitor<R, P> v, P p) {
        if (v instanceof PythonVisitor<?> pv) {
            return (R) ((PythonVisitor<P>) pv).visitPythonFile(this, p);
        }
        // Any other visitor (OpenRewrite's own, looking for search markers in every changed file) has no
        // visitPythonFile of its own to run: adapting it, which builds an adapter by reflection per call, would
        // only reach PythonVisitor's default, which returns the file.
        return (R) this;
    }

    /**
     * The text, as {@link #printer} would print it, without copying it through a print capture: OpenRewrite prints a
     * file before and after every recipe that changed it, to tell a real change from an equal tree.
     */
    @Override
    public String printAll() {
        return text();
    }

    @Override
    public <P> String printAll(P p) {
        return text();
    }

    @Override
    public <P> TreeVisitor<?, PrintOutputCapture<P>> printer(Cursor cursor) {
        return new TreeVisitor<Tree, PrintOutputCapture<P>>() {
            @Override
            public Tree visit(Tree tree, PrintOutputCapture<P> out) {
                if (tree instanceof PythonFile f) {
                    out.append(f.text());
                }
                return tree;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PythonFile f && f.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
