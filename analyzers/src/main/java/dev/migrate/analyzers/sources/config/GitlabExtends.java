package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code before_script:} a GitLab CI job runs when it has none of its own but {@code extends:} templates that do
 * ({@code extends: .prefect_base}, a list {@code extends: [.auth, .deploy]}, templates that extend others): GitLab
 * merges the templates in order, a later one's key over an earlier one's and the job's own over all, so the
 * before_script is that of the last template in the list that has one, looked up through its own templates. A
 * before_script made of other jobs' lines ({@code - !reference [.setup, before_script]} items first, or a YAML alias
 * {@code before_script: *setup}) runs those lines first. The templates of the files the pipeline includes are
 * followed as its own ({@link GitlabIncludes}); YAML anchors stay within their file, as YAML reads them.
 */
final class GitlabExtends {
    private static final Pattern KEY = Pattern.compile("^([ \\t]*)([A-Za-z_.][\\w.-]*|\"[^\"]+\"|'[^']+')[ \\t]*:(?:[ \\t]+(.*?))?[ \\t]*$");
    private static final Pattern ITEM = Pattern.compile("^[ \\t]*-[ \\t]+[\"']?([^\"'#\\s]+)[\"']?[ \\t]*(?:#.*)?$");
    /** How deep a chain of templates is followed: real chains are two or three long, a loop is cut. */
    private static final int DEPTH = 8;

    /** A job: its key line, the templates it extends in order, the 0-based lines of its sections by name. */
    private record Job(int line, List<String> extended, Map<String, List<Integer>> sections) {
        List<Integer> before() {
            return sections.getOrDefault("before_script", List.of());
        }
    }

    /** {@code - !reference [.setup, before_script]}: group 1 the job, group 2 the section. */
    private static final Pattern REFERENCE = Pattern.compile(
            "^[ \\t]*-[ \\t]+!reference[ \\t]*\\[[ \\t]*[\"']?([^,\\]\"']+?)[\"']?[ \\t]*,[ \\t]*[\"']?(\\w+)[\"']?[ \\t]*][ \\t]*(?:#.*)?$");
    /** A YAML anchor ({@code &setup}) or alias ({@code *setup}) as a key's whole value: group 1 the mark, 2 the name. */
    private static final Pattern MARK = Pattern.compile("^([&*])([\\w.-]+)[ \\t]*(?:#.*)?$");

    private final Map<String, Job> jobs = new HashMap<>();
    private final Map<Integer, String> names = new HashMap<>();
    /** Where each file starts among the lines: the pipeline's own at 0, then each included file's. */
    private final int[] fileStarts;

    /** A YAML anchor: the line that defines it, and the list items it names. */
    private record Anchor(int line, List<Integer> items) {
    }

    /** A YAML alias ({@code *setup}): the anchor it names, and its line, which says in which file to look. */
    private record Alias(String anchor, int line) {
    }

    /**
     * The anchors each file defines ({@code .setup: &setup} or {@code before_script: &setup}), by file and name, in the
     * order written: YAML reads an alias within its own file only (GitLab shares nothing else between files but
     * {@code extends:} and {@code !reference}), as the last anchor of that name above it.
     */
    private final Map<Integer, Map<String, List<Anchor>>> anchors = new HashMap<>();
    /** The alias each job's before_script is ({@code before_script: *setup}), by job. */
    private final Map<String, Alias> beforeAliases = new HashMap<>();
    /** The included files' jobs of names the pipeline's file also defines, merged under those in the end. */
    private final List<Map.Entry<String, Job>> shadowed = new ArrayList<>();

    GitlabExtends(String[] lines) {
        this(lines, new int[] {0});
    }

