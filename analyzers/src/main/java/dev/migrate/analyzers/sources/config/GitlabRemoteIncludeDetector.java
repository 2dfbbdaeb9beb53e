package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * CFG005 once per file of a GitLab pipeline that includes files the repository does not hold ({@code project:},
 * {@code remote:}, {@code template:}, {@code component:}; {@link GitlabIncludes#remotes}): the pipeline's own file,
 * and every local file it includes, directly or through other included files ({@code ci/deploy.yml}, whatever its
 * name), each at its first such include. Their jobs and templates may install or run Prefect 2, and neither the scan
 * nor the rewrite sees them: without a word the inventory would look complete when it is not. The included files
 * are known once every pipeline was seen, so the findings come at the end of the scan, in path order.
 */
public final class GitlabRemoteIncludeDetector implements Detector {
    /** The GitLab pipelines seen that include something, by path. */
    private final Map<String, String> pipelines = new ConcurrentHashMap<>();
    /** An included file no detector was handed ({@code ci/deploy.yml}), read when a pipeline names it. */
    private UnscannedTexts unscanned = new UnscannedTexts(null);

    @Override
    public String name() {
        return "gitlab-remote-includes";
    }

    @Override
    public Prefilter prefilter() {
        return new Prefilter(List.of(), GitlabPipelines::isPipeline);
    }

    @Override
    public void scanning(java.nio.file.Path base) {
        unscanned = new UnscannedTexts(base);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return GitlabPipelines.isPipeline(file.path()) && file.text().contains("include");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        pipelines.put(file.path(), file.text());
    }

    @Override
    public void finish(InventorySink sink) {
        // each file once, with the first pipeline (by path) that reaches it: a template two pipelines include, or one
        // that a loop of includes reaches again, is one place to fix
        Map<String, String> including = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        new TreeMap<>(pipelines).forEach((path, text) -> {
            texts.putIfAbsent(path, text);
            GitlabIncludes.texts(path, text, this::repositoryText).forEach((p, t) -> {
                if (texts.putIfAbsent(p, t) == null) {
                    including.put(p, path);
                }
            });
        });
        new TreeMap<>(texts).forEach((path, text) -> report(path, text, including.get(path), sink));
    }

    /** The text of a repository file a pipeline includes: a pipeline seen, else read from the tree. */
    private String repositoryText(String path) {
        String seen = pipelines.get(path);
        return seen != null ? seen : unscanned.apply(path);
    }

    /** CFG005 at the file's first remote include, naming each; {@code includedBy} the pipeline that includes it, or null. */
    private static void report(String path, String text, String includedBy, InventorySink sink) {
        List<GitlabIncludes.RemoteInclude> remotes = GitlabIncludes.remotes(text);
        if (remotes.isEmpty()) {
            return;
        }
        String named = remotes.stream().map(GitlabIncludes.RemoteInclude::named).distinct().collect(Collectors.joining(", "));
        boolean projects = remotes.stream().anyMatch(r -> r.kind().equals("project"));
        GitlabIncludes.RemoteInclude first = remotes.get(0);
        sink.finding(Findings.of("CFG005", "include: " + named + (remotes.size() == 1 ? " is" : " are")
                + " not read" + (includedBy == null ? "" : " (this file is included by " + includedBy + ")")
                + ": the jobs and templates " + (remotes.size() == 1 ? "it brings" : "they bring")
                + " are neither scanned nor rewritten here; "
                + (projects ? "scan that project's repository too, or " : "")
                + "copy the file into this repository and include it with local: to have it read",
                SourceRef.at(path, first.line(), first.column()), null));
    }
}
