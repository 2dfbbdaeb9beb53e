package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.recipes.internal.PrefectCliTextRecipe;
import dev.migrate.recipes.internal.Segment;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.prefectcli.PrefectCommandRewriter;
import dev.migrate.recipes.prefectcli.ShellRewrite;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Prefect 2 commands in the {@code sh} steps of Jenkinsfiles. A one-line {@code sh '...'} or
 * {@code sh "..."} is translated as the text of {@code sh -c}, so new words respect its quotes (a translation that
 * its quotes cannot hold is left with a note). The lines of a {@code sh """...."""} or {@code sh '''...'''} block
 * are a shell script's lines; Groovy still reads the block, so a translation that would add a {@code $} or a
 * backslash to a {@code """} block (Groovy interpolates and unescapes them) or holds the block's closing quotes is
 * left with a note.
 */
public class RewritePrefectCliInJenkinsfiles extends PrefectCliTextRecipe {
    /** {@code sh 'cmd'}, {@code sh("cmd")}, {@code sh script: 'cmd'}: the quoted string is group 2. */
    static final Pattern SH_STEP = Pattern.compile("[ \\t]*sh\\s*\\(?\\s*(?:script\\s*:\\s*)?(('|\")(?:(?!\\2).|\\\\\\2)*\\2)");
    /** The opening of a {@code sh """} or {@code sh '''} block: its quotes are group 1. */
    private static final Pattern SH_BLOCK = Pattern.compile("[ \\t]*sh\\s*\\(?\\s*(?:script\\s*:\\s*)?(\"\"\"|''')");
    private static final String SHELL = "sh -c ";

    @Override
    public String getDisplayName() {
        return "Rewrite Prefect 2 commands in Jenkinsfiles";
    }

    @Override
    public String getDescription() {
        return "Replaces `prefect agent start`, `prefect deployment build/apply` and the other removed Prefect 2 "
                + "commands in the one-line `sh` steps of Jenkinsfiles with their Prefect 3 forms.";
    }

    @Override
    protected String filePattern() {
        return "**/Jenkinsfile;**/Jenkinsfile.*;**/*.jenkinsfile";
    }

    /**
     * A one-line step's string cannot be commented out from inside (an apply after a build is translated instead);
     * a line of a block is a script's line.
     */
    @Override
    protected boolean commentsOut(Segment where) {
        return where.context() != null;
    }

    /** The pipeline's and each stage's {@code environment { }} entries, which the stage's steps read. */
    @Override
    protected List<LiteralVariables.Assignment> assignments(String text) {
        return LiteralVariables.jenkins(text);
    }

    /** Each one-line step's quoted string, quotes included, and each command line of a block (its quotes as context). */
    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        for (int pos = 0; pos < text.length(); pos = TextPositions.endOfLine(text, pos)) {
            int end = TextPositions.endOfContent(text, pos);
            Matcher block = SH_BLOCK.matcher(text).region(pos, end);
            if (block.lookingAt()) {
                String quotes = block.group(1);
                int close = text.indexOf(quotes, block.end());
                if (close < 0) {
                    break; // an unclosed block: Groovy would not read the file either
                }
                blockLines(text, block.end(), close, quotes, segments);
                pos = close;
                continue;
            }
            Matcher m = SH_STEP.matcher(text).region(pos, end);
            if (m.lookingAt()) {
                segments.add(new Segment(m.start(1), m.end(1)));
            }
        }
        return segments;
    }

    /** The command lines of a block's text {@code [from, to)}: from the first word to the line's end (or the block's). */
    private static void blockLines(String text, int from, int to, String quotes, List<Segment> out) {
        int pos = from;
        while (pos < to) {
            int end = Math.min(TextPositions.endOfContinuedLine(text, pos), to);
            int start = pos;
            while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
                start++;
            }
            int last = end;
            while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            if (last > start) {
                out.add(new Segment(start, last, quotes));
            }
            pos = Math.min(TextPositions.endOfLine(text, end), to);
            if (pos == end) {
                break;
            }
        }
    }

    @Override
    protected ShellRewrite rewriteSegment(Segment where, String segment, CliOptions options) {
        if (where.context() == null) {
            return rewriteSegment(segment, options);
        }
        ShellRewrite r = PrefectCommandRewriter.rewrite(segment, options);
        String quotes = where.context();
        boolean fits = !r.text().contains(quotes) && (quotes.startsWith("'")
                || count(r.text(), '$') <= count(segment, '$') && count(r.text(), '\\') <= count(segment, '\\'));
        if (!r.changed() || fits) {
            return r;
        }
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("this sh " + quotes + " block cannot hold the translation as written (Groovy reads $ and backslashes "
                + "in it); change it by hand to: " + r.text());
        return new ShellRewrite(segment, notes, false, true, r.creates());
    }

    private static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    @Override
    protected ShellRewrite rewriteSegment(String quoted, CliOptions options) {
        ShellRewrite r = PrefectCommandRewriter.rewrite(SHELL + quoted, options);
        String text = r.text().startsWith(SHELL) ? r.text().substring(SHELL.length()) : quoted;
        String inner = text.substring(1, text.length() - 1);
        // Groovy reads backslash escapes in both quote styles: a translation that needs one, or the string's own
        // quote, is not written here
        boolean fits = inner.indexOf(text.charAt(0)) < 0 && (inner.indexOf('\\') < 0 || quoted.indexOf('\\') >= 0);
        if (!fits) {
            List<String> notes = new ArrayList<>(r.notes());
            notes.add("the quotes of this sh step cannot hold the translation; change it by hand to: " + inner);
            return new ShellRewrite(quoted, notes, false, true, r.creates());
        }
        return new ShellRewrite(text, r.notes(), !text.equals(quoted), r.manual(), r.creates());
    }
}
