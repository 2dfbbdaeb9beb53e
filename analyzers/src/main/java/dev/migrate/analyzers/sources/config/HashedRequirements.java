package dev.migrate.analyzers.sources.config;

import java.util.regex.Pattern;

/**
 * A requirement locked with hashes, as {@code pip-compile --generate-hashes} and {@code uv pip compile
 * --generate-hashes} write it: {@code prefect==2.19.4 \} followed by {@code --hash=sha256:...} lines (or the hashes on
 * the same line). Its version cannot move alone: pip refuses a release whose archive none of the hashes match, so the
 * scan says to re-run the compile with {@code prefect>=3} and the rewrite leaves the line with a note saying so.
 */
public final class HashedRequirements {
    private static final Pattern HASH = Pattern.compile("(?:^|[ \\t])--hash[ \\t=]");
    /** What the scan and the rewrite tell a person to do instead of changing the locked version. */
    public static final String RECOMPILE = recompile("prefect>=3");

    /** What to do instead of changing a locked pin: compile the lock again from an input that asks for {@code requirement}. */
    public static String recompile(String requirement) {
        return "re-run pip-compile (or uv pip compile) with " + requirement + " in its input to regenerate it, since a "
                + "new version needs new hashes";
    }

    /**
     * Whether any requirement of the file is locked with hashes. pip then runs in hash-checking mode for the whole
     * file and refuses a requirement without hashes, so a line added to it would break the install.
     */
    public static boolean anyIn(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (String line : lines) {
            String code = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
            if (!line.stripLeading().startsWith("#") && HASH.matcher(code).find()) {
                return true;
            }
        }
        return false;
    }

    private HashedRequirements() {
    }

    /** Whether the requirement whose line holds {@code offset} carries {@code --hash} options on its logical line. */
    public static boolean at(String text, int offset) {
        int index = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            index += text.charAt(i) == '\n' ? 1 : 0;
        }
        return atLine(text.split("\r?\n", -1), index);
    }

    /** As {@link #at}, for the requirement on line {@code index} (from 0) of {@code lines}. */
    public static boolean atLine(String[] lines, int index) {
        int start = index;
        // a requirement continued from the line before starts there
        while (start > 0 && endsWithBackslash(lines[start - 1])) {
            start--;
        }
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            String code = line.contains(" #") ? line.substring(0, line.indexOf(" #")) : line;
            if (HASH.matcher(code).find()) {
                return true;
            }
            if (!endsWithBackslash(line)) {
                return false;
            }
        }
        return false;
    }

    private static boolean endsWithBackslash(String line) {
        return line.stripTrailing().endsWith("\\");
    }
}
