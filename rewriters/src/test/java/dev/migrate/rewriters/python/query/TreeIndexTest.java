package dev.migrate.rewriters.python.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import org.junit.jupiter.api.Test;

class TreeIndexTest {
    private static final String CODE = "import os\r\nfrom prefect import flow\n\ntry:\n    from x import y as z\nexcept ImportError:\n"
            + "    import json\n\n@flow\ndef f():\n    from prefect import task\n    return os.path.join(z, 'a')\n";

    @Test
    void answersWhatAFullWalkAnswers() {
        PythonFile f = PythonParser.parse(CODE);
        Node m = f.module();
        TreeIndex index = TreeIndex.of(m);
        for (NodeKind k : NodeKind.values()) {
            assertThat(index.find(k)).as(k.name()).containsExactlyElementsOf(Nodes.find(m, k));
        }
        assertThat(index.imports().all()).extracting(ImportBinding::localName)
                .containsExactly("os", "flow", "z", "json", "task");
        assertThat(index.usedNames()).contains("os", "z", "flow").doesNotContain("json", "y");
        assertThat(index.nameCount("z")).isEqualTo(1);
        assertThat(index.text()).isEqualTo(CODE);
    }

    @Test
    void containsSearchesThePrintedText() {
        for (String code : new String[] {CODE, "x\n", ""}) {
            Node m = PythonParser.parse(code).module();
            for (String w : new String[] {"from prefect", "os.path.join(z", "'a')\n", "import", "\r\n", "x", "prefect ",
                    "nothing like this", "json\n\n@", ""}) {
                assertThat(TreeIndex.of(m).contains(w)).as(w + " in " + code).isEqualTo(code.contains(w));
            }
        }
    }

    @Test
    void linesCountEveryKindOfLineBreak() {
        TreeIndex index = TreeIndex.of(PythonParser.parse("a = 1\r\nb = 2\rc = 3\nd\n").module());
        assertThat(index.lineAt(0)).isEqualTo(1);
        assertThat(index.lineAt(6)).isEqualTo(1);
        assertThat(index.lineAt(7)).isEqualTo(2);
        assertThat(index.lineAt(13)).isEqualTo(3);
        assertThat(index.lineAt(19)).isEqualTo(4);
    }

    @Test
    void anEditedTreeGetsItsOwnFacts() {
        PythonFile f = PythonParser.parse("from prefect import flow\nflow()\n");
        Node before = f.module();
        assertThat(TreeIndex.of(before).imports()).isSameAs(Imports.of(before));
        Node after = ImportEdits.addFromImport(before, "prefect", "task", f.style());
        assertThat(TreeIndex.of(after).imports().binding("task")).isPresent();
        assertThat(TreeIndex.of(before).imports().binding("task")).isEmpty();
        assertThat(TreeIndex.of(after).text()).isEqualTo("from prefect import flow, task\nflow()\n");
    }

    @Test
    void anEditedTreeReusesTheImportsOfStatementsItKept() {
        PythonFile f = PythonParser.parse("import os\nfrom prefect import flow\nimport json as j\n\nx = 1\nflow()\n");
        Node before = f.module();
        Imports imports = Imports.of(before);
        // an edit away from the imports, made before any node table exists: the same imports, not read again
        Node one = PythonParser.parse("y = 2\n").module().nodes().get(0);
        Node edited = TreeEdits.replace(before, before.nodes().get(3), one);
        assertThat(Imports.of(edited)).isSameAs(imports);
        // an edit of one import statement: the others' bindings are kept, the edited one is read again
        Node added = ImportEdits.addFromImport(edited, "prefect", "task", f.style());
        Imports after = Imports.of(added);
        assertThat(after.all()).extracting(ImportBinding::localName).containsExactly("os", "flow", "task", "j");
        assertThat(after.binding("os").get()).isSameAs(imports.binding("os").get());
        assertThat(after.binding("j").get()).isSameAs(imports.binding("j").get());
        assertThat(after.binding("flow").get()).isNotSameAs(imports.binding("flow").get());
        // what reading the printed result afresh binds
        Imports fresh = Imports.of(PythonParser.parse(TreeIndex.of(added).text()).module());
        assertThat(after.all()).extracting(b -> b.localName() + "=" + b.qualifiedName() + " from " + b.module())
                .containsExactlyElementsOf(fresh.all().stream()
                        .map(b -> b.localName() + "=" + b.qualifiedName() + " from " + b.module()).toList());
    }
}
