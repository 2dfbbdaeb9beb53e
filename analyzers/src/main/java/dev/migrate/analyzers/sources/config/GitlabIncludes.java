package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The repository files a GitLab pipeline pulls in with {@code include:}: {@code include: ci/templates.yml},
 * {@code include: [ci/a.yml]}, {@code include: - local: /.gitlab/ci/deploy.yml} or a plain item. GitLab reads a local
 * include from the repository's root (a leading {@code /} or none), and the files those include in turn. A remote
 * file, another project's, a template of GitLab's, a glob or a path made of variables is not in the tree and is not
 * read. The jobs of the included files are the pipeline's own (their templates are what {@code extends:} and
 * {@code !reference} name), merged under the main file's: a job of the main file wins over one of the same name.
 */
public final class GitlabIncludes {
    /** At most this many files, in all: a pipeline includes a handful; a loop ends. */
    private static final int MAX_FILES = 32;

    private GitlabIncludes() {
    }

    /**
     * The repository paths a pipeline's text includes as local files, in order, as written (not followed): a string
     * item that is no URL, and a {@code local:} item's path ({@link GitlabIncludeItems}); never a {@code project:}
     * item's {@code file:}, which is that project's.
     */
    public static List<String> locals(String text) {
        List<String> out = new ArrayList<>();
        for (GitlabIncludeItems.Item item : GitlabIncludeItems.of(text)) {
            GitlabIncludeItems.Value local = item.plain() != null ? item.plain() : item.first("local");
            if (local != null && (item.plain() == null || !isUrl(local.text()))) {
                path(local.text()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The texts of the local files the pipeline at {@code path} includes, directly or through included files, by path
     * in the order GitLab reads them; {@code files} gives a repository path's text, or null.
     */
    public static Map<String, String> texts(String path, String text, Function<String, String> files) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>(Set.of(path));
        collect(text, files, seen, out);
        return out;
    }

    private static void collect(String text, Function<String, String> files, Set<String> seen, Map<String, String> out) {
        for (String p : locals(text)) {
            if (seen.size() >= MAX_FILES || !seen.add(p)) {
                continue;
            }
            String included = files.apply(p);
            if (included != null) {
                out.put(p, included);
                collect(included, files, seen, out);
            }
        }
    }

    /**
     * A file whose lines a pipeline runs as commands: the pipeline's own file, or a local file it includes, whose jobs
     * and templates are the pipeline's (a job's {@code extends:} or {@code !reference} brings their lines in).
     */
    public record CommandFile(String path, String text, boolean included) {
    }

    /**
     * The files whose lines the file at {@code path} runs as commands, its own first: for a GitLab pipeline, then the
     * local files it includes ({@link #texts}), each read as the pipeline's own file; for any other file, itself
     * alone. A template file nothing includes, another project's file and a remote one are none of them: the tree
     * holds no text of the last two, and the first runs in no pipeline. The one way every reader of a pipeline's
     * commands ({@link ComposeCommands}) gets them.
     */
    public static List<CommandFile> commandFiles(String path, String text, Function<String, String> files) {
        List<CommandFile> out = new ArrayList<>(List.of(new CommandFile(path, text, false)));
        if (files != null && GitlabPipelines.isPipeline(path)) {
            texts(path, text, files).forEach((p, t) -> out.add(new CommandFile(p, t, true)));
        }
        return out;
    }

    /**
     * The local files the GitLab pipelines {@code pipelines} (texts by path) include, directly or not, under names that
     * are not a pipeline's ({@code ci/deploy.yml}: neither under {@code .gitlab/} nor {@code *.gitlab-ci.yml}, whose
     * files are read as pipelines already), in path order, each with the texts of its pipeline's other files (the
     * pipeline's own first), whose templates its jobs may extend or reference. Their jobs run as the pipeline's: the
     * scan reads their lines and the rewrite edits their steps as a CI file's. A template nothing includes is none.
     */
    public static Map<String, List<String>> includedTemplates(Map<String, String> pipelines, Function<String, String> files) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        includedFiles(pipelines, files).forEach((p, others) -> {
            if (!GitlabPipelines.isPipeline(p)) {
                out.put(p, others);
            }
        });
        return out;
    }

    /**
     * Every local file the GitLab pipelines {@code pipelines} include, directly or not, whatever its name (a
     * {@code .gitlab/ci/deploy.yml} too), by path, each with the texts of its pipeline's other files (the pipeline's
     * own first): such a file's jobs run in that pipeline, with its variables and where its jobs leave the directory,
     * so it is read through it, never on its own. A file several pipelines include runs in each of them: its list is
     * that of the first of them by path that no other pipeline includes (the top of the chain), else the first by
     * path, and {@link PipelineTexts#all} holds every such pipeline's, so that its variables are read with each.
     */
    public static Map<String, List<String>> includedFiles(Map<String, String> pipelines, Function<String, String> files) {
        Map<String, Map<String, String>> includes = new java.util.TreeMap<>();
        Set<String> includedByOne = new java.util.HashSet<>();
        new java.util.TreeMap<>(pipelines).forEach((path, text) -> {
            if (GitlabPipelines.isPipeline(path)) {
                Map<String, String> included = texts(path, text, files);
                includes.put(path, included);
                includedByOne.addAll(included.keySet());
            }
        });
        List<String> order = new ArrayList<>();
        includes.keySet().stream().filter(p -> !includedByOne.contains(p)).forEach(order::add);
        includes.keySet().stream().filter(includedByOne::contains).forEach(order::add);
        Map<String, List<List<String>>> readings = new java.util.TreeMap<>();
        Map<String, List<List<String>>> readingPaths = new java.util.TreeMap<>();
        for (String path : order) {
            Map<String, String> included = includes.get(path);
            boolean top = !includedByOne.contains(path);
            included.keySet().stream().filter(p -> !p.equals(path)).forEach(p -> {
                List<List<String>> each = readings.computeIfAbsent(p, k -> new ArrayList<>());
                // the pipelines at the top of a chain each run it; a file included by one that another includes, once
                if (each.isEmpty() || top) {
                    List<String> others = new ArrayList<>(List.of(pipelines.get(path)));
                    List<String> paths = new ArrayList<>(List.of(path));
                    included.forEach((o, t) -> {
                        if (!o.equals(p)) {
                            others.add(t);
                            paths.add(o);
                        }
                    });
                    each.add(others);
                    readingPaths.computeIfAbsent(p, k -> new ArrayList<>()).add(paths);
                }
            });
        }
        Map<String, List<String>> out = new java.util.TreeMap<>();
        readings.forEach((p, each) -> out.put(p, new PipelineTexts(each, readingPaths.get(p))));
        return out;
    }

    /**
     * The GitLab pipelines of {@code pipelines} (texts by path) that run on their own, each with its files by path:
     * its own first, then the local files it includes, directly or not, in the order GitLab reads them. A pipeline
     * file another one includes ({@code .gitlab/ci/deploy.yml}) runs as part of that one, not as a pipeline of its
     * own; one nothing includes is one. In path order.
     */
    public static Map<String, Map<String, String>> pipelines(Map<String, String> pipelines, Function<String, String> files) {
        Map<String, Map<String, String>> all = new java.util.TreeMap<>();
        Set<String> included = new java.util.HashSet<>();
        new java.util.TreeMap<>(pipelines).forEach((path, text) -> {
            if (GitlabPipelines.isPipeline(path)) {
                Map<String, String> own = new LinkedHashMap<>();
                own.put(path, text);
                Map<String, String> more = texts(path, text, files);
                more.forEach(own::putIfAbsent);
                included.addAll(more.keySet());
                all.put(path, own);
            }
        });
        Map<String, Map<String, String>> out = new java.util.TreeMap<>(all);
        out.keySet().removeIf(included::contains);
        // pipelines that only include each other (a loop): each read as its own, rather than by none
        Set<String> covered = new java.util.HashSet<>();
        out.values().forEach(f -> covered.addAll(f.keySet()));
        all.forEach((path, own) -> {
            if (!covered.contains(path)) {
                out.put(path, own);
                covered.addAll(own.keySet());
            }
        });
        return out;
    }

    /**
     * The texts of the files of the pipeline a file is read with (its own first), as a list; {@link #all} also holds
     * those of every other pipeline that includes the file, the first being this one.
     */
    public static final class PipelineTexts extends java.util.AbstractList<String> {
        private final List<List<String>> all;
        private final List<List<String>> paths;

        PipelineTexts(List<List<String>> all, List<List<String>> paths) {
            this.all = List.copyOf(all);
            this.paths = List.copyOf(paths);
        }

        /** The paths of the files of the {@code index}th pipeline of {@link #all}, in the order of its texts. */
        public List<String> paths(int index) {
            return paths.get(index);
        }

        /** Each including pipeline's files' texts, its own first; the first is the list itself. */
        public List<List<String>> all() {
            return all;
        }

        @Override
        public String get(int index) {
            return all.get(0).get(index);
        }

        @Override
        public int size() {
            return all.get(0).size();
        }
    }

    /**
     * For a local file the repository's own pipeline ({@code .gitlab-ci.yml} at the root, GitLab's default) includes,
     * directly or not, whatever its name, the texts of that pipeline's other files, its own first
     * ({@link #includedFiles}): its jobs run there, so it is read through that pipeline; null for another file.
     * {@code files} gives a repository path's text, or null.
     */
    public static List<String> rootPipelineOf(String path, Function<String, String> files) {
        if (files == null || !path.endsWith(".yml") && !path.endsWith(".yaml") || path.equals(".gitlab-ci.yml")
                || path.equals(".gitlab-ci.yaml")) {
            return null;
        }
        for (String root : List.of(".gitlab-ci.yml", ".gitlab-ci.yaml")) {
            String text = files.apply(root);
            if (text != null) {
                return locals(text).isEmpty() ? null : includedFiles(Map.of(root, text), files).get(path);
            }
        }
        return null;
    }

    /** The keys of an include of a file the repository does not hold, in the order they are named. */
    private static final List<String> REMOTE_KINDS = List.of("project", "remote", "template", "component");

    /**
     * An include of a file the repository does not hold: {@code kind} is {@code project}, {@code remote},
     * {@code template} or {@code component}, {@code value} as written, {@code line} and {@code column} 1-based where
     * the include is written; for a {@code project:}, the files it takes from that project ({@code file:}, one or a
     * list) and the {@code ref:} it reads them at (null when none is given: the project's default branch).
     */
    public record RemoteInclude(String kind, String value, int line, int column, List<String> files, String ref) {
        /** How the finding names it: {@code project group/x (files a.yml and b.yml, ref v1.2)}, {@code remote URL}. */
        public String named() {
            List<String> about = new ArrayList<>();
            if (!files.isEmpty()) {
                about.add((files.size() == 1 ? "file " : "files ") + (files.size() == 1 ? files.get(0)
                        : String.join(", ", files.subList(0, files.size() - 1)) + " and " + files.get(files.size() - 1)));
            }
            if (ref != null) {
                about.add("ref " + ref);
            }
            return kind + " " + value + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
        }
    }

    /**
     * The includes of a pipeline's text that name no file of the repository (another project's, a URL, one of GitLab's
     * templates, a CI/CD component), in order: their jobs and templates are not in the tree, so nothing reads them.
     */
    public static List<RemoteInclude> remotes(String text) {
        List<RemoteInclude> out = new ArrayList<>();
        for (GitlabIncludeItems.Item item : GitlabIncludeItems.of(text)) {
            if (item.plain() != null) {
                if (isUrl(item.plain().text())) {
                    // GitLab reads a string that is a URL as remote:
                    out.add(new RemoteInclude("remote", item.plain().text(), item.line(), item.column(), List.of(), null));
                }
                continue;
            }
            for (String kind : REMOTE_KINDS) {
                GitlabIncludeItems.Value v = item.first(kind);
                if (v == null || v.text().isEmpty()) {
                    continue;
                }
                List<String> files = kind.equals("project")
                        ? item.keys().getOrDefault("file", List.of()).stream().map(GitlabIncludeItems.Value::text).toList()
                        : List.of();
                GitlabIncludeItems.Value ref = kind.equals("project") ? item.first("ref") : null;
                out.add(new RemoteInclude(kind, v.text(), item.line(), item.column(), files, ref == null ? null : ref.text()));
            }
        }
        return out;
    }

    private static boolean isUrl(String written) {
        return written.startsWith("https://") || written.startsWith("http://");
    }

    /** A local include's repository path: none for a URL, a glob, a variable, or one that leaves the repository. */
    private static java.util.Optional<String> path(String written) {
        if (written.contains("://") || written.matches(".*[*?$\\[{].*") || !(written.endsWith(".yml") || written.endsWith(".yaml"))) {
            return java.util.Optional.empty();
        }
        return WorkingDirectory.normalize("", written.replaceFirst("^/+", "")).filter(p -> !p.isEmpty());
    }
}
