package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern NAME_EQUALS = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=");
    /** A double-quoted string without expansions or escapes, a single-quoted string, or a plain word. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"$`\\\\]*\"|'[^']*'|[^\\s\"'$`;|&<>()\\\\#]+");
    /** Words that make the assignments after them exported or declared: they are the shell's, never a prefix. */
    private static final Pattern DECLARING = Pattern.compile("(?:export|readonly|declare|typeset|local)(?:[ \\t]+-[A-Za-z]+)*[ \\t]+");
    /** Words after which a statement runs only sometimes, or in a group: {@code then A=x}, {@code { A=x; }}. */
    private static final Pattern CONDITIONAL = Pattern.compile("(?:then|else|elif|if|do|while|until|!|\\{|time)[ \\t]+");

    private ShellLineAssignments() {
    }

    /** One statement of a line: its span in the line, and the operator before it ("" for the first). */
    record Statement(int start, int end, String before) {
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
            if (s.before().equals("|") || after.equals("|") || after.equals("&")) {
                continue; // a pipeline's part or a background job: a subshell of its own
            }
            String text = content.substring(s.start(), s.end());
            int lead = text.length() - text.stripLeading().length();
            text = text.stripLeading();
            if (text.startsWith("(")) {
                continue; // a subshell
            }
            boolean conditional = false;
            for (Matcher c = CONDITIONAL.matcher(text); c.lookingAt(); c = CONDITIONAL.matcher(text)) {
                conditional = true;
                lead += c.end();
                text = text.substring(c.end());
            }
            Matcher declaring = DECLARING.matcher(text);
            boolean declared = declaring.lookingAt();
            int pos = declared ? declaring.end() : 0;
            List<String[]> assigned = new ArrayList<>();
            while (true) {
                Matcher name = NAME_EQUALS.matcher(text).region(pos, text.length());
                if (!name.lookingAt()) {
                    break;
                }
                int wordEnd = wordEnd(text, name.end());
                String word = text.substring(name.end(), wordEnd);
                assigned.add(new String[] {name.group(1), LITERAL.matcher(word).matches() ? LiteralVariables.unquote(word) : null});
                pos = wordEnd;
                while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                }
                if (!declared && pos < text.length() && !NAME_EQUALS.matcher(text).region(pos, text.length()).lookingAt()) {
                    assigned.clear(); // words follow: the command's environment, not the shell's variables
                    break;
                }
            }
            if (assigned.isEmpty()) {
                continue;
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
                    chainEnd = at + statements.get(j).start();
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
     * The statements of a line, split at {@code ;}, {@code &&}, {@code ||}, {@code |} and {@code &} outside quotes,
     * command substitutions and parentheses, up to a comment.
     */
    static List<Statement> statements(String line) {
        List<Statement> out = new ArrayList<>();
        int start = 0;
        String before = "";
        char quote = 0;
        int depth = 0;
        int i = 0;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c == '`' ? 0 : c;
                if (c == '`') {
                    int close = line.indexOf('`', i + 1);
                    i = close < 0 ? line.length() : close;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth > 0) {
                continue;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                break;
            } else if (c == ';' || c == '|' || c == '&') {
                String op = operator(line, i);
                if (op == null) {
                    continue;
                }
                out.add(new Statement(start, i, before));
                before = op;
                i += op.length() - 1;
                start = i + 1;
            }
        }
        out.add(new Statement(start, Math.min(i, line.length()), before));
        return out;
    }

    /** The operator at {@code i}, or null for a redirection's {@code &} ({@code 2>&1}, {@code &>}). */
    private static String operator(String line, int i) {
        char c = line.charAt(i);
        char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
        char prev = i > 0 ? line.charAt(i - 1) : 0;
        if (c == ';') {
            return next == ';' || prev == ';' ? null : ";"; // `;;` ends a case branch
        }
        if (c == '|') {
            return prev == '>' ? null : next == '|' ? "||" : "|";
        }
        if (prev == '>' || prev == '<' || next == '>') {
            return null;
        }
        return next == '&' ? "&&" : "&";
    }

    /** Where the word starting at {@code from} ends: the first blank or operator outside quotes and parentheses. */
    private static int wordEnd(String text, int from) {
        char quote = 0;
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth <= 0 && (c == ' ' || c == '\t' || c == '\r')) {
                return i;
            }
        }
        return text.length();
    }
}
