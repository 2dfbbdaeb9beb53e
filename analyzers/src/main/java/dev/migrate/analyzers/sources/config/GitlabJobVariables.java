package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables each GitLab job runs with, for the lines of one file of its pipeline. GitLab deep-merges
 * {@code variables:} through {@code extends:}: the pipeline's top-level {@code variables:} first, then each template
 * in {@code extends:} order (a later one wins per key, each with its own templates under it), then the job's own. A
 * hidden template's {@code script:} runs in every job that takes it through its {@code extends:} chain, with that
 * job's variables, not the template's: {@code deploy:prod} that extends {@code .deploy} and sets
 * {@code DEPLOYMENT: nightly} runs the template's {@code prefect deployment run "etl/$DEPLOYMENT"} with nightly.
 * A line several jobs run is read with a value only where they all agree; where they differ the name is set but not
 * known (the reading differs per job), so neither the scan nor the rewrite takes one job's value for the others'.
 * A line no job runs (a template nothing extends) is read with the variables its own job would have.
 */
public final class GitlabJobVariables {
    private static final Pattern KEY = Pattern.compile("^([ \\t]*)([A-Za-z_.$][\\w.:/$-]*|\"[^\"]+\"|'[^']+')[ \\t]*:(?:[ \\t]+(.*?))?[ \\t]*\\r?$");
    private static final Pattern ENTRY = Pattern.compile("^([ \\t]*)([A-Za-z_][A-Za-z0-9_]*)[ \\t]*:(?:[ \\t]+(.*?))?[ \\t]*\\r?$");
    private static final Pattern ITEM = Pattern.compile("^[ \\t]*-[ \\t]+[\"']?([^\"'#\\s]+)[\"']?[ \\t]*(?:#.*)?\\r?$");
    private static final Pattern REFERENCE = Pattern.compile(
            "^[ \\t]*-[ \\t]+!reference[ \\t]*\\[[ \\t]*[\"']?([^,\\]\"']+?)[\"']?[ \\t]*,[ \\t]*[\"']?(\\w+)[\"']?[ \\t]*][ \\t]*(?:#.*)?\\r?$");
    /** Top-level keys that are not jobs: their sections run in no job of their own. */
    private static final Set<String> KEYWORDS = Set.of("variables", "default", "include", "stages", "workflow", "image",
            "services", "cache", "before_script", "after_script", "types", "spec");
    /** The sections whose lines a job runs as commands. */
    private static final Set<String> SCRIPTS = Set.of("before_script", "script", "after_script");
    /** How deep a chain of templates is followed: real chains are two or three long, a loop is cut. */
    private static final int DEPTH = 8;

    /** One {@code NAME: value} entry of a {@code variables:} mapping: its value as written (null for a nested one). */
    private record Entry(String name, String written, int key) {
    }

    /** A job as the pipeline's files define it: its templates in order, its own variables, its sections' lines. */
    private static final class Job {
        final List<String> extended = new ArrayList<>();
        /** The jobs a YAML merge key brings in ({@code <<: *defaults}): its own keys, under those it writes. */
        final List<String> merged = new ArrayList<>();
        /** The anchors its variables take entries from ({@code variables: *vars}, {@code <<: *vars} among them). */
        final List<String> variableAliases = new ArrayList<>();
        /** Its plain {@code NAME: value} keys: what a {@code variables: *anchor} of the whole job's mapping reads. */
        final Map<String, Entry> children = new LinkedHashMap<>();
        final Map<String, Entry> variables = new LinkedHashMap<>();
        /** Each section's lines, by section name, as {@code file * LINES + line} (0-based). */
        final Map<String, List<Long>> sections = new HashMap<>();
    }

    private static final long LINES = 1L << 32;

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Entry> global = new LinkedHashMap<>();
    /** YAML anchors on a {@code variables:} mapping ({@code variables: &vars}), by name. */
    private final Map<String, Map<String, Entry>> variableAnchors = new HashMap<>();
    /** YAML anchors on a top-level key ({@code .defaults: &defaults}): the job they name, by anchor. */
    private final Map<String, String> jobAnchors = new HashMap<>();
    private static final Pattern ANCHOR = Pattern.compile("^&([\\w.-]+)[ \\t]*(?:#.*)?$");
    private static final Pattern ALIAS = Pattern.compile("^\\*([\\w.-]+)[ \\t]*(?:#.*)?$");
    private static final Pattern MERGE = Pattern.compile("^[ \\t]*<<[ \\t]*:[ \\t]*\\*([\\w.-]+)[ \\t]*(?:#.*)?\\r?$");
    private final String[][] files;
    /** The file whose lines are asked about. */
    private final int read;
    /** For each line of that file (0-based), the job and section it is in; null outside any. */
    private final String[] jobOf;
    private final String[] sectionOf;
    private final Map<Integer, List<LiteralVariables.Assignment>> cache = new HashMap<>();
    private int nextKey;

