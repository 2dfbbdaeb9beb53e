package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prefect 2 version held in a variable that a build or an install reads: {@code PREFECT_VERSION ?= 2.14.3} in a
 * Makefile, {@code PREFECT_VERSION=2.14.3} in a shell script, {@code PREFECT_VERSION := "2.14.3"} in a justfile, a CI
 * pipeline's {@code variables:}/{@code env:}/{@code environment:} entry, or a {@code .env} line that a compose file
 * next to it interpolates. Raising the Dockerfile's {@code ARG} default ({@link PrefectVersionArgs}) does not reach
 * such a value, which {@code --build-arg PREFECT_VERSION=$(PREFECT_VERSION)} passes in its place. A value counts only
 * where it reaches Prefect ({@link PrefectVersionUses}), as an ARG does; a line of {@code docker/build-push-action}'s
 * {@code build-args:} ({@code PREFECT_VERSION=2.14.3}) is a build argument, named for Prefect's version as a
 * {@code --build-arg} is. The scan reports these (PF208) and the rewrite raises them, from this one definition.
 */
public final class PrefectVersionVariables {
    private static final String NAME = "(?<name>[A-Za-z_][A-Za-z0-9_]*)";
    private static final String VERSION = "(?<version>2(?:\\.\\d+){0,2}(?:(?:a|b|rc)\\d+)?)";
    private static final String END = "[ \\t]*(?:#.*)?\\r?$";

    /** The formats, each with its assignment: the value possibly quoted, and for shell a {@code ${NAME:-2.x}} default. */
    public enum Kind {
        /** {@code [export|override] NAME ?= 2.x} (also {@code =}, {@code :=}, {@code ::=}); recipe lines start with a tab. */
        MAKE("(?m)^ *(?<export>(?:(?:export|override)[ \\t]+)*)" + NAME + "[ \\t]*(?:\\?|:{1,3}|!)?=[ \\t]*(?<q>[\"']?)"
                + VERSION + "\\k<q>" + END),
        /** {@code NAME=2.x}, {@code export NAME="2.x"}, {@code NAME="${NAME:-2.x}"}, a whole statement of its own. */
        SHELL("(?m)^[ \\t]*(?<export>(?:(?:export|readonly|declare(?:[ \\t]+-[A-Za-z]+)*)[ \\t]+)?)" + NAME
                + "=(?<q>[\"']?)(?<open>\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-=])?" + VERSION + "(?<close>\\}?)\\k<q>[ \\t]*;?" + END),
        /** {@code [export] NAME := "2.x"} (just's strings are quoted). */
        JUST("(?m)^(?<export>(?:export[ \\t]+)?)" + NAME + "[ \\t]*:=[ \\t]*(?<q>[\"'])" + VERSION + "\\k<q>" + END),
        /** {@code NAME: 2.x} nested under {@code variables:}, {@code env:} or {@code environment:}. */
        CI("(?m)^(?<export>)[ \\t]*" + NAME + ":[ \\t]+(?<q>[\"']?)" + VERSION + "\\k<q>" + END),
        /** {@code [export] NAME=2.x}. */
        ENV("(?m)^[ \\t]*(?<export>(?:export[ \\t]+)?)" + NAME + "[ \\t]*=[ \\t]*(?<q>[\"']?)" + VERSION + "\\k<q>" + END);

        private final Pattern assignment;

        Kind(String assignment) {
            this.assignment = Pattern.compile(assignment);
        }
    }

