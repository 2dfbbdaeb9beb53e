package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.schedule.NaiveAnchors.Reading;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naive-anchor readings ({@link Reading}) that the Prefect versions a file pins fix, for
 * {@link NaiveAnchorResolver}: a requirement's constraint ({@code prefect==3.2.1}, {@code prefect>=3.0,<3.3},
 * {@code prefect[aws]~=3.2.0}) and Poetry's or Pipfile's value (read with the pin detector's
 * {@link PrefectPinDetector#TOML_PIN}), each as {@link PrefectConstraintReading} reads it; a {@code prefecthq/prefect}
 * image's tag; and the versions a file hands to those through a variable, as the PF208 readers find them: a
 * Dockerfile's {@code ARG PREFECT_VERSION=3.4.1} default, a reference's inline default
 * ({@code ${PREFECT_VERSION:-3.4.1}}), and a compose service's build argument named for Prefect's version
 * ({@link PrefectVersionArgs#namesPrefectVersion}, under {@code args:}, {@link PrefectVersionUses#inBuildArgs}).
 */
final class NaiveAnchorVersions {
    /** {@code prefect==3.4.1}, {@code prefect[aws] >= 3.0, < 3.5}: the constraint in group {@code spec}. */
    private static final Pattern REQUIREMENT = Pattern.compile("(?<![\\w.-])[Pp]refect(?:\\[[^\\]]*])?(?<spec>\\s*"
            + "(?:===|[=<>!~]=?)\\s*[^;#\"'\\s,]+(?:\\s*,\\s*(?:===|[=<>!~]=?)\\s*[^;#\"'\\s,]+)*)");
    /** {@code prefecthq/prefect:3.4.1-python3.12}, {@code prefecthq/prefect:2-python3.10}. */
    private static final Pattern IMAGE = Pattern.compile("prefecthq/prefect:(\\d+(?:\\.\\d+){0,2})(?![\\d.])");
    /** A Dockerfile's {@code ARG NAME=value}, the value possibly quoted. */
    private static final Pattern ARG = Pattern.compile("(?m)^[ \\t]*ARG[ \\t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)="
            + "(?<q>[\"']?)(?<value>[^\"'\\s]+)\\k<q>[ \\t]*(?:#.*)?\\r?$");
    /** {@code ${NAME:-value}} (also {@code -}, {@code :=} and {@code =}). */
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-=](?<value>[^}$]*)\\}");
    /** A build-args line: {@code PREFECT_VERSION: "3.4.1"} or {@code - PREFECT_VERSION=3.4.1}. */
    private static final Pattern BUILD_ARG = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]*)?(?<q>[\"']?)"
            + "(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:=|:[ \\t]+[\"']?)(?<value>[0-9][0-9A-Za-z.*]*)[\"']?[ \\t]*(?:#.*)?\\r?$");

    private NaiveAnchorVersions() {
    }

    /** The readings of every Prefect version the file at {@code path} pins, directly or through a variable. */
    static Set<Reading> in(String path, String text) {
        Set<Reading> out = EnumSet.noneOf(Reading.class);
        String expanded = expanded(path, text);
        Matcher m = REQUIREMENT.matcher(expanded);
        while (m.find()) {
            PrefectConstraintReading.of(m.group("spec"), false).ifPresent(out::add);
        }
        Matcher toml = PrefectPinDetector.TOML_PIN.matcher(expanded);
        while (toml.find()) {
            String value = toml.group("value") != null ? toml.group("value") : toml.group("table");
            PrefectConstraintReading.of(value, true).ifPresent(out::add);
        }
        Matcher image = IMAGE.matcher(expanded);
        while (image.find()) {
            PrefectConstraintReading.of("==" + image.group(1), false).ifPresent(out::add);
        }
        Matcher arg = BUILD_ARG.matcher(expanded);
        while (arg.find()) {
            if (PrefectVersionArgs.namesPrefectVersion(arg.group("name")) && PrefectVersionUses.inBuildArgs(expanded, arg.start())) {
                PrefectConstraintReading.of("==" + arg.group("value"), false).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The text with the values a build or a shell gives its references written in: a Dockerfile's {@code ARG}
     * defaults (what a plain {@code docker build} uses), then the inline defaults of references nothing sets here.
     */
    private static String expanded(String path, String text) {
        String out = text;
        if (PrefectCliLineDetector.isDockerfile(path.substring(path.lastIndexOf('/') + 1)) && out.contains("ARG")) {
            Map<String, String> args = new java.util.LinkedHashMap<>();
            Matcher m = ARG.matcher(out);
            while (m.find()) {
                args.putIfAbsent(m.group("name"), m.group("value"));
            }
            for (Map.Entry<String, String> a : args.entrySet()) {
                String name = Pattern.quote(a.getKey());
                out = out.replaceAll("\\$(?:\\{" + name + "(?::?[-=][^}]*)?\\}|" + name + "(?![A-Za-z0-9_]))",
                        Matcher.quoteReplacement(a.getValue()));
            }
        }
        // group 1 is the default's value (MatchResult has no named groups before Java 20)
        return out.contains("${") ? DEFAULT.matcher(out).replaceAll(r -> Matcher.quoteReplacement(r.group(1))) : out;
    }
}
