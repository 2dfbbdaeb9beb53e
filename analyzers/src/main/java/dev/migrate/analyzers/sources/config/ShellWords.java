package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell command line into simple commands and words, honouring quotes and backslashes. It is a
 * reader, not a shell: nothing is expanded or run. Operators ({@code ; & | ( ) `}) end a command.
 */
final class ShellWords {
    /** A word, the offset of its first character in the line, and the offset just after its last. */
    record Word(String text, int offset, int end) {
    }

    private ShellWords() {
    }

    static List<List<Word>> commands(String line) {
        List<List<Word>> commands = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                if (word == null) {
                    word = new StringBuilder();
                    start = i;
                }
                quote = c;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (word == null) {
                    word = new StringBuilder();
                    start = i;
                }
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c) || ";&|()`".indexOf(c) >= 0) {
                if (word != null) {
                    current.add(new Word(word.toString(), start, i));
                    word = null;
                }
                if (!Character.isWhitespace(c) && !current.isEmpty()) {
                    commands.add(current);
                    current = new ArrayList<>();
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                    start = i;
                }
                word.append(c);
            }
        }
        if (word != null) {
            current.add(new Word(word.toString(), start, line.length()));
        }
        if (!current.isEmpty()) {
            commands.add(current);
        }
        return commands;
    }
}
