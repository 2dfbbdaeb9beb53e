package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile {@code ARG PREFECT_VERSION=2.14.0} whose value the file feeds to Prefect: a requirement's version
 * ({@code pip install "prefect==${PREFECT_VERSION}"}) or a Prefect image's tag ({@code FROM
 * prefecthq/prefect:${PREFECT_VERSION}-python3.10}). The scan reports it (PF208) and the rewrite raises it, from this
 * one definition.
 */
public final class PrefectVersionArgs {
    /**
     * {@code ARG NAME=2.x.y} (or a whole image tag, {@code 2.14.3-python3.11}), the value possibly quoted; group
     * {@code name}, group {@code version}. Which values count is {@link #reachesPrefect}.
     */
    public static final Pattern ARG = Pattern.compile(
            "(?im)^([ \\t]*ARG[ \\t]+)(?<name>[A-Za-z_][A-Za-z0-9_]*)=([\"']?)(?<version>2[A-Za-z0-9._-]*)\\3"
                    + "(?=[ \\t]*(?:#.*)?$)");
    /** The number of the {@code version} group of {@link #ARG}, for edits that replace a group by number. */
    public static final int VERSION_GROUP = 4;

    /** PREFECT_VERSION, PREFECT_IMAGE_VERSION: a build argument's name that says it holds Prefect's version. */
    private static final Pattern VERSION_NAME = Pattern.compile("(?i)[A-Z0-9_]*PREFECT[A-Z0-9_]*VERSION[A-Z0-9_]*");
    private static final Pattern VERSION_2 = Pattern.compile("2(?:\\.\\d+){0,2}(?:(?:a|b|rc)\\d+)?");

    private PrefectVersionArgs() {
    }

    /** Whether a build argument set elsewhere (compose {@code build.args}, {@code --build-arg}) is Prefect's version. */
    public static boolean namesPrefectVersion(String name) {
        return VERSION_NAME.matcher(name).matches();
    }

    /** Whether a value is a Prefect 2 version ({@code 2}, {@code 2.19}, {@code 2.14.0}, {@code 2.20.0rc1}). */
    public static boolean isPrefect2Version(String value) {
        return VERSION_2.matcher(value).matches();
    }

    /** Whether {@code ${name}} (or {@code $name}) is a Prefect requirement's version or a Prefect image's tag in the text. */
    public static boolean feedsPrefect(String text, String name) {
        String ref = "\\$(?:\\{" + Pattern.quote(name) + "(?::?[-+][^}]*)?\\}|" + Pattern.quote(name) + "(?![A-Za-z0-9_]))";
        return Pattern.compile("(?<![\\w.-])prefect(?:\\[[^\\]]*\\])?[ \\t]*(?:==|~=|>=|<=|===)[ \\t]*" + ref).matcher(text).find()
                || Pattern.compile("prefecthq/prefect:" + ref).matcher(text).find();
    }

    /**
     * Whether the ARG {@code name} holding {@code value} gives Prefect 2 to the Dockerfile's text: a 2.x version that
     * a pin or a Prefect image reads ({@link #feedsPrefect}), or a whole Prefect 2 image tag ({@code 2.14.3-python3.11},
     * {@link PrefectImages#TAG_2X}) that is all of a {@code prefecthq/prefect} image's tag.
     */
    public static boolean reachesPrefect(String text, String name, String value) {
        if (isPrefect2Version(value)) {
            return feedsPrefect(text, name);
        }
        return PrefectImages.isPrefect2Tag(value) && PrefectVersionUses.isPrefectImageTag(text, name);
    }

    /** The ARG lines of a Dockerfile's text that hold a Prefect 2 version the file feeds to Prefect. */
    public static List<VersionArg> in(String text) {
        List<VersionArg> out = new ArrayList<>();
        Matcher m = ARG.matcher(text);
        while (m.find()) {
            if (reachesPrefect(text, m.group("name"), m.group("version"))) {
                out.add(new VersionArg(m.group("name"), m.group("version"), m.start(), m.start("version")));
            }
        }
        return out;
    }

    /** One such ARG: its name, its 2.x value, where its line starts and where the value starts. */
    public record VersionArg(String name, String version, int lineStart, int versionStart) {
    }
}
