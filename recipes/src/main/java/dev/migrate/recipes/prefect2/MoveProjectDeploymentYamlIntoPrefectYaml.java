package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.DeletedFiles;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.TextPositions;
import dev.migrate.recipes.internal.YamlSnippets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrewrite.Cursor;
import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Prefect 2.10's short-lived projects layout kept the deployments in a {@code deployment.yaml} beside
 * {@code prefect.yaml}; 2.11 offered to copy them into {@code prefect.yaml}, and Prefect 3 reads only that file,
 * so {@code prefect deploy --all} would find none of them. The entries move as text (comments and layout kept,
 * re-indented to the target's list) to the end of {@code prefect.yaml}'s {@code deployments:}, and the old file
 * goes. When {@code prefect.yaml} already names one of them, or there is none, a person decides.
 */
public class MoveProjectDeploymentYamlIntoPrefectYaml extends ScanningRecipe<MoveProjectDeploymentYamlIntoPrefectYaml.Found> {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF204");

    /** By directory: the project deployment.yaml's list text and names, and prefect.yaml's deployment names. */
    public static class Found {
        final Map<Path, Moved> moved = new HashMap<>();
        final Map<Path, Set<String>> prefectYamlNames = new HashMap<>();
    }

    /** The {@code deployments:} list of one deployment.yaml: its text from the first item, its item indent, names. */
    record Moved(Path file, String items, int indent, Set<String> names) {
    }

    @Override
    public String getDisplayName() {
        return "Move a 2.10 project's deployment.yaml into prefect.yaml";
    }

    @Override
    public String getDescription() {
        return "Moves the deployments of the `deployment.yaml` that Prefect 2.10's projects layout kept beside "
                + "`prefect.yaml` to the end of `prefect.yaml`'s `deployments:` list, comments and layout kept, and "
                + "removes the old file: Prefect 3 reads deployments only from `prefect.yaml`.";
    }

    @Override
    public Found getInitialValue(ExecutionContext ctx) {
        return new Found();
    }

    private static boolean isDeploymentYaml(Path path) {
        String n = path.getFileName().toString();
        return n.equals("deployment.yaml") || n.equals("deployment.yml");
    }

    private static boolean isPrefectYaml(Path path) {
        String n = path.getFileName().toString();
        return n.equals("prefect.yaml") || n.equals("prefect.yml");
    }

    /** The top-level {@code deployments:} block sequence of a one-document file, or null. */
    private static Yaml.Sequence deployments(Yaml.Documents docs) {
        if (docs.getDocuments().size() != 1 || !(docs.getDocuments().get(0).getBlock() instanceof Yaml.Mapping top)) {
            return null;
        }
        for (Yaml.Mapping.Entry e : top.getEntries()) {
            if ("deployments".equals(e.getKey().getValue()) && e.getValue() instanceof Yaml.Sequence s
                    && s.getOpeningBracketPrefix() == null) {
                return s;
            }
        }
        return null;
    }

    private static Set<String> names(Yaml.Sequence s) {
        Set<String> names = new LinkedHashSet<>();
        if (s == null) {
            return names;
        }
        for (Yaml.Sequence.Entry item : s.getEntries()) {
            // an entry without a name (`name: null`, `~`) is unnamed, not called "null": two such entries are no clash
            if (item.getBlock() instanceof Yaml.Mapping m && PrefectYamlFiles.deploymentName(m) != null) {
                names.add(PrefectYamlFiles.deploymentName(m));
            }
        }
        return names;
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Found acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof Yaml.Documents docs) {
                    Path path = docs.getSourcePath();
                    Yaml.Sequence list = deployments(docs);
                    if (isPrefectYaml(path)) {
                        acc.prefectYamlNames.put(PrefectYamlFiles.directoryOf(path), names(list));
                    } else if (isDeploymentYaml(path) && list != null && !list.getEntries().isEmpty()
                            && ((Yaml.Mapping) docs.getDocuments().get(0).getBlock()).getEntries().size() == 1) {
                        // only `deployments:` in it (2.10's template), so removing the file loses nothing else
                        String text = list.print(new Cursor(null, docs));
                        String first = list.getEntries().get(0).getPrefix();
                        String indent = first.substring(first.lastIndexOf('\n') + 1);
                        // the list's text from its first item's line: comments above the first item come along
                        acc.moved.put(PrefectYamlFiles.directoryOf(path), new Moved(path, text.substring(text.indexOf('\n') + 1),
                                indent.length(), names(list)));
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        return new YamlIsoVisitor<>() {
            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents docs, ExecutionContext ctx) {
                Path path = docs.getSourcePath();
                Moved moved = acc.moved.get(PrefectYamlFiles.directoryOf(path));
                if (moved == null) {
                    return docs;
                }
                Set<String> existing = acc.prefectYamlNames.get(PrefectYamlFiles.directoryOf(path));
                Set<String> both = new LinkedHashSet<>(moved.names());
                if (existing != null) {
                    both.retainAll(existing);
                }
                if (path.equals(moved.file())) {
                    if (existing == null || !both.isEmpty()) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), 1, getName(), true, existing == null
                                ? "this deployment.yaml of Prefect 2.10's projects layout has no prefect.yaml beside it, "
                                + "and Prefect 3 reads deployments only from prefect.yaml: rename it prefect.yaml"
                                : "prefect.yaml also names " + String.join(", ", both) + "; Prefect 3 reads deployments "
                                + "only from prefect.yaml: move what this deployment.yaml adds there, then delete it", "PF204"));
                        return docs;
                    }
                    return DeletedFiles.delete(ctx, docs, MoveProjectDeploymentYamlIntoPrefectYaml.this);
                }
                if (!isPrefectYaml(path) || existing == null || !both.isEmpty()) {
                    return docs;
                }
                Yaml.Documents after = withMoved(docs, moved, ctx);
                String text = after.printAll();
                String from = moved.file().getFileName().toString();
                // the line of the first moved item (past the comments above it)
                String firstItem = moved.items().lines().map(String::strip).filter(l -> l.startsWith("-")).findFirst().orElse("");
                int at = firstItem.isEmpty() ? -1 : text.indexOf(firstItem, text.indexOf("deployments:"));
                notes.insertRow(ctx, new MigrationNotes.Row(path.toString(), at < 0 ? 0 : TextPositions.lineOf(text, at),
                        getName(), false, "moved " + (moved.names().isEmpty() ? "its deployments" : String.join(", ", moved.names()))
                        + " here from " + from
                        + " (Prefect 2.10's projects layout), which Prefect 3 does not read; " + from + " is removed"));
                return after;
            }
        };
    }

    /** {@code docs} with the moved items at the end of its top-level {@code deployments:} (added when missing). */
    private static Yaml.Documents withMoved(Yaml.Documents docs, Moved moved, ExecutionContext ctx) {
        Yaml.Document doc = docs.getDocuments().get(0);
        if (!(doc.getBlock() instanceof Yaml.Mapping top)) {
            return docs;
        }
        Cursor cursor = new Cursor(new Cursor(null, docs), doc);
        List<Yaml.Mapping.Entry> entries = new ArrayList<>(top.getEntries());
        for (int i = 0; i < entries.size(); i++) {
            Yaml.Mapping.Entry e = entries.get(i);
            if (!"deployments".equals(e.getKey().getValue())) {
                continue;
            }
            if (e.getValue() instanceof Yaml.Sequence s && !s.getEntries().isEmpty() && s.getOpeningBracketPrefix() == null) {
                String first = s.getEntries().get(0).getPrefix();
                int indent = first.length() - first.lastIndexOf('\n') - 1;
                String current = s.print(cursor);
                entries.set(i, e.withValue(YamlSnippets.parseValue("deployments", current.stripTrailing() + "\n"
                        + shifted(moved.items(), moved.indent(), indent))));
            } else {
                // `deployments:` with no items (empty, null or []) takes the moved list as its value
                entries.set(i, e.withValue(YamlSnippets.parseValue("deployments", "\n" + shifted(moved.items(), moved.indent(), 0))));
            }
            return docs.withDocuments(List.of(doc.withBlock(top.withEntries(entries))));
        }
        entries.add(YamlSnippets.parseEntry("deployments", "\n" + shifted(moved.items(), moved.indent(), 0)).withPrefix("\n"));
        return docs.withDocuments(List.of(doc.withBlock(top.withEntries(entries))));
    }

    /** {@code text} with each line's indentation moved from {@code from} columns to {@code to} (blank lines kept). */
    static String shifted(String text, int from, int to) {
        if (from == to) {
            return text.stripTrailing();
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.stripTrailing().split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            if (line.isBlank()) {
                out.append(line.strip());
                continue;
            }
            int lead = line.length() - line.stripLeading().length();
            int keep = Math.max(0, lead - Math.min(from, lead));
            out.append(" ".repeat(to + keep)).append(line.stripLeading());
        }
        return out.toString();
    }
}
