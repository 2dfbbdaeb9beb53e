package dev.migrate.rewriters.python.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueriesTest {
    private static final String FLOW = """
            import prefect as p
            import os.path
            from prefect import Flow as F, task
            from prefect.schedules import IntervalSchedule
            from . import sibling
            from ..pkg.util import helper as h
            try:
                import ujson as json
            except ImportError:
                import json

            @task(max_retries=3, retry_delay=10)
            def extract(url, *, timeout=30):
                return os.path.join(url, "x")

            @p.task
            async def load(rows): ...

            class Loader(Base, metaclass=Meta):
                pass

            with F("etl", schedule=IntervalSchedule(interval=5)) as flow, other():
                data = extract("http://x")

            total: int = 0
            total += 1
            a = b = p.Flow("two")

            if __name__ == '__main__':
                flow.run()
            """;

    private final PythonFile file = PythonParser.parse(FLOW);
    private final Imports imports = Imports.of(file.module());

    @Test
    void importsResolveAliasesAndRelativeModules() {
        assertThat(file.diagnostics()).isEmpty();
        assertThat(imports.binding("p").orElseThrow().qualifiedName()).isEqualTo("prefect");
        assertThat(imports.binding("os").orElseThrow().module()).isEqualTo("os.path");
        assertThat(imports.binding("F").orElseThrow().qualifiedName()).isEqualTo("prefect.Flow");
        assertThat(imports.binding("sibling").orElseThrow().qualifiedName()).isEqualTo(".sibling");
        assertThat(imports.binding("h").orElseThrow().qualifiedName()).isEqualTo("..pkg.util.helper");
        assertThat(imports.binding("h").orElseThrow().isRelative()).isTrue();
        assertThat(imports.binding("json").orElseThrow().qualifiedName()).isEqualTo("json");
        assertThat(imports.uses("prefect")).isTrue();
        assertThat(imports.uses("airflow")).isFalse();
    }

    @Test
    void qualifiedNamesOfCallsDecoratorsAndAttributeChains() {
        List<String> calls = Nodes.find(file.module(), NodeKind.CALL).stream()
                .map(c -> imports.qualifiedName(c).orElse("?")).toList();
        assertThat(calls).contains("prefect.task", "os.path.join", "prefect.Flow", "prefect.schedules.IntervalSchedule")
                .contains("?");
        Definitions load = new Definitions(Nodes.find(file.module(), NodeKind.FUNCTION_DEF).get(1));
        assertThat(load.isAsync()).isTrue();
        assertThat(imports.qualifiedName(load.decorators().get(0))).contains("prefect.task");
    }

    @Test
    void callArgumentsByPositionAndKeyword() {
        Node flowCall = Nodes.find(file.module(), n -> n.kind() == NodeKind.CALL
                && imports.qualifiedName(n).orElse("").equals("prefect.Flow")).get(0);
        CallView call = new CallView(flowCall);
        assertThat(call.positional(0).map(a -> a.value().text())).contains("\"etl\"");
        assertThat(call.keyword("schedule").map(a -> a.value().text())).contains("IntervalSchedule(interval=5)");
        assertThat(call.argument("name", 0).map(a -> StringLiterals.value(a.value()).orElse(""))).contains("etl");
        assertThat(call.keyword("missing")).isEmpty();
    }

    @Test
    void definitionsWithStatementsAssignmentsAndMainGuard() {
        Definitions extract = new Definitions(Nodes.find(file.module(), NodeKind.FUNCTION_DEF).get(0));
        assertThat(extract.name()).isEqualTo("extract");
        assertThat(extract.parameterNames()).containsExactly("url", "timeout");
        Definitions loader = new Definitions(Nodes.find(file.module(), NodeKind.CLASS_DEF).get(0));
        assertThat(loader.bases()).extracting(Argument::keyword).containsExactly(null, "metaclass");

        List<Statements.WithItem> items = Statements.withItems(Nodes.find(file.module(), NodeKind.WITH).get(0));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).target().text()).isEqualTo("flow");
        assertThat(items.get(1).target()).isNull();

        List<Statements.Assignment> assignments = Nodes.descendants(file.module()).stream()
                .map(Statements::assignment).flatMap(java.util.Optional::stream).toList();
        assertThat(assignments).extracting(Statements.Assignment::operator).containsExactly("=", "=", "+=", "=");
        Statements.Assignment chained = assignments.get(3);
        assertThat(chained.targets()).extracting(Node::text).containsExactly("a", "b");
        assertThat(assignments.get(1).annotation().text()).isEqualTo("int");

        assertThat(Statements.mainGuards(file.module())).hasSize(1);
        assertThat(Statements.of(file.module())).hasSize(15);
    }

    @Test
    void stringValuesWithPrefixesEscapesAndConcatenation() {
        PythonFile f = PythonParser.parse("""
                a = "x" 'y' \"""z\"""
                b = r"\\d+" b"\\x41"
                c = "tab\\tnew\\nline \\u00e9 \\N{BULLET} \\101"
                d = f"{x}"
                e = ("implicit "
                     "concatenation")
                """);
        List<String> values = Nodes.find(f.module(), NodeKind.STRING).stream()
                .map(s -> StringLiterals.value(s).orElse("<dynamic>")).toList();
        assertThat(values).containsExactly("xyz", "\\d+A", "tab\tnew\nline \u00e9 \u2022 A", "<dynamic>",
                "implicit concatenation");
        assertThat(StringLiterals.prefix("Rb'x'")).isEqualTo("rb");
        assertThat(StringLiterals.quote("'''x'''")).isEqualTo("'''");
    }
}
