package dev.migrate.rewriters.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.tree.ParseError;

/**
 * The OpenRewrite {@link Parser} for Python: turns inputs into {@link PythonFile}s so recipes and
 * {@code rewrite-test} can work on them. Syntax errors do not fail parsing (the file is kept
 * losslessly with ERROR nodes and diagnostics); a file that would not print back exactly becomes a
 * {@link ParseError}, as OpenRewrite's {@code requirePrintEqualsInput} would make it.
 */
public final class PythonRewriteParser implements Parser {
    @Override
    public Stream<SourceFile> parseInputs(Iterable<Input> inputs, Path relativeTo, ExecutionContext ctx) {
        List<SourceFile> out = new ArrayList<>();
        for (Input input : inputs) {
            Path path = input.getRelativePath(relativeTo);
            byte[] bytes;
            try (InputStream in = input.getSource(ctx)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                ctx.getOnError().accept(new UncheckedIOException("could not read " + path, e));
                out.add(ParseError.build(this, input, relativeTo, ctx, e));
                continue;
            }
            out.add(parseBytes(input, bytes, relativeTo, ctx));
        }
        return out.stream();
    }

    /** Parses an input whose bytes the caller has already read (they are not read again). */
    public SourceFile parseBytes(Input input, byte[] bytes, Path relativeTo, ExecutionContext ctx) {
        try {
            PythonFile parsed = PythonParser.parse(input.getRelativePath(relativeTo), bytes)
                    .withFileAttributes(input.getFileAttributes());
            return requireBytesRoundTrip(parsed, bytes, input, relativeTo, ctx);
        } catch (RuntimeException e) {
            return ParseError.build(this, input, relativeTo, ctx, e);
        }
    }

    /**
     * OpenRewrite's {@code requirePrintEqualsInput}, on the bytes already read: its default reads and decodes the
     * input a second time (byte by byte, through the encoding-detecting stream), which cost as much as parsing.
     */
    private SourceFile requireBytesRoundTrip(PythonFile parsed, byte[] bytes, Input input, Path relativeTo,
            ExecutionContext ctx) {
        if (!ctx.getMessage(ExecutionContext.REQUIRE_PRINT_EQUALS_INPUT, true) || parsed.printsExactly(bytes)) {
            return parsed;
        }
        return ParseError.build(this, input, relativeTo, ctx, new IllegalStateException(parsed.getSourcePath()
                + " is not print idempotent: the parsed tree prints different bytes than the file holds"));
    }

    @Override
    public boolean accept(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(".py") || name.endsWith(".pyi");
    }

    @Override
    public Path sourcePathFromSourceText(Path prefix, String sourceCode) {
        return prefix.resolve("file.py");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder for OpenRewrite's parser registry and test harness. */
    public static final class Builder extends Parser.Builder {
        public Builder() {
            super(PythonFile.class);
        }

        @Override
        public PythonRewriteParser build() {
            return new PythonRewriteParser();
        }

        @Override
        public String getDslName() {
            return "python";
        }
    }
}
