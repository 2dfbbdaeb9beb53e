package dev.migrate.recipes.internal;

import org.openrewrite.ExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A recipe over compose files: those named as compose names them, and those the run's commands, {@code .env} files
 * ({@code COMPOSE_FILE}) or includes name ({@code docker compose -f deploy/stack.yml}), which only a scan of the whole
 * run can tell ({@link ComposeFiles}).
 */
public abstract class ComposeFileRecipe extends ScanningRecipe<ComposeFiles> {
    @Override
    public ComposeFiles getInitialValue(ExecutionContext ctx) {
        return ComposeFiles.in(ctx);
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(ComposeFiles acc) {
        return ComposeFiles.scanner();
    }

    /** A YAML visitor that enters the documents of compose files only. */
    protected abstract static class ComposeVisitor extends YamlIsoVisitor<ExecutionContext> {
        private final ComposeFiles files;

        protected ComposeVisitor(ComposeFiles files) {
            this.files = files;
        }

        @Override
        public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
            return files.isCompose(documents.getSourcePath()) ? super.visitDocuments(documents, ctx) : documents;
        }
    }
}
