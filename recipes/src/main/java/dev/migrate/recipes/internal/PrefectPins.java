package dev.migrate.recipes.internal;

import dev.migrate.analyzers.rules.PrefectIntegrations;
import dev.migrate.recipes.PrefectTarget;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code prefect} or {@code prefect-<integration>} requirement becomes on Prefect 3, whichever file
 * it is written in (requirements files, {@code pyproject.toml}, {@code setup.cfg}): {@code prefect} pinned
 * to 2.x moves to the targeted release; an integration held below its first Prefect 3 release moves
 * up to that release. Either keeps the shape it was written in ({@link ConstraintShape}): {@code ==2.14.9} becomes
 * {@code ==3.8.3}, {@code >=2.10,<3} becomes {@code >=3.8.3,<4}, {@code ~=0.4} becomes {@code ~=0.5}. A bare
 * {@code prefect} (whose version a constraints file may pin, and that file is pinned in its own shape), a 1.x pin and
 * unknown packages are left to their owners.
 */
public final class PrefectPins {
    /**
     * {@code name[extras] specifiers}: one PEP 508 requirement without its marker. No specifier holds a backslash, so
     * the line continuation of a requirements file ({@code prefect==2.14.0 \}) stays outside the match and is kept.
     * The name as pip reads it ({@link PrefectIntegrations#canonical}): {@code prefect_gcp} and {@code Prefect} too,
     * not the all-capital {@code PREFECT_...} of a setting.
     */
    public static final Pattern REQUIREMENT = Pattern.compile(
            "(?<name>[Pp]refect(?:[-_][A-Za-z0-9]+)?)(?<extras>\\[[^\\]]*\\])?(?<spec>[ \\t]*(?:[=<>!~]=?|===)[^;#\"'\\\\\\r\\n]*)?");
    /** {@code ${NAME:-2.14.3}} (also {@code -}, {@code :=}, {@code =}): a reference whose default is a version. */
    private static final Pattern INLINE_DEFAULT = Pattern.compile(
            "^(?:===?|~=|>=)[ \\t]*\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-=](?<version>\\d+(?:\\.\\d+)*)}$");
    private static final Pattern PREFECT_3 = Pattern.compile("(?:===?|~=|>=|\\^|~)?[ \\t]*3(?:\\D.*)?");
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    private PrefectPins() {
    }

    /**
     * The new {@code name[extras]spec} for a requirement, or null when it stays as it is. A version given by a shell
     * or compose reference with an inline default ({@code prefect-aws==${PREFECT_AWS:-0.4.10}}, a build argument's
     * override in a Dockerfile's {@code pip install}) keeps its reference: only the default moves, as for
     * {@code prefect==${PREFECT_VERSION:-2.14.3}}, so the variable still overrides it.
     */
    public static String requirement(String name, String extras, String spec, PrefectTarget target) {
        String e = extras == null ? "" : extras;
        String s = spec == null ? "" : spec.strip();
        Matcher d = INLINE_DEFAULT.matcher(s);
        if (d.find()) {
            String version = version(name, "==" + d.group("version"), target);
            return version == null ? null : name + e + s.substring(0, d.start("version")) + version + s.substring(d.end("version"));
        }
        String version = version(name, s, target);
        if (version == null) {
            return null;
        }
        // the new constraint keeps the old one's shape (ConstraintShape); one it cannot read is pinned as before
        String shaped = ConstraintShape.pep440(spec.stripTrailing(), version);
        return name + e + (shaped != null ? shaped : (isPrefect(name) ? "==" : ">=") + version);
    }

    /**
     * The new Poetry constraint of {@code name} (the quoted text of {@code prefect = "^2.14"}), or null when it stays:
     * {@code ^2.14} becomes {@code ^3.8}, as {@link ConstraintShape#poetry} moves it. A Prefect 1 project's own 1.x pin
     * becomes the targeted release exactly, as in requirements files.
     */
    public static String poetry(String name, String spec, PrefectTarget target, boolean fromPrefect1) {
        String version = version(name, spec, target, fromPrefect1);
        if (version == null) {
            return null;
        }
        String shaped = fromPrefect1 && isPrefect(name) && namesPrefect1(spec) ? null : ConstraintShape.poetry(spec, version);
        return shaped != null ? shaped : (isPrefect(name) ? "==" : ">=") + version;
    }

