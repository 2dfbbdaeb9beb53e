package dev.migrate.recipes.prefect2;

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
 * Translates Prefect 2 commands in the one-line {@code sh '...'} and {@code sh "..."} steps of Jenkinsfiles. The
 * quoted string is translated as the text of {@code sh -c}, so new words respect its quotes (a translation that
 * single quotes cannot hold is left with a note).
 */
public class RewritePrefectCliInJenkinsfiles extends PrefectCliTextRecipe {
    /** {@code sh 'cmd'}, {@code sh("cmd")}, {@code sh script: 'cmd'}: the quoted string is group 2. */
    static final Pattern SH_STEP = Pattern.compile("[ \\t]*sh\\s*\\(?\\s*(?:script\\s*:\\s*)?(('|\")(?:(?!\\2).|\\\\\\2)*\\2)");
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

    /** A quoted step string cannot be commented out from inside: an apply after a build is translated instead. */
    @Override
    protected boolean commentsOut() {
        return false;
    }

    /** Each step's quoted string, quotes included. */
    @Override
    protected List<Segment> commandSegments(String text) {
        List<Segment> segments = new ArrayList<>();
        for (int pos = 0; pos < text.length(); pos = TextPositions.endOfLine(text, pos)) {
            Matcher m = SH_STEP.matcher(text).region(pos, TextPositions.endOfContent(text, pos));
            if (m.lookingAt() && !m.group(1).startsWith(m.group(2).repeat(3))) {
                segments.add(new Segment(m.start(1), m.end(1)));
            }
        }
        return segments;
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
            return new ShellRewrite(quoted, notes, false, true);
        }
        return new ShellRewrite(text, r.notes(), !text.equals(quoted), r.manual());
    }
}
