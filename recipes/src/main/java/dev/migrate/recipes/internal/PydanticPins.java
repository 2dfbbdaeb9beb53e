package dev.migrate.recipes.internal;

import dev.migrate.recipes.PrefectTarget;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pins of {@code pydantic} that only admit 1.x ({@code ==1.10.0}, {@code <2}, {@code ~=1.10}). Prefect 3 requires
 * pydantic 2, so pip cannot resolve such a pin beside a Prefect 3 one.
 */
public final class PydanticPins {
    /** {@code pydantic[extras] specifiers}: one PEP 508 requirement without its marker. */
    public static final Pattern REQUIREMENT = Pattern.compile(
            "(?<name>pydantic)(?<extras>\\[[^\\]]*\\])?(?<spec>[ \\t]*(?:[=<>!~]=?|===)[^;#\"'\\r\\n]*)");
    /** One clause of a specifier: its operator and the major version it names. */
    private static final Pattern CLAUSE = Pattern.compile("[ \\t]*(===|==|~=|<=|<|>=|>|!=)[ \\t]*(\\d+)((?:\\.\\d+)*)");

    /** Poetry's own forms: caret ({@code ^1.10}), tilde ({@code ~1.10}), a bare version or a wildcard ({@code 1.*}). */
    private static final Pattern POETRY_SHORT = Pattern.compile("(?:\\^|~(?!=))?[ \t]*(\\d+)(?:\\.\\d+)*(?:\\.\\*)?");

    private PydanticPins() {
    }

    /** Whether a Poetry constraint admits no pydantic 2 release; its PEP 440 forms read as {@link #onlyV1}. */
    public static boolean onlyV1Poetry(String spec) {
        Matcher m = POETRY_SHORT.matcher(spec.strip());
        return m.matches() ? Integer.parseInt(m.group(1)) < 2 : onlyV1(spec);
    }

    /** Whether the constraint {@code spec} admits no pydantic 2 release. */
    public static boolean onlyV1(String spec) {
        for (String clause : spec.split(",")) {
            Matcher c = CLAUSE.matcher(clause);
            if (!c.lookingAt()) {
                continue;
            }
            int major = Integer.parseInt(c.group(2));
            boolean caps = switch (c.group(1)) {
                case "==", "===", "~=", "<=" -> major < 2;
                case "<" -> major < 2 || major == 2 && c.group(3).replace(".", "").replace("0", "").isEmpty();
                default -> false;
            };
            if (caps) {
                return true;
            }
        }
        return false;
    }

    /** The requirement that replaces a 1.x-only one: the lowest pydantic the targeted Prefect release accepts. */
    public static String raised(String extras, PrefectTarget target) {
        return "pydantic" + (extras == null ? "" : extras) + ">=" + target.pydanticMin();
    }

    /** Why the pin cannot stay, for the note on its line. */
    public static String reason(PrefectTarget target) {
        return "Prefect " + target.pin() + " requires pydantic " + (target.pydantic() == null ? "2" : target.pydantic())
                + ", so pip cannot install this pin beside it; code written for the pydantic 1 API (`@validator`, "
                + "`class Config`, `.dict()`) must be ported to pydantic 2, or import `pydantic.v1`";
    }
}
