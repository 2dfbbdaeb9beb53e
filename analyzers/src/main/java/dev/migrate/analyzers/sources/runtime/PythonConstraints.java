package dev.migrate.analyzers.sources.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lowest Python a project's declared constraint admits ({@code requires-python = ">=3.8"}, {@code python_requires},
 * Poetry's {@code python = "^3.8"}), and the same constraint with that lower bound raised to a floor. Only the lower
 * bound's clause changes ({@code >=3.8,<4} becomes {@code >=3.10,<4}); a constraint that also caps Python below the
 * floor ({@code ~=3.8.0}, {@code <3.10}, {@code 3.9.*}, Poetry's {@code ~3.9}) has no such edit and is left to a person.
 */
public final class PythonConstraints {
    /** One clause: operator and version ({@code >=3.8}, {@code ~=3.9.1}, {@code ==3.9.*}, Poetry's {@code ^3.8}). */
    private static final Pattern CLAUSE = Pattern.compile("[ \\t]*(?<op>===|==|~=|<=|>=|!=|<|>|\\^|~|=)?[ \\t]*"
            + "(?<version>(?<major>\\d+)(?:\\.(?<minor>\\d+|\\*))?(?:\\.(?<patch>\\d+|\\*))?)[ \\t]*");

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
        return read(spec, floor, false);
    }

    /** A Poetry constraint ({@code ^3.8}, {@code >=3.8,<4.0}, {@code ~3.9}, {@code 3.9.*}); {@code ||} unions are not read. */
    public static Optional<Low> poetry(String spec, String floor) {
        return spec.contains("||") ? Optional.empty() : read(spec, floor, true);
    }

    private static Optional<Low> read(String spec, String floor, boolean poetry) {
        String[] clauses = spec.split(",", -1);
        String lowest = null;
        int lowerClause = -1;
        boolean capped = false;
        for (int i = 0; i < clauses.length; i++) {
            Matcher c = CLAUSE.matcher(clauses[i]);
            if (!c.matches()) {
                return Optional.empty(); // not a constraint this class reads: leave it
            }
            String op = c.group("op") == null ? (poetry ? "==" : null) : c.group("op");
            if (op == null) {
                return Optional.empty();
            }
            String minor = c.group("minor") == null || c.group("minor").equals("*") ? "0" : c.group("minor");
            String version = c.group("major") + "." + minor;
            switch (op) {
                case ">=", ">", "^" -> {
                    lowest = version;
                    lowerClause = i;
                }
                case "~=" -> {
                    lowest = version;
                    lowerClause = i;
                    // ~=3.8 admits every 3.x from 3.8; ~=3.8.1 only 3.8.x
                    capped |= c.group("patch") != null;
                }
                case "~", "==", "===", "=" -> {
                    // Poetry's ~3.9, an exact version or a wildcard (==3.9.*, Poetry's 3.9.*): one minor release only
                    lowest = version;
                    lowerClause = i;
                    capped = true;
                }
                case "<" -> {
                    // <3.10 admits nothing from 3.10; <3.10.5 admits 3.10.0 to 3.10.4
                    int c2 = PythonFloor.compare(version, floor);
                    boolean patch = c.group("patch") != null && !c.group("patch").equals("0") && !c.group("patch").equals("*");
                    capped |= c2 < 0 || c2 == 0 && !patch;
                }
                case "<=" -> capped |= PythonFloor.compare(version, floor) < 0;
                default -> {
                    // != excludes one release, which never raises the lowest
                }
            }
        }
        if (lowest == null || PythonFloor.compare(lowest, floor) >= 0) {
            return Optional.empty();
        }
        if (capped) {
            return Optional.of(new Low(lowest, null));
        }
        Matcher c = CLAUSE.matcher(clauses[lowerClause]);
        c.matches();
        String op = c.group("op");
        String newOp = op.equals(">") ? ">=" : op;
        String clause = clauses[lowerClause];
        String rewritten = clause.substring(0, c.start("op")) + newOp + clause.substring(c.end("op"), c.start("version"))
                + floor + clause.substring(c.end("version"));
        clauses[lowerClause] = rewritten;
        return Optional.of(new Low(lowest, String.join(",", clauses)));
    }
}
