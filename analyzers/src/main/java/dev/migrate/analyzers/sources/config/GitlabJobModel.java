package dev.migrate.analyzers.sources.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The jobs of one GitLab CI pipeline, the one reading of its YAML that every reader of jobs shares: its own file and
 * the local files it includes ({@link GitlabIncludes}), each parsed once ({@link GitlabCiFile}), in that order. A job
 * defined in several of them keeps the first file's keys (the pipeline's own over an included one), the later ones
 * filling only the keys it lacks, and its {@code variables:} entry by entry. For each job: its {@code extends:}
 * templates in order, its sections ({@code before_script:}, {@code script:}, {@code after_script:}) as items with
 * their lines, {@code !reference [.job, key]} items followed where they stand, its variables (anchors, aliases and
 * merge keys as YAML resolves them, {@code variables: !reference [.vars, variables]} too), and what its
 * {@code inherit:} takes from the pipeline's {@code variables:} and {@code default:}. GitLab merges a job over its
 * templates key by key, a list replaced whole, a mapping such as {@code variables:} merged entry by entry.
 */
final class GitlabJobModel {
    /** Top-level keys that are not jobs: no job of that name runs. */
    static final Set<String> KEYWORDS = Set.of("variables", "default", "include", "stages", "workflow", "image",
            "services", "cache", "before_script", "after_script", "types", "spec");
    /** The sections whose lines a job runs as commands. */
    static final List<String> SCRIPTS = List.of("before_script", "script", "after_script");
    /** How deep a chain of templates or references is followed: real ones are two or three long, a loop is cut. */
    static final int DEPTH = 8;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String REFERENCE_TAG = "!reference";

    /** A line of one of the pipeline's files: the file's index (the pipeline's own is 0), the 0-based line. */
    record Place(int file, int line) {
    }

    /**
     * An item of a section: the file it is written in, its lines (0-based; blank and comment lines left out), and for
     * a {@code !reference [.job, key, ...]} item the path it names, else null.
     */
    record Item(int file, List<Integer> lines, List<String> reference) {
    }

    /**
     * A variable: its name, its value as written (from its first character to its line's end; null for a mapping or
     * a list, or where rules disagree), the file and 0-based line and column of its key, and, where the
     * {@code rules:} that may let the job run give it different values, what each of them gives
     * ({@link GitlabRuleVariables}); else empty.
     */
    record Variable(String name, String written, int file, int line, int column, List<GitlabRuleVariables.Given> ruled) {
        Variable {
            ruled = List.copyOf(ruled);
        }

        Variable(String name, String written, int file, int line, int column) {
            this(name, written, file, line, column, List.of());
        }

        /** Where its key is written. */
        Place place() {
            return new Place(file, line);
        }
    }

    /** A node and the file it is written in. */
    private record Located(int file, Node node) {
    }

    /** One definition of a job in one file: its key's line and its mapping's entries, merge keys resolved. */
    private record Layer(int file, int line, Map<String, Located> keys, Map<String, Node> keyNodes) {
    }

    /** A job: its definitions, the first file's first (a later file's fill only the keys it lacks). */
    final class Job {
        private final String name;
        private final List<Layer> layers = new ArrayList<>();

        private Job(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }

        /** The file and 0-based line of the key of its first definition. */
        Place place() {
            return new Place(layers.get(0).file(), layers.get(0).line());
        }

        /** Its value for {@code key} (a later file's when the first lacks it), or null. */
        private Located key(String key) {
            for (Layer l : layers) {
                if (l.keys().containsKey(key)) {
                    return l.keys().get(key);
                }
            }
            return null;
        }

        /** Whether it sets {@code key} itself (a list, an alias, even an empty one), in any of its definitions. */
        boolean has(String key) {
            return key(key) != null;
        }