    /**
     * The jobs of {@code lines}, the pipeline's file and the files it includes ({@link GitlabIncludes}), one after
     * another, each starting at its {@code fileStarts} entry (the pipeline's own at 0): GitLab merges an included job
     * under the file's own of the same name, whose keys win (a key's list is replaced whole, not merged).
     */
    GitlabExtends(String[] lines, int[] fileStarts) {
        this.fileStarts = fileStarts;
        int ownLines = fileStarts.length > 1 ? fileStarts[1] : lines.length;
        String name = null;
        int childIndent = -1;
        String section = null;
        List<String> extended = null;
        Map<String, List<Integer>> sections = null;
        List<Integer> items = null; // the list items of the top-level key, for an anchor on it
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.strip().startsWith("#")) {
                continue;
            }
            int indent = indentOf(l);
            Matcher key = KEY.matcher(l);
            if (indent == 0) {
                name = key.find() ? unquote(key.group(2)) : null;
                childIndent = -1;
                section = null;
                extended = new ArrayList<>();
                sections = new HashMap<>();
                items = new ArrayList<>();
                if (name != null && i >= ownLines && jobs.containsKey(name)) {
                    // GitLab merges it under the file's own job of that name: its keys fill only what that one lacks
                    shadowed.add(Map.entry(name, new Job(i, extended, sections)));
                } else if (name != null) {
                    jobs.put(name, new Job(i, extended, sections));
                    names.put(i, name);
                }
                if (name != null) {
                    anchor(key.group(3), i, items); // an anchor is its file's, whichever job GitLab keeps
                }
                continue;
            }
            if (name == null) {
                continue;
            }
            if (childIndent < 0) {
                childIndent = indent;
            }
            if (indent == childIndent && key.find()) {
                section = key.group(2);
                if (section.equals("extends") && key.group(3) != null) {
                    extended.addAll(inline(key.group(3)));
                }
                List<Integer> own = sections.computeIfAbsent(section, k -> new ArrayList<>());
                anchor(key.group(3), i, own);
                Matcher alias = key.group(3) == null ? null : MARK.matcher(key.group(3));
                if (section.equals("before_script") && alias != null && alias.matches() && alias.group(1).equals("*")) {
                    // the file's own first, then an included one's
                    beforeAliases.putIfAbsent(name, new Alias(alias.group(2), i));
                }
                continue;
            }
            if (section == null) {
                items.add(i);
            } else if ("extends".equals(section)) {
                Matcher item = ITEM.matcher(l);
                if (item.matches()) {
                    extended.add(item.group(1));
                }
            } else {
                sections.get(section).add(i);
            }
        }
        mergeShadowed();
    }

    /** An included job's keys under the file's own job of the same name, where that one has none of them. */
    private void mergeShadowed() {
        for (Map.Entry<String, Job> e : shadowed) {
            Job own = jobs.get(e.getKey());
            e.getValue().sections().forEach(own.sections()::putIfAbsent);
            if (own.extended().isEmpty()) {
                own.extended().addAll(e.getValue().extended());
            }
        }
    }

    /**
     * The lines of section {@code section} of the job named {@code name} (its own, else an included job's of that
     * name), with the references in them followed; empty when it has none.
     */
    Optional<List<Integer>> section(String name, String section, String[] lines) {
        Job job = jobs.get(name);
        List<Integer> found = job == null ? List.of() : job.sections().getOrDefault(section, List.of());
        return found.isEmpty() ? Optional.empty() : Optional.of(expanded(found, lines, 0));
    }

    /** Keeps {@code lines} as the anchor a key's value {@code &name}, on line {@code at}, defines. */
    private void anchor(String value, int at, List<Integer> lines) {
        Matcher m = value == null ? null : MARK.matcher(value);
        if (m != null && m.matches() && m.group(1).equals("&")) {
            anchors.computeIfAbsent(fileOf(at), f -> new HashMap<>())
                    .computeIfAbsent(m.group(2), n -> new ArrayList<>()).add(new Anchor(at, lines));
        }
    }

    /** The lines an alias stands for: the last anchor of its name above it in its own file; null when there is none. */
    private List<Integer> resolve(Alias alias) {
        if (alias == null) {
            return null;
        }
        List<Integer> found = null;
        for (Anchor a : anchors.getOrDefault(fileOf(alias.line()), Map.of()).getOrDefault(alias.anchor(), List.of())) {
            if (a.line() < alias.line()) {
                found = a.items();
            }
        }
        return found;
    }

    /** The file (its index in {@link #fileStarts}) that line {@code index} belongs to. */
    private int fileOf(int index) {
        int file = 0;
        while (file + 1 < fileStarts.length && fileStarts[file + 1] <= index) {
            file++;
        }
        return file;
    }

    /**
     * The lines a job's own before_script is when it is a YAML alias ({@code before_script: *setup}), with the
     * references in them followed; empty otherwise (its {@code !reference} items are read where they stand).
     */
    Optional<List<Integer>> aliasedBefore(String name, String[] lines) {
        if (!jobs.containsKey(name) || !beforeAliases.containsKey(name)) {
            return Optional.empty();
        }
        List<Integer> anchored = resolve(beforeAliases.get(name));
        return anchored == null ? Optional.empty() : Optional.of(expanded(anchored, lines, 0));
    }

    /** Whether the line is a {@code - !reference [.job, section]} item. */
    static boolean isReference(String line) {
        return line.contains("!reference") && REFERENCE.matcher(line).matches();
    }

    /** {@code indexes} with each {@code !reference} item replaced by the lines it brings in, followed in turn. */
    List<Integer> expanded(List<Integer> indexes, String[] lines, int depth) {
        List<Integer> out = new ArrayList<>();
        for (int i : indexes) {
            Matcher r = REFERENCE.matcher(lines[i]);
            Job referenced = r.matches() ? jobs.get(r.group(1).strip()) : null;
            if (referenced != null && depth < DEPTH) {
                out.addAll(expanded(referenced.sections().getOrDefault(r.group(2), List.of()), lines, depth + 1));
            } else if (!r.matches()) {
                out.add(i);
            }
        }
        return out;
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
        Job job = jobs.get(name);
        if (job == null || !job.before().isEmpty()) {
            return Optional.empty();
        }
        return fromTemplates(job, 0, new HashSet<>(Set.of(name)));
    }

    private Optional<List<Integer>> fromTemplates(Job job, int depth, Set<String> seen) {
        return throughTemplates(job, depth, seen, name -> {
            Job template = jobs.get(name);
            return !template.before().isEmpty() ? Optional.of(template.before())
                    : Optional.ofNullable(resolve(beforeAliases.get(name)));
        });
    }

    /**
     * The first answer {@code own} gives for a template of the job's {@code extends:} chain, in GitLab's merge order: the
     * last template first, each followed into its own templates before the one listed before it; a template seen
     * already, or one past {@link #DEPTH}, is not asked again.
     */
    private <T> Optional<T> throughTemplates(Job job, int depth, Set<String> seen, Function<String, Optional<T>> own) {
        if (depth >= DEPTH) {
            return Optional.empty();
        }
        List<String> extended = job.extended();
        for (int k = extended.size() - 1; k >= 0; k--) {
            Job template = jobs.get(extended.get(k));
            if (template == null || !seen.add(extended.get(k))) {
                continue;
            }
            Optional<T> found = own.apply(extended.get(k));
            if (found.isPresent()) {
                return found;
            }
            Optional<T> deeper = throughTemplates(template, depth + 1, seen, own);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** Whether the job named {@code name} has a {@code section:} key of its own (a list, an alias, even an empty one). */
    boolean hasOwn(String name, String section) {
        Job job = jobs.get(name);
        return job != null && job.sections().containsKey(section);
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
                .filter(n -> provider(jobs.get(n), "script", 0, new HashSet<>(Set.of(n))).filter(template::equals).isPresent())
                .findFirst();
    }

    /** The template whose {@code section:} the job takes through its {@code extends:} chain. */
    private Optional<String> provider(Job job, String section, int depth, Set<String> seen) {
        return throughTemplates(job, depth, seen,
                name -> jobs.get(name).sections().containsKey(section) ? Optional.of(name) : Optional.empty());
    }

    /** {@code .base} or {@code [.a, ".b"]}, a comment after it. */
    static List<String> inline(String value) {
        String v = value.replaceFirst("[ \\t]+#.*$", "").strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = unquote(part.strip());
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    static String unquote(String s) {
        return s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                ? s.substring(1, s.length() - 1) : s;
    }

    static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
