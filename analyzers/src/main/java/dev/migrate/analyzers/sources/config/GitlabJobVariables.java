package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * The variables each GitLab job runs with, for the lines of one file of its pipeline. GitLab deep-merges
 * {@code variables:} through {@code extends:}: the pipeline's top-level {@code variables:} first, then each template
 * in {@code extends:} order (a later one wins per key, each with its own templates under it), then the job's own. A
 * hidden template's {@code script:} runs in every job that takes it through its {@code extends:} chain, with that
 * job's variables, not the template's: {@code deploy:prod} that extends {@code .deploy} and sets
 * {@code DEPLOYMENT: nightly} runs the template's {@code prefect deployment run "etl/$DEPLOYMENT"} with nightly.
 * A line several jobs run is read with a value only where they all agree; where they differ the name is set but not
 * known (the reading differs per job), so neither the scan nor the rewrite takes one job's value for the others'.
 * A line no job runs (a template nothing extends) is read with the variables its own job would have. What
 * {@code rules:} and {@code workflow: rules:} set counts too ({@link GitlabRuleVariables}): a value where every rule
 * that may let the job run agrees, else set but not known.
 */
public class GitlabJobVariables {
    private final GitlabJobModel model;
    /** The file whose lines are asked about. */
    private final int read;
    /** For each line of that file (0-based), the job and section it is in; null outside any. */
    private final String[] jobOf;
    private final String[] sectionOf;
    /** The jobs that run each line of a section (their own, a template's, the default's, or through a !reference). */
    private Map<GitlabJobModel.Place, Set<String>> runners;
    private final Map<Integer, List<LiteralVariables.Assignment>> cache = new HashMap<>();
    /** The repository path of each file of the model, in its order; null where it is not known. */
    private final List<String> paths;