        /** Whether its {@code key} is a YAML alias ({@code before_script: *setup}) in the definition that sets it. */
        boolean isAlias(String key) {
            for (Layer l : layers) {
                if (l.keys().containsKey(key)) {
                    Node k = l.keyNodes().get(key);
                    return k != null && GitlabCiFile.isAlias(k, l.keys().get(key).node());
                }
            }
            return false;
        }

        /** The templates its {@code extends:} names, in order. */
        List<String> extended() {
            Located e = key("extends");
            List<String> out = new ArrayList<>();
            if (e != null) {
                scalars(e.node()).forEach(out::add);
            }
            return out;
        }

        /** The items of its own section {@code section} as written (references not followed); empty when none. */
        List<Item> items(String section) {
            Located s = key(section);
            return s == null ? List.of() : itemsOf(s);
        }

        /** Its own variables, by name in order: each definition's entries, the first file's winning. */
        Map<String, Variable> variables() {
            Map<String, Variable> out = new LinkedHashMap<>();
            for (Layer l : layers) {
                Located v = l.keys().get("variables");
                if (v != null) {
                    variablesOf(v, 0).forEach(out::putIfAbsent);
                }
            }
            return out;
        }
    }

    private final List<GitlabCiFile> files = new ArrayList<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    /** Every {@code !reference} item of a section, by where it is written. */
    private final Map<Place, List<String>> references = new HashMap<>();

    /** The pipeline of {@code texts}: its own file's first, then the files it includes, in the order GitLab reads them. */
    GitlabJobModel(List<String> texts) {
        for (String t : texts) {
            files.add(GitlabCiFile.of(t));
        }
        for (int f = 0; f < files.size(); f++) {
            Map<String, Layer> inFile = new LinkedHashMap<>();
            for (GitlabCiFile.TopKey k : files.get(f).keys()) {
                if (k.value() instanceof MappingNode m) {
                    Map<String, Located> keys = new LinkedHashMap<>();
                    Map<String, Node> keyNodes = new HashMap<>();
                    for (NodeTuple t : YamlDocs.tuples(m)) {
                        if (t.getKeyNode() instanceof ScalarNode key) {
                            keys.put(key.getValue(), new Located(f, t.getValueNode()));
                            keyNodes.put(key.getValue(), key);
                        }
                    }
                    inFile.remove(k.name()); // written twice in one file: YAML keeps the last
                    inFile.put(k.name(), new Layer(f, k.line(), keys, keyNodes));
                }
            }
            inFile.forEach((name, layer) -> jobs.computeIfAbsent(name, Job::new).layers.add(layer));
        }
        List<Item> sections = new ArrayList<>(topLevelItems("before_script")); // the older form of the default's
        for (Job j : jobs.values()) {
            for (String s : SCRIPTS) {
                sections.addAll(j.items(s));
            }
        }
        for (Item i : sections) {
            if (i.reference() != null) {
                references.put(new Place(i.file(), i.lines().get(0)), i.reference());
            }
        }
    }

    /** The files, in order: the pipeline's own first. */
    List<GitlabCiFile> files() {
        return files;
    }

    /** The jobs (templates and keywords with a mapping too) by name, in the order their first definitions are read. */
    Map<String, Job> jobs() {
        return Collections.unmodifiableMap(jobs);
    }

    Job job(String name) {
        return jobs.get(name);
    }

    /** Whether the job of that name runs as a job of its own: neither a hidden template ({@code .base}) nor a keyword. */
    static boolean runs(String name) {
        return !name.startsWith(".") && !KEYWORDS.contains(name);
    }

    /**
     * The items of the pipeline's own file's top-level {@code key:} when it is a list or a block of lines, not a
     * mapping (the older top-level {@code before_script:}), references not followed; empty when there is none.
     */
    List<Item> topLevelItems(String key) {
        List<Item> out = new ArrayList<>();
        for (GitlabCiFile.TopKey k : files.get(0).keys()) {
            if (k.name().equals(key) && !(k.value() instanceof MappingNode)) {
                out = itemsOf(new Located(0, k.value()));
            }
        }
        return out;
    }

