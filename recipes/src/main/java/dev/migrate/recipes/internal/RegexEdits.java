package dev.migrate.recipes.internal;

import java.util.function.Function;
import java.util.function.ToIntFunction;
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
        return replace(text, pattern, m -> m.start(group), m -> m.end(group), replacement);
    }

    /** The same, for a named group. */
    public static String replaceGroup(String text, Pattern pattern, String group, Function<Matcher, String> replacement) {
        return replace(text, pattern, m -> m.start(group), m -> m.end(group), replacement);
    }

    private static String replace(String text, Pattern pattern, ToIntFunction<Matcher> start, ToIntFunction<Matcher> end,
            Function<Matcher, String> replacement) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean changed = false;
        while (m.find()) {
            String r = replacement.apply(m);
            if (r != null) {
                out.append(text, last, start.applyAsInt(m)).append(r);
                last = end.applyAsInt(m);
                changed = true;
            }
        }
        return changed ? out.append(text, last, text.length()).toString() : text;
    }
}