    /** The requirement text matched by {@link #REQUIREMENT}, rewritten, or null when it stays. */
    public static String requirement(Matcher m, PrefectTarget target) {
        return requirement(m, target, false);
    }

    /** As {@link #requirement(Matcher, PrefectTarget)}; a Prefect 1 project's own 1.x pins move too. */
    public static String requirement(Matcher m, PrefectTarget target, boolean fromPrefect1) {
        if (fromPrefect1 && isPrefect(m.group("name")) && namesPrefect1(m.group("spec"))) {
            return "prefect" + (m.group("extras") == null ? "" : m.group("extras")) + "==" + target.pin();
        }
        return requirement(m.group("name"), m.group("extras"), m.group("spec"), target);
    }

    /** As {@link #version(String, String, PrefectTarget)}; a Prefect 1 project's own 1.x pins move too. */
    public static String version(String name, String spec, PrefectTarget target, boolean fromPrefect1) {
        return fromPrefect1 && isPrefect(name) && namesPrefect1(spec) ? target.pin() : version(name, spec, target);
    }

    /**
     * The version a package's constraint {@code spec} should name instead, or null when it stays: the
     * targeted release for a 2.x {@code prefect}, the first Prefect 3 release for an integration that is
     * below it or capped. Poetry constraints ({@code ^2.14}, {@code ~2.10}) read the same way.
     */
    public static String version(String name, String spec, PrefectTarget target) {
        if (isPrefect(name)) {
            // Only 2.x pins move; a bare `prefect` or a 1.x pin belongs to other recipes or to the user.
            return heldMajor(spec) == 2 ? target.pin() : null;
        }
        return PrefectIntegrations.heldBelowPrefect3(name, spec) ? PrefectIntegrations.firstPrefect3Release(name) : null;
    }

    /** The major release a constraint was written for ({@link PrefectIntegrations#heldMajor}). */
    static int heldMajor(String spec) {
        return PrefectIntegrations.heldMajor(spec);
    }

    /** Whether a {@code prefect} constraint {@code spec} names a Prefect 1 release ({@code ==1.4.1}, {@code ==0.15.13}, {@code <2}). */
    public static boolean namesPrefect1(String spec) {
        Matcher v = VERSION.matcher(spec == null ? "" : spec);
        // Prefect Core 0.x (0.15.13, the 2021 releases) is the same line as 1.x
        return v.find() && (v.group(1).equals("1") || v.group(1).equals("0")) || spec != null && spec.replace(" ", "").matches(".*<(=?1|2)(\\.0)*(,.*)?");
    }

    /**
     * Whether a {@code prefect} constraint admits only Prefect 3 releases from below: {@code ==3.8.3}, {@code >=3},
     * {@code ~=3.1}, Poetry's {@code ^3.2}/{@code ~3.2}/{@code 3.2.0}.
     */
    public static boolean namesPrefect3(String spec) {
        return spec != null && PREFECT_3.matcher(spec.strip()).matches();
    }

    /**
     * Whether {@code text} requires Prefect 3: a match of {@code requirement} (with groups {@code name} and
     * {@code spec}, such as {@link #REQUIREMENT} in its file's frame) names {@code prefect} on 3.x.
     */
    public static boolean pinsPrefect3(Pattern requirement, String text) {
        Matcher m = requirement.matcher(text);
        while (m.find()) {
            if (isPrefect(m.group("name")) && namesPrefect3(m.group("spec"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a requirement's name is Prefect's own, however it is written ({@code Prefect}). */
    public static boolean isPrefect(String name) {
        return PrefectIntegrations.canonical(name).equals("prefect");
    }

    /** Whether dotted version {@code version} (up to three numbers) is lower than {@code other}. */
    public static boolean below(String version, String other) {
        return PrefectIntegrations.below(version, other);
    }
}