    /** The {@code !reference} path of the item written at {@code place}, when it is one. */
    Optional<List<String>> referenceAt(Place place) {
        return Optional.ofNullable(references.get(place));
    }

    /**
     * {@code items} with each {@code !reference} item replaced by the items it names (the referenced job's own
     * section, as written), followed in turn; one naming nothing, or too deep, is dropped.
     */
    List<Item> expanded(List<Item> items) {
        return expanded(items, 0);
    }

    private List<Item> expanded(List<Item> items, int depth) {
        List<Item> out = new ArrayList<>();
        for (Item i : items) {
            if (i.reference() == null) {
                out.add(i);
            } else if (depth < DEPTH) {
                Located target = resolve(i.reference(), 0);
                if (target != null) {
                    out.addAll(expanded(itemsOf(target), depth + 1));
                }
            }
        }
        return out;
    }

    /** The lines of {@code items}, each item's in order. */
    static List<Place> places(List<Item> items) {
        List<Place> out = new ArrayList<>();
        items.forEach(i -> i.lines().forEach(l -> out.add(new Place(i.file(), l))));
        return out;
    }

    /**
     * The job whose {@code key:} the job named {@code name} takes: itself when it sets it, else the last template of its
     * {@code extends:} that does, each template followed into its own templates before the one listed before it.
     */
    Optional<Job> provider(String name, String key) {
        return provider(name, key, 0, new HashSet<>());
    }

