package dev.migrate.analyzers.sources.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The shells of a {@code .gitlab-ci.yml}, as the runner starts them: a job's {@code before_script:} and
 * {@code script:} lines share one shell, started in the checkout (the root); its {@code after_script:} is a shell of
 * its own, in the root again, that no {@code cd} of the script moved. {@code default: before_script:} (or the older
 * top-level {@code before_script:}) runs at the start of each job that has no {@code before_script:} of its own and
 * does not turn the default off ({@code inherit: default: false}), so a {@code cd} there is where such a job's script
 * starts. A job without a before_script of its own that {@code extends:} a template with one runs the template's
 * instead of the default ({@link GitlabExtends}), also a template of a file the pipeline includes, so its script
 * starts where that one leaves it; so does a job whose before_script is a YAML alias of other lines. A
 * {@code !reference} item brings another job's lines in where it stands, before or after the job's own lines: the
 * lines after it start where those leave the directory.
 */
final class GitlabShells {

    /** For each line (0-based), the line that opens its shell: its job's key, or its after_script:; -1 above all. */
    private final int[] shellOf;
    /** The shells that start where the default before_script left its directory: their opening lines. */
    private final Set<Integer> inheriting = new HashSet<>();
    /** The jobs that run a template's before_script ({@link GitlabExtends}): where it leaves them, by opening line. */
    private final Map<Integer, CiShells.Start> fromTemplate = new HashMap<>();
    /** Where the default before_script leaves the directory. */
    private final CiShells.Start afterDefault;
    /** The lines each {@code !reference} item brings in where it stands (from any of the pipeline's files), by line. */
    private final Map<Integer, java.util.List<String>> referenced = new HashMap<>();

