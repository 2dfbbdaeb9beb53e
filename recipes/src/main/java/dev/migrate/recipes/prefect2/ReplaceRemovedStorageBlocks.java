package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.python.ArgEdits;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.openrewrite.ExecutionContext;

/**
 * Prefect 3 removed the storage blocks of {@code prefect.filesystems} that the integrations replace (GitHub, S3,
 * GCS, Azure): a script that builds one, to save it ({@code S3(bucket_path="b/flows").save("code")}) or to use it
 * ({@code @flow(result_storage=GCS(...))}), fails at its import. The call becomes the integration's block with the
 * fields renamed (prefect-2-blocks.yaml): {@code S3Bucket(bucket_name="b", bucket_folder="flows")},
 * {@code GitHubRepository(repository_url=..., reference=...)}; secrets move into the integration's credentials block.
 * Unsafe (PF206): the block is saved under another block type, so whatever loads it by name must load that type.
 * A block with a field the integration has no place for gets a TODO. Blocks a deployment is built with are
 * {@link ReplaceDeploymentBuildFromFlow}'s.
 */
public class ReplaceRemovedStorageBlocks extends PythonRecipe {
    private static final String CODE = "PF206";

    private final transient MigrationNotes notes = new MigrationNotes(this, CODE);

    @Override
    public String getDisplayName() {
        return "Replace removed Prefect 2 storage blocks with integration blocks";
    }

