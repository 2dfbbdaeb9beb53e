package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository files a GitLab pipeline pulls in with {@code include:}: {@code include: ci/templates.yml},
 * {@code include: [ci/a.yml]}, {@code include: - local: /.gitlab/ci/deploy.yml} or a plain item. GitLab reads a local
 * include from the repository's root (a leading {@code /} or none), and the files those include in turn. A remote
 * file, another project's, a template of GitLab's, a glob or a path made of variables is not in the tree and is not
 * read. The jobs of the included files are the pipeline's own (their templates are what {@code extends:} and
 * {@code !reference} name), merged under the main file's: a job of the main file wins over one of the same name.
 */
public final class GitlabIncludes {
    /** {@code include:} at the top level, with its value on the line if any (group 1). */
    private static final Pattern INCLUDE = Pattern.compile("^include[ \\t]*:[ \\t]*(.*?)[ \\t]*(?:#.*)?$");
    /** {@code - local: path}, {@code local: path} (also within an item), or a plain {@code - path} item: group 2 the path. */
    private static final Pattern ENTRY = Pattern.compile(
            "^[ \\t]*(?:-[ \\t]+)?(local[ \\t]*:[ \\t]*|(?=[\"']?[^\\s:\"'#]+[\"']?[ \\t]*(?:#.*)?$))[\"']?([^\\s\"'#]+)[\"']?[ \\t]*(?:#.*)?$");
    /** At most this many files, in all: a pipeline includes a handful; a loop ends. */
    private static final int MAX_FILES = 32;

    private GitlabIncludes() {
    }

    /** The repository paths a pipeline's text includes as local files, in order, as written (not followed). */
    public static List<String> locals(String text) {
        List<String> out = new ArrayList<>();
        eachInclude(text, (inline, index) -> {
            String v = inline.startsWith("[") && inline.endsWith("]") ? inline.substring(1, inline.length() - 1) : inline;
            if (v.startsWith("{")) {
                v = v.replaceAll("^\\{|}$", "").strip();
            }
            for (String part : v.split(",")) {
                Matcher e = ENTRY.matcher(part.strip());
                if (e.matches()) {
                    path(e.group(2)).ifPresent(out::add);
                }
            }
        }, (l, index) -> {
            Matcher e = ENTRY.matcher(l);
            // a plain item at the list's level, or local: of an item (not project:'s file: nor a rules: value)
            if (e.matches() && (!e.group(1).isEmpty() || l.strip().startsWith("-"))) {
                path(e.group(2)).ifPresent(out::add);
            }
        });
        return out;
    }

    /**
     * Walks a pipeline's {@code include:} keys: an inline value ({@code include: [a.yml, b.yml]}, {@code include: x.yml})
     * goes to {@code inline}, each line of a block value (items and their keys, up to the next top-level key, blank
     * and comment lines skipped) to {@code item}; both with the line's 0-based index.
     */
    private static void eachInclude(String text, java.util.function.ObjIntConsumer<String> inline,
            java.util.function.ObjIntConsumer<String> item) {
        if (!text.contains("include")) {
            return;
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher inc = INCLUDE.matcher(lines[i]);
            if (!inc.matches()) {
                continue;
            }
            if (!inc.group(1).isEmpty()) {
                inline.accept(inc.group(1), i);
                continue;
            }
            for (int j = i + 1; j < lines.length; j++) {
                String l = lines[j];
                if (l.isBlank() || l.strip().startsWith("#")) {
                    continue;
                }
                if (!l.startsWith(" ") && !l.startsWith("\t") && !l.startsWith("-")) {
                    break;
                }
                item.accept(l, j);
            }
        }
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
     * scan reads their lines and the rewrite edits their steps as a CI file's. A file several pipelines include is
     * read with the first of them by path; a template nothing includes is none.
     */
    public static Map<String, List<String>> includedTemplates(Map<String, String> pipelines, Function<String, String> files) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        new java.util.TreeMap<>(pipelines).forEach((path, text) -> {
            if (!GitlabPipelines.isPipeline(path)) {
                return;
            }
            Map<String, String> included = texts(path, text, files);
            included.keySet().stream().filter(p -> !GitlabPipelines.isPipeline(p) && !out.containsKey(p)).forEach(p -> {
                List<String> others = new ArrayList<>(List.of(text));
                included.forEach((o, t) -> {
                    if (!o.equals(p)) {
                        others.add(t);
                    }
                });
                out.put(p, others);
            });
        });
        return out;
    }

    /** {@code project: group/x}, {@code remote: URL}, {@code template: X.gitlab-ci.yml}, {@code component: host/x@1.0}. */
    private static final Pattern REMOTE_KEY = Pattern.compile(
            "(?:^|[\\s{,-])(project|remote|template|component)[ \\t]*:[ \\t]*[\"']?([^\\s\"',}\\]#]+)");
    /** A plain item or inline value that is a URL: GitLab reads it as {@code remote:}. */
    private static final Pattern URL = Pattern.compile("^[ \\t]*(?:-[ \\t]+)?[\"']?(https?://[^\\s\"'#]+)[\"']?[ \\t]*(?:#.*)?$");

    /**
     * An include of a file the repository does not hold: {@code kind} is {@code project}, {@code remote},
     * {@code template} or {@code component}, {@code value} as written, {@code line} 1-based.
     */
    public record RemoteInclude(String kind, String value, int line) {
    }

    /**
     * The includes of a pipeline's text that name no file of the repository (another project's, a URL, one of GitLab's
     * templates, a CI/CD component), in order: their jobs and templates are not in the tree, so nothing reads them.
     */
    public static List<RemoteInclude> remotes(String text) {
        List<RemoteInclude> out = new ArrayList<>();
        eachInclude(text, (inline, i) -> remotesOf(inline.startsWith("[") ? inline.substring(1).replaceAll("]$", "") : inline,
                i, out), (l, j) -> remotesOf(l, j, out));
        return out;
    }

    /** The remote includes of one line (a block item, or an inline list's items separated by commas). */
    private static void remotesOf(String written, int index, List<RemoteInclude> out) {
        // a comment is no include: YAML starts one at a # after a blank
        String line = written.replaceFirst("(^|[ \\t])#.*$", "");
        Matcher k = REMOTE_KEY.matcher(line);
        boolean keyed = false;
        while (k.find()) {
            keyed = true;
            out.add(new RemoteInclude(k.group(1), k.group(2), index + 1));
        }
        if (keyed || line.contains("{")) {
            return;
        }
        for (String part : line.split(",")) {
            Matcher u = URL.matcher(part);
            if (u.matches()) {
                out.add(new RemoteInclude("remote", u.group(1), index + 1));
            }
        }
    }

    /** A local include's repository path: none for a URL, a glob, a variable, or one that leaves the repository. */
    private static java.util.Optional<String> path(String written) {
        if (written.contains("://") || written.matches(".*[*?$\\[{].*") || !(written.endsWith(".yml") || written.endsWith(".yaml"))) {
            return java.util.Optional.empty();
        }
        return WorkingDirectory.normalize("", written.replaceFirst("^/+", "")).filter(p -> !p.isEmpty());
    }
}
