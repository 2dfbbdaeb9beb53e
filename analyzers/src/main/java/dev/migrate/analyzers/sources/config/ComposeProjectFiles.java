package dev.migrate.analyzers.sources.config;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a docker compose project that decide what its {@code ${VAR}} interpolation reads, by name and text:
 * one definition for the scan's settings check and the rewrite's settings renames, which must agree on which keys
 * are compose variables.
 */
public final class ComposeProjectFiles {
    /** Compose files by name, as compose finds them ({@code docker-compose.yml}, {@code compose.override.yaml}). */
    public static final Pattern COMPOSE = Pattern.compile("(docker-)?compose[^/]*\\.ya?ml");
    /** Templates of a project's {@code .env}, committed where the real one is not. */
    public static final Pattern ENV_TEMPLATE =
            Pattern.compile("\\.env\\.(example|sample|template|tmpl|dist)|env\\.(example|sample)");
    /** A script line that runs compose. */
    public static final Pattern RUNS_COMPOSE = Pattern.compile("docker[ \\t]+compose\\b|docker-compose\\b");
    /** {@code --env-file FILE}: group 1 is the file compose reads its variables from. */
    public static final Pattern ENV_FILE_OPTION = Pattern.compile("--env-file[ \\t=]+[\"']?([^\\s\"';&|)]+)");

    /** A script's or env file's line that sets a Prefect setting ({@code export PREFECT_X=...}): group 1 is its name. */
    public static final Pattern PREFECT_ASSIGNMENT =
            Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+)?(PREFECT_[A-Z0-9_]+)[ \\t]*=");

    private ComposeProjectFiles() {
    }

    /**
     * The files that a script, Makefile, justfile, Jenkinsfile or CI pipeline running compose names with
     * {@code --env-file} ({@code docker compose --env-file .env.prod up}), as paths of the tree: compose reads them for
     * interpolation as it reads the project's {@code .env}. A path is read from the file's own directory, a CI
     * pipeline's from the repository root where its jobs start; one outside the tree is left out.
     */
    public static Set<String> envFileOptions(String path, String text) {
        if (!text.contains("--env-file") || !RUNS_COMPOSE.matcher(text).find()) {
            return Set.of();
        }
        String dir = PrefectCliLineDetector.isCiYaml(path) || !path.contains("/") ? ""
                : path.substring(0, path.lastIndexOf('/'));
        Set<String> out = new TreeSet<>();
        Matcher m = ENV_FILE_OPTION.matcher(text);
        while (m.find()) {
            if (!m.group(1).startsWith("/") && !m.group(1).contains("$")) {
                WorkingDirectory.normalize(dir, m.group(1)).ifPresent(out::add);
            }
        }
        return out;
    }
}
