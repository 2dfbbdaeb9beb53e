package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.python.SavedBlocks;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.CommandJobVariable;
import dev.migrate.recipes.prefectcli.SavedBlockJobVariables;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openrewrite.ExecutionContext;

/**
 * Infrastructure blocks ({@code Process}, {@code DockerContainer}, {@code KubernetesJob} of
 * {@code prefect.infrastructure}, and the integrations' {@code ECSTask}, {@code CloudRunJob},
 * {@code VertexAICustomTrainingJob}, {@code AzureContainerInstanceJob}) have no Prefect 3 form: typed work pools and
 * their job variables replace them. A
 * script that builds one to save it ({@code DockerContainer(image=...).save("docker")}) or loads one fails at its
 * import on Prefect 3, and nothing can be rewritten in its place, so the statement gets a TODO (PF205) saying what
 * replaces it: {@code prefect work-pool create NAME --type docker} once, and the block's fields as the deployments'
 * job variables (or in the pool's base job template). Blocks a deployment is built with are
 * {@link ReplaceDeploymentBuildFromFlow}'s; when a deployment of the run loads the saved block by name and that
 * conversion gives it the block's literal settings ({@link SavedBlockIndex}), the TODO says they now live there: a
 * Python deployment takes every setting its pool has a job variable for, a converted {@code prefect deployment build
 * -ib slug/name} line the block's image, env, namespace and pull policy ({@link SavedBlockJobVariables}).
 */
public class ReportInfrastructureBlocksInScripts extends SavedBlocksRecipe {
    private static final String CODE = "PF205";
    /** A pool name the CLI takes without quoting. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final transient MigrationNotes notes = new MigrationNotes(this, CODE);

    @Override
    public String getDisplayName() {
        return "Report Prefect 2 infrastructure blocks built in scripts";
    }

    @Override
    public String getDescription() {
        return "`Process`, `DockerContainer` and `KubernetesJob` blocks, and the integrations' `ECSTask`, `CloudRunJob`, "
                + "`VertexAICustomTrainingJob` and `AzureContainerInstanceJob`, are gone in Prefect 3 (work pools replace them): "
                + "a statement that builds or loads one gets a TODO (PF205) naming the `prefect work-pool create` command "
                + "and the job variables that take the block's fields.";
    }

    /** prefect.infrastructure's blocks, and the integrations' by class name (prefect_aws.ecs.ECSTask). */
    private static final String[] MENTIONS = Stream.concat(Stream.of("infrastructure"),
            PrefectBlocks.get().integrationInfrastructureClassNames().stream()).toArray(String[]::new);

    @Override
    protected String[] mentions() {
        return MENTIONS;
    }

    @Override
    protected Node edit(PythonFile file, SavedBlockIndex index, ExecutionContext ctx) {
        Node before = file.module();
        Node after = before;
        Imports imports = Imports.of(before);
        for (BlocksBuiltInScripts.BlockCall found : BlocksBuiltInScripts.find(before, imports,
                q -> infrastructure(q).isPresent())) {
            PrefectBlocks.Infrastructure infra = infrastructure(found.qualifiedName()).orElseThrow();
            String message = found.qualifiedName().endsWith(".load") ? loaded(infra)
                    : built(before, imports, found, infra, loadedBy(file, before, found, index));
            notes.insertRow(ctx, PythonCode.note(file, found.call(), getName(), true, CODE, message));
            after = PythonCode.addTodo(after, found.statement(), CODE, message, file.style());
        }
        return after;
    }

    /** The block of a class or of its {@code load} ({@code prefect.infrastructure.Process.load}). */
    private static Optional<PrefectBlocks.Infrastructure> infrastructure(String qualifiedName) {
        String cls = qualifiedName.endsWith(".load")
                ? qualifiedName.substring(0, qualifiedName.length() - ".load".length()) : qualifiedName;
        return PrefectBlocks.get().infrastructure(cls);
    }

    private static String loaded(PrefectBlocks.Infrastructure infra) {
        return "Prefect 3 has no infrastructure blocks: deployments name a work pool of type " + infra.poolType()
                + " (work_pool_name=) and pass this block's settings as job_variables; remove this and its import";
    }

    /**
     * Who takes the settings of the block built here: the deployments of the run that load it by the name it is saved
     * under ({@code deployments/deploy.py:9}, {@code Makefile:4}), when this file's save is the one save of that name,
     * with literal fields; else none.
     */
    private record Takers(SavedBlockIndex.Loaders loaders, List<String> passedByCommandLines) {
        static final Takers NONE = new Takers(SavedBlockIndex.Loaders.NONE, List.of());
    }