    /**
     * The shells of a pipeline's {@code lines}, whose templates may be in the files it includes ({@code included}:
     * each file's lines, {@link GitlabIncludes}).
     */
    GitlabShells(String[] lines, java.util.List<String[]> included) {
        shellOf = new int[lines.length];
        java.util.Arrays.fill(shellOf, -1);
        Map<Integer, Boolean> ownBefore = new HashMap<>();
        Map<Integer, Boolean> optsOut = new HashMap<>();
        int[] scriptKeyOf = new int[lines.length]; // the `script:` key line of each line of a job's script; -1 elsewhere
        java.util.Arrays.fill(scriptKeyOf, -1);
        Map<Integer, Integer> scriptKeys = new HashMap<>(); // each job's `script:` key line, by the job's line
        // one array of every file's lines, with where each file starts: YAML anchors stay within their own file
        int[] fileStarts = new int[included.size() + 1];
        java.util.List<String> joined = new java.util.ArrayList<>(java.util.Arrays.asList(lines));
        for (int f = 0; f < included.size(); f++) {
            fileStarts[f + 1] = joined.size();
            joined.addAll(java.util.Arrays.asList(included.get(f)));
        }
        String[] all = joined.toArray(String[]::new);
        GitlabExtends templates = new GitlabExtends(all, fileStarts);
        // each top-level key's lines, up to the next one, are its shell; its after_script: lines another
        java.util.List<GitlabCiFile.TopKey> keys = templates.ownKeys();
        Set<Integer> defaults = new HashSet<>(); // the `default:` key and the older top-level `before_script:`
        for (int k = 0; k < keys.size(); k++) {
            GitlabCiFile.TopKey key = keys.get(k);
            int job = key.line();
            int end = k + 1 < keys.size() ? keys.get(k + 1).line() : lines.length;
            if (key.name().equals("default") || key.name().equals("before_script")) {
                defaults.add(job);
            }
            for (int i = job; i < end && i < lines.length; i++) {
                shellOf[i] = job;
            }
            java.util.List<org.yaml.snakeyaml.nodes.NodeTuple> sections = key.value() instanceof
                    org.yaml.snakeyaml.nodes.MappingNode m && !GitlabCiFile.isAlias(key.key(), key.value()) ? m.getValue()
                    : java.util.List.of();
            for (int c = 0; c < sections.size(); c++) {
                if (!(sections.get(c).getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode section)) {
                    continue;
                }
                int sectionLine = section.getStartMark().getLine();
                int sectionEnd = c + 1 < sections.size() ? sections.get(c + 1).getKeyNode().getStartMark().getLine() : end;
                if (section.getValue().equals("before_script")) {
                    ownBefore.put(job, true);
                } else if (section.getValue().equals("script")) {
                    scriptKeys.putIfAbsent(job, sectionLine);
                }
                for (int i = sectionLine; i < sectionEnd && i < lines.length; i++) {
                    if (section.getValue().equals("after_script")) {
                        shellOf[i] = sectionLine;
                    } else if (section.getValue().equals("script")) {
                        scriptKeyOf[i] = sectionLine;
                    }
                }
            }
        }
        // a job whose inherit: default: (its own or its templates') leaves out before_script
        for (GitlabCiFile.TopKey key : keys) {
            if (!templates.inheritsDefaultBefore(key.name())) {
                optsOut.put(key.line(), true);
            }
        }
        // the default's lines (the pipeline's own default:, else an included file's, else the older top-level
        // before_script:) with its `- !reference [.setup, script]` items brought in where they stand
        afterDefault = templates.defaultBefore().map(r -> replayed(all, r, ROOT)).orElse(ROOT);
        for (int i = 0; i < lines.length; i++) {
            int j = shellOf[i];
            // a job's key line: the jobs that neither are the default nor replace or refuse it start where it ended
            boolean jobKey = j == i && templates.nameAt(j) != null && !defaults.contains(j);
            if (!jobKey) {
                continue;
            }
            String name = templates.nameAt(j);
            if (ownBefore.containsKey(j)) {
                // its before_script is a YAML alias of other lines: it starts after them (its !reference items are
                // read where they stand, below)
                java.util.Optional<java.util.List<Integer>> aliased = name == null ? java.util.Optional.empty()
                        : templates.aliasedBefore(name);
                aliased.ifPresent(r -> fromTemplate.put(j, replayed(all, r, ROOT)));
                continue;
            }
            java.util.Optional<java.util.List<Integer>> taken = name == null ? java.util.Optional.empty()
                    : templates.inheritedBefore(name);
            if (taken.isPresent()) {
                // the before_script of a template it extends replaces the default: its script starts where that ends
                fromTemplate.put(j, replayed(all, templates.expanded(taken.get()), ROOT));
            } else if (!optsOut.containsKey(j)) {
                inheriting.add(j);
            }
        }
        Map<String, Boolean> optedOut = new HashMap<>();
        optsOut.keySet().forEach(j -> {
            if (templates.nameAt(j) != null) {
                optedOut.put(templates.nameAt(j), true);
            }
        });
        // a hidden template's script runs in the jobs that extend it without a script of their own, after their own
        // before_script (GitLab replaces a list whole, so the template's before_script is not run then): its lines
        // start where the first such job's before_script leaves the directory, not where the template's would
        scriptKeys.forEach((j, key) -> {
            String name = templates.nameAt(j);
            if (name != null && name.startsWith(".")) {
                templates.firstRunnerOfScript(name).ifPresent(runner -> fromTemplate.put(key,
                        scriptStart(runner, templates, all, optedOut.containsKey(runner))));
            }
        });
        for (int i = 0; i < lines.length; i++) {
            if (scriptKeyOf[i] >= 0 && fromTemplate.containsKey(scriptKeyOf[i]) && shellOf[i] >= 0) {
                shellOf[i] = scriptKeyOf[i];
            }
        }
        splitAtReferences(lines, all, templates);
        for (int i = 0; i < lines.length; i++) {
            if (templates.isReference(i)) {
                java.util.List<String> brought = templates.expanded(java.util.List.of(i)).stream()
                        .map(k -> all[k]).toList();
                if (!brought.isEmpty()) {
                    referenced.put(i, brought);
                }
            }
        }
    }

