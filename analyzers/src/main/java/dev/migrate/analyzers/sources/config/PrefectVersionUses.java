package dev.migrate.analyzers.sources.config;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a variable's value reaches Prefect: a Prefect requirement's version ({@code pip install
 * "prefect==$(PREFECT_VERSION)"}), a Prefect image's tag ({@code prefecthq/prefect:${PREFECT_VERSION}-python3.11}) or a
 * build argument named for Prefect's version ({@code --build-arg PREFECT_VERSION=$(PREFECT_VERSION)}, a
 * {@code build-args:} line of {@code docker/build-push-action}, a compose service's {@code build: args:} entry), which
 * replaces the Dockerfile's {@code ARG} default as a plain value there does ({@link PrefectVersionBuildArgs}). A
 * variable used only elsewhere (an application's image tag) is no Prefect version, whatever its value.
 */
final class PrefectVersionUses {
    /** The keys whose nested lines are build arguments: build-push-action's input, compose's {@code build: args:}. */
    private static final Pattern BUILD_ARGS_KEY = Pattern.compile("[ \\t]*(?:-[ \\t]+)?(?:build-args|args):[ \\t]*[|>]?[-+]?[ \\t]*(?:#.*)?");

    private PrefectVersionUses() {
    }

    /**
     * A reference to variable {@code name} as the formats write it: {@code $NAME}, {@code ${NAME}} (also with a
     * shell default), make's and Azure's {@code $(NAME)}, GitHub's {@code ${{ env.NAME }}}, just's {@code {{NAME}}},
     * Jenkins' {@code ${env.NAME}}.
     */
    static String ref(String name) {
        String n = Pattern.quote(name);
        return "(?:\\$\\{(?:env\\.)?" + n + "(?::?[-+=?][^}]*)?\\}|\\$" + n + "(?![A-Za-z0-9_])|\\$\\(" + n + "\\)"
                + "|\\$\\{\\{[ \\t]*env\\." + n + "[ \\t]*\\}\\}|(?<!\\$)\\{\\{[ \\t]*" + n + "[ \\t]*\\}\\})";
    }

    /**
     * Whether the text hands variable {@code name} to Prefect. {@code fromEnvironment}: the variable is in the
     * environment of the commands (a CI variable, an exported one), so {@code --build-arg NAME} without a value passes it.
     */
    static boolean feedsPrefect(String text, String name, boolean fromEnvironment) {
        String ref = ref(name);
        if (isPrefectsOwn(text, name)) {
            return true;
        }
        Matcher flag = Pattern.compile(Pattern.quote(PrefectVersionBuildArgs.FLAG)
                + "(?:=|[ \\t]+)[\"']?(?<arg>[A-Za-z_][A-Za-z0-9_]*)(?:=[\"']?" + ref + "|(?=[\"'\\s\\\\;]|$))").matcher(text);
        while (flag.find()) {
            boolean passed = flag.end("arg") < text.length() && text.charAt(flag.end("arg")) == '=';
            if (passed ? PrefectVersionArgs.namesPrefectVersion(flag.group("arg"))
                    : fromEnvironment && flag.group("arg").equals(name)) {
                return true;
            }
        }
        Matcher line = Pattern.compile("(?m)^[ \\t]*(?:-[ \\t]*)?[\"']?(?<arg>[A-Za-z_][A-Za-z0-9_]*)(?:=|:[ \\t]+)[\"']?" + ref)
                .matcher(text);
        while (line.find()) {
            if (PrefectVersionArgs.namesPrefectVersion(line.group("arg")) && inBuildArgs(text, line.start())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text pins Prefect to variable {@code name} or picks a Prefect image's tag with it. */
    static boolean isPrefectsOwn(String text, String name) {
        String ref = ref(name);
        return Pattern.compile("(?<![\\w.-])prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:==|~=|>=|<=|===)[ \\t]*" + ref).matcher(text).find()
                || Pattern.compile("prefecthq/prefect:" + ref).matcher(text).find();
    }

    /**
     * Whether the text uses variable {@code name} as the whole tag of a Prefect image
     * ({@code prefecthq/prefect:${PREFECT_TAG}}), so that a value like {@code 2.14.3-python3.11} is that image's tag.
     */
    static boolean isPrefectImageTag(String text, String name) {
        return Pattern.compile("prefecthq/prefect:" + ref(name) + "(?![A-Za-z0-9_.-])").matcher(text).find();
    }

    /**
     * The Pythons that the text's Prefect image tags name after variable {@code name}:
     * {@code prefecthq/prefect:${PREFECT_VERSION}-python3.8} gives 3.8.
     */
    static Set<String> imagePythons(String text, String name) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("prefecthq/prefect:" + ref(name) + "-python(3\\.\\d+)(?![\\d])").matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Whether the line starting at {@code lineStart} is nested under a {@code build-args:} or {@code args:} key. */
    static boolean inBuildArgs(String text, int lineStart) {
        String parent = YamlLines.parentLine(text, lineStart);
        return parent != null && BUILD_ARGS_KEY.matcher(parent).matches();
    }
}