    private Optional<Job> provider(String name, String key, int depth, Set<String> seen) {
        Job job = jobs.get(name);
        if (job == null || depth > DEPTH || !seen.add(name)) {
            return Optional.empty();
        }
        if (job.has(key)) {
            return Optional.of(job);
        }
        List<String> extended = job.extended();
        for (int k = extended.size() - 1; k >= 0; k--) {
            Optional<Job> p = provider(extended.get(k), key, depth + 1, seen);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * The items of section {@code section} a job runs, references followed: its own or its templates'
     * ({@link #provider}); for a before_script or after_script it has neither of, the {@code default:} one, unless
     * its {@code inherit: default:} turns that off. Empty when it runs none.
     */
    List<Item> runs(String name, String section) {
        Optional<Job> p = provider(name, section);
        if (p.isPresent()) {
            return expanded(p.get().items(section));
        }
        Job d = jobs.get("default");
        if (section.equals("script") || d == null || !inheritsDefault(name, section)) {
            return List.of();
        }
        return expanded(d.items(section));
    }

    /**
     * Whether the job takes the {@code default:} keyword {@code keyword} ({@code before_script}, {@code image}):
     * {@code inherit: default: false} takes none, {@code inherit: default: [image]} only those listed. An
     * {@code inherit:} is merged through {@code extends:} as any mapping.
     */
    boolean inheritsDefault(String name, String keyword) {
        return inherits(name, "default", keyword);
    }

    /**
     * Whether the job takes the pipeline's (top-level) variable {@code variable}: {@code inherit: variables: false}
     * takes none, {@code inherit: variables: [A, B]} those listed.
     */
    boolean inheritsVariable(String name, String variable) {
        return inherits(name, "variables", variable);
    }

    private boolean inherits(String name, String what, String item) {
        Node setting = inheritSetting(name, what, 0, new HashSet<>());
        if (setting instanceof ScalarNode s) {
            return !s.getValue().equalsIgnoreCase("false");
        }
        if (setting instanceof SequenceNode) {
            return scalars(setting).contains(item);
        }
        return true;
    }

    /** The job's {@code inherit: what:} value, its own or, entry by entry, its templates' (the last first). */
    private Node inheritSetting(String name, String what, int depth, Set<String> seen) {
        Job job = jobs.get(name);
        if (job == null || depth > DEPTH || !seen.add(name)) {
            return null;
        }
        Located inherit = job.key("inherit");
        Node own = inherit == null ? null : YamlDocs.get(inherit.node(), what);
        if (own != null) {
            return own;
        }
        List<String> extended = job.extended();
        for (int k = extended.size() - 1; k >= 0; k--) {
            Node n = inheritSetting(extended.get(k), what, depth + 1, seen);
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** The pipeline's own variables (top-level {@code variables:}), by name in order. */
    Map<String, Variable> globals() {
        Job v = jobs.get("variables");
        if (v == null) {
            return new LinkedHashMap<>();
        }
        // the top-level mapping is the variables themselves, not a job's keys
        Map<String, Variable> out = new LinkedHashMap<>();
        for (Layer l : v.layers) {
            Map<String, Variable> own = new LinkedHashMap<>();
            l.keys().forEach((k, value) -> entry(l.keyNodes().get(k), value, 0, own));
            own.forEach(out::putIfAbsent);
        }
        return out;
    }

    /**
     * The pipeline's variables as its jobs get them: its own ({@link #globals}) under those its
     * {@code workflow: rules:} set ({@link GitlabRuleVariables}), a value where every rule that may let it run agrees.
     */
    Map<String, Variable> pipelineVariables() {
        Job workflow = jobs.get("workflow");
        Located rules = workflow == null ? null : workflow.key("rules");
        return GitlabRuleVariables.over(globals(), rules == null ? List.of() : rules(rules));
    }

    /**
     * The variables of the job named {@code name} as GitLab gives them to its lines: the pipeline's
     * ({@link #pipelineVariables}, those its {@code inherit:} takes), then each template's in {@code extends:} order
     * (each over its own templates), then its own, a later one winning per name; over all of them those its
     * {@code rules:} (its own or a template's) set, a value where every rule that may let it run agrees.
     */
    Map<String, Variable> variablesOf(String name) {
        Map<String, Variable> out = new LinkedHashMap<>();
        pipelineVariables().forEach((n, v) -> {
            if (inheritsVariable(name, n)) {
                out.put(n, v);
            }
        });
        out.putAll(chain(name, 0, new HashSet<>()));
        Optional<Job> ruled = provider(name, "rules");
        Located rules = ruled.map(j -> j.key("rules")).orElse(null);
        return GitlabRuleVariables.over(out, rules == null ? List.of() : rules(rules));
    }

    /**
     * The rules of a {@code rules:} value in order: its items, a nested list or a {@code !reference} to another
     * job's rules flattened as GitLab flattens them, each with its condition keys and its {@code variables:}.
     */
    private List<GitlabRuleVariables.Rule> rules(Located value) {
        List<GitlabRuleVariables.Rule> out = new ArrayList<>();
        addRules(value, out, 0);
        return out;
    }

    private void addRules(Located value, List<GitlabRuleVariables.Rule> out, int depth) {
        Located at = value;
        if (isReference(at.node()) && depth < DEPTH) {
            at = resolve(scalars(at.node()), depth + 1);
        }
        if (at == null || depth > DEPTH) {
            return;
        }
        if (at.node() instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                addRules(new Located(at.file(), item), out, depth + 1);
            }
        } else if (at.node() instanceof MappingNode m) {
            Set<String> keys = new HashSet<>();
            Located variables = null;
            for (NodeTuple t : YamlDocs.tuples(m)) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    keys.add(k.getValue());
                    if (k.getValue().equals("variables")) {
                        variables = new Located(at.file(), t.getValueNode());
                    }
                }
            }
            Node when = YamlDocs.get(m, "when");
            out.add(new GitlabRuleVariables.Rule(keys, when instanceof ScalarNode w ? w.getValue() : null,
                    variables == null ? Map.of() : variablesOf(variables, depth),
                    new Place(at.file(), m.getStartMark().getLine())));
        }
    }

    /** A job's variables over its templates', without the pipeline's. */
    Map<String, Variable> chain(String name, int depth, Set<String> seen) {
        Job job = jobs.get(name);
        Map<String, Variable> out = new LinkedHashMap<>();
        if (job == null || depth > DEPTH || !seen.add(name)) {
            return out;
        }
        for (String t : job.extended()) {
            out.putAll(chain(t, depth + 1, seen));
        }
        out.putAll(job.variables());
        return out;
    }

    /** The entries of a {@code variables:} value: a mapping, an alias of one, or a {@code !reference} to one. */
    private Map<String, Variable> variablesOf(Located v, int depth) {
        Located target = isReference(v.node()) && depth < DEPTH ? resolve(scalars(v.node()), depth + 1) : v;
        if (target == null || !(target.node() instanceof MappingNode m)) {
            return Map.of();
        }
        return entriesOf(target.file(), m, depth);
    }

    private Map<String, Variable> entriesOf(int file, MappingNode m, int depth) {
        Map<String, Variable> out = new LinkedHashMap<>();
        for (NodeTuple t : YamlDocs.tuples(m)) {
            entry(t.getKeyNode(), new Located(file, t.getValueNode()), depth, out);
        }
        return out;
    }

    /** One {@code NAME: value} entry into {@code out}; a key that names no variable is none. */
    private void entry(Node key, Located value, int depth, Map<String, Variable> out) {
        if (!(key instanceof ScalarNode k) || !NAME.matcher(k.getValue()).matches()) {
            return;
        }
        int file = value.file();
        if (isReference(value.node()) && depth < DEPTH) {
            // NAME: !reference [.vars, variables, NAME]: that entry's value
            Located target = resolve(scalars(value.node()), depth + 1);
            value = target == null ? value : target;
        }
        out.put(k.getValue(), new Variable(k.getValue(), written(value), file, k.getStartMark().getLine(),
                k.getStartMark().getColumn()));
    }

    /** A scalar's value as written on its first line (quotes and a comment kept); null for anything else. */
    private String written(Located v) {
        if (!(v.node() instanceof ScalarNode s) || isReference(s)) {
            return null;
        }
        if (Tag.NULL.equals(s.getTag()) && s.getValue().isEmpty()) {
            return null; // NAME: with nothing after it
        }
        String[] lines = files.get(v.file()).lines();
        int line = s.getStartMark().getLine();
        if (line >= lines.length) {
            return null;
        }
        String text = lines[line];
        int from = Math.min(s.getStartMark().getColumn(), text.length());
        if (s.getEndMark().getLine() != line) {
            return null; // a block scalar (`|`) or one folded over lines: no one literal word
        }
        // a scalar on one line as written, quotes kept (in a flow mapping, without the entries after it)
        int to = Math.min(s.getEndMark().getColumn(), text.length());
        return text.substring(from, Math.max(from, to)).replaceFirst("[ \\t\\r]+$", "");
    }

    /**
     * The node a {@code !reference} path names ({@code [.job, key, ...]}): the job's key (any of its definitions),
     * then each mapping key under it; null when it names nothing.
     */
    private Located resolve(List<String> path, int depth) {
        if (path.size() < 2 || depth > DEPTH) {
            return null;
        }
        Job job = jobs.get(path.get(0));
        Located at = job == null ? null : job.key(path.get(1));
        for (int i = 2; at != null && i < path.size(); i++) {
            Node n = YamlDocs.get(at.node(), path.get(i));
            at = n == null ? null : new Located(at.file(), n);
        }
        if (at != null && isReference(at.node())) {
            return resolve(scalars(at.node()), depth + 1);
        }
        return at;
    }

    /** The items of a section's value: a list's items (nested lists flattened), a block scalar's lines, a reference. */
    private List<Item> itemsOf(Located section) {
        List<Item> out = new ArrayList<>();
        Node n = section.node();
        if (isReference(n)) {
            out.add(new Item(section.file(), List.of(n.getStartMark().getLine()), scalars(n)));
        } else if (n instanceof SequenceNode seq) {
            addItems(section.file(), seq, out, 0);
        } else if (n instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            // `script: |` then its lines: the lines after the one the scalar starts on
            List<Integer> lines = contentLines(section.file(), s.getStartMark().getLine() + 1,
                    GitlabCiFile.lastLine(s, s.getStartMark().getLine()));
            if (!lines.isEmpty()) {
                out.add(new Item(section.file(), lines, null));
            }
        }
        return out;
    }

    private void addItems(int file, SequenceNode seq, List<Item> out, int depth) {
        for (Node item : seq.getValue()) {
            if (isReference(item)) {
                out.add(new Item(file, List.of(item.getStartMark().getLine()), scalars(item)));
            } else if (item instanceof SequenceNode nested && depth < DEPTH) {
                addItems(file, nested, out, depth + 1); // `- *setup`, a list in a list: GitLab flattens it
            } else {
                List<Integer> lines = contentLines(file, item.getStartMark().getLine(),
                        GitlabCiFile.lastLine(item, item.getStartMark().getLine()));
                if (!lines.isEmpty()) {
                    out.add(new Item(file, lines, null));
                }
            }
        }
    }

    /** The lines from {@code from} to {@code to} (0-based, both in) that are neither blank nor a comment. */
    private List<Integer> contentLines(int file, int from, int to) {
        String[] lines = files.get(file).lines();
        List<Integer> out = new ArrayList<>();
        for (int i = from; i <= to && i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].strip().startsWith("#")) {
                out.add(i);
            }
        }
        return out;
    }

    static boolean isReference(Node n) {
        return n != null && n.getTag() != null && REFERENCE_TAG.equals(n.getTag().getValue());
    }

    /** A scalar as a list of one, a list's scalar items; empty otherwise. */
    static List<String> scalars(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
            out.add(s.getValue());
        } else if (n instanceof SequenceNode seq) {
            for (Node i : seq.getValue()) {
                if (i instanceof ScalarNode s && !Tag.NULL.equals(s.getTag())) {
                    out.add(s.getValue());
                }
            }
        }
        return out;
    }

