package dev.migrate.recipes.legacy.internal;

import dev.migrate.recipes.python.PyValues;
import java.util.Locale;
import java.util.Set;

/** Python literals and identifiers for generated modules. */
final class PythonText {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case", "type");

    /** A URL with a password in it, or a secret-named name or key given a string literal of its own. */
    private static final java.util.regex.Pattern CREDENTIAL = java.util.regex.Pattern.compile(
            "://[^/\\s:@'\"]*:[^@\\s/'\"{}]+@|(?i)\\b[a-z0-9_]*(?:password|passwd|pwd|token|secret|api_?key|credentials?)[a-z0-9_]*"
                    + "['\"]?\\s*[=:]\\s*[rbuf]?(\"[^\"\\n]{3,}\"|'[^'\\n]{3,}')");

    private PythonText() {
    }

    /**
     * Whether Python code looks like it holds a credential itself (a literal), as opposed to reading one from the
     * environment or a Secret block, which is what a copied script may do.
     */
    static boolean holdsCredential(String code) {
        return CREDENTIAL.matcher(code).find();
    }

    /**
     * A Python expression for {@code path} (relative to the scanned project), found from the generated module's
     * own place {@code depth} directories below the project root, wherever the worker has the project checked
     * out. Generated modules import {@code os} as {@code _migrate_os}.
     */
    static String projectPath(String path, int depth) {
        return "_migrate_os.path.normpath(_migrate_os.path.join(_migrate_os.path.dirname(_migrate_os.path.abspath(__file__))"
                + ", '..'".repeat(Math.max(0, depth)) + ", " + str(path) + "))";
    }

    /** A single-quoted Python string literal that reads back as exactly {@code s}. */
    static String str(String s) {
        if (s == null) {
            return "None";
        }
        return PyValues.stringLiteral(s, '\'');
    }

    /** A valid, non-keyword Python identifier made from a job name. */
    static String identifier(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (id.isEmpty() || Character.isDigit(id.charAt(0)) || KEYWORDS.contains(id)) {
            id = "job_" + id;
        }
        return id;
    }
}
