package dev.migrate.rewriters.python.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.Ownership;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import org.junit.jupiter.api.Test;

class EditsTest {
    private static Node first(PythonFile f, NodeKind kind) {
        return Nodes.find(f.module(), kind).get(0);
    }

    private static String print(Node module) {
        assertThat(PythonParser.parse(module.print()).diagnostics()).as("edited code parses").isEmpty();
        assertThat(Ownership.violation(module)).as("whitespace ownership after the edit").isNull();
        return module.print();
    }

    @Test
    void aSnippetsStringsTakeTheFilesQuoteExceptInsideFStringFields() {
        // f"{d['k']}" with the inner quotes swapped is a SyntaxError before Python 3.12, which Prefect 3 still runs on
        Node e = Snippets.expression("name(f'etl_{os.getenv(\"ENV\", \"dev\")}', 'x', f\"{d['k']}\")",
                new dev.migrate.rewriters.python.PythonStyle("    ", "\n", '\''));
        assertThat(e.text()).isEqualTo("name(f'etl_{os.getenv(\"ENV\", \"dev\")}', 'x', f\"{d['k']}\")");
        Node d = Snippets.expression("name(f'{d[\"k\"]}', 'x')", dev.migrate.rewriters.python.PythonStyle.DEFAULT);
        assertThat(d.text()).isEqualTo("name(f'{d[\"k\"]}', \"x\")");
    }

    @Test
    void replaceExpressionKeepsEverythingElse() {
        PythonFile f = PythonParser.parse("x = old(1,  2)  # keep\ny = 3\n");
        Node call = first(f, NodeKind.CALL);
        Node edited = TreeEdits.replace(f.module(), call, Snippets.expression("new_call('a')", f.style()));
        assertThat(print(edited)).isEqualTo("x = new_call(\"a\")  # keep\ny = 3\n");
    }

    @Test
    void insertAfterUsesTheBlocksIndentTabsAndCrlf() {
        PythonFile f = PythonParser.parse("def f():\r\n\tif x:\r\n\t\ta = 1\r\n\treturn a\r\n");
        Node assign = first(f, NodeKind.ASSIGN);
        Node edited = StatementEdits.insertAfter(f.module(), assign, """
                for i in range(3):
                    print('i')
                """, f.style());
        assertThat(print(edited)).isEqualTo(
                "def f():\r\n\tif x:\r\n\t\ta = 1\r\n\t\tfor i in range(3):\r\n\t\t\tprint(\"i\")\r\n\treturn a\r\n");
    }

    @Test
    void insertBeforeLeavesCommentsWithTheirStatement() {
        PythonFile f = PythonParser.parse("import os\n\n# run it\nmain()\n");
        Node call = first(f, NodeKind.EXPR_STMT);
        Node edited = StatementEdits.insertBefore(f.module(), call, "setup()", f.style());
        assertThat(print(edited)).isEqualTo("import os\n\nsetup()\n# run it\nmain()\n");
    }

    @Test
    void replaceAndRemoveStatements() {
        PythonFile f = PythonParser.parse("class A:\n    x = 1\n    y = 2; z = 3\n");
        Node x = first(f, NodeKind.ASSIGN);
        Node replaced = StatementEdits.replace(f.module(), x, "x: int = 10", f.style());
        assertThat(print(replaced)).isEqualTo("class A:\n    x: int = 10\n    y = 2; z = 3\n");
        Node y = Nodes.find(replaced, NodeKind.ASSIGN).get(0);
        assertThat(print(StatementEdits.remove(replaced, y, f.style()))).isEqualTo("class A:\n    x: int = 10\n    z = 3\n");
        PythonFile g = PythonParser.parse("if a:\n    b()\nc()\n");
        Node b = first(g, NodeKind.EXPR_STMT);
        assertThat(print(StatementEdits.remove(g.module(), b, g.style()))).isEqualTo("if a:\n    pass\nc()\n");
    }

