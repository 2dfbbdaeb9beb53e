package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.schedule.NaiveAnchors;
import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which naive-anchor reading ({@link NaiveAnchors}) a constraint on {@code prefect} fixes: the UTC one when every release
 * it admits is a 2.x or a 3.x before 3.3.0 ({@code ==3.2.1}, {@code >=3.0,<3.3}, {@code ~=3.2.0}, {@code ==3.2.*},
 * Poetry's {@code ~3.2}, {@code >=2.10,<3}); {@link Reading#BY_PYTHON} when it admits 3.3.0 or a later release
 * ({@code >=3.0}, {@code ~=3.4}, {@code ==3.5.0}, Poetry's {@code ^3.2}), where the Python versions decide; none when
 * it admits no release or this does not read it.
 */
final class PrefectConstraintReading {
    /** One clause: its operator (PEP 440, or Poetry's {@code ^}, {@code ~}, {@code =} and bare version), its release. */
    private static final Pattern CLAUSE = Pattern.compile("(===|==|~=|>=|<=|>|<|\\^|~|=)?v?(\\d+(?:\\.\\d+)*)(\\.\\*)?"
            + "(?:[._-]?(?:a|b|c|rc|alpha|beta|pre|preview|post|dev)[._-]?\\d*)*(?:\\+[A-Za-z0-9.]*)?");
    private static final int[] UNPROVEN_SINCE = NaiveAnchors.unprovenSince();
    private static final int[] PREFECT3 = {3, 0, 0};
    private static final int[] PREFECT2 = {2, 0, 0};

    /** A lower or upper end of the releases admitted; {@code inclusive} when that release itself is admitted. */
    private record End(int[] release, boolean inclusive) {
    }

    private PrefectConstraintReading() {
    }

    /**
     * The reading every release {@code spec} admits shares; {@code poetry} for Poetry's and Pipfile's value, where a
     * bare version is exact. A whole major ({@code ==3}, a {@code prefecthq/prefect:3} tag) is read as all its releases.
     */
    static Optional<Reading> of(String spec, boolean poetry) {
        End lower = null;
        End upper = null;
        boolean any = false;
        for (String raw : spec.split(",")) {
            String clause = raw.replaceAll("\\s+", "");
            if (clause.isEmpty() || clause.equals("*") || clause.startsWith("!=")) {
                continue; // an exclusion narrows no end
            }
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches() || m.group(1) == null && !poetry) {
                return Optional.empty();
            }
            int given = m.group(2).split("\\.").length;
            int[] v = release(m.group(2));
            String op = m.group(1) == null ? "==" : m.group(1);
            End[] ends = switch (op) {
                case "==", "===", "=" -> m.group(3) != null || given == 1
                        ? new End[] {new End(v, true), new End(bump(v, given - 1), false)}
                        : new End[] {new End(v, true), new End(v, true)};
                case "~=" -> given < 2 ? null : new End[] {new End(v, true), new End(bump(v, given - 2), false)};
                case "^" -> new End[] {new End(v, true), new End(bump(v, firstNonZero(v, given)), false)};
                case "~" -> new End[] {new End(v, true), new End(bump(v, given == 1 ? 0 : 1), false)};
                case ">=" -> new End[] {new End(v, true), null};
                case ">" -> new End[] {new End(v, false), null};
                case "<=" -> new End[] {null, new End(v, true)};
                default -> new End[] {null, new End(v, false)}; // <
            };
            if (ends == null) {
                return Optional.empty();
            }
            lower = higher(lower, ends[0]);
            upper = lower(upper, ends[1]);
            any = true;
        }
        if (!any || lower != null && upper != null && (below(upper, lower.release()) && lower.inclusive()
                || Arrays.compare(upper.release(), lower.release()) <= 0 && !lower.inclusive())) {
            return Optional.empty(); // nothing, or no release at all, admitted
        }
        if (upper != null && below(upper, PREFECT2)) {
            return Optional.empty(); // Prefect 1 has no anchor_date
        }
        if (upper != null && below(upper, UNPROVEN_SINCE)) {
            // a job with an anchor_date runs on 2.x or 3.x, and both read it as UTC before 3.3.0
            return Optional.of(below(upper, PREFECT3) ? Reading.PREFECT2 : Reading.PREFECT3_UTC);
        }
        return Optional.of(Reading.BY_PYTHON);
    }

    /** Whether every release at or below {@code upper} is below {@code release}. */
    private static boolean below(End upper, int[] release) {
        int c = Arrays.compare(upper.release(), release);
        return c < 0 || c == 0 && !upper.inclusive();
    }

    private static int[] release(String dotted) {
        String[] parts = dotted.split("\\.");
        int[] v = new int[3];
        for (int i = 0; i < 3 && i < parts.length; i++) {
            v[i] = Integer.parseInt(parts[i]);
        }
        return v;
    }

    /** The release after every one that starts with {@code v}'s first {@code index + 1} numbers. */
    private static int[] bump(int[] v, int index) {
        int[] out = new int[3];
        int i = Math.min(index, 2);
        System.arraycopy(v, 0, out, 0, i);
        out[i] = v[i] + 1;
        return out;
    }

    /** Poetry's caret keeps the first non-zero number of those written ({@code ^0.4} below 0.5, {@code ^3.4} below 4). */
    private static int firstNonZero(int[] v, int given) {
        for (int i = 0; i < Math.min(given, 3); i++) {
            if (v[i] != 0) {
                return i;
            }
        }
        return Math.min(given, 3) - 1;
    }

    private static End higher(End a, End b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = Arrays.compare(a.release(), b.release());
        return c > 0 || c == 0 && !a.inclusive() ? a : b;
    }

    private static End lower(End a, End b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = Arrays.compare(a.release(), b.release());
        return c < 0 || c == 0 && !a.inclusive() ? a : b;
    }
}