    /**
     * Where the script of the job named {@code name} starts: where its before_script leaves the directory (its own, a
     * YAML alias of other lines, a template's it extends, else the default unless it turned that off), from the root.
     */
    private CiShells.Start scriptStart(String name, GitlabExtends templates, String[] all, boolean optedOut) {
        java.util.Optional<java.util.List<Integer>> own = templates.section(name, "before_script");
        if (own.isPresent()) {
            return replayed(all, own.get(), ROOT);
        }
        java.util.Optional<java.util.List<Integer>> aliased = templates.aliasedBefore(name);
        if (aliased.isPresent()) {
            return replayed(all, aliased.get(), ROOT);
        }
        if (templates.hasOwn(name, "before_script")) {
            return ROOT; // an empty one of its own: nothing runs before the script
        }
        java.util.Optional<java.util.List<Integer>> taken = templates.inheritedBefore(name);
        if (taken.isPresent()) {
            return replayed(all, templates.expanded(taken.get()), ROOT);
        }
        return optedOut ? ROOT : afterDefault;
    }

    /**
     * The lines the {@code !reference} item on line {@code index} (0-based) runs where it stands, references in them
     * followed: a template's {@code docker compose -f stack.yml up -d} runs in the job's shell, where its
     * {@code before_script} left it, not only where the template's own file would start it. Empty for another line.
     */
    java.util.List<String> referenced(int index) {
        return referenced.getOrDefault(index, java.util.List.of());
    }

    /**
     * Splits each shell at its {@code - !reference [.job, section]} items: GitLab puts the referenced lines there, so
     * a {@code cd} among them moves the lines after the item. The lines after one start where the shell's lines up to
     * it and the referenced lines, replayed, leave the directory.
     */
    private void splitAtReferences(String[] lines, String[] all, GitlabExtends templates) {
        Map<Integer, Integer> current = new HashMap<>(); // each shell's latest opening, by its first
        int[] original = shellOf.clone();
        for (int i = 0; i < lines.length; i++) {
            int shell = original[i];
            if (shell < 0) {
                continue;
            }
            int opening = current.getOrDefault(shell, shell);
            shellOf[i] = opening;
            if (!templates.isReference(i) || i == shell) {
                continue;
            }
            java.util.List<Integer> replay = new java.util.ArrayList<>();
            for (int k = opening + 1; k < i; k++) {
                if (original[k] == shell) {
                    replay.add(k);
                }
            }
            replay.addAll(templates.expanded(java.util.List.of(i)));
            fromTemplate.put(i, replayed(all, replay, start(opening)));
            current.put(shell, i);
            shellOf[i] = i;
        }
    }

    private static final CiShells.Start ROOT = new CiShells.Start("", null);

    /** Where the lines {@code indexes}, replayed from {@code from}, leave the directory. */
    private static CiShells.Start replayed(String[] lines, java.util.List<Integer> indexes, CiShells.Start from) {
        if (from.directory() == null && from.absolute() == null) {
            return from; // unknown before them, unknown after
        }
        WorkingDirectory wd = from.absolute() != null ? WorkingDirectory.startingAt(from.absolute(), true)
                : WorkingDirectory.startingIn(from.directory(), true);
        WorkingDirectory.Line last = null;
        for (int i : indexes) {
            if (!lines[i].strip().startsWith("#")) {
                last = wd.read(lines[i]);
            }
        }
        return last == null ? from : end(last);
    }

    /** The opening line of line {@code index}'s shell; -1 above the first job. */
    int shellOf(int index) {
        return shellOf[index];
    }

    /** Where the shell opened at line {@code opening} starts. */
    CiShells.Start start(int opening) {
        if (fromTemplate.containsKey(opening)) {
            return fromTemplate.get(opening);
        }
        return inheriting.contains(opening) ? afterDefault : new CiShells.Start("", null);
    }

    private static CiShells.Start end(WorkingDirectory.Line last) {
        java.util.List<String> dirs = last.at(Integer.MAX_VALUE);
        String absolute = last.absoluteAt(Integer.MAX_VALUE);
        return new CiShells.Start(dirs.isEmpty() ? null : dirs.get(0), absolute);
    }
}
