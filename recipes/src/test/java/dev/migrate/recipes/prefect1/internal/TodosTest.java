package dev.migrate.recipes.prefect1.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.rewriters.python.PythonParser;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.PyElement;
import org.junit.jupiter.api.Test;

class TodosTest {
    @Test
    void aTodoOnTheFirstStatementIsFoundAfterTheFileIsParsedAgain() {
        Node root = PythonParser.parse("# header\nimport prefect\nx = 1\n").module();
        Node once = Todos.add(root, root.child(0), "PF105", "check this", "\n");
        assertThat(once.print()).isEqualTo("# header\n# TODO(migrate PF105): check this\nimport prefect\nx = 1\n");

        // Parsed again, the comments above the first statement belong to the module header.
        Node reparsed = PythonParser.parse(once.print()).module();
        PyElement first = reparsed.child(0);
        assertThat(Todos.has(reparsed, first, "PF105")).isTrue();
        assertThat(Todos.add(reparsed, first, "PF105", "check this", "\n").print()).isEqualTo(once.print());
    }

    @Test
    void theHeaderTodoDoesNotCountForLaterStatements() {
        Node root = PythonParser.parse("# TODO(migrate PF105): check this\nimport prefect\nx = 1\n").module();
        assertThat(Todos.has(root, root.child(1), "PF105")).isFalse();
        assertThat(Todos.add(root, root.child(1), "PF105", "here too", "\n").print())
                .isEqualTo("# TODO(migrate PF105): check this\nimport prefect\n# TODO(migrate PF105): here too\nx = 1\n");
    }

    @Test
    void aMessageQuotingCodeOnSeveralLinesBecomesOneCommentLine() {
        Node root = PythonParser.parse("x = 1\n").module();
        Node out = Todos.add(root, root.child(0), "PF102", "on_failure=partial(\n    notify,\r\n    channel=1,\n): drop", "\n");
        assertThat(out.print()).isEqualTo("# TODO(migrate PF102): on_failure=partial( notify, channel=1, ): drop\nx = 1\n");
        assertThat(PythonParser.parse(out.print()).module().print()).isEqualTo(out.print());
    }
}