    private GitlabJobVariables(List<String> texts, int read, List<String> paths) {
        this.model = new GitlabJobModel(texts);
        this.read = read;
        this.paths = paths;
        GitlabCiFile file = model.files().get(read);
        this.jobOf = new String[file.lines().length];
        this.sectionOf = new String[file.lines().length];
        for (GitlabCiFile.TopKey k : file.keys()) {
            for (int i = k.line(); i <= k.lastLine() && i < jobOf.length; i++) {
                jobOf[i] = k.name();
                sectionOf[i] = null;
            }
            if (k.value() instanceof org.yaml.snakeyaml.nodes.MappingNode m && !k.name().equals("variables")
                    && !GitlabCiFile.isAlias(k.key(), k.value())) {
                for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode key) {
                        int from = key.getStartMark().getLine();
                        for (int i = from; i <= GitlabCiFile.lastLine(t.getValueNode(), from) && i < jobOf.length; i++) {
                            sectionOf[i] = key.getValue();
                        }
                    }
                }
            }
        }
    }

    /**
     * The variables of the jobs of the pipeline at {@code path} ({@code text}), with the local files it includes
     * ({@link GitlabIncludes#texts}), for its own lines; {@code files} gives a repository path's text, or null.
     */
    public static GitlabJobVariables ofPipeline(String path, String text, Function<String, String> files) {
        List<String> texts = new ArrayList<>(List.of(text));
        List<String> paths = new ArrayList<>(List.of(path));
        if (files != null) {
            GitlabIncludes.texts(path, text, files).forEach((p, t) -> {
                paths.add(p);
                texts.add(t);
            });
        }
        return new GitlabJobVariables(texts, 0, paths);
    }

    /**
     * The variables of the jobs of a pipeline, for the lines of a file it includes ({@code text}); {@code pipeline} the
     * texts of the pipeline's other files, its own first ({@link GitlabIncludes#includedTemplates}).
     */
    public static GitlabJobVariables ofIncluded(String text, List<String> pipeline) {
        return ofIncluded(null, text, pipeline);
    }

    /**
     * As {@link #ofIncluded(String, List)} for the file at {@code path} (null when not known), whose notes name the
     * pipeline's files where {@code pipeline} knows their paths ({@link GitlabIncludes.PipelineTexts#paths}).
     */
    public static GitlabJobVariables ofIncluded(String path, String text, List<String> pipeline) {
        if (pipeline instanceof GitlabIncludes.PipelineTexts several && several.all().size() > 1) {
            List<GitlabJobVariables> each = new ArrayList<>();
            for (int i = 0; i < several.all().size(); i++) {
                each.add(one(path, text, several.all().get(i), several.paths(i)));
            }
            return new Several(each);
        }
        return one(path, text, pipeline, pipeline instanceof GitlabIncludes.PipelineTexts p ? p.paths(0) : List.of());
    }

    /** One pipeline's reading of an included file: {@code others} its other files' texts, {@code paths} their paths. */
    private static GitlabJobVariables one(String path, String text, List<String> others, List<String> otherPaths) {
        List<String> texts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        texts.add(others.isEmpty() ? "" : others.get(0));
        paths.add(otherPaths.isEmpty() ? null : otherPaths.get(0));
        texts.add(text);
        paths.add(path);
        for (int i = 1; i < others.size(); i++) {
            texts.add(others.get(i));
            paths.add(i < otherPaths.size() ? otherPaths.get(i) : null);
        }
        return new GitlabJobVariables(texts, 1, paths);
    }

    /**
     * The variables of the jobs of each pipeline that includes a file ({@code text}), for its lines, one reading per
     * pipeline: {@code pipelines} the texts of each such pipeline's other files, its own first
     * ({@link GitlabIncludes.PipelineTexts#all}). A line is read as the jobs of every pipeline run it: a value where
     * they all agree, else set but not known.
     */
    public static GitlabJobVariables ofIncluded(String text, Collection<List<String>> pipelines) {
        List<GitlabJobVariables> each = pipelines.stream().map(p -> one(null, text, List.copyOf(p), List.of())).toList();
        return each.size() == 1 ? each.get(0) : new Several(each);
    }

    /**
     * The assignments in effect on line {@code number} (1-based) of the file read, for {@link LiteralVariables#known}
     * and the others, asked at any offset: one per name, with the value every job that runs the line gives it, or none
     * where they differ or one of them does not set it.
     */
    public List<LiteralVariables.Assignment> at(int number) {
        int line = number - 1;
        if (line < 0 || line >= jobOf.length) {
            return resolved(null);
        }
        return cache.computeIfAbsent(line, this::compute);
    }

    private List<LiteralVariables.Assignment> compute(int line) {
        Map<String, List<LiteralVariables.Assignment>> each = jobsAt(line + 1);
        if (each.isEmpty()) {
            // no job runs it (a template nothing extends, the variables themselves): its own job's reading
            String job = jobOf[line];
            return resolved(job == null || GitlabJobModel.KEYWORDS.contains(job) ? null : job);
        }
        return agreed(each);
    }

    /**
     * The assignments of the job named {@code job} (null: the pipeline's variables alone), values reading others
     * expanded.
     */
    private List<LiteralVariables.Assignment> resolved(String job) {
        Map<String, GitlabJobModel.Variable> all = job == null ? model.pipelineVariables() : model.variablesOf(job);
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        Map<Integer, String> written = new HashMap<>();
        for (GitlabJobModel.Variable e : all.values()) {
            int key = out.size(); // an entry's own key: two may stand on one line ({A: x, B: y})
            String value = null;
            if (e.written() != null) {
                Matcher literal = LiteralVariables.CI_LITERAL.matcher(e.written());
                value = literal.matches() ? LiteralVariables.unquote(literal.group(1)) : null;
                written.put(key, e.written());
            }
            // rules that disagree: no value, and an origin that says which rule gives which
            String origin = e.ruled().isEmpty() ? null
                    : OutsideValues.perRule(e.name(), e.ruled().stream().map(g -> given(e.name(), g)).toList());
            out.add(new LiteralVariables.Assignment(e.name(), value, key, 0, Integer.MAX_VALUE, origin));
        }
        // offsets are keys here, not places: every assignment holds for the whole line
        return GitlabVariables.expand(out, written).stream().map(a -> new LiteralVariables.Assignment(a.name(), a.value(),
                0, 0, Integer.MAX_VALUE, a.origin())).toList();
    }

    /**
     * What one rule gives {@code name}, for a note: "{@code kubernetes-job/prod where the rule at .gitlab-ci.yml:7
     * matches}", with where a value it keeps from before the rules is set; a secret's value never shown.
     */
    private String given(String name, GitlabRuleVariables.Given g) {
        String value;
        if (g.written() == null) {
            value = g.set() == null ? "unset" : "a value it cannot read";
        } else {
            Matcher literal = LiteralVariables.CI_LITERAL.matcher(g.written());
            String word = literal.matches() ? LiteralVariables.unquote(literal.group(1)) : g.written().strip();
            value = Redactor.redactValue(name, word);
        }
        String kept = g.byRule() || g.set() == null ? "" : " (set at " + where(g.set()) + ")";
        return value + kept + " where the rule at " + where(g.rule()) + " matches";
    }

    /** A line of one of the model's files as "{@code path:line}" (1-based), the file named by its place where not known. */
    private String where(GitlabJobModel.Place p) {
        String path = p.file() < paths.size() ? paths.get(p.file()) : null;
        return (path != null ? path : p.file() == read ? "this file" : "an included file") + ":" + (p.line() + 1);
    }

    /**
     * One reading for a line several jobs run: a value (or an origin) where they all agree; else set but unknown, its
     * origin saying which job gives which value ({@link OutsideValues#perJob}; a value never shown if it is a secret).
     */
    private static List<LiteralVariables.Assignment> agreed(Map<String, List<LiteralVariables.Assignment>> each) {
        Set<String> names = new LinkedHashSet<>();
        each.values().forEach(list -> list.forEach(a -> names.add(a.name())));
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        for (String name : names) {
            LiteralVariables.Assignment first = null;
            boolean differ = false;
            for (List<LiteralVariables.Assignment> list : each.values()) {
                LiteralVariables.Assignment a = list.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (a == null || first != null && (!java.util.Objects.equals(first.value(), a.value())
                        || !java.util.Objects.equals(first.origin(), a.origin()))) {
                    differ = true; // different values, or one job sets it and another takes it from the settings
                } else if (first == null) {
                    first = a;
                }
            }
            out.add(differ ? new LiteralVariables.Assignment(name, null, 0, 0, Integer.MAX_VALUE,
                    OutsideValues.perJob(name, each.entrySet().stream().map(e -> e.getKey() + " "
                            + Optional.ofNullable(LiteralVariables.known(e.getValue()).get(name)).orElse("no value it can read"))
                            .toList())) : first);
        }
        return out;
    }

    /**
     * The jobs that run line {@code number} (1-based) of the file read, by name in order, each with the assignments it
     * runs the line with: a reader that must be right for every job (the rewrite of a template line) reads it once per
     * job. Empty when no job runs it.
     */
    public Map<String, List<LiteralVariables.Assignment>> jobsAt(int number) {
        int line = number - 1;
        Map<String, List<LiteralVariables.Assignment>> out = new LinkedHashMap<>();
        if (line < 0 || line >= jobOf.length || jobOf[line] == null || sectionOf[line] == null
                || !GitlabJobModel.SCRIPTS.contains(sectionOf[line])) {
            return out;
        }
        for (String r : runners().getOrDefault(new GitlabJobModel.Place(read, line), Set.of())) {
            out.put(r, resolved(r));
        }
        return out;
    }

    /** Which jobs run each line of a section, computed once: each job's three sections, references followed. */
    private Map<GitlabJobModel.Place, Set<String>> runners() {
        if (runners == null) {
            runners = new HashMap<>();
            for (String name : model.jobs().keySet()) {
                if (!GitlabJobModel.runs(name)) {
                    continue;
                }
                for (String s : GitlabJobModel.SCRIPTS) {
                    for (GitlabJobModel.Place p : GitlabJobModel.places(model.runs(name, s))) {
                        runners.computeIfAbsent(p, k -> new TreeSet<>()).add(name);
                    }
                }
            }
        }
        return runners;
    }

    /**
     * The readings of a file several pipelines include, line by line: the jobs of every pipeline that runs the line, a
     * job of the same name in two pipelines read as two; a line none of them runs, as the first pipeline reads it.
     */
    private static final class Several extends GitlabJobVariables {
        private final List<GitlabJobVariables> each;

        Several(List<GitlabJobVariables> each) {
            super(List.of(""), 0, List.of());
            this.each = each;
        }

        @Override
        public List<LiteralVariables.Assignment> at(int number) {
            Map<String, List<LiteralVariables.Assignment>> jobs = jobsAt(number);
            return jobs.isEmpty() ? each.get(0).at(number) : agreed(jobs);
        }

        @Override
        public Map<String, List<LiteralVariables.Assignment>> jobsAt(int number) {
            Map<String, List<LiteralVariables.Assignment>> out = new LinkedHashMap<>();
            for (int i = 0; i < each.size(); i++) {
                int pipeline = i + 1;
                each.get(i).jobsAt(number).forEach((job, assignments) ->
                        out.put(out.containsKey(job) ? job + " (pipeline " + pipeline + ")" : job, assignments));
            }
            return out;
        }
    }
}
