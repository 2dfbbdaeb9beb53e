package dev.migrate.rewriters.python;

import dev.migrate.rewriters.python.internal.LineMap;
import dev.migrate.rewriters.python.internal.ParseRun;
import dev.migrate.rewriters.python.internal.SourceDecoder;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an edited module still parses without a syntax error and prints back to the same text, re-parsing
 * only the top-level statements the edits rebuilt instead of the whole file.
 *
 * <p>Why that is enough: the original parsed without errors, and edits share every untouched subtree, so a
 * top-level statement that is the same node as before has the same text and parses the same. At the start of
 * a top-level statement the tokenizer holds nothing over from the text before it (no open bracket, string
 * or continuation, indentation back at column 0), so each run of rebuilt statements is parsed on its own,
 * together with the statement that follows it: that one shows whether the run ends where a statement may
 * end (a missing newline or an unclosed string would swallow it).
 */
public final class EditCheck {
    private EditCheck() {
    }

    /**
     * What is wrong with {@code edited} (made from {@code original} by edits, or created when {@code original} is
     * null), whose printed text is {@code text}, encoded as {@code bytes}: bytes that do not read back as that text,
     * or the first syntax problem, with file-wide line and column. Empty when nothing is.
     */
    public static Optional<String> problem(String file, PythonFile original, Node edited, char[] text, byte[] bytes) {
        SourceDecoder.Decoded read = SourceDecoder.decode(bytes);
        if (read.problem() != null || !Arrays.equals(read.chars(), text)) {
            return Optional.of("the rewritten file would not read back as the same text"
                    + (read.problem() != null ? ": " + read.problem() : " (its encoding declaration changed?)"));
        }
        if (original == null || original.hasSyntaxErrors()) {
            return problemInRange(file, text, 0, text.length); // nothing is known to be good: all of it
        }
        Set<PyElement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        Node before = original.module();
        for (int i = 0; i < before.childCount(); i++) {
            kept.add(before.child(i));
        }
        // the module's prefix (the whitespace and comments before the first statement) counts as part of that statement
        boolean samePrefix = edited.prefix().equals(before.prefix());
        int n = edited.childCount();
        int at = 0;
        for (int i = 0; i < n; ) {
            if (kept(kept, edited, i, samePrefix)) {
                at += length(edited, i);
                i++;
                continue;
            }
            int start = at;
            while (i < n && !kept(kept, edited, i, samePrefix)) {
                at += length(edited, i++);
            }
            int end = i < n ? at + length(edited, i) : at; // the statement after the run, if any
            Optional<String> p = problemInRange(file, text, start, end);
            if (p.isPresent()) {
                return p;
            }
        }
        if (at != text.length) {
            throw new IllegalArgumentException("text is not the edited module's: " + text.length + " characters, tree "
                    + at);
        }
        return Optional.empty();
    }

    private static boolean kept(Set<PyElement> kept, Node module, int i, boolean samePrefix) {
        return kept.contains(module.child(i)) && (i > 0 || samePrefix);
    }

    private static int length(Node module, int i) {
        return module.child(i).length() + (i == 0 ? module.prefix().length() : 0);
    }

    private static Optional<String> problemInRange(String file, char[] text, int start, int end) {
        char[] part = Arrays.copyOfRange(text, start, end);
        ParseRun.Result r = ParseRun.parse(part);
        if (!r.diagnostics().isEmpty()) {
            Diagnostic d = r.diagnostics().get(0);
            LineMap lines = new LineMap(text);
            int line = lines.line(start) + d.line() - 1;
            int column = d.line() == 1 ? lines.column(start) + d.column() : d.column();
            return Optional.of("the rewritten file would have a syntax error: "
                    + new Diagnostic(line, column, d.message(), d.expected(), d.found()).format(file));
        }
        // the parse shares the characters it was given, so printing the tree must give them back
        if (!Arrays.equals(r.module().toChars(), part)) {
            return Optional.of("the rewritten file would not print back unchanged after parsing");
        }
        return Optional.empty();
    }
}
