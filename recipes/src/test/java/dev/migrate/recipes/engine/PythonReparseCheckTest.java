package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.recipes.PrefectTarget;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import dev.migrate.rewriters.python.tree.Token;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/** `migrate rewrite` parses .py files, and never writes a Python result that would not parse. */
class PythonReparseCheckTest {
    @TempDir
    Path project;

    /** Renames the first name it finds to {@code to}: a valid identifier or, to test the check, not one. */
    static final class RenameFirstName extends Recipe {
        private final String to;

        RenameFirstName(String to) {
            this.to = to;
        }

        @Override
        public String getDisplayName() {
            return "Rename the first name";
        }

        @Override
        public String getDescription() {
            return "Test recipe.";
        }

        @Override
        public TreeVisitor<?, ExecutionContext> getVisitor() {
            return new PythonVisitor<>() {
                @Override
                public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                    Node name = Nodes.find(file.module(), NodeKind.NAME).get(0);
                    Token token = name.tokens().get(0);
                    return file.withModule(TreeEdits.replace(file.module(), token, token.withText(to)));
                }
            };
        }
    }

    @Test
    void aCharacterTheFilesEncodingCannotHoldIsRefusedNotWrittenAsAQuestionMark() throws Exception {
        Path file = project.resolve("legacy.py");
        byte[] latin1 = "# -*- coding: latin-1 -*-\ncaf\u00e9 = 1\nprint(caf\u00e9)\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);

        // U+2019 has no Latin-1 byte: writing it would have put '?' in the file
        RewriteResult lossy = new RewriteEngine(new RenameFirstName("caf\u2019"), PrefectTarget.defaultTarget(), true)
                .run(project);
        assertThat(lossy.changes()).isEmpty();
        assertThat(lossy.refused()).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("ISO-8859-1", "U+2019 on line 2", "UTF-8"));
        RewriteEngine.apply(project, lossy);
        assertThat(Files.readAllBytes(file)).isEqualTo(latin1);

        // a character Latin-1 does hold is written in Latin-1
        RewriteResult fine = new RewriteEngine(new RenameFirstName("na\u00efve"), PrefectTarget.defaultTarget(), true)
                .run(project);
        assertThat(fine.refused()).isEmpty();
        assertThat(fine.changes()).singleElement().satisfies(c -> assertThat(c.after()).isEqualTo(
                "# -*- coding: latin-1 -*-\nna\u00efve = 1\nprint(caf\u00e9)\n".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void pythonResultWithASyntaxErrorIsRefusedAndNotWritten() throws Exception {
        Path file = project.resolve("jobs/etl.py");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "total = 1\nprint(total)\n", StandardCharsets.UTF_8);

        RewriteResult broken = new RewriteEngine(new RenameFirstName("to tal"), PrefectTarget.defaultTarget(), true)
                .run(project);
        assertThat(broken.changes()).isEmpty();
        assertThat(broken.refused()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(Path.of("jobs/etl.py").toString());
            assertThat(r.reason()).contains("syntax error", "jobs/etl.py:1:");
        });
        RewriteEngine.apply(project, broken);
        assertThat(Files.readString(file)).isEqualTo("total = 1\nprint(total)\n");

        RewriteResult fine = new RewriteEngine(new RenameFirstName("count"), PrefectTarget.defaultTarget(), true)
                .run(project);
        assertThat(fine.refused()).isEmpty();
        assertThat(fine.changes()).singleElement().satisfies(c ->
                assertThat(new String(c.after(), StandardCharsets.UTF_8)).isEqualTo("count = 1\nprint(total)\n"));
    }
}