    private static Takers loadedBy(PythonFile file, Node root, BlocksBuiltInScripts.BlockCall found, SavedBlockIndex index) {
        String cls = found.qualifiedName();
        Optional<String> reference = SavedBlocks.slugOf(cls)
                .flatMap(slug -> BlocksBuiltInScripts.savedName(root, found.statement()).map(n -> slug + "/" + n));
        String path = file.getSourcePath().normalize().toString().replace('\\', '/');
        return reference.flatMap(r -> index.find(r).usable().filter(s -> s.where().path().equals(path))
                        .map(s -> new Takers(index.loaders(r), SavedBlockJobVariables.passedFields(s))))
                .orElse(Takers.NONE);
    }

    /** What replaces a block built here: the pool to create and where its fields go (names only: values may be secret). */
    private static String built(Node root, Imports imports, BlocksBuiltInScripts.BlockCall found,
                                PrefectBlocks.Infrastructure infra, Takers takers) {
        String pool = BlocksBuiltInScripts.savedName(root, found.statement())
                .filter(n -> PLAIN_NAME.matcher(n).matches()).orElse("NAME");
        List<String> jobVariables = new ArrayList<>();
        // those a converted command line loading the block passes too (all of them when only Python deployments do)
        List<String> passedByAll = new ArrayList<>();
        List<String> template = new ArrayList<>();
        for (Argument a : new CallView(found.call()).arguments()) {
            String k = a.keyword();
            if (k != null && infra.jobVariables().contains(k)) {
                // a value the job variable spells differently (2.x's "ALWAYS") is given as the worker takes it
                Optional<String> respelt = imports.qualifiedName(a.value()).flatMap(q -> PrefectBlocks.get().enumValue(q))
                        .or(() -> StringLiterals.value(a.value()).flatMap(v -> PrefectBlocks.get().jobVariableValue(k, v)));
                // a list of words on the block, one string job variable (CommandJobVariable): said, its words not shown
                String command = k.equals(CommandJobVariable.KEY) ? " (one string, its words shell-quoted as shlex.join "
                        + "joins them)" : "";
                String shown = k + respelt.map(v -> " (\"" + v + "\")").orElse(command);
                jobVariables.add(shown);
                if (takers.loaders().commandLines().isEmpty() || takers.passedByCommandLines().contains(k)) {
                    passedByAll.add(shown);
                }
            } else {
                template.add(k != null ? k : "its positional arguments");
            }
        }
        StringBuilder out = new StringBuilder("Prefect 3 has no infrastructure blocks: work pools replace them. Create the "
                + "pool once with `prefect work-pool create " + pool + " --type " + infra.poolType() + "`");
        SavedBlockIndex.Loaders loaders = takers.loaders();
        if (!jobVariables.isEmpty() && !loaders.isEmpty()) {
            List<String> places = new ArrayList<>(loaders.scripts());
            places.addAll(loaders.commandLines());
            List<String> notPassed = jobVariables.stream().filter(v -> !passedByAll.contains(v)).toList();
            if (!passedByAll.isEmpty()) {
                // the deployment conversion copied them: said once for the whole block, whatever its fields
                out.append("; this block's ").append(String.join(", ", passedByAll)).append(" now live on the "
                        + "deployments that load it by name (").append(String.join(", ", places)).append("), whose "
                        + "conversion passes them as ").append(loaders.commandLines().isEmpty() ? "image= and job_variables"
                        : loaders.scripts().isEmpty() ? "--job-variable flags"
                        : "image= and job_variables (Python) or --job-variable flags (command lines)");
            }
            if (!notPassed.isEmpty()) {
                // a command line passes the block's image, env, namespace and pull policy only
                out.append("; the converted command lines that load it (").append(String.join(", ",
                        loaders.commandLines())).append(") do not pass its ").append(String.join(", ", notPassed))
                        .append(": set ").append(notPassed.size() == 1 ? "it" : "them").append(" in the pool's base job "
                        + "template or in those deployments' job_variables in prefect.yaml");
            }
        } else if (!jobVariables.isEmpty()) {
            out.append(", pass this block's ").append(String.join(", ", jobVariables))
                    .append(" as job_variables of the deployments that used it (or set them in the pool's base job template)");
        }
        if (!template.isEmpty()) {
            out.append(", put ").append(String.join(", ", template))
                    .append(" into the pool's base job template (no job variable takes ")
                    .append(template.size() == 1 ? "it" : "them").append(")");
        }
        // a default the pool does not keep, left unset here (Vertex AI's run time)
        infra.defaultsChanged().forEach((field, text) -> {
            if (new CallView(found.call()).keyword(field).isEmpty()) {
                out.append("; ").append(text);
            }
        });
        return out.append("; then remove this statement and its import").toString();
    }
}