    @Override
    public String getDescription() {
        return "`GitHub`, `S3`, `GCS` and `Azure` of `prefect.filesystems` are gone in Prefect 3: a script that builds "
                + "one (to save it, or as result storage) builds the integration's block instead "
                + "(`prefect_github.GitHubRepository`, `prefect_aws.S3Bucket`, `prefect_gcp.GcsBucket`, "
                + "`prefect_azure.AzureBlobStorageContainer`) with the fields renamed. Unsafe fix (PF206): code that "
                + "loads the block by name must load the new type, and `GitHub.load(name)` becomes "
                + "`GitHubRepository.load(name)` (the block must be saved as that type first).";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"filesystems"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        Node after = before;
        Set<String> needed = new TreeSet<>();
        List<Node[]> todos = new ArrayList<>();
        List<String> todoMessages = new ArrayList<>();
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(before, imports,
                q -> PrefectBlocks.get().block(q).isPresent())) {
            if (TreeEdits.path(after, found.call()) == null) {
                continue; // inside a block call already replaced
            }
            PrefectBlocks.Storage block = PrefectBlocks.get().block(found.qualifiedName()).orElseThrow();
            CallView view = new CallView(found.call());
            StorageBlockArguments.Mapping mapping = StorageBlockArguments.of(view, block, file.style().quote());
            if (mapping.arguments().isEmpty()) {
                String message = found.qualifiedName() + " was removed in Prefect 3 and " + mapping.problem()
                        + ": build a " + block.sourceClass() + " block instead";
                notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE, message));
                todos.add(new Node[] {found.statement()});
                todoMessages.add(message);
                continue;
            }
            StorageBlockArguments args = mapping.arguments().get();
            String cls = StorageBlockArguments.simpleName(block.sourceClass());
            if (!unsafe) {
                notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE,
                        MigrationNotes.unsafeFixNotApplied(cls + "(" + String.join(", ", args.texts(view)) + ")")));
                continue;
            }
            after = TreeEdits.replace(after, found.call(), replaced(found.call(), cls, args, file));
            needed.add(block.sourceClass());
            if (args.credentials() != null) {
                needed.add(block.credentialsBlock().className());
            }
            notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE, "now a "
                    + block.sourceClass() + " block (install its integration): code that loads the "
                    + found.qualifiedName() + " block by name must load " + cls + " by that name, once this has saved it"
                    + (args.credentials() != null ? "; consider saving the credentials block once and loading it by "
                    + "name instead of passing secrets in code" : "")));
        }
        after = loads(file, before, after, imports, unsafe, needed, ctx);
        for (String dotted : needed) {
            after = ImportEdits.addFromImport(after, dotted.substring(0, dotted.lastIndexOf('.')),
                    StorageBlockArguments.simpleName(dotted), file.style());
        }
        if (after != before) {
            after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
            after = PythonCode.trimLeadingBlankLines(before, after);
        }
        for (int i = 0; i < todos.size(); i++) {
            after = PythonCode.addTodo(after, todos.get(i)[0], CODE, todoMessages.get(i), file.style());
        }
        return after;
    }

    /**
     * {@code GitHub.load("code")} becomes {@code GitHubRepository.load("code")}: the block must have been saved as the
     * new type first (the scripts that build it are converted above), which the note says.
     */
    private Node loads(PythonFile file, Node before, Node after, Imports imports, boolean unsafe, Set<String> needed,
                       ExecutionContext ctx) {
        Node result = after;
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(before, imports,
                q -> q.endsWith(".load") && PrefectBlocks.get().block(withoutLoad(q)).isPresent())) {
            Node callee = new CallView(found.call()).callee();
            if (callee.kind() != dev.migrate.rewriters.python.tree.NodeKind.ATTRIBUTE
                    || TreeEdits.path(result, callee) == null) {
                continue;
            }
            String old = withoutLoad(found.qualifiedName());
            PrefectBlocks.Storage block = PrefectBlocks.get().block(old).orElseThrow();
            String cls = StorageBlockArguments.simpleName(block.sourceClass());
            if (!unsafe) {
                notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE,
                        MigrationNotes.unsafeFixNotApplied(cls + ".load(...)")));
                continue;
            }
            Node receiver = callee.nodes().get(0);
            result = TreeEdits.replace(result, receiver, Snippets.expression(cls, file.style()).withPrefix(receiver.prefix()));
            needed.add(block.sourceClass());
            notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE, "now loads a "
                    + block.sourceClass() + " block: save one under this name first (the " + old + " block saved by "
                    + "Prefect 2 is not read as it), for example by running the converted script that built it"));
        }
        return result;
    }

    private static String withoutLoad(String qualifiedName) {
        return qualifiedName.substring(0, qualifiedName.length() - ".load".length());
    }

    /** The call as the Prefect 3 block's, its layout kept: class and keywords renamed in place, new ones last. */
    private static Node replaced(Node call, String cls, StorageBlockArguments args, PythonFile file) {
        CallView view = new CallView(call);
        Node callee = view.callee();
        Node result = call.withChild(call.children().indexOf(callee),
                Snippets.expression(cls, file.style()).withPrefix(callee.prefix()));
        for (StorageBlockArguments.Renamed r : args.renamed()) {
            if (!r.keyword().equals(r.argument().keyword())) {
                result = ArgEdits.replace(result, r.argument().node(), ArgEdits.rename(r.argument().node(), r.keyword()));
            }
        }
        if (args.bucketPath() != null) {
            Node arg = args.bucketPath().node();
            String[] first = args.bucketParts().get(0).split("=", 2);
            result = ArgEdits.replace(result, arg, ArgEdits.withValue(ArgEdits.rename(arg, first[0]), first[1], file.style()));
        }
        // the credentials block takes the first secret's place (and the comments around it); the other secrets go,
        // last first: a removal gives the next element a new prefix, and so a new node
        for (int i = args.secrets().size() - 1; i >= 1; i--) {
            result = ArgEdits.remove(result, args.secrets().get(i).node());
        }
        if (args.credentials() != null) {
            Node first = args.secrets().get(0).node();
            String[] kv = args.credentials().split("=", 2);
            result = ArgEdits.replace(result, first, ArgEdits.withValue(ArgEdits.rename(first, kv[0]), kv[1], file.style()));
        }
        for (String extra : args.bucketParts().subList(Math.min(1, args.bucketParts().size()), args.bucketParts().size())) {
            String[] kv = extra.split("=", 2);
            result = ArgEdits.add(result, kv[0], kv[1], file.style());
        }
        return result;
    }

    /**
     * The integration classes this recipe would write into {@code file} (for the requirements): the blocks built
     * in it whose every field has a place.
     */
    static Set<String> classesWritten(PythonFile file) {
        Set<String> out = new TreeSet<>();
        Node module = file.module();
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(module, Imports.of(module),
                q -> PrefectBlocks.get().block(q).isPresent())) {
            PrefectBlocks.Storage block = PrefectBlocks.get().block(found.qualifiedName()).orElseThrow();
            Optional<StorageBlockArguments> args = StorageBlockArguments.of(new CallView(found.call()), block,
                    file.style().quote()).arguments();
            if (args.isPresent()) {
                out.add(block.sourceClass());
            }
        }
        // loads, and blocks saved by name, also where a deployment uses them: ReplaceDeploymentBuildFromFlow deploys
        // from GitHubRepository.load(...) and from a saved GitHub block made a GitHubRepository
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(module, Imports.of(module),
                q -> q.endsWith(".load") && PrefectBlocks.get().block(withoutLoad(q)).isPresent(), true)) {
            out.add(PrefectBlocks.get().block(withoutLoad(found.qualifiedName())).orElseThrow().sourceClass());
        }
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(module, Imports.of(module),
                q -> PrefectBlocks.get().block(q).isPresent(), true)) {
            if (BlocksBuiltInScripts.savedName(module, found.statement()).isPresent()) {
                out.add(PrefectBlocks.get().block(found.qualifiedName()).orElseThrow().sourceClass());
            }
        }
        return out;
    }
}
