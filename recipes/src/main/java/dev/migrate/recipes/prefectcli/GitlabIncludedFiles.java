package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.sources.config.GitlabIncludes;
import dev.migrate.analyzers.sources.config.GitlabJobVariables;
import dev.migrate.analyzers.sources.config.GitlabPipelines;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.SourceFile;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The run's YAML files that a GitLab pipeline of the run includes under names of their own ({@code ci/deploy.yml},
 * neither under {@code .gitlab/} nor {@code *.gitlab-ci.yml}): their jobs run as the pipeline's, so their steps are
 * rewritten as a CI file's. Which files those are is the scan's own reading ({@link GitlabIncludes#includedTemplates}),
 * over the run's sources, so the scan reports what the rewrite edits. A file no pipeline includes is none.
 *
 * <p>One index per run, kept in the execution context: the scanning phase offers every file, and the editing phase
 * asks, once all were seen.
 */
final class GitlabIncludedFiles {
    private static final String CONTEXT_KEY = "dev.migrate.recipes.prefectcli.GitlabIncludedFiles";

    /** The run's YAML sources by path, any of which a pipeline may include: printed only if one does. */
    private final Map<String, Yaml.Documents> yamlSources = new ConcurrentHashMap<>();
    /** The GitLab pipelines of the run that include local files, with their texts. */
    private final Map<String, String> including = new ConcurrentHashMap<>();
    /** The included files, whatever their names, read once when first asked (all the run's sources were seen by then). */
    private Map<String, List<String>> included;

    private GitlabIncludedFiles() {
    }

    /** The run's index, made on first use. */
    static GitlabIncludedFiles in(ExecutionContext ctx) {
        return ctx.computeMessageIfAbsent(CONTEXT_KEY, k -> new GitlabIncludedFiles());
    }

    /** Records one source of the run (a repeated offer, by several recipes, records the same). */
    void scan(SourceFile source) {
        if (!(source instanceof Yaml.Documents docs)) {
            return;
        }
        String path = path(source.getSourcePath());
        if (yamlSources.put(path, docs) == null && GitlabPipelines.isPipeline(path)) {
            String text = docs.printAll();
            if (!GitlabIncludes.locals(text).isEmpty()) {
                including.put(path, text);
            }
        }
    }

    /** Whether a pipeline of the run includes the file, under a name that is not a pipeline's. */
    synchronized boolean isIncluded(Path sourcePath) {
        return includes(sourcePath) && !GitlabPipelines.isPipeline(path(sourcePath));
    }

    /** Whether a pipeline of the run includes the file, whatever its name ({@code .gitlab/ci/deploy.yml} too). */
    synchronized boolean includes(Path sourcePath) {
        if (included == null) {
            included = including.isEmpty() ? Map.of() : GitlabIncludes.includedFiles(including, this::text);
        }
        return included.containsKey(path(sourcePath));
    }

    /**
     * The variables each job runs the lines of a GitLab file of the run with ({@link GitlabJobVariables}): a file a
     * pipeline includes, read with that pipeline's files, or a pipeline with those it includes; empty for another file.
     */
    synchronized Optional<GitlabJobVariables> jobVariables(Path sourcePath, String text) {
        String path = path(sourcePath);
        if (includes(sourcePath)) {
            return Optional.of(GitlabJobVariables.ofIncluded(path, text, included.get(path)));
        }
        return GitlabPipelines.isPipeline(path) ? Optional.of(GitlabJobVariables.ofPipeline(path, text, this::text))
                : Optional.empty();
    }

    /**
     * The run's GitLab pipelines that include local files, with their texts: a file one of them includes runs its
     * commands in that pipeline's jobs ({@link dev.migrate.analyzers.sources.config.CommandDirectory#ofPipelines}).
     */
    Map<String, String> includingPipelines() {
        return Map.copyOf(including);
    }

    /** The printed text of a YAML source of the run, or null. */
    String text(String p) {
        Yaml.Documents docs = yamlSources.get(p);
        return docs == null ? null : docs.printAll();
    }

    private static String path(Path p) {
        return p.normalize().toString().replace('\\', '/');
    }
}
