package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CFG005 once per GitLab pipeline file that includes files the repository does not hold ({@code project:},
 * {@code remote:}, {@code template:}, {@code component:}; {@link GitlabIncludes#remotes}). Their jobs and templates may
 * install or run Prefect 2, and neither the scan nor the rewrite sees them: without a word the inventory would look
 * complete when it is not.
 */
public final class GitlabRemoteIncludeDetector implements Detector {
    @Override
    public String name() {
        return "gitlab-remote-includes";
    }

    @Override
    public Prefilter prefilter() {
        return new Prefilter(List.of(), GitlabPipelines::isPipeline);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return GitlabPipelines.isPipeline(file.path()) && file.text().contains("include");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        List<GitlabIncludes.RemoteInclude> remotes = GitlabIncludes.remotes(file.text());
        if (remotes.isEmpty()) {
            return;
        }
        String named = remotes.stream().map(r -> r.kind() + " " + r.value()).distinct().collect(Collectors.joining(", "));
        boolean projects = remotes.stream().anyMatch(r -> r.kind().equals("project"));
        sink.finding(Findings.of("CFG005", "include: " + named + (remotes.size() == 1 ? " is" : " are")
                + " not read: the jobs and templates " + (remotes.size() == 1 ? "it brings" : "they bring")
                + " are neither scanned nor rewritten here; "
                + (projects ? "scan that project's repository too, or " : "")
                + "copy the file into this repository and include it with local: to have it read",
                SourceRef.at(file.path(), remotes.get(0).line(), 1), null));
    }
}
