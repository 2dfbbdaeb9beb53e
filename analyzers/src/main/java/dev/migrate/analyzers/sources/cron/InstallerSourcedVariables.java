package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.config.UnscannedTexts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The variables a crontab-installing script takes from the files it reads into itself ({@code . ./env.sh},
 * {@code source /opt/ingest/env.sh}) before its unquoted here-document: the crontab detector saw the script alone and
 * recorded those files and the names they may set ({@link InstallerVariables#SOURCES},
 * {@link InstallerVariables#SOURCED_NAMES}); here, with the whole tree at hand, each file's literal assignments are
 * read (as {@link LiteralVariables} reads a script, with the files it reads in turn, never run) and recorded as
 * {@code installer.NAME}. A later file's value wins over an earlier one's, and over the script's own value set before
 * it; a file that sets the name to no literal value (a command's output, a secret) makes it unknown, and so does a file
 * not in the tree, which may set it ({@link InstallerVariables#UNKNOWN} says which), so the cutover says to set the
 * variable first rather than use a value that file may change. An absolute path is looked for in the host
 * dump that holds the script: under each directory above it, nearest first ({@code dump/opt/ingest/env.sh} for a
 * script in {@code dump/opt/ingest/bin}), then under the scanned root.
 */
public final class InstallerSourcedVariables implements JobResolver {
    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, Path base) {
        Function<String, String> tree = null;
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            String sources = job.attributes().get(InstallerVariables.SOURCES);
            String names = job.attributes().get(InstallerVariables.SOURCED_NAMES);
            if (sources == null || names == null || base == null) {
                continue;
            }
            tree = tree == null ? new UnscannedTexts(base) : tree;
            Map<String, Integer> fromFile = new HashMap<>();
            for (String n : names.split(" ")) {
                int colon = n.indexOf(InstallerVariables.FROM_FILE);
                fromFile.put(colon < 0 ? n : n.substring(0, colon), colon < 0 ? 1 : Integer.parseInt(n.substring(colon + 1)));
            }
            Map<String, String> attributes = withSourced(job, List.of(sources.split(" ")), fromFile, tree);
            if (!attributes.equals(job.attributes())) {
                jobs.set(i, new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), job.command(),
                        job.user(), job.env(), job.workingDir(), job.overlap(), job.dependsOn(), attributes));
            }
        }
    }

    /**
     * {@code job}'s attributes with the values that the files {@code sources} set, in order, of the names of
     * {@code fromFile}, each from the file (1-based) it gives on.
     */
    static Map<String, String> withSourced(Job job, List<String> sources, Map<String, Integer> fromFile,
                                           Function<String, String> tree) {
        // null: a file sets the name to something not known, or may
        Map<String, String> sourced = new HashMap<>();
        // by name, the last file not in the tree that may set it
        Map<String, String> missing = new java.util.TreeMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String path = found(job.source().path(), sources.get(i), tree);
            if (path == null) {
                // not in the tree: it may set any of the names, so what the script or an earlier file set is unknown
                for (Map.Entry<String, Integer> e : fromFile.entrySet()) {
                    if (i + 1 >= e.getValue()) {
                        sourced.put(e.getKey(), null);
                        missing.put(e.getKey(), sources.get(i));
                    }
                }
                continue;
            }
            List<LiteralVariables.Assignment> assignments = LiteralVariables.shell(path, tree.apply(path), tree);
            Map<String, String> known = LiteralVariables.known(assignments);
            Set<String> set = new HashSet<>();
            assignments.stream().filter(a -> a.scopeEnd() == Integer.MAX_VALUE).forEach(a -> set.add(a.name()));
            for (Map.Entry<String, Integer> e : fromFile.entrySet()) {
                String name = e.getKey();
                if (i + 1 >= e.getValue() && set.contains(name)) {
                    String value = known.get(name) == null ? null : LiteralVariables.unquote(known.get(name));
                    sourced.put(name, InstallerVariables.safe(name, value) ? value : null);
                    missing.remove(name); // a file read later and found sets it
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>(job.attributes());
        if (!missing.isEmpty()) {
            List<String> unknown = new java.util.ArrayList<>();
            String before = out.get(InstallerVariables.UNKNOWN);
            if (before != null) {
                unknown.add(before);
            }
            missing.forEach((name, file) -> unknown.add(name + " (" + file + ", not in the tree)"));
            out.put(InstallerVariables.UNKNOWN, String.join(", ", unknown));
        }
        sourced.forEach((name, value) -> {
            if (value == null) {
                out.remove(InstallerVariables.PREFIX + name);
            } else {
                out.put(InstallerVariables.PREFIX + name, value);
            }
        });
        return out;
    }

    /**
     * The repository path of the file {@code source} names for the script at {@code script}: a repository path as
     * recorded; an absolute one under the nearest directory above the script that holds it, else null.
     */
    static String found(String script, String source, Function<String, String> tree) {
        if (!source.startsWith("/")) {
            return tree.apply(source) != null ? source : null;
        }
        String dir = script.contains("/") ? script.substring(0, script.lastIndexOf('/')) : "";
        while (true) {
            String candidate = (dir.isEmpty() ? "" : dir + "/") + source.substring(1);
            if (tree.apply(candidate) != null) {
                return candidate;
            }
            if (dir.isEmpty()) {
                return null;
            }
            dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
        }
    }
}
