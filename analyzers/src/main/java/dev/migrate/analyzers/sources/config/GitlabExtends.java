package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code before_script:} a GitLab CI job runs when it has none of its own but {@code extends:} templates that do
 * ({@code extends: .prefect_base}, a list {@code extends: [.auth, .deploy]}, templates that extend others): GitLab
 * merges the templates in order, a later one's key over an earlier one's and the job's own over all, so the
 * before_script is that of the last template in the list that has one, looked up through its own templates. A
 * before_script made of other jobs' lines ({@code - !reference [.setup, before_script]} items first, or a YAML alias
 * {@code before_script: *setup}) runs those lines first. The templates of the files the pipeline includes are
 * followed as its own ({@link GitlabIncludes}); YAML anchors stay within their file, as YAML reads them. Read from the
 * pipeline's {@link GitlabJobModel}, with its lines numbered as one array of every file's lines, one file after the
 * other.
 */
final class GitlabExtends {
    private final GitlabJobModel model;
    /** Where each file starts among the lines: the pipeline's own at 0, then each included file's. */
    private final int[] fileStarts;
    /** The name of each job, by the index of its key's line. */
    private final Map<Integer, String> names = new HashMap<>();

    /**
     * The jobs of {@code lines}, the pipeline's file and the files it includes ({@link GitlabIncludes}), one after
     * another, each starting at its {@code fileStarts} entry (the pipeline's own at 0): GitLab merges an included job
     * under the file's own of the same name, whose keys win (a key's list is replaced whole, not merged).
     */
    GitlabExtends(String[] lines, int[] fileStarts) {
        this.fileStarts = fileStarts;
        List<String> texts = new ArrayList<>();
        for (int f = 0; f < fileStarts.length; f++) {
            int end = f + 1 < fileStarts.length ? fileStarts[f + 1] : lines.length;
            texts.add(String.join("\n", java.util.Arrays.asList(lines).subList(fileStarts[f], end)));
        }
        this.model = new GitlabJobModel(texts);
        model.jobs().values().forEach(j -> names.put(index(j.place()), j.name()));
    }

    private int index(GitlabJobModel.Place p) {
        return fileStarts[p.file()] + p.line();
    }

    private GitlabJobModel.Place place(int index) {
        int file = 0;
        while (file + 1 < fileStarts.length && fileStarts[file + 1] <= index) {
            file++;
        }
        return new GitlabJobModel.Place(file, index - fileStarts[file]);
    }

    private List<Integer> indexes(List<GitlabJobModel.Item> items) {
        return GitlabJobModel.places(items).stream().map(this::index).toList();
    }

    /**
     * The lines of section {@code section} of the job named {@code name} (its own, else an included job's of that
     * name), with the references in them followed; empty when it has none.
     */
    Optional<List<Integer>> section(String name, String section) {
        GitlabJobModel.Job job = model.job(name);
        List<Integer> found = job == null ? List.of() : indexes(model.expanded(job.items(section)));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /**
     * The lines a job's own before_script is when it is a YAML alias ({@code before_script: *setup}), with the
     * references in them followed; empty otherwise (its {@code !reference} items are read where they stand).
     */
    Optional<List<Integer>> aliasedBefore(String name) {
        GitlabJobModel.Job job = model.job(name);
        if (job == null || !job.isAlias("before_script")) {
            return Optional.empty();
        }
        List<Integer> found = indexes(model.expanded(job.items("before_script")));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** Whether line {@code index} is a {@code - !reference [.job, section]} item of a job's section. */
    boolean isReference(int index) {
        return model.referenceAt(place(index)).isPresent();
    }

    /** {@code indexes} with each {@code !reference} item replaced by the lines it brings in, followed in turn. */
    List<Integer> expanded(List<Integer> indexes) {
        List<Integer> out = new ArrayList<>();
        for (int i : indexes) {
            GitlabJobModel.Place p = place(i);
            Optional<List<String>> ref = model.referenceAt(p);
            if (ref.isPresent()) {
                out.addAll(indexes(model.expanded(List.of(new GitlabJobModel.Item(p.file(), List.of(p.line()), ref.get())))));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    /** The top-level keys of the pipeline's own file (the first), in order. */
    List<GitlabCiFile.TopKey> ownKeys() {
        return model.files().get(0).keys();
    }

    /**
     * The lines of the default before_script, references followed: {@code default: before_script:} (the pipeline's
     * own, else an included file's), else the older top-level {@code before_script:} of the pipeline's own file; empty
     * when there is none.
     */
    Optional<List<Integer>> defaultBefore() {
        GitlabJobModel.Job d = model.job("default");
        List<GitlabJobModel.Item> items = d != null && d.has("before_script") ? d.items("before_script")
                : model.topLevelItems("before_script");
        List<Integer> found = indexes(model.expanded(items));
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    /** The name of the job whose key is on line {@code index}, or null. */
    String nameAt(int index) {
        return names.get(index);
    }

    /**
     * The lines of the before_script that the job named {@code name} takes from its templates, when it has none of its
     * own and one of them has; empty otherwise.
     */
    Optional<List<Integer>> inheritedBefore(String name) {
        GitlabJobModel.Job job = model.job(name);
        if (job == null || job.has("before_script")) {
            return Optional.empty();
        }
        return model.provider(name, "before_script").map(t -> indexes(t.items("before_script"))).filter(l -> !l.isEmpty());
    }

    /** Whether the job named {@code name} has a {@code section:} key of its own (a list, an alias, even an empty one). */
    boolean hasOwn(String name, String section) {
        GitlabJobModel.Job job = model.job(name);
        return job != null && job.has(section);
    }

    /**
     * Whether the job named {@code name} runs the default {@code before_script:} when it has none of its own or its
     * templates': not when its {@code inherit: default:} is false or lists other keywords only.
     */
    boolean inheritsDefaultBefore(String name) {
        return model.inheritsDefault(name, "before_script");
    }

    /**
     * The first job that runs, in the pipeline's order (its own file's, then each included file's), the {@code script:}
     * of the template named {@code template}: it has no script of its own and takes that one through its
     * {@code extends:} chain (GitLab merges the templates in order, the last one that has a script, looked up through
     * its own templates, wins: a list is replaced whole, never merged). Empty when no job runs it so.
     */
    Optional<String> firstRunnerOfScript(String template) {
        return names.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                // a hidden job (.name) runs nowhere itself: only the jobs that extend it do
                .filter(n -> !n.startsWith(".") && !hasOwn(n, "script"))
                .filter(n -> model.provider(n, "script").map(GitlabJobModel.Job::name).filter(template::equals).isPresent())
                .findFirst();
    }
}
