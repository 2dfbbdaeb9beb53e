package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import dev.migrate.recipes.internal.DependencySections;
import dev.migrate.analyzers.rules.PrefectIntegrations;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inserts requirements next to the {@code prefect} one, in the syntax and layout of the file that declares it:
 * a requirements file, {@code pyproject.toml} (a PEP 621 array or a Poetry table) or {@code setup.cfg}. Each
 * method returns null when the file declares no {@code prefect} requirement it can place them after.
 */
final class RequirementInserts {
    private static final Pattern TXT_PREFECT = Pattern.compile("(?m)^prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:[=<>!~;#].*)?$");
    /** An indented {@code install_requires} continuation line naming prefect. */
    private static final Pattern CFG_PREFECT = Pattern.compile("^([ \\t]+)prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:[=<>!~;#].*)?$");
    /** A quoted PEP 508 {@code prefect} requirement: group 1 the quote; what follows on its line in group 2. */
    private static final Pattern TOML_PREFECT = Pattern.compile(
            "([\"'])prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:[=<>!~;][^\"'\\r\\n]*)?\\1([^\\r\\n]*)");
    /** Poetry's {@code prefect = ...} line. */
    private static final Pattern POETRY_PREFECT = Pattern.compile("^([ \\t]*)prefect[ \\t]*=[^\\r\\n]*");

    private RequirementInserts() {
    }

    static String requirementsTxt(String body, List<String> packages) {
        Matcher m = TXT_PREFECT.matcher(body);
        if (!m.find()) {
            return null;
        }
        StringBuilder lines = new StringBuilder();
        for (String pkg : packages) {
            lines.append(newline(body)).append(requirement(pkg));
        }
        // right after the prefect requirement, so the Prefect packages stay together: after the lines it is continued
        // on with a backslash (`prefect==3.8.3 \` over its marker), which pip reads as one requirement
        int end = RequirementsIncludes.endOfLogicalLine(body, m.end());
        return body.substring(0, end) + lines + body.substring(end);
    }

    static String setupCfg(String body, List<String> packages) {
        return afterFirstLine(body, DependencySections.SETUP_CFG, CFG_PREFECT,
                indent -> packages.stream().map(pkg -> newline(body) + indent + requirement(pkg)).reduce("", String::concat));
    }

    static String pyproject(String body, List<String> packages) {
        Matcher m = TOML_PREFECT.matcher(body);
        if (m.find()) {
            String quote = m.group(1);
            int lineStart = body.lastIndexOf('\n', m.start()) + 1;
            String before = body.substring(lineStart, m.start());
            String rest = m.group(2).strip();
            if (before.isBlank() && (rest.isEmpty() || rest.equals(",") || rest.startsWith("#") || rest.matches(",\\s*#.*"))) {
                // One requirement per line: each new one gets its own line, and the prefect line its comma.
                String comma = rest.startsWith(",") ? "" : ",";
                StringBuilder lines = new StringBuilder();
                for (String pkg : packages) {
                    lines.append(newline(body)).append(before).append(quote).append(requirement(pkg)).append(quote).append(',');
                }
                // group 2 runs to the end of the line (before any line break)
                return body.substring(0, m.start(2)) + comma + body.substring(m.start(2), m.end()) + lines
                        + body.substring(m.end());
            }
            StringBuilder inline = new StringBuilder();
            for (String pkg : packages) {
                inline.append(", ").append(quote).append(requirement(pkg)).append(quote);
            }
            return body.substring(0, m.start(2)) + inline + body.substring(m.start(2));
        }
        return afterFirstLine(body, DependencySections.POETRY, POETRY_PREFECT, indent -> packages.stream()
                .map(pkg -> newline(body) + indent + poetry(pkg)).reduce("", String::concat));
    }

    /**
     * Puts {@code added(indent)} right after the first match of {@code line} (group 1: its indentation) inside the
     * dependency tables {@code section} selects, or returns null when there is none.
     */
    private static String afterFirstLine(String body, Predicate<String> section, Pattern line,
            UnaryOperator<String> added) {
        boolean[] done = {false};
        String out = DependencySections.editLines(body, section, l -> {
            Matcher m = line.matcher(l);
            if (done[0] || !m.find()) {
                return l;
            }
            done[0] = true;
            return l.substring(0, m.end()) + added.apply(m.group(1)) + l.substring(m.end());
        });
        return done[0] ? out : null;
    }

    /** {@code prefect-gcp[aiplatform]>=0.6.0}: the package, its extras, its first release for Prefect 3. */
    static String requirement(String pkg) {
        return pkg + ">=" + PrefectIntegrations.firstPrefect3Release(name(pkg));
    }

    /** Poetry's table line: {@code prefect-gcp = {version = ">=0.6.0", extras = ["aiplatform"]}} with extras. */
    private static String poetry(String pkg) {
        String version = "\">=" + PrefectIntegrations.firstPrefect3Release(name(pkg)) + '"';
        if (!pkg.contains("[")) {
            return pkg + " = " + version;
        }
        String extras = pkg.substring(pkg.indexOf('[') + 1, pkg.indexOf(']'));
        return name(pkg) + " = {version = " + version + ", extras = [\"" + String.join("\", \"", extras.split("\\s*,\\s*"))
                + "\"]}";
    }

    /** The package name of a requirement without its extras ({@code prefect-gcp} of {@code prefect-gcp[aiplatform]}). */
    static String name(String pkg) {
        int bracket = pkg.indexOf('[');
        return bracket < 0 ? pkg : pkg.substring(0, bracket);
    }

    private static String newline(String body) {
        return body.contains("\r\n") ? "\r\n" : "\n";
    }
}
