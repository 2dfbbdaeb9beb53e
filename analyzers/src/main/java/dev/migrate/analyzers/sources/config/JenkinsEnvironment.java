package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entries of a declarative Jenkinsfile's {@code environment { }} blocks, as {@link LiteralVariables.Assignment}s:
 * a block at the pipeline's level is in effect in every stage, one in a stage only there and over the pipeline's
 * (Jenkins sets the stage's entries last). An entry is known only as a quoted string without expansions
 * ({@code INFRA = 'kubernetes-job/prod'}); {@code credentials('id')} is set outside the repository, by Jenkins'
 * credentials store; anything else (a call, a {@code "${...}"} string) is set but not known. Braces are counted
 * outside strings and comments, so a {@code "${IMAGE}"} does not end a block. A scripted or declarative
 * {@code withEnv(['INFRA=kubernetes-job/prod']) { ... }} sets its entries for the steps of its block, over the stage's
 * and the pipeline's; an entry is known when its string has no expansion, and {@code PATH+EXTRA=...} (which prepends to
 * {@code PATH}) is none. A script's {@code env.INFRA = 'kubernetes-job/prod'} (a scripted pipeline's, or in a
 * {@code script { }} step) sets it from there on.
 */
final class JenkinsEnvironment {
    private static final Pattern ENTRY = Pattern.compile("[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*");
    /** A single-quoted string (Groovy reads no {@code $} in it), or a double-quoted one without {@code $} or escapes. */
    private static final Pattern LITERAL = Pattern.compile("'[^'\\\\]*'|\"[^\"$\\\\]*\"");
    private static final Pattern CREDENTIALS = Pattern.compile("credentials\\(\\s*(['\"])([^'\"$]+)\\1\\s*\\)");
    /** The word before a block's brace, after a call's arguments if any: {@code stage('Deploy') {} is a stage. */
    /** {@code withEnv([...]) {}: group 1 is the list, the brace ends the match; the list may span lines. */
    private static final Pattern WITH_ENV = Pattern.compile("\\bwithEnv\\s*\\(\\s*\\[([^\\]]*)\\]\\s*\\)\\s*\\{");
    /** A string of a withEnv list, {@code 'NAME=value'} or {@code "NAME=value"}: group 1 or 2 is its content. */
    private static final Pattern WITH_ENV_ITEM = Pattern.compile("'([^'\\\\]*)'|\"([^\"\\\\]*)\"");
    private static final Pattern WITH_ENV_ENTRY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    /** {@code env.NAME = value} as a statement at the start of a line: group 1 is the name, group 2 the rest. */
    private static final Pattern ENV_PROPERTY = Pattern.compile(
            "(?m)^[ \\t]*env\\.([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=(?!=)[ \\t]*([^\\r\\n]*)");
    /** The blocks whose steps may not run: conditions, loops, handlers, a post section's conditions. */
    private static final Set<String> MAY_NOT_RUN = Set.of("if", "else", "for", "while", "catch",
            "each", "eachWithIndex", "when", "post", "always", "success", "failure", "unstable", "changed", "fixed",
            "regression", "aborted", "unsuccessful", "cleanup", "parallel");
    private static final Pattern HEADER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)[ \\t]*(?:\\([^()\\n]*\\))?[ \\t]*$");

    private JenkinsEnvironment() {
    }

    /** A block: where its brace opens and closes, and the word before it. */
    record Block(String header, int open, int close, int parent) {
    }

    static List<LiteralVariables.Assignment> assignments(String text) {
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        if (!text.contains("environment") && !text.contains("withEnv") && !text.contains("env.")) {
            return out;
        }
        List<Block> blocks = blocks(text);
        withEnv(text, blocks, out);
        envProperties(text, blocks, out);
        for (Block b : blocks) {
            if (!b.header().equals("environment") || b.close() < 0) {
                continue;
            }
            // the block the environment belongs to: the stage's, or the pipeline's (the whole text when at the top)
            int scopeStart = b.parent() < 0 ? 0 : blocks.get(b.parent()).open();
            int scopeEnd = b.parent() < 0 || blocks.get(b.parent()).close() < 0 ? Integer.MAX_VALUE : blocks.get(b.parent()).close();
            int pos = b.open() + 1;
            for (String statement : text.substring(b.open() + 1, b.close()).split("[\\n;]", -1)) {
                Matcher e = ENTRY.matcher(stripComment(statement).replace("\r", ""));
                if (e.matches()) {
                    out.add(entry(e.group(1), e.group(2), pos + statement.indexOf(e.group(1)), scopeStart, scopeEnd));
                }
                pos += statement.length() + 1;
            }
        }
        return out;
    }

    /** The entries of each {@code withEnv([...]) { }}, in effect inside its block. */
    private static void withEnv(String text, List<Block> blocks, List<LiteralVariables.Assignment> out) {
        Matcher w = WITH_ENV.matcher(text);
        while (w.find()) {
            int brace = w.end() - 1;
            Block block = blocks.stream().filter(b -> b.open() == brace).findFirst().orElse(null);
            if (block == null || block.close() < 0) {
                continue; // inside a string or comment, or never closed
            }
            Matcher item = WITH_ENV_ITEM.matcher(w.group(1));
            while (item.find()) {
                boolean single = item.group(1) != null;
                Matcher e = WITH_ENV_ENTRY.matcher(single ? item.group(1) : item.group(2));
                if (!e.matches()) {
                    continue;
                }
                // a double-quoted GString with ${...} is set, to a value the repository does not hold
                String value = single || !e.group(2).contains("$") ? e.group(2) : null;
                out.add(new LiteralVariables.Assignment(e.group(1), value, block.open(), block.open(), block.close(), null));
            }
        }
    }

    /**
     * The {@code env.INFRA = 'docker-container/etl'} statements of a scripted pipeline or a {@code script { }} step:
     * each sets the build's environment from where it runs on, in later stages too (an {@code environment { }}
     * entry of the same name wins: Jenkins does not let a script change it). One in a block that may not run (an
     * {@code if}, a loop, a {@code post} condition) is set but not known.
     */
    private static void envProperties(String text, List<Block> blocks, List<LiteralVariables.Assignment> out) {
        Matcher m = ENV_PROPERTY.matcher(text);
        while (m.find()) {
            int at = m.start(1);
            if (inString(text, at)) {
                continue;
            }
            boolean sure = true;
            int innermost = -1;
            for (int b = 0; b < blocks.size(); b++) {
                Block block = blocks.get(b);
                if (block.open() < at && (block.close() < 0 || at < block.close())) {
                    innermost = b;
                }
            }
            for (int b = innermost; b >= 0; b = blocks.get(b).parent()) {
                // a block whose header was not read (a call with nested arguments) may be a condition too
                sure &= !MAY_NOT_RUN.contains(blocks.get(b).header()) && !blocks.get(b).header().isEmpty();
            }
            String value = stripComment(m.group(2)).strip();
            value = value.endsWith(";") ? value.substring(0, value.length() - 1).strip() : value;
            out.add(new LiteralVariables.Assignment(m.group(1), sure && LITERAL.matcher(value).matches()
                    ? LiteralVariables.unquote(value) : null, at));
        }
    }

    /** Whether {@code at} is inside a string or a comment: a line starting there is no statement then. */
    private static boolean inString(String text, int at) {
        String before = text.substring(0, at);
        int triple = 0;
        for (int i = before.indexOf("'''"); i >= 0; i = before.indexOf("'''", i + 3)) {
            triple++;
        }
        for (int i = before.indexOf("\"\"\""); i >= 0; i = before.indexOf("\"\"\"", i + 3)) {
            triple++;
        }
        int comment = before.lastIndexOf("/*");
        return triple % 2 == 1 || comment >= 0 && before.indexOf("*/", comment) < 0;
    }

    private static LiteralVariables.Assignment entry(String name, String value, int at, int scopeStart, int scopeEnd) {
        Matcher credential = CREDENTIALS.matcher(value);
        if (credential.matches()) {
            return new LiteralVariables.Assignment(name, null, scopeStart, scopeStart, scopeEnd,
                    OutsideValues.jenkinsCredential(credential.group(2)));
        }
        // in effect in the whole stage, wherever in it the block stands
        return new LiteralVariables.Assignment(name, LITERAL.matcher(value).matches()
                ? LiteralVariables.unquote(value) : null, scopeStart, scopeStart, scopeEnd, null);
    }

    /** The statement without a {@code //} comment that is outside its strings ({@code 'http://x'} is kept). */
    private static String stripComment(String statement) {
        char quote = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (statement.startsWith("//", i)) {
                return statement.substring(0, i);
            }
        }
        return statement;
    }

    /** Every block of the text, in the order their braces open; strings, GStrings and comments are skipped. */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<Integer> open = new ArrayList<>();
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
            } else if (text.startsWith("//", i)) {
                i = end(text, text.indexOf('\n', i)) - 1;
            } else if (text.startsWith("/*", i)) {
                i = end(text, text.indexOf("*/", i + 2)) + 1;
            } else if (text.startsWith("'''", i) || text.startsWith("\"\"\"", i)) {
                i = end(text, text.indexOf(text.substring(i, i + 3), i + 3)) + 2;
            } else if (c == '\'' || c == '"') {
                i = closingQuote(text, i);
            } else if (c == '{') {
                Matcher h = HEADER.matcher(text.substring(lineStart, i));
                blocks.add(new Block(h.find() ? h.group(1) : "", i, -1, open.isEmpty() ? -1 : open.get(open.size() - 1)));
                open.add(blocks.size() - 1);
            } else if (c == '}' && !open.isEmpty()) {
                int b = open.remove(open.size() - 1);
                Block done = blocks.get(b);
                blocks.set(b, new Block(done.header(), done.open(), i, done.parent()));
            }
        }
        return blocks;
    }

    /** Where a one-line string opened at {@code at} ends (its closing quote, or the line's end). */
    private static int closingQuote(String text, int at) {
        char q = text.charAt(at);
        for (int i = at + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q || c == '\n') {
                return c == '\n' ? i - 1 : i;
            }
        }
        return text.length();
    }

    /** Where a comment or string ends: what was found, else the end of the text. */
    private static int end(String text, int found) {
        return found < 0 ? text.length() : found;
    }
}
