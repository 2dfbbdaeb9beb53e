package dev.migrate.analyzers.sources.config;

import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.ShellToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables one shell line sets, statement by statement, as the shell sets them. {@code INFRA=x; prefect ... $INFRA}
 * and {@code INFRA=x && prefect ... $INFRA} set INFRA before the command, which reads x. {@code INFRA=x prefect ...
 * $INFRA} does not: an assignment before a command's words goes into that command's environment only (where a
 * {@code PREFECT_API_URL=...} prefix is read by the command itself), and the shell expanded {@code $INFRA} before, to
 * whatever it held; the shell's own variable is left as it was, for the line and those after. An assignment in a
 * pipeline or in the background ({@code A=x | cmd}, {@code A=x &}) runs in a subshell and sets nothing here; one in a
 * subshell's parentheses neither. One after a {@code &&} or {@code ||} may not run: it holds for the commands chained
 * to it with {@code &&} (which run only after it did), and is set but not known after them; one behind {@code then},
 * {@code do}, {@code else} or a brace is set but not known.
 */
final class ShellLineAssignments {
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    /** A double-quoted string without expansions or escapes, a single-quoted string, or a plain word. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"$`\\\\]*\"|'[^']*'|[^\\s\"'$`;|&<>()\\\\#]+");
    /** Words that make the assignments after them exported or declared: they are the shell's, never a prefix. */
    private static final Set<String> DECLARING = Set.of("export", "readonly", "declare", "typeset", "local");
    /** Words after which a statement runs only sometimes, or in a group: {@code then A=x}, {@code { A=x; }}. */
    private static final Set<String> CONDITIONAL = Set.of("then", "else", "elif", "if", "do", "while", "until", "!", "{", "time");

    private ShellLineAssignments() {
    }

    /**
     * One statement of a line: its words (a redirection's target left out), the operator before it ("" for the
     * first), where it ends, and whether it runs in a subshell's parentheses.
     */
    private record Statement(List<ShellToken> words, String before, int end, boolean subshell) {
    }

    /**
     * Adds the assignments of {@code line} (which starts at {@code at} of the text) to {@code out}, keyed
     * {@code keyPrefix + name}. With {@code ownShell} the line runs in a shell of its own (a Makefile recipe line):
     * nothing it sets outlives it.
     */
    static void read(String line, int at, String keyPrefix, boolean ownShell, List<LiteralVariables.Assignment> out) {
        String content = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        List<Statement> statements = statements(content);
        int lineEnd = at + content.length();
        for (int k = 0; k < statements.size(); k++) {
            Statement s = statements.get(k);
            String after = k + 1 < statements.size() ? statements.get(k + 1).before() : "";
            if (s.subshell() || s.before().startsWith("|") || after.startsWith("|") && !after.equals("||")
                    || after.equals("&")) {
                continue; // a subshell, a pipeline's part or a background job: sets nothing here
            }
            List<ShellToken> words = s.words();
            int w = 0;
            boolean conditional = false;
            while (w < words.size() && CONDITIONAL.contains(words.get(w).raw())) {
                conditional = true;
                w++;
            }
            boolean declared = w < words.size() && DECLARING.contains(words.get(w).raw());
            if (declared) {
                w++;
                while (w < words.size() && words.get(w).raw().startsWith("-")) {
                    w++;
                }
            }
            List<String[]> assigned = new ArrayList<>();
            for (; w < words.size(); w++) {
                Matcher a = ASSIGNMENT.matcher(words.get(w).raw());
                if (!a.matches()) {
                    break;
                }
                String value = LITERAL.matcher(a.group(2)).matches() ? LiteralVariables.unquote(a.group(2)) : null;
                assigned.add(new String[] {a.group(1), value});
            }
            if (assigned.isEmpty() || !declared && w < words.size()) {
                continue; // none, or words follow: the command's environment, not the shell's variables
            }
            int from = at + s.end();
            boolean certain = !conditional;
            for (int j = 1; j <= k; j++) {
                certain &= statements.get(j).before().equals(";");
            }
            // the commands chained to it with && run only after it did
            int chainEnd = lineEnd;
            for (int j = k + 1; j < statements.size(); j++) {
                if (!statements.get(j).before().equals("&&")) {
                    chainEnd = at + statements.get(j - 1).end();
                    break;
                }
            }
            for (String[] a : assigned) {
                String key = keyPrefix + a[0];
                if (ownShell) {
                    out.add(new LiteralVariables.Assignment(key, conditional ? null : a[1], from, from,
                            certain ? lineEnd : chainEnd, null));
                } else if (certain) {
                    out.add(new LiteralVariables.Assignment(key, a[1], from));
                } else {
                    if (!conditional) {
                        out.add(new LiteralVariables.Assignment(key, a[1], from, from, chainEnd, null));
                    }
                    out.add(new LiteralVariables.Assignment(key, null, conditional ? from : chainEnd));
                }
            }
        }
    }

    /**
     * The statements of a line, as the shell's lexer splits it ({@link ShellLine}: quotes, command substitutions
     * and comments read as the shell reads them), at {@code ; & && || | |&}, and at parentheses.
     */
    private static List<Statement> statements(String line) {
        List<Statement> out = new ArrayList<>();
        List<ShellToken> words = new ArrayList<>();
        String before = "";
        int end = 0;
        int depth = 0;
        boolean subshell = false;
        boolean redirectTarget = false;
        for (ShellToken t : ShellLine.parse(line).tokens()) {
            switch (t.kind()) {
                case WORD -> {
                    if (!redirectTarget) {
                        words.add(t);
                    }
                    redirectTarget = false;
                    end = t.end();
                }
                case REDIRECT -> {
                    redirectTarget = true;
                    end = t.end();
                }
                case OPERATOR -> {
                    out.add(new Statement(words, before, end, subshell));
                    words = new ArrayList<>();
                    depth = Math.max(0, depth + (t.raw().equals("(") ? 1 : t.raw().equals(")") ? -1 : 0));
                    subshell = depth > 0;
                    before = t.raw().strip();
                    end = t.end();
                }
                default -> {
                }
            }
        }
        out.add(new Statement(words, before, end, subshell));
        return out;
    }
}
