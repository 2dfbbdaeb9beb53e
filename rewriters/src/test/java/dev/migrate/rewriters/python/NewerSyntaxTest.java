package dev.migrate.rewriters.python;

import static dev.migrate.rewriters.python.ParseAssertions.texts;
import static dev.migrate.rewriters.python.ParseAssertions.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import org.junit.jupiter.api.Test;

/** Syntax newer than the machine's python3 (3.12 f-strings and type parameters, 3.13 defaults), by hand. */
class NewerSyntaxTest {
    @Test
    void pep701NestedQuotesAndNestedFStrings() {
        PythonFile f = valid("""
                names = ["a", "b"]
                s = f"{"\\n".join(names)}"
                t = f"{f"{f"{1}"}"}"
                z = f'{a["k"]}' f"{b['k']!s}" rf"\\d{n}"
                """);
        assertThat(Nodes.find(f.module(), NodeKind.FSTRING)).hasSize(7);
        assertThat(texts(f, NodeKind.CALL)).containsExactly("\"\\n\".join(names)");
        assertThat(texts(f, NodeKind.STRING)).contains("\"a\"", "\"\\n\"", "f\"{f\"{f\"{1}\"}\"}\"");
    }

    @Test
    void pep701DebugConversionAndNestedFormatSpecs() {
        PythonFile f = valid("""
                u = f"{x=}, {x = !r:>10}"
                v = f"{value:{width}.{precision}}"
                """);
        List3 fields = new List3(texts(f, NodeKind.REPLACEMENT_FIELD));
        assertThat(fields.all()).contains("{x=}", "{x = !r:>10}", "{value:{width}.{precision}}", "{width}");
        assertThat(texts(f, NodeKind.FORMAT_SPEC)).contains(">10", "{width}.{precision}");
    }

    @Test
    void pep701MultiLineExpressionsWithComments() {
        PythonFile f = valid("""
                w = f\"""{
                    x  # a comment inside the replacement field
                    + 1
                }\"""
                """);
        assertThat(texts(f, NodeKind.BINARY)).hasSize(1);
    }

    @Test
    void pep695TypeAliasesAndTypeParameters() {
        PythonFile f = valid("""
                type Point = tuple[float, float]
                type ListOrSet[T] = list[T] | set[T]
                def first[T](xs: list[T]) -> T: return xs[0]
                class Box[T: (int, str), *Ts, **P]:
                    pass
                """);
        assertThat(texts(f, NodeKind.TYPE_ALIAS)).containsExactly("type Point = tuple[float, float]",
                "type ListOrSet[T] = list[T] | set[T]");
        assertThat(texts(f, NodeKind.TYPE_PARAM)).containsExactly("T", "T", "T: (int, str)", "*Ts", "**P");
    }

    @Test
    void python313TypeParameterDefaults() {
        PythonFile f = valid("""
                def f[T = int, *Ts = *tuple[int], **P = [int]](): ...
                class C[T: int = bool]: ...
                type A[T = str] = list[T]
                """);
        assertThat(texts(f, NodeKind.TYPE_PARAM)).containsExactly("T = int", "*Ts = *tuple[int]", "**P = [int]",
                "T: int = bool", "T = str");
    }

    @Test
    void softKeywordsStayNamesOutsideTheirStatements() {
        PythonFile f = valid("""
                match = 1
                type = 2
                match(x)
                match[0]: int = 3
                print(match, type, case := 4)
                match command.split():
                    case [action, obj]:
                        pass
                    case Point(x=0, y=0) | {"k": [1, *rest], **others} if x > 0:
                        pass
                    case -1 | 1.5 + 2j | None | "s" | Color.RED as c:
                        pass
                    case _:
                        pass
                """);
        assertThat(Nodes.find(f.module(), NodeKind.MATCH)).hasSize(1);
        assertThat(Nodes.find(f.module(), NodeKind.CASE_CLAUSE)).hasSize(4);
        assertThat(texts(f, NodeKind.MATCH_CLASS)).containsExactly("Point(x=0, y=0)");
        assertThat(texts(f, NodeKind.ASSIGN)).containsExactly("match = 1", "type = 2");
    }

    @Test
    void exceptStarWalrusPositionalOnlyAndParenthesizedWith() {
        PythonFile f = valid("""
                try:
                    pass
                except* (ValueError, TypeError) as group:
                    pass
                def g(a, b, /, c, *, d=1, **kw):
                    if (n := len(a)) > 10:
                        return *a, *b
                with (open("a") as fa, open("b") as fb,):
                    pass
                async def h():
                    async with x as y:
                        return [i async for i in aiter() if await i]
                @buttons[0].clicked.connect
                def decorated(): ...
                """);
        assertThat(texts(f, NodeKind.NAMED_EXPR)).containsExactly("n := len(a)");
        assertThat(Nodes.find(f.module(), NodeKind.WITH_ITEM)).hasSize(3);
        assertThat(texts(f, NodeKind.DECORATOR)).hasSize(1);
    }

