package dev.migrate.rewriters.python.test;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.Recipe;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;

/**
 * Test recipe exercising the whole stack: calls to {@code oldName} (a qualified name, resolved through
 * imports) get {@code newModule.newName} as callee, imported with a from-import, and imports the edit
 * left unused are dropped.
 */
public final class ReplaceImportedCall extends Recipe {
    @Option(displayName = "Old name", description = "Qualified name of the callee to replace.", example = "prefect.Flow")
    private final String oldName;

    @Option(displayName = "New module", description = "Module the replacement is imported from.", example = "prefect")
    private final String newModule;

    @Option(displayName = "New name", description = "Name of the replacement callee.", example = "flow")
    private final String newName;

    @JsonCreator
    public ReplaceImportedCall(@JsonProperty("oldName") String oldName, @JsonProperty("newModule") String newModule,
                               @JsonProperty("newName") String newName) {
        this.oldName = oldName;
        this.newModule = newModule;
        this.newName = newName;
    }

    public String getOldName() {
        return oldName;
    }

    public String getNewModule() {
        return newModule;
    }

    public String getNewName() {
        return newName;
    }

    @Override
    public String getDisplayName() {
        return "Replace an imported call";
    }

    @Override
    public String getDescription() {
        return "Replaces calls to one imported callable with another and fixes the imports.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return new PythonVisitor<>() {
            @Override
            public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                Node before = file.module();
                Imports imports = Imports.of(before);
                Node after = before;
                for (Node call : Nodes.find(before, NodeKind.CALL)) {
                    if (imports.qualifiedName(call).filter(oldName::equals).isPresent()) {
                        Node callee = call.nodes().get(0);
                        after = TreeEdits.replace(after, callee, Snippets.expression(newName, file.style()));
                    }
                }
                if (after == before) {
                    return file;
                }
                after = ImportEdits.addFromImport(after, newModule, newName, file.style());
                after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
                return file.withModule(after);
            }
        };
    }
}
