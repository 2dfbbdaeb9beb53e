package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.TextPositions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A Prefect 2 version held in a variable that a build argument, a pin or a Prefect image reads (a Makefile's
 * {@code PREFECT_VERSION ?= 2.14.3}, a script's, a justfile's, a CI pipeline's {@code variables:}/{@code env:} entry,
 * a {@code build-args:} line of {@code docker/build-push-action}, a {@code .env} a compose file next to it
 * interpolates): the Dockerfile's raised {@code ARG} default ({@link RaisePrefectVersionArgsInDockerfiles}) loses to
 * it, so the value takes the targeted release too. Which values those are is the scan's definition
 * ({@link PrefectVersionVariables}); only the version's characters change, so quotes, comments and layout stay.
 * Compose files are scanned first: they decide which {@code .env} lines reach Prefect.
 */
public class RaisePrefectVersionVariables extends ScanningRecipe<Map<String, String>> {
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF208");

    @Override
    public String getDisplayName() {
        return "Raise Prefect version variables that builds and installs read to Prefect 3";
    }

    @Override
    public String getDescription() {
        return "Sets a Prefect 2 version held in a Makefile, shell script, justfile, CI pipeline or `.env` variable to "
                + "the targeted Prefect 3 release when a build argument, a pin or a Prefect image reads it "
                + "(`--build-arg PREFECT_VERSION=$(PREFECT_VERSION)`, `prefect==$PREFECT_VERSION`).";
    }

    /** The texts of the compose files, by path. */
    @Override
    public Map<String, String> getInitialValue(ExecutionContext ctx) {
        return new HashMap<>();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Map<String, String> composeFiles) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof Yaml.Documents d && PrefectVersionVariables.isCompose(path(d))) {
                    composeFiles.put(path(d), d.printAll());
                }
                return tree;
            }
        };
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Map<String, String> composeFiles) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!(tree instanceof SourceFile source)) {
                    return tree;
                }
                String path = path(source);
                Optional<PrefectVersionVariables.Kind> kind = PrefectVersionVariables.kindOf(path);
                if (kind.isEmpty() || !(source instanceof PlainText) && !(source instanceof Yaml.Documents)) {
                    return tree;
                }
                String text = source.printAll();
                List<PrefectVersionVariables.Value> values = kind.get() == PrefectVersionVariables.Kind.ENV
                        ? PrefectVersionVariables.inEnvFile(text, composeFiles.entrySet().stream()
                                .filter(c -> PrefectVersionVariables.readsEnvFile(c.getKey(), path)).map(Map.Entry::getValue).toList())
                        : PrefectVersionVariables.in(kind.get(), text);
                if (values.isEmpty()) {
                    return tree;
                }
                String pin = PrefectTarget.from(ctx).pin();
                StringBuilder after = new StringBuilder(text);
                // from the end, so that earlier offsets stay valid
                for (int k = values.size() - 1; k >= 0; k--) {
                    PrefectVersionVariables.Value v = values.get(k);
                    after.replace(v.start(), v.end(), pin);
                }
                Tree edited = source instanceof PlainText p ? p.withText(after.toString())
                        : reparsed((Yaml.Documents) source, after.toString());
                if (edited == null) {
                    return tree; // the edit would not read back as the same YAML: nothing is written
                }
                String reader = kind.get() == PrefectVersionVariables.Kind.ENV
                        ? "a compose file next to it passes it to an image build or a Prefect image"
                        : "a build argument, pin or Prefect image of this file reads it";
                // lines of the text as received, which the engine maps onto the file as the later recipes leave it
                return MigrationNotes.visiting(path, () -> text, () -> {
                    for (PrefectVersionVariables.Value v : values) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, TextPositions.lineOf(text, v.start()), getName(),
                                false, "raised " + v.name() + " from " + v.version() + " to " + pin + ": " + (v.buildArgument()
                                        ? "the image build reads it in place of the Dockerfile's own ARG default" : reader)));
                    }
                    return edited;
                });
            }
        };
    }

    /** The documents with {@code text} as their content, or null when it does not parse back to exactly that text. */
    private static Yaml.Documents reparsed(Yaml.Documents documents, String text) {
        List<SourceFile> parsed = YamlParser.builder().build().parse(new InMemoryExecutionContext(t -> { }), text).toList();
        if (parsed.size() != 1 || !(parsed.get(0) instanceof Yaml.Documents docs) || !docs.printAll().equals(text)) {
            return null;
        }
        return documents.withDocuments(docs.getDocuments());
    }

    private static String path(SourceFile source) {
        return source.getSourcePath().toString().replace('\\', '/');
    }
}
