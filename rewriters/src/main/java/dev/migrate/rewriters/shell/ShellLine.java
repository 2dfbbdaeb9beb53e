package dev.migrate.rewriters.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A lossless view of shell text (one line, a script, a Dockerfile {@code RUN} or a compose {@code command:}).
 * {@link #print()} returns the input unchanged; edits go through {@link #replace(int, int, String)} and return
 * a new {@code ShellLine}, so bytes outside the edited span stay identical.
 */
public final class ShellLine {
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private final String text;
    private final List<ShellToken> tokens;

    private ShellLine(String text) {
        this.text = text;
        this.tokens = List.copyOf(ShellLexer.lex(text));
    }

    public static ShellLine parse(String text) {
        return new ShellLine(text);
    }

    public String print() {
        return text;
    }

    public List<ShellToken> tokens() {
        return tokens;
    }

    /**
     * The simple commands of the text, in order. Pipelines and lists ({@code a && b | c}) give one entry
     * per command. Redirections and their targets are not words. {@code sh -c "..."} bodies are not
     * descended into; callers that care parse the body again.
     */
    public List<SimpleCommand> commands() {
        List<SimpleCommand> result = new ArrayList<>();
        List<ShellToken> assignments = new ArrayList<>();
        List<ShellToken> words = new ArrayList<>();
        int start = -1;
        int end = -1;
        boolean redirectTarget = false;
        for (ShellToken t : tokens) {
            switch (t.kind()) {
                case WORD -> {
                    if (start < 0) {
                        start = t.start();
                    }
                    end = t.end();
                    if (redirectTarget) {
                        redirectTarget = false;
                    } else if (words.isEmpty() && ASSIGNMENT.matcher(t.value()).matches()) {
                        assignments.add(t);
                    } else {
                        words.add(t);
                    }
                }
                case REDIRECT -> {
                    if (start < 0) {
                        start = t.start();
                    }
                    end = t.end();
                    redirectTarget = true; // the next word is the target: file, fd (2>&1) or heredoc tag
                }
                case OPERATOR -> {
                    if (start >= 0) {
                        result.add(new SimpleCommand(assignments, words, start, end));
                    }
                    assignments = new ArrayList<>();
                    words = new ArrayList<>();
                    start = -1;
                    redirectTarget = false;
                }
                case SPACE, COMMENT -> {
                    // Blanks separate words; comments end nothing by themselves.
                }
            }
        }
        if (start >= 0) {
            result.add(new SimpleCommand(assignments, words, start, end));
        }
        return result;
    }

    /** Returns a new line with {@code [start, end)} replaced; everything else is kept byte for byte. */
    public ShellLine replace(int start, int end, String replacement) {
        if (start < 0 || end > text.length() || start > end) {
            throw new IllegalArgumentException("span " + start + ".." + end + " outside 0.." + text.length());
        }
        return new ShellLine(text.substring(0, start) + replacement + text.substring(end));
    }

    /** Quotes a word for the shell only when it needs it, preferring the reader-friendly plain form. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || "-_./:=,@%+".indexOf(ch) >= 0)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return text;
    }
}