    /**
     * Every entry of every {@code variables:} mapping of one file, at any level (the pipeline's, a job's, a rule's),
     * each once, in the order written: what a reader that does not tell jobs apart takes as the file's variables.
     */
    static List<Variable> everyVariable(String text) {
        GitlabJobModel model = new GitlabJobModel(List.of(text));
        List<Variable> out = new ArrayList<>();
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> keysSeen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (GitlabCiFile.TopKey k : model.files.get(0).keys()) {
            if (k.name().equals("variables") && k.value() instanceof MappingNode m) {
                model.collect(m, out, keysSeen);
            }
            model.walk(k.value(), out, seen, keysSeen);
        }
        out.sort(java.util.Comparator.comparingInt(Variable::line).thenComparingInt(Variable::column));
        return out;
    }

    private void walk(Node n, List<Variable> out, Set<Node> seen, Set<Node> keysSeen) {
        if (!seen.add(n)) {
            return;
        }
        if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("variables")
                        && t.getValueNode() instanceof MappingNode vm) {
                    collect(vm, out, keysSeen);
                }
                walk(t.getValueNode(), out, seen, keysSeen);
            }
        } else if (n instanceof SequenceNode s) {
            s.getValue().forEach(i -> walk(i, out, seen, keysSeen));
        }
    }

    private void collect(MappingNode vm, List<Variable> out, Set<Node> keysSeen) {
        for (NodeTuple t : YamlDocs.tuples(vm)) {
            if (t.getKeyNode() instanceof ScalarNode k && NAME.matcher(k.getValue()).matches() && keysSeen.add(k)) {
                out.add(new Variable(k.getValue(), written(new Located(0, t.getValueNode())), 0, k.getStartMark().getLine(),
                        k.getStartMark().getColumn()));
            }
        }
    }
}
