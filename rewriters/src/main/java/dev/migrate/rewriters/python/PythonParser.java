package dev.migrate.rewriters.python;

import dev.migrate.rewriters.python.internal.ParseRun;
import dev.migrate.rewriters.python.internal.SourceDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openrewrite.Tree;
import org.openrewrite.marker.Markers;

/**
 * Parses Python source into a lossless {@link PythonFile}. Never throws on bad input: syntax errors
 * become ERROR nodes plus {@link Diagnostic}s, and the file still prints back byte for byte.
 */
public final class PythonParser {
    private PythonParser() {
    }

    public static PythonFile parse(Path path) throws IOException {
        return parse(path, Files.readAllBytes(path));
    }

    public static PythonFile parse(Path sourcePath, byte[] bytes) {
        SourceDecoder.Decoded d = SourceDecoder.decode(bytes);
        ParseRun.Result r = ParseRun.parse(d.chars());
        List<Diagnostic> diags = r.diagnostics();
        if (d.problem() != null) {
            diags = new ArrayList<>(diags);
            diags.add(0, new Diagnostic(1, 1, d.problem(), "", ""));
        }
        return new PythonFile(Tree.randomId(), sourcePath, Markers.EMPTY, d.charset(), d.bom(), null, null,
                r.module(), diags, r.style());
    }

    /** Parses text that is already decoded (UTF-8 on output, no BOM). */
    public static PythonFile parse(String source) {
        return parse(Path.of("<string>.py"), source);
    }

    public static PythonFile parse(Path sourcePath, String source) {
        ParseRun.Result r = ParseRun.parse(source);
        return new PythonFile(Tree.randomId(), sourcePath, Markers.EMPTY, java.nio.charset.StandardCharsets.UTF_8,
                false, null, null, r.module(), r.diagnostics(), r.style());
    }
}
