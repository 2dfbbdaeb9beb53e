package dev.migrate.rewriters.shell;

import java.util.List;

/**
 * A simple command inside a shell line: leading assignments ({@code FOO=bar}), the command words,
 * and the span of source text it covers (from its first word to its last word or redirection target).
 */
public record SimpleCommand(List<ShellToken> assignments, List<ShellToken> words, int start, int end) {
    public SimpleCommand {
        assignments = List.copyOf(assignments);
        words = List.copyOf(words);
    }

    /** argv after quote removal. */
    public List<String> argv() {
        return words.stream().map(ShellToken::value).toList();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }
}
