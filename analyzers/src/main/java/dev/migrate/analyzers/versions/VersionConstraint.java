package dev.migrate.analyzers.versions;

import dev.migrate.analyzers.versions.AdmittedRange.End;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as written, parsed once into its clauses: a PEP 440 specifier set ({@code >=2.10,<3},
 * {@code ~=3.1}, {@code ==3.4.*}, {@code >=3.0.0rc1}, {@code !=3.4.1}) or a Poetry constraint ({@code ^2.14.0},
 * {@code ~3.4}, a bare {@code 3.4.25} or {@code 3.9.*}, {@code *}, clauses separated by commas or, in Poetry only, by
 * spaces: {@code >=3.8 <4}). Each clause keeps where it stands in the text, so a reader can edit one clause and keep
 * the rest byte for byte; {@link #range()} says what releases the whole admits. Poetry's operators ({@code ^}, {@code ~},
 * {@code =}) are read in a PEP 440 text too (files meant for pip carry them by mistake); a writer for pip refuses them.
 * Empty clauses ({@code >=3.8,}) are skipped, as pip's {@code packaging} skips them. Not read (empty): {@code ||}
 * alternatives, which no reader needs, a bare version in PEP 440, {@code ~=} with one number, a wildcard after any
 * operator but {@code ==}, {@code !=} and Poetry's {@code =} or bare version, and anything that is no version.
 */
public final class VersionConstraint {
    /** The two spellings: pip's and Poetry's (and Pipfile's, which reads a bare version as exact too). */
    public enum Dialect { PEP440, POETRY }

    /** Pre-, post- and dev-release and local parts after the numbers ({@code rc1}, {@code .post2}, {@code +cpu}). */
    private static final String SUFFIX = "(?i:(?:[._-]?(?:alpha|beta|preview|pre|rc|a|b|c)[._-]?\\d*)?"
            + "(?:-\\d+|[._-]?(?:post|rev|r)[._-]?\\d*)?(?:[._-]?dev[._-]?\\d*)?(?:\\+[a-z0-9]+(?:[._-][a-z0-9]+)*)?)";
    private static final Pattern CLAUSE = Pattern.compile("(?<op>===|==|~=|!=|>=|<=|>|<|\\^|~|=)?(?<gap>\\s*)"
            + "(?<version>\\*|v?(?<release>\\d+(?:\\.\\d+)*)(?:(?<wild>\\.\\*)|" + SUFFIX + "))(?=\\s|,|$)");
    private static final Set<String> WILDCARD_OPS = Set.of("==", "!=", "=", "");

    private final String text;
    private final List<Clause> clauses;
    private final boolean spaceSeparated;

    /**
     * One clause.
     *
     * @param op           the operator as written; {@code ""} for a bare version or {@code *}
     * @param release      the numbers; null for {@code *} (any release)
     * @param wildcard     whether {@code .*} follows the numbers
     * @param start        where the clause starts in the constraint (its operator, or its version without one)
     * @param versionStart where the version starts (after the operator and any space)
     * @param end          where the clause ends (its version's last character, exclusive)
     * @param text         the clause as written, from {@code start} to {@code end}
     */
    public record Clause(String op, Release release, boolean wildcard, int start, int versionStart, int end, String text) {
        /** The space between the operator and the version, as written ({@code ">= 3.8"} has one). */
        public String gap() {
            return text.substring(op.length(), versionStart - start);
        }

        /** Whether it admits any release ({@code *}). */
        public boolean any() {
            return release == null;
        }

        /** The lower end this clause sets; null for one that sets none ({@code <}, {@code !=}, {@code *}). */
        public End lower() {
            return switch (op) {
                case ">" -> new End(release, false);
                case "<", "<=", "!=" -> null;
                default -> any() ? null : new End(release, true);
            };
        }

