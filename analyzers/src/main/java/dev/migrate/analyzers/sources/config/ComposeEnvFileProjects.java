package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The env files a file's {@code docker compose --env-file X} (or {@code docker-compose --env-file X},
 * {@code --env-file=X}) commands give compose for the {@code ${VAR}} interpolation of each compose project: a shell
 * script's, a Makefile's, a Jenkinsfile's, and a CI pipeline's steps (a GitLab job's {@code script:} and
 * {@code before_script:}, whether its own or a template's it extends, a GitHub Actions step's {@code run:}, a GitLab
 * pipeline's included files). Compose reads each path from the directory the command runs in ({@link ComposeCommands}:
 * a CI job's is the repository root unless its script {@code cd}s or its step has a {@code working-directory:}), and
 * the project is that of the compose files the same command names with {@code -f}, else of that directory. Several
 * {@code --env-file} options are read in order, a later file's value over an earlier one's. The one reading of both
 * the scan's compose variables and the rewrite's settings renames, so the two agree on which keys are compose
 * variables.
 */
public final class ComposeEnvFileProjects {
    private ComposeEnvFileProjects() {
    }

    /**
     * Per compose project directory ("" the root), the env files the commands of the file at {@code path} give it
     * with {@code --env-file}, as tree paths in the order compose reads them (the last one wins); {@code files} gives
     * the texts of other repository files (a GitLab pipeline's included files), or is null when none are read.
     */
    public static Map<String, List<String>> of(String path, String text, Function<String, String> files) {
        if (!ComposeCommands.mention(path, text, files, "--env-file")) {
            return Map.of();
        }
        return projects(ComposeCommands.of(path, text, files));
    }

    /** Per compose project directory, the env files {@code commands} give it, in the order compose reads them. */
    private static Map<String, List<String>> projects(List<ComposeCommands.Command> commands) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (ComposeCommands.Command c : commands) {
            if (c.envFiles().isEmpty()) {
                continue;
            }
            Set<String> projects = new LinkedHashSet<>();
            c.composeFiles().forEach(f -> projects.add(f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : ""));
            if (projects.isEmpty()) {
                projects.add(c.directory());
            }
            for (String project : projects) {
                out.computeIfAbsent(project, p -> new LinkedHashSet<>()).addAll(c.envFiles());
            }
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        out.forEach((project, envs) -> lists.put(project, new ArrayList<>(envs)));
        return lists;
    }

    /**
     * As {@link #of}, for the GitLab pipelines {@code pipelines} (texts by path) together: each pipeline that runs on
     * its own read with the local files it includes ({@link GitlabIncludes#pipelines}), so that a file several
     * pipelines include is read with each of them (its jobs start where each one's templates leave them), and a
     * pipeline file another one includes ({@code .gitlab/ci/deploy.yml}) only inside it, never on its own from the
     * root. {@code files} gives the texts of other repository files, or null for one not known. The projects of all
     * of them, each project's env files in the order first given.
     */
    public static Map<String, List<String>> ofGitlabPipelines(Map<String, String> pipelines, Function<String, String> files) {
        Function<String, String> texts = p -> pipelines.containsKey(p) ? pipelines.get(p) : files == null ? null : files.apply(p);
        boolean mentioned = pipelines.keySet().stream().anyMatch(p -> ComposeCommands.mention(p, pipelines.get(p), texts,
                "--env-file"));
        return mentioned ? projects(ComposeCommands.ofGitlabPipelines(pipelines, files)) : Map.of();
    }
}
