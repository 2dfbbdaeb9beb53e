package dev.migrate.recipes.internal;

import dev.migrate.analyzers.versions.Release;
import dev.migrate.analyzers.versions.VersionConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint moved to a new minimum release with the shape it was written in, as a person would move it by
 * hand: an exact pin stays exact, a range stays a range, a compatible-release clause keeps its precision.
 * A library's {@code install_requires} that said {@code prefect>=2.10,<3} must not turn into {@code ==3.8.3}, which
 * would forbid every other release to the projects that install it.
 *
 * <p>The <em>line</em> of a release is what a cap on a whole major series means: its major version, or for a 0.x
 * release (the integration packages) its minor, as pip users and semver read them ({@code <3} holds Prefect 2,
 * {@code <0.5} holds prefect-aws 0.4). Each clause of a PEP 440 constraint moves so ({@code floor} the new minimum):
 * <ul>
 *   <li>{@code ==V}, {@code ===V}: the operator with {@code floor};</li>
 *   <li>{@code ==2.*}, {@code ==2.14.*}: {@code >=floor} and a cap at the next release of the same precision
 *       ({@code <4}, {@code <3.9}): a wildcard alone would admit releases below the minimum;</li>
 *   <li>{@code ~=V} with n numbers: {@code ~=} and the first n numbers of {@code floor} ({@code ~=2.14} to
 *       {@code ~=3.8}, {@code ~=2.14.3} to {@code ~=3.8.3});</li>
 *   <li>{@code >=V}, {@code >V}: {@code >=floor};</li>
 *   <li>{@code <V} at the start of a line ({@code <3}, {@code <3.0}, {@code <0.5}): {@code <} the next line after
 *       {@code floor}, with as many numbers as {@code V} had ({@code <4}, {@code <4.0}, {@code <0.6});</li>
 *   <li>{@code <V} inside a line ({@code <2.15}): {@code <} the release after {@code floor} at {@code V}'s precision
 *       ({@code <3.9}): the user held back releases newer than the one they had tested;</li>
 *   <li>{@code <=V} ({@code <=2.20.1}): names the last release of the old line, so it becomes the cap below the next
 *       line ({@code <4});</li>
 *   <li>{@code !=V} below {@code floor}: dropped, the new range excludes it anyway; others stay.</li>
 * </ul>
 * A range left without a lower bound ({@code <3} alone, which also admitted 1.x) gets {@code >=floor} in front.
 * Poetry's {@code ^V} and {@code ~V} keep their operator and precision (at least major.minor, so the minimum holds:
 * {@code ^2.14} to {@code ^3.8}, {@code ^2.14.3} to {@code ^3.8.3}, {@code ^2} to {@code ^3.8}); its bare
 * {@code 2.14.3} stays bare. Anything else ({@code ||} alternatives, Poetry's {@code *}, a clause that names no
 * version, what {@link VersionConstraint} does not read) gives null, so the caller pins the release exactly as before.
 */
public final class ConstraintShape {
    private static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)*");

    private ConstraintShape() {
    }

    /** A PEP 440 specifier set ({@code >=2.10,<3}) moved to {@code floor}; null when its shape is not one of the above. */
    public static String pep440(String spec, String floor) {
        return move(spec, VersionConstraint.Dialect.PEP440, floor);
    }

    /** A Poetry constraint ({@code ^2.14}, {@code 2.14.3}, {@code >=2.10,<3}) moved to {@code floor}; null as above. */
    public static String poetry(String spec, String floor) {
        return move(spec, VersionConstraint.Dialect.POETRY, floor);
    }

    private static String move(String spec, VersionConstraint.Dialect dialect, String floor) {
        if (!NUMBERS.matcher(floor).matches()) {
            return null;
        }
        Optional<VersionConstraint> parsed = VersionConstraint.parse(spec, dialect);
        if (parsed.isEmpty() || parsed.get().spaceSeparated()) {
            return null; // unread, or Poetry's space-separated clauses, which this would not write back as they were
        }
        boolean poetry = dialect == VersionConstraint.Dialect.POETRY;
        Release f = Release.of(floor);
        String separator = spec.matches("(?s).*,[ \\t].*") ? ", " : ",";
        List<String> out = new ArrayList<>();
        boolean lower = false;
        for (VersionConstraint.Clause c : parsed.get().clauses()) {
            String op = c.op();
            String gap = c.gap();
            if (c.any()) {
                return null; // Poetry's * names no version to move
            }
            Release v = c.release();
            boolean wildcard = c.wildcard();
            if (wildcard && !(op.equals("==") || op.isEmpty() && poetry)) {
                return null;
            }
            if (!poetry && (op.equals("=") || op.equals("^") || op.equals("~"))) {
                return null; // Poetry's spellings mean nothing to pip
            }
            String moved;
            if (wildcard) {
                out.add(">=" + floor);
                moved = "<" + f.next(v.precision());
                lower = true;
            } else {
                switch (op) {
                    case "", "=", "==", "===" -> {
                        moved = op + gap + floor;
                        lower = true;
                    }
                    case "~=", "^" -> {
                        moved = op + gap + f.prefix(Math.max(2, v.precision()));
                        lower = true;
                    }
                    case "~" -> {
                        if (v.precision() < 2) {
                            // Poetry's ~2 is the whole 2.x line; ~3.8 would be one minor only
                            out.add(">=" + floor);
                            moved = "<" + nextLine(f, 1);
                        } else {
                            moved = op + gap + f.prefix(v.precision());
                        }
                        lower = true;
                    }
                    case ">=", ">" -> {
                        moved = ">=" + gap + floor;
                        lower = true;
                    }
                    // a cap that already admits the minimum was not what held the old release: it stays
                    case "<" -> moved = v.compareTo(f) > 0 ? c.text()
                            : op + gap + (startsLine(v) ? nextLine(f, v.precision()) : f.next(v.precision()));
                    case "<=" -> moved = v.compareTo(f) >= 0 ? c.text() : "<" + gap + nextLine(f, 1);
                    case "!=" -> moved = v.compareTo(f) < 0 ? null : c.text();
                    default -> {
                        return null;
                    }
                }
            }
            if (moved != null) {
                out.add(moved);
            }
        }
        if (out.isEmpty()) {
            return null;
        }
        if (!lower) {
            out.add(0, ">=" + floor);
        }
        Matcher first = Pattern.compile("^\\s*").matcher(spec);
        return (first.find() ? first.group() : "") + String.join(separator, out);
    }

    /** Whether {@code v} is the first release of a line: {@code 3}, {@code 3.0.0}, or {@code 0.5} for a 0.x line. */
    private static boolean startsLine(Release v) {
        int significant = v.at(0) > 0 ? 1 : 2;
        for (int i = significant; i < v.precision(); i++) {
            if (v.at(i) != 0) {
                return false;
            }
        }
        return v.precision() >= significant;
    }

    /** The first release of the line after {@code f}'s, written with at least {@code precision} numbers. */
    private static Release nextLine(Release f, int precision) {
        int significant = f.at(0) > 0 ? 1 : 2;
        return f.next(significant).prefix(Math.max(significant, precision));
    }
}
