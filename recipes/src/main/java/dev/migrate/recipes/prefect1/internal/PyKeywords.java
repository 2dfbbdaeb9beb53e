package dev.migrate.recipes.prefect1.internal;

import java.util.Set;

/** Python's reserved words, which generated names must avoid. */
public final class PyKeywords {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private PyKeywords() {
    }

    public static boolean is(String word) {
        return KEYWORDS.contains(word);
    }
}