    /** The keys a CI variable is set under: GitLab's and Azure's {@code variables:}, GitHub's {@code env:}, CircleCI's. */
    private static final Pattern CI_VARIABLES = Pattern.compile("[ \\t]*(?:-[ \\t]+)?(?:variables|env|environment):[ \\t]*(?:#.*)?");
    /**
     * A line of build-push-action's {@code build-args:}: {@code NAME=2.x} under the key (a block or list item), or
     * the key's one value on its own line ({@code build-args: PREFECT_VERSION=2.14.3}).
     */
    private static final Pattern BUILD_ARGS_LINE = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]+)?(?<key>build-args:[ \\t]+)?"
            + "(?<q>[\"']?)" + NAME + "=" + VERSION + "\\k<q>" + END);

    private PrefectVersionVariables() {
    }

    /**
     * One such value: the variable's name, its 2.x value, where the value starts in the text; {@code buildArgument}
     * when it is no variable but a {@code build-args:} line of its own.
     */
    public record Value(String name, String version, int start, boolean buildArgument) {
        public int end() {
            return start + version.length();
        }
    }

    /** The format of a file by its path; an env file is read only through the compose files next to it. */
    public static Optional<Kind> kindOf(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        if (n.equals("Makefile") || n.equals("makefile") || n.equals("GNUmakefile") || n.endsWith(".mk")) {
            return Optional.of(Kind.MAKE);
        }
        if (n.equals("justfile") || n.equals(".justfile") || n.endsWith(".just")) {
            return Optional.of(Kind.JUST);
        }
        if (n.endsWith(".sh") || n.endsWith(".bash")) {
            return Optional.of(Kind.SHELL);
        }
        if (PrefectCliLineDetector.isCiYaml(path)) {
            return Optional.of(Kind.CI);
        }
        return n.equals(".env") ? Optional.of(Kind.ENV) : Optional.empty();
    }

    /** Whether a compose file's {@code .env} is this one: compose reads the {@code .env} of the file's own directory. */
    public static boolean readsEnvFile(String composePath, String envPath) {
        return isCompose(composePath) && dir(composePath).equals(dir(envPath));
    }

    /** A compose file under the names {@code docker compose} looks for ({@code compose.yaml}, {@code docker-compose.prod.yml}). */
    public static boolean isCompose(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return (n.startsWith("docker-compose") || n.startsWith("compose")) && (n.endsWith(".yml") || n.endsWith(".yaml"));
    }

    private static String dir(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    /** The Prefect 2 values of a script, Makefile, justfile or CI pipeline that the file itself hands to Prefect. */
    public static List<Value> in(Kind kind, String text) {
        List<Value> out = assigned(kind, text, List.of(text));
        if (kind == Kind.CI) {
            Matcher m = BUILD_ARGS_LINE.matcher(text);
            while (m.find()) {
                if (PrefectVersionArgs.namesPrefectVersion(m.group("name"))
                        && (m.group("key") != null || PrefectVersionUses.inBuildArgs(text, m.start()))) {
                    out.add(new Value(m.group("name"), m.group("version"), m.start("version"), true));
                }
            }
            out.sort(Comparator.comparingInt(Value::start));
        }
        return out;
    }

    /** The Prefect 2 values of a {@code .env} that the compose files reading it hand to Prefect. */
    public static List<Value> inEnvFile(String text, Collection<String> composeTexts) {
        return composeTexts.isEmpty() ? List.of() : assigned(Kind.ENV, text, composeTexts);
    }

    private static List<Value> assigned(Kind kind, String text, Collection<String> uses) {
        List<Value> out = new ArrayList<>();
        Matcher m = kind.assignment.matcher(text);
        while (m.find()) {
            String name = m.group("name");
            if (kind == Kind.SHELL && (m.group("open") == null) != m.group("close").isEmpty()
                    || kind == Kind.CI && !isCiVariable(text, m.start())) {
                continue;
            }
            // CI variables and .env lines are in the build's environment; a Makefile's, script's or justfile's once
            // exported, so that `--build-arg NAME` without a value passes it
            boolean environment = kind == Kind.CI || kind == Kind.ENV || !m.group("export").isBlank();
            boolean namedForPrefect = PrefectVersionArgs.namesPrefectVersion(name);
            if (uses.stream().anyMatch(u -> feeds(u, name, namedForPrefect, environment))) {
                out.add(new Value(name, m.group("version"), m.start("version"), false));
            }
        }
        return out;
    }

    /**
     * A variable named for Prefect's version counts wherever it reaches Prefect; another name only where it is
     * Prefect's own version (a pin or a Prefect image's tag), as a Dockerfile's {@code ARG} does: passed as a build
     * argument named for Prefect's version it could as well be the application's.
     */
    private static boolean feeds(String uses, String name, boolean namedForPrefect, boolean environment) {
        return namedForPrefect ? PrefectVersionUses.feedsPrefect(uses, name, environment)
                : PrefectVersionUses.isPrefectsOwn(uses, name);
    }

    private static boolean isCiVariable(String text, int lineStart) {
        String parent = YamlLines.parentLine(text, lineStart);
        return parent != null && CI_VARIABLES.matcher(parent).matches();
    }
}
