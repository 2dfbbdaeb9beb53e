package dev.migrate.rewriters.python.internal;

import dev.migrate.rewriters.python.Diagnostic;
import dev.migrate.rewriters.python.PythonStyle;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Space;
import dev.migrate.rewriters.python.tree.Token;
import dev.migrate.rewriters.python.tree.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokenize + parse one decoded text. Never throws: if anything goes wrong inside (a bug, or a stack
 * overflow on absurd input), the whole text becomes one ERROR node so the file still prints back exactly.
 */
public final class ParseRun {
    /** The module node, diagnostics in source order, and the detected style. */
    public record Result(Node module, List<Diagnostic> diagnostics, PythonStyle style) {
    }

    private ParseRun() {
    }

    /** Stack for the rare input whose nesting overflows the caller's stack (200 brackets deep and more). */
    private static final long DEEP_STACK_BYTES = 512L * 1024 * 1024;

    public static Result parse(String text) {
        return parse(text.toCharArray());
    }

    /** Parses {@code text}, which the tree then shares: the caller must never change it afterwards. */
    public static Result parse(char[] text) {
        try {
            return parseOnThisStack(text);
        } catch (StackOverflowError e) {
            return parseOnDeepStack(text);
        }
    }

    private static Result parseOnDeepStack(char[] text) {
        Result[] out = new Result[1];
        Thread t = new Thread(null, () -> out[0] = parseOrKeepVerbatim(text), "python-parse-deep", DEEP_STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out[0] != null ? out[0] : verbatim(text, new IllegalStateException("interrupted"));
    }

    private static Result parseOrKeepVerbatim(char[] text) {
        try {
            return parseOnThisStack(text);
        } catch (StackOverflowError e) {
            return verbatim(text, e);
        }
    }

    private static Result parseOnThisStack(char[] chars) {
        List<Diagnostic> diags = new ArrayList<>();
        try {
            Tokenizer tokenizer = Tokenizer.run(chars);
            Tokens tokens = tokenizer.tokens();
            Parser parser = new Parser(chars, tokens);
            Node module = parser.module();
            LineMap lines = tokenizer.problems().isEmpty() && parser.problems().isEmpty() ? null : new LineMap(chars);
            for (Tokenizer.Problem pr : tokenizer.problems()) {
                diags.add(lines.diagnostic(pr.offset(), pr.message(), "", ""));
            }
            for (Parser.Problem pr : parser.problems()) {
                diags.add(lines.diagnostic(pr.offset(), pr.message(), pr.expected(), pr.found()));
            }
            if (module.length() != chars.length) {
                throw new IllegalStateException("parser covered " + module.length() + " of " + chars.length
                        + " characters");
            }
            diags.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
                    : Integer.compare(a.column(), b.column()));
            return new Result(module, diags, StyleDetector.detect(chars, tokens));
        } catch (RuntimeException e) {
            return verbatim(chars, e);
        }
    }

    /** Last resort: the whole text as one ERROR node, so the file still prints back exactly. */
    private static Result verbatim(char[] text, Throwable e) {
        List<Diagnostic> fallback = new ArrayList<>();
        fallback.add(new Diagnostic(1, 1, "could not parse this file (" + e + "); it is kept verbatim", "", ""));
        Node error = Node.of(NodeKind.ERROR, Token.slice(TokenKind.ERROR, Space.EMPTY, text, 0, text.length));
        Node module = Node.of(NodeKind.MODULE, error, new Token(TokenKind.ENDMARKER, Space.EMPTY, ""));
        return new Result(module, fallback, PythonStyle.DEFAULT);
    }
}
