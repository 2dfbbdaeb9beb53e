package dev.migrate.recipes.prefectcli;

import java.util.List;
import java.util.Optional;

/**
 * The directory of the 2.x deployment files a {@code prefect deployment apply} names (shell words as the shell
 * reads them, quotes removed): the directory whose prefect.yaml holds their deployments once converted.
 */
final class DeploymentFileDirectory {
    private DeploymentFileDirectory() {
    }

    /**
     * The one directory all {@code files} are in: "" for the working directory ({@code x.yaml}, {@code ./x.yaml}),
     * empty when they are in several, or when the directory part is a glob, a command substitution or a variable (no
     * single prefect.yaml to name). A file named by a variable alone ({@code "$f"} of a {@code for f in
     * deployments/*.yaml} loop) may be in any directory: it is not the working directory's.
     */
    static Optional<String> of(List<String> files) {
        String found = null;
        for (String path : files) {
            while (path.startsWith("./")) {
                path = path.substring(2);
            }
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "" : slash == 0 ? "/" : path.substring(0, slash);
            if (dir.equals(".")) {
                dir = "";
            }
            if (dir.matches(".*[*?\\[`$].*") || slash < 0 && path.startsWith("$")) {
                return Optional.empty();
            }
            if (found != null && !found.equals(dir)) {
                return Optional.empty();
            }
            found = dir;
        }
        return Optional.ofNullable(found);
    }

    /** {@code dir/prefect.yaml}. */
    static String prefectYamlIn(String dir) {
        return (dir.equals("/") ? "" : dir) + "/prefect.yaml";
    }
}
