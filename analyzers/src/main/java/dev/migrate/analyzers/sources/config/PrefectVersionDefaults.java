package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prefect 2 version written as a reference's inline default, {@code ${PREFECT_VERSION:-2.14.3}} (also {@code -},
 * {@code :=} and {@code =}), where the reference itself reaches Prefect: a Prefect requirement's version
 * ({@code pip install "prefect==${PREFECT_VERSION:-2.14.3}"}), a Prefect image's tag
 * ({@code prefecthq/prefect:${PREFECT_VERSION:-2.14.3}-python3.11}, or the whole tag, {@code 2.14.3-python3.11}), or a
 * build argument named for Prefect's version ({@code --build-arg PREFECT_VERSION=${PREFECT_VERSION:-2.14.3}}, a
 * compose service's {@code args:} entry). Wherever the variable is unset (a fresh clone, a CI job without it) the
 * default is the pin, so it is reported (PF208) and raised like a variable's value. A whole Prefect 2 image as the
 * default ({@code image: ${PREFECT_IMAGE:-prefecthq/prefect:2.14.3-python3.11}}) is the image that runs wherever the
 * variable is unset, so it is reported as that image written in place of the reference, and moved as it would be. The assigning forms
 * ({@code : "${PREFECT_VERSION:=2.14.3}"}) count also where the variable is read later, as an assignment does. Shell scripts, CI pipelines,
 * Jenkinsfiles, compose files and Dockerfiles expand such defaults; make and just do not.
 */
public final class PrefectVersionDefaults {
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{(?<name>[A-Za-z_][A-Za-z0-9_]*):?(?<op>[-=])"
            + PrefectVersionVariables.VALUE + "\\}");
    /** A whole Prefect image as the default: {@code image: ${PREFECT_IMAGE:-prefecthq/prefect:2.14.3-python3.11}}. */
    private static final Pattern IMAGE_DEFAULT = Pattern.compile("\\$\\{(?<name>[A-Za-z_][A-Za-z0-9_]*):?(?<op>[-=])"
            + PrefectVersionVariables.IMAGE_VALUE + "\\}");
    /**
     * A GitHub Actions expression's fallback, {@code ${{ vars.PREFECT_VERSION || '2.14.3' }}}: the runner uses it wherever
     * the variable is unset or empty, as a shell does {@code ${V:-2.14.3}}'s.
     */
    private static final Pattern GITHUB_DEFAULT = Pattern.compile("\\$\\{\\{[ \\t]*(?<name>(?:vars|env|inputs)\\."
            + "[A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\|\\|[ \\t]*'(?<version>[0-9][0-9A-Za-z.+-]*)'[ \\t]*\\}\\}");
    /** What comes right before a pin's version: {@code prefect==}, {@code prefect[aws]>=}. */
    private static final Pattern PIN = Pattern.compile("(?<![\\w.-])prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:==|~=|>=|<=|===)[ \\t]*$");
    private static final Pattern IMAGE = Pattern.compile("prefecthq/prefect:$");
    /** {@code --build-arg NAME=} (also {@code --build-arg=NAME=}, quoted), right before the reference. */
    private static final Pattern FLAG = Pattern.compile(Pattern.quote(PrefectVersionBuildArgs.FLAG)
            + "(?:=|[ \\t]+)[\"']?(?<arg>[A-Za-z_][A-Za-z0-9_]*)=[\"']?$");
    /** A build-args line up to the reference: {@code PREFECT_VERSION: }, {@code - PREFECT_VERSION=}. */
    private static final Pattern ARGS_LINE = Pattern.compile("^[ \\t]*(?:-[ \\t]*)?[\"']?(?<arg>[A-Za-z_][A-Za-z0-9_]*)"
            + "(?:=|:[ \\t]+)[\"']?$");

    private PrefectVersionDefaults() {
    }

    /** The inline defaults of the text that are Prefect 2 versions (or image tags) reaching Prefect, in text order. */
    public static List<PrefectVersionVariables.Value> in(String text) {
        List<PrefectVersionVariables.Value> out = new ArrayList<>();
        if (!text.contains("${")) {
            return out;
        }
        // a whole image needs no reader to reach Prefect: wherever the variable is unset, that image runs
        Matcher image = IMAGE_DEFAULT.matcher(text);
        while (image.find()) {
            if (PrefectVersionVariables.isPrefect2Image(image.group("version"))) {
                out.add(new PrefectVersionVariables.Value(image.group("name"), image.group("version"),
                        image.start("version"), PrefectVersionVariables.Form.DEFAULT));
            }
        }
        Matcher m = DEFAULT.matcher(text);
        while (m.find()) {
            String value = m.group("version");
            // ${NAME:=2.x} also sets the variable where it is unset (`: "${PREFECT_VERSION:=2.14.3}"`), so it counts
            // wherever the variable reaches Prefect, as an assignment's value does
            if (reachesPrefect(text, m.start(), m.end(), value) || m.group("op").equals("=")
                    && PrefectVersionVariables.reachesPrefect(List.of(text), m.group("name"), value, false)) {
                out.add(new PrefectVersionVariables.Value(m.group("name"), value, m.start("version"),
                        PrefectVersionVariables.Form.DEFAULT));
            }
        }
        Matcher github = text.contains("${{") ? GITHUB_DEFAULT.matcher(text) : null;
        while (github != null && github.find()) {
            if (reachesPrefect(text, github.start(), github.end("version"), github.group("version"))) {
                out.add(new PrefectVersionVariables.Value(github.group("name"), github.group("version"),
                        github.start("version"), PrefectVersionVariables.Form.DEFAULT));
            }
        }
        out.sort(java.util.Comparator.comparingInt(PrefectVersionVariables.Value::start));
        return out;
    }

    private static boolean reachesPrefect(String text, int start, int end, String value) {
        boolean version = PrefectVersionArgs.isPrefect2Version(value);
        if (!version && !PrefectImages.isPrefect2Tag(value)) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        // what precedes the reference: make's escape ($${NAME:-2.x}) is no part of it
        int reference = text.lastIndexOf("${", start);
        String before = text.substring(lineStart, reference > 0 && text.charAt(reference - 1) == '$' ? reference - 1 : reference);
        if (IMAGE.matcher(before).find()) {
            // a version may be followed by the rest of the tag; a whole tag must be all of it
            return version || end == text.length() || !isTagCharacter(text.charAt(end));
        }
        if (!version) {
            return false;
        }
        if (PIN.matcher(before).find()) {
            return true;
        }
        Matcher flag = FLAG.matcher(before);
        if (flag.find()) {
            return PrefectVersionArgs.namesPrefectVersion(flag.group("arg"));
        }
        Matcher line = ARGS_LINE.matcher(before);
        return line.find() && PrefectVersionArgs.namesPrefectVersion(line.group("arg"))
                && PrefectVersionUses.inBuildArgs(text, lineStart);
    }

    private static boolean isTagCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
