package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.analyzers.sources.python.PrefectApiUsageDetector;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.ExecutionContext;

/**
 * A removed storage block named by its {@code "slug/name"} reference: {@code Block.load("s3/code")}, or {@code
 * result_storage="s3/results"} on a flow, a task, their {@code with_options} or a dict of their options (2.x and 3.x
 * alike load such a string as a block). Prefect 3 has no block type {@code s3}, so the load fails; the reference
 * becomes the replacing block's, {@code "s3-bucket/results"}, the {@code prefect_aws.S3Bucket} that the converted
 * scripts save under the same name ({@link ReplaceRemovedStorageBlocks}, which does the same for {@code
 * S3.load("results")}). Unsafe (PF206): that block must be saved first. A {@code Block.load} a deployment is built
 * with is {@link ReplaceDeploymentBuildFromFlow}'s.
 */
public class ReplaceRemovedStorageBlockSlugs extends PythonRecipe {
    private static final String CODE = "PF206";

    private final transient MigrationNotes notes = new MigrationNotes(this, CODE);

    @Override
    public String getDisplayName() {
        return "Name the integration blocks that replace removed storage blocks loaded by slug";
    }

    @Override
    public String getDescription() {
        return "`Block.load(\"s3/code\")` and `result_storage=\"s3/results\"` name a `prefect.filesystems` storage "
                + "block by its type slug, which Prefect 3 no longer has: the reference names the integration's block "
                + "instead (`\"s3-bucket/results\"`, `\"gcs-bucket/...\"`, `\"azure-blob-storage-container/...\"`, "
                + "`\"github-repository/...\"`). Unsafe fix (PF206): save that block under the same name first.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"s3/", "gcs/", "azure/", "github/"};
    }

    /** A reference to rewrite: the string literal, what it names, and what replaces it. */
    private record Reference(Node literal, String text, PrefectBlockClasses.SlugReference slug) {
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect")) {
            return before;
        }
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Node after = before;
        for (Reference r : references(before, imports)) {
            String replaced = replacedLiteral(r);
            if (replaced == null || TreeEdits.path(after, r.literal()) == null) {
                continue;
            }
            if (!unsafe) {
                notes.insertRow(ctx, PythonCode.note(file, r.literal(), getName(), true, CODE,
                        MigrationNotes.unsafeFixNotApplied("\"" + r.slug().replacement() + "\"")));
                continue;
            }
            Token token = (Token) r.literal().children().get(0);
            after = TreeEdits.replace(after, r.literal(), r.literal().withChild(0, token.withText(replaced)));
            notes.insertRow(ctx, PythonCode.note(file, r.literal(), getName(), true, CODE, "\"" + r.text()
                    + "\" named a " + r.slug().removedClass() + " block, whose type Prefect 3 no longer has; it now names "
                    + "a " + r.slug().replacementClass() + " block (install its integration): save one under this name "
                    + "first, for example by running the converted script that built the old one"));
        }
        return after;
    }

    /**
     * The block references of {@code root} naming removed storage blocks: the first argument of a {@code Block.load}
     * outside deployments, and every {@code result_storage=} keyword.
     */
    private static List<Reference> references(Node root, Imports imports) {
        Set<Node> loads = Collections.newSetFromMap(new IdentityHashMap<>());
        BlocksBuiltInScripts.find(root, imports, PrefectApiUsageDetector.GENERIC_BLOCK_LOAD::equals)
                .forEach(load -> loads.add(load.call()));
        List<Node> values = new ArrayList<>();
        for (Node call : TreeIndex.of(root).find(NodeKind.CALL)) {
            CallView view = new CallView(call);
            (loads.contains(call) ? view.positional(0) : view.keyword("result_storage")).map(Argument::value)
                    .ifPresent(values::add);
        }
        List<Reference> out = new ArrayList<>();
        for (Node value : values) {
            Node literal = Expressions.unwrap(value);
            Optional<String> text = StringLiterals.value(literal);
            Optional<PrefectBlockClasses.SlugReference> slug = text.flatMap(PrefectBlockClasses::storageSlug);
            if (slug.isPresent()) {
                out.add(new Reference(literal, text.get(), slug.get()));
            }
        }
        return out;
    }

    /**
     * The literal's source with the new slug in place of the old, its prefix and quotes kept; null for a literal
     * written in parts or with escapes in the slug (left as it is).
     */
    private static String replacedLiteral(Reference r) {
        if (r.literal().children().size() != 1 || !(r.literal().children().get(0) instanceof Token token)) {
            return null;
        }
        String source = token.text();
        String oldSlug = r.text().substring(0, r.text().indexOf('/') + 1);
        String quote = StringLiterals.quote(source);
        int start = StringLiterals.prefix(source).length() + quote.length();
        if (!source.startsWith(oldSlug, start)) {
            return null;
        }
        String newSlug = r.slug().replacement().substring(0, r.slug().replacement().indexOf('/') + 1);
        return source.substring(0, start) + newSlug + source.substring(start + oldSlug.length());
    }

    /** The integration blocks this recipe makes {@code file} load (for the requirements). */
    static Set<String> classesLoaded(PythonFile file) {
        Set<String> out = new TreeSet<>();
        if (PythonCode.mentions(file, "s3/", "gcs/", "azure/", "github/")) {
            Node module = file.module();
            references(module, Imports.of(module)).forEach(r -> out.add(r.slug().replacementClass()));
        }
        return out;
    }
}
