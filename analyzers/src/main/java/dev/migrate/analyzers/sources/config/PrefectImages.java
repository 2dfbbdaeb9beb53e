package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the Prefect version out of official image references such as {@code prefecthq/prefect:2.14.9-python3.11}. */
public final class PrefectImages {
    private static final Pattern IMAGE = Pattern.compile("(?:^|[\\s/\"'=])prefecthq/prefect:(\\d+(?:\\.\\d+)*)");

    /**
     * The tags of {@code prefecthq/prefect} that run Prefect 2: {@code 2-latest}, {@code 2-python3.10},
     * {@code 2.14.9-python3.10-kubernetes}, {@code 2.14.9}, and the minor-release tags {@code 2.14-python3.11} (2.x
     * docker-images workflow: {@code {{major}}.{{minor}}} pattern). Groups {@code latest}, {@code py}, {@code flavor}.
     * The scan reads a variable holding one as a Prefect 2 image tag and the rewrite's image upgrade moves it.
     */
    public static final Pattern TAG_2X = Pattern.compile(
            "^2(?:\\.\\d+(?:\\.\\d+)?)?(?:(?<latest>-latest)|-python(?<py>3\\.\\d+))?(?<flavor>-kubernetes|-conda)?$");

    private PrefectImages() {
    }

    /** Whether {@code tag} is a tag of a Prefect 2 image ({@link #TAG_2X}). */
    public static boolean isPrefect2Tag(String tag) {
        return tag != null && TAG_2X.matcher(tag).matches();
    }

    /** The version part of the tag ({@code 2.14.9}, {@code 2}), or empty for other images and floating tags. */
    public static Optional<String> version(String image) {
        if (image == null) {
            return Optional.empty();
        }
        Matcher m = IMAGE.matcher(image);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static boolean isPrefect2(String image) {
        return version(image).filter(v -> v.equals("2") || v.startsWith("2.")).isPresent();
    }

    /** Prefect 1 tags: {@code 1.4.1-python3.9}, Prefect Core's {@code 0.15.13}. */
    public static boolean isPrefect1(String image) {
        return version(image).filter(v -> v.equals("1") || v.startsWith("1.") || v.startsWith("0.")).isPresent();
    }

    /** The containers of Prefect 1's server: GraphQL and Towel ({@code prefecthq/server}), Apollo, and the UI. */
    private static final Pattern SERVER1 = Pattern.compile("(?:^|[\\s/\"'=])prefecthq/(server|apollo|ui)(?::|[\\s\"']|$)");

    /** A reference whose inline default is the image: {@code ${PREFECT_IMAGE:-ghcr.io/prefecthq/prefect:2-latest}}. */
    private static final Pattern INLINE_DEFAULT = Pattern.compile("^\\s*[\"']?\\$\\{[A-Za-z_][A-Za-z0-9_]*:?[-=]");

    /**
     * PF208 when the image pins Prefect 2, PF108 when it runs Prefect 1, PF114 for a Prefect 1 server container. An
     * image written as a reference's inline default is {@link PrefectVersionDefaults}' to report, at the default itself
     * (once, with or without a registry in front of the repository).
     */
    public static void check(String image, SourceRef where, String jobId, InventorySink sink) {
        if (image != null && INLINE_DEFAULT.matcher(image).find()) {
            return;
        }
        Matcher server1 = image == null ? null : SERVER1.matcher(image);
        if (server1 != null && server1.find()) {
            sink.finding(Findings.of("PF114", "image " + image.strip() + " is Prefect 1's server (" + server1.group(1)
                    + "); Prefect 3's server is `prefect server start` in a prefecthq/prefect:3 image", where, jobId));
        } else if (isPrefect1(image)) {
            sink.finding(Findings.of("PF108", "image " + image.strip() + " runs Prefect " + version(image).get()
                    + "; move it to a Prefect 3 image with the flows", where, jobId));
        } else if (isPrefect2(image)) {
            sink.finding(Findings.of("PF208", "image " + image.strip() + " runs Prefect " + version(image).get()
                    + "; move it to a Prefect 3 image once flows and settings are ready", where, jobId));
        }
    }
}
