package dev.migrate.recipes.internal;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces one capture group of every match of a pattern, leaving every other byte of the text as it was.
 * The replacement function returns null to keep a match unchanged.
 */
public final class RegexEdits {
    private RegexEdits() {
    }

    public static String replaceGroup(String text, Pattern pattern, int group, Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String r = replacement.apply(m);
            if (r != null) {
                out.append(text, last, m.start(group)).append(r);
                last = m.end(group);
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }
}
