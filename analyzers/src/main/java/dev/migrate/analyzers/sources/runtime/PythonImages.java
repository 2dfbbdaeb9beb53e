package dev.migrate.analyzers.sources.runtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * References to the official {@code python} images ({@code python:3.9-slim}, {@code docker.io/library/python:3.8},
 * {@code public.ecr.aws/docker/library/python:3.9.18-slim-bookworm@sha256:...}): which Python they hold, and the same
 * image on a newer Python with the tag's variant kept ({@code 3.9-slim-bookworm} becomes {@code 3.10-slim-bookworm}).
 * Tags without a minor version ({@code python:3}, {@code python:slim}, {@code latest}) float to the newest Python and
 * are not read; other repositories named python ({@code myorg/python}) are not the official images.
 */
public final class PythonImages {
    private static final Pattern IMAGE = Pattern.compile("^(?<repo>(?:(?:docker\\.io|index\\.docker\\.io|registry-1\\.docker\\.io)/"
            + "(?:library/)?|library/|mirror\\.gcr\\.io/library/|public\\.ecr\\.aws/docker/library/)?python)"
            + ":(?<tag>[A-Za-z0-9_.-]+)(?<digest>@sha256:[0-9a-f]+)?$");
    /** A tag's leading Python version ({@code 3.9}, {@code 3.9.18}, {@code 3.13.0rc2}) and the variant after it. */
    private static final Pattern TAG = Pattern.compile("^(?<version>\\d+\\.\\d+(?:\\.\\d+)?(?:(?:a|b|rc)\\d+)?)(?<variant>-[A-Za-z0-9._-]+)?$");

    private PythonImages() {
    }

    /**
     * An official Python image.
     *
     * @param repo    the repository as written ({@code python}, {@code docker.io/library/python})
     * @param version the Python version of the tag ({@code 3.9}, {@code 3.9.18})
     * @param variant what follows it ({@code -slim-bookworm}), or empty
     * @param digest  {@code @sha256:...} when pinned by digest, else null
     */
    public record PythonImage(String repo, String version, String variant, String digest) {
        /** {@code 3.9} for {@code 3.9.18}. */
        public String minor() {
            return PythonFloor.minorOf(version);
        }

        /** The same image on Python {@code floor}, the variant kept; a digest names one build and cannot be kept. */
        public String raisedTo(String floor) {
            return repo + ":" + floor + variant;
        }

        @Override
        public String toString() {
            return repo + ":" + version + variant + (digest == null ? "" : digest);
        }
    }

    /** The official Python image a reference names, if it is one with a versioned tag. */
    public static Optional<PythonImage> parse(String reference) {
        Matcher m = IMAGE.matcher(reference == null ? "" : reference.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Matcher t = TAG.matcher(m.group("tag"));
        if (!t.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PythonImage(m.group("repo"), t.group("version"),
                t.group("variant") == null ? "" : t.group("variant"), m.group("digest")));
    }

    /**
     * Where the Python version of the tag starts in the reference and where it ends ({@code [7, 10)} in
     * {@code python:3.9-slim}), or null when the reference is not an official Python image.
     */
    public static int[] versionSpan(String reference) {
        Matcher m = IMAGE.matcher(reference);
        if (!m.matches()) {
            return null;
        }
        Matcher t = TAG.matcher(m.group("tag"));
        return t.matches() ? new int[] {m.start("tag"), m.start("tag") + t.end("version")} : null;
    }
}
