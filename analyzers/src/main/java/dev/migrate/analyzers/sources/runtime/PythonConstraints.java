package dev.migrate.analyzers.sources.runtime;

import dev.migrate.analyzers.versions.AdmittedRange;
import dev.migrate.analyzers.versions.Release;
import dev.migrate.analyzers.versions.VersionConstraint;
import dev.migrate.analyzers.versions.VersionConstraint.Clause;
import java.util.Optional;
import java.util.Set;

/**
 * The lowest Python a project's declared constraint admits ({@code requires-python = ">=3.8"}, {@code python_requires},
 * Poetry's {@code python = "^3.8"}), and the same constraint with that lower bound raised to a floor. Only the lower
 * bound's clause changes ({@code >=3.8,<4} becomes {@code >=3.10,<4}); a constraint that also caps Python below the
 * floor ({@code ~=3.8.0}, {@code <3.10}, {@code 3.9.*}, Poetry's {@code ~3.9} or {@code ^2.7}) has no such edit, nor has
 * an exact one, and is left to a person. The constraint is read by {@link VersionConstraint}.
 */
public final class PythonConstraints {
    /** Lower bounds that also fix the release (or its minor line): raising the number would change what they mean. */
    private static final Set<String> EXACT = Set.of("==", "===", "=", "", "~");

    private PythonConstraints() {
    }

    /**
     * A constraint whose lowest admitted Python is older than the floor.
     *
     * @param lowest the lowest {@code major.minor} it admits
     * @param raised the constraint with its lower bound at the floor, or null when only a person can say what it
     *               should be (it caps Python below the floor)
     */
    public record Low(String lowest, String raised) {
    }

    /** A PEP 440 specifier ({@code requires-python}, {@code python_requires}). */
    public static Optional<Low> pep440(String spec, String floor) {
        return VersionConstraint.pep440(spec).flatMap(c -> read(c, floor));
    }

    /** A Poetry constraint ({@code ^3.8}, {@code >=3.8,<4.0}, {@code ~3.9}, {@code 3.9.*}); {@code ||} unions are not read. */
    public static Optional<Low> poetry(String spec, String floor) {
        return VersionConstraint.poetry(spec).flatMap(c -> read(c, floor));
    }

    private static Optional<Low> read(VersionConstraint constraint, String floor) {
        AdmittedRange admitted = constraint.range();
        Release minimum = Release.of(floor).prefix(2);
        if (admitted.lower() == null || admitted.lower().release().prefix(2).compareTo(minimum) >= 0) {
            return Optional.empty();
        }
        String lowest = admitted.lower().release().prefix(2).toString();
        // the clause that sets the lowest end (the last one, when two say the same)
        Clause lower = constraint.clauses().stream().filter(c -> admitted.lower().equals(c.lower()))
                .reduce((a, b) -> b).orElseThrow();
        if (EXACT.contains(lower.op()) || lower.wildcard() || admitted.allBelow(minimum)) {
            return Optional.of(new Low(lowest, null));
        }
        String text = constraint.text();
        String op = lower.op().equals(">") ? ">=" : lower.op();
        return Optional.of(new Low(lowest, text.substring(0, lower.start()) + op + lower.gap() + floor
                + text.substring(lower.end())));
    }
}
