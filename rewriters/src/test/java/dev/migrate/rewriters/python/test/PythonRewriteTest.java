package dev.migrate.rewriters.python.test;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonRewriteParser;
import org.openrewrite.test.RewriteTest;
import org.openrewrite.test.SourceSpec;
import org.openrewrite.test.SourceSpecs;

/**
 * OpenRewrite's {@link RewriteTest} for Python recipes. {@code python(before, after)} checks that the
 * recipe turns {@code before} into {@code after} and that a second cycle changes nothing;
 * {@code python(before)} checks that the recipe leaves the file alone. The harness also checks that
 * every source prints back exactly as parsed. Published in the {@code migrate-rewriters} test-jar.
 */
public interface PythonRewriteTest extends RewriteTest {
    static SourceSpecs python(String before) {
        return python(before, s -> {
        });
    }

    static SourceSpecs python(String before, java.util.function.Consumer<SourceSpec<PythonFile>> spec) {
        SourceSpec<PythonFile> s = new SourceSpec<>(PythonFile.class, null, PythonRewriteParser.builder(), before,
                SourceSpec.ValidateSource.noop, ctx -> {
                });
        spec.accept(s);
        return s;
    }

    static SourceSpecs python(String before, String after) {
        return python(before, after, s -> {
        });
    }

    static SourceSpecs python(String before, String after, java.util.function.Consumer<SourceSpec<PythonFile>> spec) {
        SourceSpec<PythonFile> s = new SourceSpec<>(PythonFile.class, null, PythonRewriteParser.builder(), before,
                SourceSpec.ValidateSource.noop, ctx -> {
                });
        s.after(a -> after);
        spec.accept(s);
        return s;
    }
}
