package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.PrefectImages;
import dev.migrate.recipes.PrefectTarget;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves {@code prefecthq/prefect} image references from 2.x (and Prefect 1) tags to a pinned 3.x tag, keeping the
 * registry prefix, the Python version and the flavour ({@code -kubernetes}, {@code -conda}). Floating
 * tags ({@code 2-latest}, {@code latest}) become pinned ones, because {@code latest} once held Prefect 1
 * and {@code 2-latest} stopped moving (change catalogue, section 4.5).
 */
public final class PrefectImageTags {
    /** A registry given by the environment in compose and shell files: {@code ${REGISTRY:-docker.io}}, {@code $REGISTRY}. */
    private static final String REGISTRY_VARIABLE = "\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}/]*)?\\}|\\$[A-Za-z_][A-Za-z0-9_]*";
    private static final Pattern IMAGE = Pattern.compile(
            "^(?<repo>(?:(?:[A-Za-z0-9.-]+(?::\\d+)?|" + REGISTRY_VARIABLE + ")/)?prefecthq/prefect)"
                    + "(?::(?<tag>[A-Za-z0-9_.-]+))?(?<digest>@sha256:[0-9a-f]+)?$");
    /** 2.x tags, as the scan reads them: {@code 2-latest}, {@code 2.14.9-python3.10-kubernetes}, {@code 2.14-python3.11}. */
    private static final Pattern TAG_2X = PrefectImages.TAG_2X;
    private static final Pattern LATEST_PYTHON = Pattern.compile("^latest-python(3\\.\\d+)$");
    /** Prefect 1 tags: {@code 1.4.1-python3.9}, {@code 1.2}, Prefect Core's {@code 0.15.13-python3.8}. */
    private static final Pattern TAG_1X = Pattern.compile("^[01](?:\\.\\d+){0,2}(?:-python(?<py>3\\.\\d+))?$");
    /** The Python of the {@code 3-latest} build, used when a 2.x tag named none. */
    private static final String DEFAULT_PYTHON = "3.12";
    private static final String TWO_LATEST_PYTHON = "3.10";

    public record Upgrade(String image, String note, boolean unsafe) {
    }

    private PrefectImageTags() {
    }

    /** True when the text is any {@code prefecthq/prefect} image reference. */
    public static boolean isPrefectImage(String text) {
        return text != null && IMAGE.matcher(text.trim()).matches();
    }

    /** A Prefect 3 release tag on a Python version with no flavour: {@code 3.8.3-python3.10}. */
    private static final Pattern TAG_3X_PLAIN = Pattern.compile("^3\\.\\d+\\.\\d+-python3\\.\\d+$");

    /**
     * The same image's {@code -kubernetes} flavour (the release and Python kept, prefect-kubernetes added), for a
     * Prefect 3 release image with no flavour ({@code prefecthq/prefect:3.8.3-python3.10}); empty for any other
     * reference (a 2.x tag, a floating or digest-pinned one, one with a flavour, another image).
     */
    public static Optional<String> kubernetesFlavour(String image) {
        Matcher m = IMAGE.matcher(image.trim());
        if (!m.matches() || m.group("digest") != null || m.group("tag") == null
                || !TAG_3X_PLAIN.matcher(m.group("tag")).matches()) {
            return Optional.empty();
        }
        return Optional.of(image.trim() + "-kubernetes");
    }

    public static Optional<Upgrade> upgrade(String image, PrefectTarget target) {
        Matcher m = IMAGE.matcher(image.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        String tag = m.group("tag");
        if (m.group("digest") != null) {
            return Optional.of(new Upgrade(image, "`" + image + "` is pinned by digest; pick the digest of a "
                    + target.pin() + " image by hand", true));
        }
        if (tag == null || tag.equals("latest")) {
            return Optional.of(new Upgrade(m.group("repo") + ":" + target.pin() + "-python" + DEFAULT_PYTHON,
                    "`" + image + "` floated; pinned to Prefect " + target.pin() + " on Python " + DEFAULT_PYTHON, true));
        }
        Matcher latest = LATEST_PYTHON.matcher(tag);
        if (latest.matches()) {
            // `latest-python3.8`, the Prefect 1 era's floating tag: it floats like `latest`, on its Python
            String python = PrefectTarget.comparePython(latest.group(1), target.pythonMin()) < 0
                    ? target.pythonMin() : latest.group(1);
            return Optional.of(new Upgrade(m.group("repo") + ":" + target.pin() + "-python" + python, "`" + image
                    + "` floated; pinned to Prefect " + target.pin() + " on Python " + python, true));
        }
        Matcher one = TAG_1X.matcher(tag);
        if (one.matches()) {
            // moved with the converted flows and commands (a 3.x worker command on a 1.x image cannot start)
            String python = one.group("py") == null ? DEFAULT_PYTHON : one.group("py");
            if (PrefectTarget.comparePython(python, target.pythonMin()) < 0) {
                python = target.pythonMin();
            }
            return Optional.of(new Upgrade(m.group("repo") + ":" + target.pin() + "-python" + python, "`" + image
                    + "` ran Prefect 1; moved to Prefect " + target.pin() + " on Python " + python
                    + " with the converted flows: check the image's other dependencies", true));
        }
        Matcher t = TAG_2X.matcher(tag);
        if (!t.matches()) {
            return Optional.empty();
        }
        String python = t.group("py");
        String note = null;
        boolean unsafe = false;
        if (python == null) {
            python = t.group("latest") != null ? TWO_LATEST_PYTHON : DEFAULT_PYTHON; // 2-latest-conda too
        }
        if (PrefectTarget.comparePython(python, target.pythonMin()) < 0) {
            note = "Prefect " + target.pin() + " images start at Python " + target.pythonMin() + "; moved from Python "
                    + python + ", so check the flow's dependencies";
            python = target.pythonMin();
            unsafe = true;
        }
        String flavor = t.group("flavor") == null ? "" : t.group("flavor");
        return Optional.of(new Upgrade(m.group("repo") + ":" + target.pin() + "-python" + python + flavor, note, unsafe));
    }
}