    private GitlabJobVariables(List<String> texts, int read) {
        this.files = texts.stream().map(t -> t.split("\n", -1)).toArray(String[][]::new);
        this.read = read;
        this.jobOf = new String[files[read].length];
        this.sectionOf = new String[files[read].length];
        for (int f = 0; f < files.length; f++) {
            parse(f);
        }
    }

    /**
     * The variables of the jobs of the pipeline at {@code path} ({@code text}), with the local files it includes
     * ({@link GitlabIncludes#texts}), for its own lines; {@code files} gives a repository path's text, or null.
     */
    public static GitlabJobVariables ofPipeline(String path, String text, Function<String, String> files) {
        List<String> texts = new ArrayList<>(List.of(text));
        if (files != null) {
            texts.addAll(GitlabIncludes.texts(path, text, files).values());
        }
        return new GitlabJobVariables(texts, 0);
    }

    /**
     * The variables of the jobs of a pipeline, for the lines of a file it includes ({@code text}); {@code pipeline} the
     * texts of the pipeline's other files, its own first ({@link GitlabIncludes#includedTemplates}).
     */
    public static GitlabJobVariables ofIncluded(String text, List<String> pipeline) {
        List<String> texts = new ArrayList<>();
        texts.add(pipeline.isEmpty() ? "" : pipeline.get(0));
        texts.add(text);
        if (pipeline.size() > 1) {
            texts.addAll(pipeline.subList(1, pipeline.size()));
        }
        return new GitlabJobVariables(texts, 1);
    }

    /**
     * The assignments in effect on line {@code number} (1-based) of the file read, for {@link LiteralVariables#known}
     * and the others, asked at any offset: one per name, with the value every job that runs the line gives it, or none
     * where they differ or one of them does not set it.
     */
    public List<LiteralVariables.Assignment> at(int number) {
        int line = number - 1;
        if (line < 0 || line >= jobOf.length) {
            return resolved(Map.of());
        }
        return cache.computeIfAbsent(line, this::compute);
    }

    private List<LiteralVariables.Assignment> compute(int line) {
        String job = jobOf[line];
        String section = sectionOf[line];
        Set<String> runners = job == null || section == null || !SCRIPTS.contains(section) ? Set.of()
                : runners(job, section, (long) read * LINES + line);
        if (runners.isEmpty()) {
            // no job runs it (a template nothing extends, the variables themselves): its own job's reading
            return resolved(job == null || KEYWORDS.contains(job) ? Map.of() : chain(job, 0, new HashSet<>()));
        }
        Map<String, List<LiteralVariables.Assignment>> each = new LinkedHashMap<>();
        for (String r : runners) {
            each.put(r, resolved(chain(r, 0, new HashSet<>())));
        }
        return agreed(each);
    }

