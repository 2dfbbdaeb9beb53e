package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.ProjectPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entrypoint of a flow deployed from a git repository (2.x GitHub storage, now from_source's git source), which
 * from_source reads from the root of the clone. A rewrite of several repositories at once ({@code migrate rewrite
 * ~/src} holding {@code repo-a/} and {@code repo-b/}) sees their files under the project root, where
 * {@code repo-a/flows/etl.py} is {@code flows/etl.py} in the clone: the path is made relative to the deploying script's
 * repository, the nearest folder above it holding a {@code .git}, or, when no {@code .git} was read, the nearest folder
 * named after the repository the source clones ({@code https://github.com/acme/repo-a.git}).
 */
final class RepositoryEntrypoints {
    /** A git URL in the source's text: its last path segment is the repository's name. */
    private static final Pattern GIT_URL = Pattern.compile("(?:https?://|ssh://|git@)[^\\s\"')]+");

    private RepositoryEntrypoints() {
    }

    /**
     * The entrypoint relative to the repository's root, with how that root was found (for the note); empty when the
     * repository is the project root or is not known, or the flow's file is not in it.
     *
     * @param projectEntrypoint the entrypoint relative to the project root ({@code repo-a/flows/etl.py:etl})
     * @param source            from_source's source as written (a git URL in it names the repository)
     * @param script            the deploying script, relative to the project root
     */
    static Optional<String[]> of(String projectEntrypoint, String source, Path script, Optional<ProjectPaths> paths) {
        String scriptPath = script.toString().replace('\\', '/');
        Optional<String> withGit = paths.flatMap(p -> p.repositoryOf(scriptPath));
        if (withGit.isPresent()) {
            String root = withGit.get();
            return root.isEmpty() || !projectEntrypoint.startsWith(root + "/") ? Optional.empty()
                    : Optional.of(new String[] {projectEntrypoint.substring(root.length() + 1),
                            "the root of its repository, " + root + " (the folder holding .git)"});
        }
        Optional<String> name = repositoryName(source);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<String> dirs = new ArrayList<>(List.of(scriptPath.split("/")));
        dirs.remove(dirs.size() - 1);
        for (int i = dirs.size() - 1; i >= 0; i--) {
            if (dirs.get(i).equals(name.get())) {
                String root = String.join("/", dirs.subList(0, i + 1));
                return projectEntrypoint.startsWith(root + "/")
                        ? Optional.of(new String[] {projectEntrypoint.substring(root.length() + 1),
                                "the root of its repository, " + root + " (the folder named after the repository it clones)"})
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The name of the repository a git URL in {@code source} names ({@code repo-a} of {@code .../acme/repo-a.git}). */
    static Optional<String> repositoryName(String source) {
        Matcher m = source == null ? null : GIT_URL.matcher(source);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        String url = m.group().replaceAll("/+$", "");
        String last = url.substring(Math.max(url.lastIndexOf('/'), url.lastIndexOf(':')) + 1);
        last = last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
        return last.isEmpty() ? Optional.empty() : Optional.of(last);
    }
}