        /** The upper end this clause sets; null for one that sets none ({@code >=}, {@code !=}, {@code *}). */
        public End upper() {
            if (any()) {
                return null;
            }
            int given = release.precision();
            return switch (op) {
                case "==", "===", "=", "" -> wildcard || given == 1 ? new End(release.next(given), false)
                        : new End(release, true);
                case "~=" -> new End(release.next(given - 1), false);
                case "^" -> new End(release.next(firstNonZero(release) + 1), false);
                case "~" -> new End(release.next(given == 1 ? 1 : 2), false);
                case "<=" -> new End(release, true);
                case "<" -> new End(release, false);
                default -> null; // >=, >, !=
            };
        }

        /** Poetry's caret keeps the first non-zero number written ({@code ^0.4} below 0.5, {@code ^3.4} below 4). */
        private static int firstNonZero(Release r) {
            for (int i = 0; i < r.precision(); i++) {
                if (r.at(i) != 0) {
                    return i;
                }
            }
            return r.precision() - 1;
        }
    }

    private VersionConstraint(String text, List<Clause> clauses, boolean spaceSeparated) {
        this.text = text;
        this.clauses = List.copyOf(clauses);
        this.spaceSeparated = spaceSeparated;
    }

    /** A PEP 440 specifier set; empty when it is none this reads. */
    public static Optional<VersionConstraint> pep440(String text) {
        return parse(text, Dialect.PEP440);
    }

    /** A Poetry (or Pipfile) constraint; empty when it is none this reads. */
    public static Optional<VersionConstraint> poetry(String text) {
        return parse(text, Dialect.POETRY);
    }

    /** The constraint in {@code dialect}; empty for a blank text and for one this does not read (see the class). */
    public static Optional<VersionConstraint> parse(String text, Dialect dialect) {
        if (text == null) {
            return Optional.empty();
        }
        List<Clause> out = new ArrayList<>();
        boolean spaced = false;
        boolean afterClause = false;
        Matcher m = CLAUSE.matcher(text);
        int i = 0;
        while (true) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            if (text.charAt(i) == ',') {
                i++;
                afterClause = false;
                continue;
            }
            if (afterClause) {
                if (dialect != Dialect.POETRY) {
                    return Optional.empty(); // pip separates clauses with commas only
                }
                spaced = true;
            }
            m.region(i, text.length());
            if (!m.lookingAt()) {
                return Optional.empty();
            }
            Optional<Clause> clause = clause(m, text, dialect);
            if (clause.isEmpty()) {
                return Optional.empty();
            }
            out.add(clause.get());
            i = m.end();
            afterClause = true;
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new VersionConstraint(text, out, spaced));
    }

    private static Optional<Clause> clause(Matcher m, String text, Dialect dialect) {
        String op = m.group("op") == null ? "" : m.group("op");
        boolean any = m.group("release") == null;
        boolean wildcard = m.group("wild") != null;
        Release release;
        try {
            release = any ? null : Release.of(m.group("release"));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        boolean valid = any ? op.isEmpty()
                : (!op.isEmpty() || dialect == Dialect.POETRY)
                && (!op.equals("~=") || release.precision() >= 2)
                && (!wildcard || WILDCARD_OPS.contains(op));
        return valid ? Optional.of(new Clause(op, release, wildcard, m.start(), m.start("version"), m.end(),
                text.substring(m.start(), m.end()))) : Optional.empty();
    }

    /** The constraint as written. */
    public String text() {
        return text;
    }

    /** Its clauses in the order written. */
    public List<Clause> clauses() {
        return clauses;
    }

    /** Whether some clauses are separated by spaces rather than commas (Poetry's {@code >=3.8 <4}). */
    public boolean spaceSeparated() {
        return spaceSeparated;
    }

    /** What the clauses admit together. */
    public AdmittedRange range() {
        End lower = null;
        End upper = null;
        for (Clause c : clauses) {
            lower = AdmittedRange.higher(lower, c.lower());
            upper = AdmittedRange.lower(upper, c.upper());
        }
        return new AdmittedRange(lower, upper);
    }

    @Override
    public String toString() {
        return text;
    }
}
