package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.SourceRanges;
import dev.migrate.rewriters.python.tree.Space;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tree index derives an edited tree's node table from the table of the tree the edit started from. On
 * real files (python3's stdlib and site-packages) under random chains of edits, everything the index answers
 * must equal what walking the edited tree answers. (Tests run with assertions on, so each derived table is also
 * compared slot by slot with a fresh walk.)
 */
class TreeIndexDerivationTest {
    private static final NodeKind[] KINDS = {NodeKind.NAME, NodeKind.CALL, NodeKind.FUNCTION_DEF, NodeKind.SIMPLE_LINE,
        NodeKind.IMPORT_FROM, NodeKind.SUITE};

    @Test
    void derivedIndexesAnswerWhatAWalkOfTheEditedTreeAnswers() throws Exception {
        assumeTrue(PythonCorpus.python3().isPresent(), "python3 is not installed: no corpus to edit");
        List<Path> all = PythonCorpus.files();
        Random pick = new Random(20261122);
        int checked = 0;
        for (int n = 0; n < 150 && !all.isEmpty(); n++) {
            PythonFile f = PythonParser.parse(all.get(pick.nextInt(all.size())));
            if (f.hasSyntaxErrors() || f.module().length() > 200_000) {
                continue;
            }
            Node root = f.module();
            TreeIndex.of(root).find(NodeKind.NAME); // the first version has a table: later ones derive theirs
            Random r = new Random(f.getSourcePath().toString().hashCode());
            for (int edit = 0; edit < 6; edit++) {
                Node edited = randomEdit(root, r, f.style(), edit);
                if (edited == root) {
                    continue;
                }
                root = edited;
                if (r.nextBoolean()) {
                    continue; // leave this version unqueried: the next one derives across it
                }
                agreesWithAWalk(root, r);
                checked++;
            }
        }
        assertThat(checked).as("edited versions checked").isGreaterThan(100);
    }

    private static Node randomEdit(Node root, Random r, PythonStyle style, int i) {
        List<Node> names = TreeIndex.of(root).find(NodeKind.NAME);
        List<Node> lines = TreeIndex.of(root).find(NodeKind.SIMPLE_LINE);
        switch (r.nextInt(4)) {
            case 0:
                if (!names.isEmpty()) {
                    Node name = names.get(r.nextInt(names.size()));
                    return TreeEdits.replace(root, name, Snippets.expression("renamed_" + i + "(x, 'y')", style));
                }
                return root;
            case 1:
                if (!lines.isEmpty()) {
                    Node stmt = lines.get(r.nextInt(lines.size())).nodes().get(0);
                    try {
                        return StatementEdits.insertAfter(root, stmt, "added_" + i + " = 1", style);
                    } catch (IllegalArgumentException refused) {
                        // a statement on its compound header's line (`if x: y`) takes no neighbour: no edit. Which
                        // files the corpus holds depends on what the local python3 has installed.
                        return root;
                    }
                }
                return root;
            case 2:
                if (!lines.isEmpty()) {
                    Node line = lines.get(r.nextInt(lines.size()));
                    // a new prefix on a block's first element moves onto its ancestors (or is dropped)
                    return TreeEdits.replaceKeepingPrefix(root, line,
                            line.withPrefix(Space.of(line.prefix().text() + "# note " + i + "\n")));
                }
                return root;
            default:
                List<Node> calls = TreeIndex.of(root).find(NodeKind.CALL);
                if (!calls.isEmpty()) {
                    Node call = calls.get(r.nextInt(calls.size()));
                    return TreeEdits.replace(root, call, Snippets.expression("wrapped(" + call.text() + ")", style));
                }
                return root;
        }
    }

    private static void agreesWithAWalk(Node root, Random r) {
        TreeIndex index = TreeIndex.of(root);
        List<Node> nodes = Nodes.descendants(root);
        for (int i = 0; i < 20 && !nodes.isEmpty(); i++) {
            // first, before anything builds this version's table: paths found through the version it came from
            Node n = nodes.get(r.nextInt(nodes.size()));
            assertThat(index.path(n)).containsExactlyElementsOf(walkedPath(root, n));
        }
        assertThat(index.text()).isEqualTo(root.print());
        for (NodeKind k : KINDS) {
            assertThat(index.find(k)).as(k.name()).containsExactlyElementsOf(Nodes.find(root, k));
        }
        SourceRanges ranges = SourceRanges.of(root);
        for (int i = 0; i < 20 && !nodes.isEmpty(); i++) {
            Node n = nodes.get(r.nextInt(nodes.size()));
            assertThat(index.offsetOf(n)).isEqualTo(ranges.start(n));
            assertThat(index.path(n)).containsExactlyElementsOf(walkedPath(root, n));
        }
        // imports (reused from the old version when no import statement changed) equal a fresh parse's
        assertThat(index.imports().all()).extracting(b -> b.localName() + "=" + b.qualifiedName())
                .containsExactlyElementsOf(TreeIndex.of(PythonParser.parse(root.print()).module()).imports().all()
                        .stream().map(b -> b.localName() + "=" + b.qualifiedName()).toList());
    }

    /** Ancestors of {@code target}, by a plain recursive search. */
    private static List<Node> walkedPath(Node root, Node target) {
        List<Node> path = new ArrayList<>();
        return target == root || find(root, target, path) ? path : null;
    }

    private static boolean find(Node at, Node target, List<Node> path) {
        path.add(at);
        for (var c : at.children()) {
            if (c == target) {
                return true;
            }
            if (c instanceof Node n && find(n, target, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}