    @Test
    void refusesToInsertIntoAOneLineBlock() {
        PythonFile f = PythonParser.parse("if a: b()\n");
        Node b = first(f, NodeKind.EXPR_STMT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StatementEdits.insertAfter(f.module(), b, "c()", f.style()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shares its line");
        assertThat(print(StatementEdits.replace(f.module(), b, "c()", f.style()))).isEqualTo("if a: c()\n");
    }

    @Test
    void removingTheFirstStatementOfAGroupKeepsTheBlankLineBeforeIt() {
        PythonFile f = PythonParser.parse("import os\n\nfrom a import b\nfrom c import d\n\nx = 1\n");
        Node ab = first(f, NodeKind.IMPORT_FROM);
        assertThat(print(StatementEdits.remove(f.module(), ab, f.style())))
                .isEqualTo("import os\n\nfrom c import d\n\nx = 1\n");
    }

    @Test
    void blankLinesAroundADefinitionAreMadeUpToPep8sCount() {
        PythonFile f = PythonParser.parse("import os\n# the job\ndef job():\n    pass\nif __name__ == '__main__':\n    job()\n");
        Node def = first(f, NodeKind.FUNCTION_DEF);
        assertThat(print(StatementEdits.blankLinesAround(f.module(), def, 2, f.style())))
                .isEqualTo("import os\n\n\n# the job\ndef job():\n    pass\n\n\nif __name__ == '__main__':\n    job()\n");
        PythonFile spaced = PythonParser.parse("import os\n\n\ndef job():\n    pass\n");
        assertThat(StatementEdits.blankLinesAround(spaced.module(), first(spaced, NodeKind.FUNCTION_DEF), 2, spaced.style()))
                .isSameAs(spaced.module());
        PythonFile crlf = PythonParser.parse("class A:\r\n    x = 1\r\n    def f(self):\r\n        pass\r\n");
        assertThat(print(StatementEdits.blankLinesAround(crlf.module(), first(crlf, NodeKind.FUNCTION_DEF), 1, crlf.style())))
                .isEqualTo("class A:\r\n    x = 1\r\n\r\n    def f(self):\r\n        pass\r\n");
    }

    @Test
    void insertAfterLastLineWithoutNewline() {
        PythonFile f = PythonParser.parse("a = 1");
        Node edited = StatementEdits.insertAfter(f.module(), first(f, NodeKind.ASSIGN), "b = 2", f.style());
        // the file had no final line break, and keeps having none
        assertThat(print(edited)).isEqualTo("a = 1\nb = 2");
    }

    @Test
    void addImportsMergesAndPlacesAfterExistingOnes() {
        PythonFile f = PythonParser.parse("\"\"\"Doc.\"\"\"\nfrom prefect import flow\nimport os\n\nx = 1\n");
        Node merged = ImportEdits.addFromImport(f.module(), "prefect", "task", f.style());
        assertThat(print(merged)).isEqualTo("\"\"\"Doc.\"\"\"\nfrom prefect import flow, task\nimport os\n\nx = 1\n");
        assertThat(ImportEdits.addFromImport(merged, "prefect", "task", f.style())).isSameAs(merged);
        Node added = ImportEdits.addImport(merged, "sys", f.style());
        assertThat(print(added)).isEqualTo("\"\"\"Doc.\"\"\"\nfrom prefect import flow, task\nimport os\nimport sys\n\nx = 1\n");
        PythonFile doc = PythonParser.parse("'''Doc.'''\nx = 1\n");
        assertThat(print(ImportEdits.addFromImport(doc.module(), "prefect", "flow", doc.style())))
                .isEqualTo("'''Doc.'''\nfrom prefect import flow\n\nx = 1\n");
        // a module's first import is set apart from its code, as isort does; a blank line already there is kept
        for (String[] c : new String[][] {{"x = 1\n", "from prefect import flow\n\nx = 1\n"},
                {"# header\nx = 1\n", "# header\nfrom prefect import flow\n\nx = 1\n"},
                {"'''Doc.'''\n\nx = 1\r\n", "'''Doc.'''\nfrom prefect import flow\n\nx = 1\r\n"}}) {
            PythonFile bare = PythonParser.parse(c[0]);
            assertThat(print(ImportEdits.addFromImport(bare.module(), "prefect", "flow", bare.style()))).as(c[0]).isEqualTo(c[1]);
        }
        PythonFile paren = PythonParser.parse("from a import (\n    b,\n    c,\n)\n");
        assertThat(print(ImportEdits.addFromImport(paren.module(), "a", "d", paren.style())))
                .isEqualTo("from a import (\n    b,\n    c,\n    d,\n)\n");
    }

    @Test
    void aNameJoinsASortedListInItsPlaceAndAnUnsortedOneAtTheEnd() {
        assertThat(addedTo("from prefect import flow, task\n", "get_run_logger"))
                .isEqualTo("from prefect import flow, get_run_logger, task\n");
        // by character code, as isort and ruff order by type: Classes before functions
        assertThat(addedTo("from prefect import flow, task\n", "Flow")).isEqualTo("from prefect import Flow, flow, task\n");
        assertThat(addedTo("from x import Alpha, beta\n", "Gamma")).isEqualTo("from x import Alpha, Gamma, beta\n");
        // ignoring case, when that is how the list is sorted
        assertThat(addedTo("from x import alpha, Beta, delta\n", "Charlie"))
                .isEqualTo("from x import alpha, Beta, Charlie, delta\n");
        assertThat(addedTo("from x import task, flow\n", "aaa")).isEqualTo("from x import task, flow, aaa\n");
        assertThat(addedTo("from a import (\n    b,\n    d,\n)\n", "c")).isEqualTo("from a import (\n    b,\n    c,\n    d,\n)\n");
        assertThat(addedTo("from a import (b,\n    d)\n", "a")).isEqualTo("from a import (a, b,\n    d)\n");
        assertThat(addedTo("from a import b as z, d\n", "c")).isEqualTo("from a import b as z, c, d\n");
    }

    private static String addedTo(String code, String name) {
        PythonFile f = PythonParser.parse(code);
        Node module = f.module();
        String module0 = TreeIndex.of(module).imports().all().get(0).module();
        return print(ImportEdits.addFromImport(module, module0, name, f.style()));
    }

    @Test
    void removeImportsAndDropTheOnesAnEditMadeUnused() {
        PythonFile f = PythonParser.parse("from prefect import Flow, task\nimport os, sys\nimport json  # unused before\n"
                + "with Flow('x') as flow:\n    task(os.getcwd())\n");
        Node call = Nodes.find(f.module(), n -> n.kind() == NodeKind.CALL && n.text().startsWith("Flow")).get(0);
        Node edited = TreeEdits.replace(f.module(), call, Snippets.expression("flow_context('x')", f.style()));
        Node cleaned = ImportEdits.removeImportsMadeUnused(f.module(), edited, f.style());
        assertThat(print(cleaned)).isEqualTo("from prefect import task\nimport os, sys\nimport json  # unused before\n"
                + "with flow_context('x') as flow:\n    task(os.getcwd())\n");
        Node noOs = ImportEdits.removeImport(cleaned, "os", f.style());
        assertThat(print(noOs)).startsWith("from prefect import task\nimport sys\n");
        Node noTask = ImportEdits.removeImport(noOs, "task", f.style());
        assertThat(print(noTask)).startsWith("import sys\nimport json");
        assertThat(Imports.of(noTask).binding("task")).isEmpty();
    }

    @Test
    void untouchedBytesStayIdenticalAndSubtreesShared() {
        PythonFile f = PythonParser.parse("def a():\n    return 1\n\n\ndef b():\n    return 2\n");
        Node ret = Nodes.find(f.module(), NodeKind.RETURN).get(1);
        Node edited = StatementEdits.replace(f.module(), ret, "return 3", f.style());
        assertThat(print(edited)).isEqualTo("def a():\n    return 1\n\n\ndef b():\n    return 3\n");
        assertThat(Nodes.find(edited, NodeKind.FUNCTION_DEF).get(0)).isSameAs(first(f, NodeKind.FUNCTION_DEF));
    }
}
