package dev.migrate.analyzers.sources.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constraints on {@code pydantic} that admit no 2.x release ({@code ==1.10.0}, {@code <2}, {@code ~=1.10}, Poetry's
 * {@code ^1.10}). Prefect 3 requires pydantic 2, so such a pin cannot be installed beside it (PF218).
 */
public final class PydanticConstraints {
    /** {@code pydantic[extras] specifiers}: one PEP 508 requirement without its marker or a line-continuing backslash. */
    public static final Pattern REQUIREMENT = Pattern.compile(
            "(?<name>pydantic)(?<extras>\\[[^\\]]*\\])?(?<spec>[ \\t]*(?:[=<>!~]=?|===)[^;#\"'\\\\\\r\\n]*)");
    /** One clause of a specifier: its operator and the major version it names. */
    private static final Pattern CLAUSE = Pattern.compile("[ \\t]*(===|==|~=|<=|<|>=|>|!=)[ \\t]*(\\d+)((?:\\.\\d+)*)");
    /** Poetry's own forms: caret ({@code ^1.10}), tilde ({@code ~1.10}), a bare version or a wildcard ({@code 1.*}). */
    private static final Pattern POETRY_SHORT = Pattern.compile("(?:\\^|~(?!=))?[ \\t]*(\\d+)(?:\\.\\d+)*(?:\\.\\*)?");

    private PydanticConstraints() {
    }

    /** Whether the PEP 440 constraint {@code spec} admits no pydantic 2 release. */
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

    /** Whether a Poetry constraint admits no pydantic 2 release; its PEP 440 forms read as {@link #onlyV1}. */
    public static boolean onlyV1Poetry(String spec) {
        Matcher m = POETRY_SHORT.matcher(spec.strip());
        return m.matches() ? Integer.parseInt(m.group(1)) < 2 : onlyV1(spec);
    }
}