    /** The assignments of one job: the top-level variables under its chain's, values reading others expanded. */
    private List<LiteralVariables.Assignment> resolved(Map<String, Entry> own) {
        Map<String, Entry> all = new LinkedHashMap<>(global);
        all.putAll(own);
        List<LiteralVariables.Assignment> out = new ArrayList<>();
        Map<Integer, String> written = new HashMap<>();
        for (Entry e : all.values()) {
            String value = null;
            if (e.written() != null) {
                Matcher literal = LiteralVariables.CI_LITERAL.matcher(e.written());
                value = literal.matches() ? LiteralVariables.unquote(literal.group(1)) : null;
                written.put(e.key(), e.written());
            }
            out.add(new LiteralVariables.Assignment(e.name(), value, e.key()));
        }
        // offsets are keys here, not places: every assignment holds for the whole line
        return GitlabVariables.expand(out, written).stream().map(a -> new LiteralVariables.Assignment(a.name(), a.value(),
                0, 0, Integer.MAX_VALUE, a.origin())).toList();
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
                || !SCRIPTS.contains(sectionOf[line])) {
            return out;
        }
        for (String r : runners(jobOf[line], sectionOf[line], (long) read * LINES + line)) {
            out.put(r, resolved(chain(r, 0, new HashSet<>())));
        }
        return out;
    }

    /** A job's variables over its templates': each template's (with its own templates under it) in order, then its own. */
    private Map<String, Entry> chain(String name, int depth, Set<String> seen) {
        Job job = jobs.get(name);
        Map<String, Entry> out = new LinkedHashMap<>();
        if (job == null || depth > DEPTH || !seen.add(name)) {
            return out;
        }
        for (String t : job.extended) {
            out.putAll(chain(t, depth + 1, seen));
        }
        for (String t : job.merged) {
            out.putAll(chain(t, depth + 1, seen));
        }
        for (String alias : job.variableAliases) {
            // an anchor on a variables: mapping, else on a whole key's mapping (.vars: &vars of NAME: value keys)
            Map<String, Entry> anchored = variableAnchors.get(alias);
            Job aliasedJob = anchored == null && jobAnchors.containsKey(alias) ? jobs.get(jobAnchors.get(alias)) : null;
            out.putAll(anchored != null ? anchored : aliasedJob != null ? aliasedJob.children : Map.of());
        }
        out.putAll(job.variables);
        return out;
    }

    /**
     * The jobs that run the line {@code at} of section {@code section} of {@code owner}: those that take the section
     * from it (their own, or through their templates), those that {@code !reference} it, and for the
     * {@code default:} section, the jobs with none of their own or their templates'.
     */
    private Set<String> runners(String owner, String section, long at) {
        Set<String> out = new java.util.TreeSet<>();
        for (String name : jobs.keySet()) {
            if (name.startsWith(".") || KEYWORDS.contains(name)) {
                continue;
            }
            for (String s : SCRIPTS) {
                Optional<String> provider = provider(name, s, 0, new HashSet<>());
                String from = provider.orElse(s.equals("script") ? null : "default");
                if (from != null && runs(from, s, owner, section, at, 0)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** Whether running section {@code s} of {@code job} runs the line {@code at} (directly or through a !reference). */
    private boolean runs(String job, String s, String owner, String section, long at, int depth) {
        Job j = jobs.get(job);
        if (j == null || depth > DEPTH) {
            return false;
        }
        if (job.equals(owner) && s.equals(section)) {
            return true;
        }
        for (long l : j.sections.getOrDefault(s, List.of())) {
            Matcher r = REFERENCE.matcher(files[(int) (l / LINES)][(int) (l % LINES)]);
            if (r.matches() && runs(r.group(1).strip(), r.group(2), owner, section, at, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** The job whose {@code section:} the job named {@code name} runs: itself, else its last template's that has one. */
    private Optional<String> provider(String name, String section, int depth, Set<String> seen) {
        Job job = jobs.get(name);
        if (job == null || depth > DEPTH || !seen.add(name)) {
            return Optional.empty();
        }
        if (job.sections.containsKey(section)) {
            return Optional.of(name);
        }
        for (int k = job.merged.size() - 1; k >= 0; k--) {
            Optional<String> p = provider(job.merged.get(k), section, depth + 1, seen);
            if (p.isPresent()) {
                return p;
            }
        }
        for (int k = job.extended.size() - 1; k >= 0; k--) {
            Optional<String> p = provider(job.extended.get(k), section, depth + 1, seen);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * Reads file {@code f}: each top-level key's sections, {@code extends:} and {@code variables:}. A job of a name an
     * earlier file (the pipeline's own) defines keeps that one's keys: the included one only fills what it lacks.
     */
    private void parse(int f) {
        String[] lines = files[f];
        Job job = null;
        String name = null;
        int childIndent = -1;
        String section = null;
        int entryIndent = -1;
        boolean shadowed = false;
        String previous = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#")) {
                if (f == read && name != null) {
                    jobOf[i] = name;
                    sectionOf[i] = section;
                }
                continue;
            }
            int indent = GitlabExtends.indentOf(l);
            Matcher key = KEY.matcher(l);
            if (indent == 0) {
                name = key.find() ? GitlabExtends.unquote(key.group(2)) : null;
                childIndent = -1;
                section = null;
                entryIndent = -1;
                if (shadowed) {
                    mergeUnder(previous, job); // the job above, of a name the pipeline's own file defines
                }
                previous = name;
                shadowed = name != null && jobs.containsKey(name);
                job = name == null ? null : new Job();
                if (name != null && !shadowed) {
                    jobs.put(name, job);
                }
                Matcher topAnchor = name == null || key.group(3) == null ? null : ANCHOR.matcher(key.group(3));
                if (topAnchor != null && topAnchor.matches()) {
                    jobAnchors.put(topAnchor.group(1), name);
                }
                if (name != null && name.equals("variables")) {
                    section = "variables";
                    childIndent = -2; // its entries are the pipeline's
                }
                if (f == read) {
                    jobOf[i] = name;
                }
                continue;
            }
            if (name == null) {
                continue;
            }
            if (f == read) {
                jobOf[i] = name;
            }
            if (childIndent == -2) {
                // the top-level variables: entries at their first indent
                entry(l, indent, entryIndent < 0 ? (entryIndent = indent) : entryIndent, shadowed ? null : global, global);
                continue;
            }
            if (childIndent < 0) {
                childIndent = indent;
            }
            Matcher merge = MERGE.matcher(l);
            if (merge.matches() && indent == childIndent && jobAnchors.containsKey(merge.group(1))) {
                job.merged.add(jobAnchors.get(merge.group(1))); // the anchored job's keys, as if written here
                continue;
            }
            if (merge.matches() && "variables".equals(section) && indent > childIndent) {
                job.variableAliases.add(merge.group(1));
                continue;
            }
            if (indent == childIndent && key.find()) {
                section = key.group(2);
                if (key.group(3) != null && key.group(2).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    job.children.put(key.group(2), new Entry(key.group(2), key.group(3), nextKey++));
                }
                Matcher mark = key.group(3) == null ? null : ANCHOR.matcher(key.group(3));
                if (section.equals("variables") && mark != null && mark.matches()) {
                    variableAnchors.put(mark.group(1), job.variables);
                }
                mark = key.group(3) == null ? null : ALIAS.matcher(key.group(3));
                if (section.equals("variables") && mark != null && mark.matches()) {
                    job.variableAliases.add(mark.group(1));
                }
                entryIndent = -1;
                if (f == read) {
                    sectionOf[i] = section;
                }
                if (section.equals("extends") && key.group(3) != null) {
                    job.extended.addAll(GitlabExtends.inline(key.group(3)));
                }
                job.sections.computeIfAbsent(section, k -> new ArrayList<>());
                continue;
            }
            if (f == read) {
                sectionOf[i] = section;
            }
            if (section == null) {
                continue;
            }
            if (section.equals("extends")) {
                Matcher item = ITEM.matcher(l);
                if (item.matches()) {
                    job.extended.add(item.group(1));
                }
            } else if (section.equals("variables")) {
                entry(l, indent, entryIndent < 0 ? (entryIndent = indent) : entryIndent, job.variables, null);
            } else {
                job.sections.get(section).add((long) f * LINES + i);
            }
        }
        if (shadowed) {
            mergeUnder(name, job);
        }
    }

    /** An included job's keys under the pipeline's own job of that name, where that one has none of them. */
    private void mergeUnder(String name, Job included) {
        Job own = jobs.get(name);
        included.sections.forEach(own.sections::putIfAbsent);
        included.variables.forEach(own.variables::putIfAbsent);
        if (own.extended.isEmpty()) {
            own.extended.addAll(included.extended);
        }
        if (own.merged.isEmpty() && own.variableAliases.isEmpty()) {
            own.merged.addAll(included.merged);
            own.variableAliases.addAll(included.variableAliases);
        }
    }

    /** One {@code NAME: value} entry at {@code entryIndent}, into {@code into} (or, for a shadowed file, under {@code under}). */
    private void entry(String line, int indent, int entryIndent, Map<String, Entry> into, Map<String, Entry> under) {
        Matcher e = ENTRY.matcher(line);
        if (indent != entryIndent || !e.matches()) {
            return;
        }
        String value = e.group(3) == null || e.group(3).isEmpty() || e.group(3).startsWith("#") ? null : e.group(3);
        Entry entry = new Entry(e.group(2), value, nextKey++);
        if (into != null) {
            into.put(entry.name(), entry);
        } else {
            under.putIfAbsent(entry.name(), entry);
        }
    }
}