    @Test
    void layoutsLineEndingsBomAndFormFeeds() {
        valid("if x:\r\n    y = 1\r\n\r\n# c\r\nz = 2\r\n");
        valid("if x:\r    y = 1\r\rz = 2");
        valid("\fimport os\n\f\ndef f():\n\tif x:\n\t\treturn 1\n");
        valid("x = [1,\n  2, \\\n 3]\nif x and \\\n   y:\n    pass\n");
        PythonFile bom = ParseAssertions.parseBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '=', '1'});
        assertThat(bom.isCharsetBomMarked()).isTrue();
        assertThat(bom.diagnostics()).isEmpty();
    }

    @Test
    void latin1CookieDecodesAndKeepsBytes() {
        byte[] bytes = "# -*- coding: latin-1 -*-\ns = 'caf\u00e9'\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        PythonFile f = ParseAssertions.parseBytes(bytes);
        assertThat(f.diagnostics()).isEmpty();
        assertThat(f.text()).contains("caf\u00e9");
        assertThat(f.getCharset()).isEqualTo(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void invalidUtf8IsReportedAndStillRoundTrips() {
        PythonFile f = ParseAssertions.parseBytes(new byte[] {'x', '=', '\'', (byte) 0xF6, '\'', '\n'});
        assertThat(f.diagnostics()).first().extracting(Diagnostic::message).asString().contains("can't decode");
    }

    @Test
    void deepNestingWithinCPythonsLimitParses() {
        String src = "x = " + "(".repeat(190) + "1" + ")".repeat(190) + "\n";
        PythonFile f = valid(src);
        assertThat(Nodes.find(f.module(), NodeKind.PAREN)).hasSize(190);
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        for (String src : new String[] {"x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n",
            "x = " + "[".repeat(50000) + "\n", "y = " + "-".repeat(100000) + "1\n",
            "z = " + "not ".repeat(20000) + "a\n", "f(" + "lambda: ".repeat(3000) + "1)\n",
            "a" + ".b".repeat(50000) + "\n", "q" + "(x)".repeat(30000) + "\n"}) {
            PythonFile f = ParseAssertions.parse(src);
            assertThat(f.text()).isEqualTo(src);
        }
    }

    @Test
    void veryLongLinesAndLongFiles() {
        String longLine = "x = " + "1 + ".repeat(100_000) + "1\n";
        PythonFile f = valid(longLine);
        assertThat(Nodes.find(f.module(), NodeKind.BINARY)).hasSize(100_000);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            sb.append(i % 100 == 0 ? "def f" + i + "(a, b=1):\n" : "    a = b + " + i + "  # line " + i + "\n");
        }
        PythonFile big = valid(sb.toString());
        assertThat(Nodes.find(big.module(), NodeKind.FUNCTION_DEF)).hasSize(100);
        assertThat(Nodes.find(big.module(), NodeKind.ASSIGN)).hasSize(9_900);
    }

    @Test
    void indentationLimitIsCPythons() {
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < 99; i++) {
            ok.append(" ".repeat(i)).append("if x:\n");
        }
        ok.append(" ".repeat(99)).append("pass\n");
        valid(ok.toString());
        // one more is CPython's IndentationError (3.11: 100 nested blocks fail, 99 compile)
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            deep.append(" ".repeat(i)).append("if x:\n");
        }
        deep.append(" ".repeat(100)).append("pass\n");
        PythonFile f = ParseAssertions.parse(deep.toString());
        assertThat(f.diagnostics()).anyMatch(d -> d.message().contains("too many levels of indentation"));
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        PythonFile f = ParseAssertions.parse("def f(:\n    pass\nx = (1,\n");
        assertThat(f.diagnostics()).isNotEmpty();
        Diagnostic first = f.diagnostics().get(0);
        assertThat(first.format("t.py")).isEqualTo("t.py:1:7: expected a parameter but found ':'");
        assertThat(first.expected()).isEqualTo("a parameter");
        assertThat(first.found()).isEqualTo("':'");
        PythonFile print2 = ParseAssertions.parse("print \"hello\"\n");
        assertThat(print2.diagnostics()).extracting(d -> d.line() + ":" + d.column()).containsExactly("1:7");
        assertThat(Nodes.find(print2.module(), NodeKind.ERROR)).hasSize(1);
    }

    /** Tiny wrapper so assertions read naturally. */
    private record List3(java.util.List<String> all) {
    }

    @Test
    void everyNodeKindPrintsItsOwnText() {
        PythonFile f = valid("""
                @dec(1)
                async def f(a: int = 2, *args, **kw) -> None:
                    global g; nonlocal_ = 1
                    del a[0], b.c
                    assert a, "msg"
                    raise E from e
                    x: list[int] = [i for i in range(3) if i]
                    y += {k: v for k, v in d.items()}
                    z = {*a, *b} or {**m} and not q
                    w = lambda x, /, y=1, *a, k, **kw: (x, y)
                    u = a if b else c
                    v = -a ** ~b // c @ d << e
                    yield from g()
                    await h()
                    for i, *rest in pairs:
                        break
                    else:
                        continue
                    while True:
                        pass
                    from ..pkg.mod import (a as b, c,)
                    import os.path as osp, sys
                    return a[1:2, ::3, ...]
                """);
        for (Node n : Nodes.descendants(f.module())) {
            assertThat(f.text()).contains(n.text());
        }
    }
}
