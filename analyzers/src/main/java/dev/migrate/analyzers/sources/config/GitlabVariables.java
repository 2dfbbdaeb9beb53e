package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab expands the variables a {@code variables:} value reads ({@code INFRA: $BLOCK_TYPE/etl}, {@code ${BLOCK_TYPE}}),
 * with {@code $$} for a literal {@code $}. Such a value is known when every variable it reads is known in the
 * pipeline; one that reads a variable the pipeline never sets takes its value from a CI/CD variable in the project's
 * settings, and says so (its origin names that variable) rather than being guessed; one that reads a variable the
 * pipeline sets to no literal, or one GitLab sets per run ({@code $CI_COMMIT_REF_SLUG}), is set but not known.
 * GitHub Actions does not expand {@code env:} values, so this is GitLab's only.
 */
final class GitlabVariables {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    /** A value as written: a plain word or a quoted string, then perhaps a comment. */
    private static final Pattern WRITTEN = Pattern.compile("(\"[^\"\\\\]*\"|'[^']*'|[^\\s\"'#{}\\[\\]&*!|>%@`][^\\s#]*)[ \\t]*(?:#.*)?");
    /** A value read from others is followed this many times at most: a chain of variables is short. */
    private static final int PASSES = 4;

    private GitlabVariables() {
    }

    /**
     * {@code assignments} ({@link LiteralVariables#ci(String)}) with each value that reads other variables expanded
     * when they are known, or given the origin of the CI/CD variable it reads; {@code written}: each entry's value as
     * written, by its offset.
     */
    static List<LiteralVariables.Assignment> expand(List<LiteralVariables.Assignment> assignments, Map<Integer, String> written) {
        List<LiteralVariables.Assignment> out = new ArrayList<>(assignments);
        Set<String> assigned = LiteralVariables.names(assignments);
        for (int pass = 0; pass < PASSES; pass++) {
            Map<String, String> known = LiteralVariables.known(out);
            boolean changed = false;
            for (int i = 0; i < out.size(); i++) {
                LiteralVariables.Assignment a = out.get(i);
                String value = written.get(a.offset());
                Matcher w = value == null ? null : WRITTEN.matcher(value);
                if (a.value() != null || a.origin() != null || w == null || !w.matches() || !w.group(1).contains("$")) {
                    continue;
                }
                Optional<LiteralVariables.Assignment> expanded = expand(a, LiteralVariables.unquote(w.group(1)), known, assigned);
                if (expanded.isPresent()) {
                    out.set(i, expanded.get());
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return out;
    }

    private static Optional<LiteralVariables.Assignment> expand(LiteralVariables.Assignment a, String value,
                                                                 Map<String, String> known, Set<String> assigned) {
        StringBuilder out = new StringBuilder();
        Matcher r = REFERENCE.matcher(value);
        int last = 0;
        while (r.find()) {
            out.append(value, last, r.start());
            last = r.end();
            String name = r.group(1) != null ? r.group(1) : r.group(2);
            if (name == null) {
                out.append('$');
            } else if (known.containsKey(name) && !name.equals(a.name())) {
                out.append(known.get(name));
            } else if (!assigned.contains(name) && !OutsideValues.gitlabPredefined(name)) {
                // not guessed: the value is the settings' variable's, which the repository does not hold
                return Optional.of(new LiteralVariables.Assignment(a.name(), null, a.offset(), a.scopeStart(), a.scopeEnd(),
                        OutsideValues.gitlab(name) + ", which " + a.name() + ": " + value + " reads"));
            } else {
                return Optional.empty();
            }
        }
        out.append(value.substring(last));
        return Optional.of(new LiteralVariables.Assignment(a.name(), out.toString(), a.offset(), a.scopeStart(), a.scopeEnd(), null));
    }
}
