package dev.migrate.recipes.prefect2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.DeploymentPool;
import dev.migrate.analyzers.sources.python.InfrastructureArgument;
import dev.migrate.analyzers.sources.python.PythonModule;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.ProjectPaths;
import dev.migrate.recipes.internal.CommandJobVariable;
import dev.migrate.recipes.prefectcli.CliOptions;
import dev.migrate.recipes.python.ArgEdits;
import dev.migrate.recipes.python.PrefectBlocks;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.StarImports;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;

/**
 * {@code Deployment.build_from_flow(...)} (removed in Prefect 3) becomes a flow deployment: applied at once
 * ({@code apply=True}) it becomes {@code flow.from_source(...).deploy(...)} for a work pool (the flow's own
 * directory as source for local storage, a git repository for GitHub storage), {@code flow.deploy(...,
 * image=..., build=False, push=False)} for Docker and Kubernetes blocks, or {@code flow.serve(...)} without a
 * pool; stored in a variable and applied later it becomes {@code flow...to_deployment(...)}, whose
 * {@code apply()} Prefect 3 keeps. {@code Deployment(...)} objects, which name the flow by entrypoint, become
 * prefect's {@code flow.from_source(source, entrypoint)} deployed or stored the same way. Arguments are mapped
 * one by one; what has no equivalent becomes a note.
 */
public class ReplaceDeploymentBuildFromFlow extends SavedBlocksRecipe {
    /** Loads a block of the type its document's slug names ({@code Block.load("s3/code")}). */
    private static final String GENERIC_BLOCK_LOAD = "prefect.blocks.core.Block.load";
    /** The 2.x Deployment class, also as early 2.x scripts imported it from the package's top (as the scan reads it). */
    private static final Set<String> DEPLOYMENT = Set.of("prefect.deployments.Deployment",
            "prefect.deployments.deployments.Deployment", "prefect.Deployment");
    /** Arguments with the same name and meaning on deploy, serve and to_deployment. */
    private static final Set<String> KEPT = Set.of("name", "parameters", "tags", "description", "version",
            "schedules", "paused", "enforce_parameter_schema", "triggers", "cron", "interval", "rrule");
    /** Arguments only a work pool deployment has. */
    private static final Set<String> POOL = Set.of("work_pool_name", "work_queue_name", "job_variables");
    /** build_from_flow arguments without a Prefect 3 equivalent (code is not uploaded by deploy any more). */
    private static final Set<String> DROPPED = Set.of("output", "skip_upload", "load_existing", "ignore_file", "path");
    /** The fields of each 2.x schedule model, by the field that tells them apart (a dict schedule's keys). */
    private static final java.util.Map<String, List<String>> SCHEDULE_DICTS = java.util.Map.of(
            "cron", List.of("cron", "timezone", "day_or"),
            "interval", List.of("interval", "anchor_date", "timezone"),
            "rrule", List.of("rrule", "timezone"));
    /** The schedule class of each (in prefect.client.schemas.schedules in 2.x and every 3.x release). */
    private static final java.util.Map<String, String> SCHEDULE_CLASSES = java.util.Map.of(
            "cron", "prefect.client.schemas.schedules.CronSchedule",
            "interval", "prefect.client.schemas.schedules.IntervalSchedule",
            "rrule", "prefect.client.schemas.schedules.RRuleSchedule");
    /** Methods of 2.x Deployment objects that Prefect 3's RunnerDeployment does not have. */
    private static final Set<String> REMOVED_DEPLOYMENT_METHODS = Set.of("upload_to_storage", "update", "load",
            "to_yaml", "load_from_yaml");
    /** {@code path=} values that name the directory the build ran in, where 2.x put the flow without one. */
    private static final Set<String> CURRENT_DIRECTORY = Set.of("\".\"", "\"./\"", "os.getcwd()", "str(Path.cwd())");
    /** Deployment(...) fields that from_source(...) takes over (the flow's name comes from its code in Prefect 3). */
    private static final Set<String> CONSTRUCTOR_ONLY = Set.of("flow_name", "path");
    /** Arguments the conversion consumes itself. */
    private static final Set<String> CONSUMED = Set.of("flow", "apply", "infrastructure", "storage", "entrypoint",
            "infra_overrides", "schedule", "is_schedule_active");

    @Option(displayName = "Style",
            description = "How deployments applied at once are written: `auto` (a work pool deployment when the "
                    + "deployment names a pool, queue, image or remote storage, else `flow.serve`), `deploy` or `serve`.",
            valid = {"auto", "deploy", "serve"}, required = false, example = "auto")
    private final String style;

    private final transient MigrationNotes notes = new MigrationNotes(this);

    public ReplaceDeploymentBuildFromFlow() {
        this(null);
    }

    @JsonCreator
    public ReplaceDeploymentBuildFromFlow(@JsonProperty("style") String style) {
        this.style = style;
    }

    public String getStyle() {
        return style;
    }

    @Override
    public String getDisplayName() {
        return "Replace `Deployment.build_from_flow` with flow deployments";
    }

    @Override
    public String getDescription() {
        return "Turns Prefect 2 `Deployment.build_from_flow(...)` calls, applied at once or stored and applied later, "
                + "into `flow.from_source(...).deploy(...)`, `flow.deploy(image=...)`, `flow.serve(...)` or "
                + "`to_deployment(...)`, and `Deployment(...)` objects into `flow.from_source(...)` deployments of "
                + "their entrypoint: `infra_overrides` and infrastructure block fields become `job_variables`, "
                + "`schedule` becomes `schedules=[...]`, `is_schedule_active` becomes `paused`.";
    }

    @Override
    protected String[] mentions() {
        return new String[] {"Deployment"};
    }

    @Override
    protected Node edit(PythonFile file, SavedBlockIndex index, ExecutionContext ctx) {
        Node before = file.module();
        Imports imports = Imports.of(before);
        if (!imports.uses("prefect")) {
            return file.module();
        }
        List<Node> calls = TreeIndex.of(before).find(NodeKind.CALL).stream().filter(n -> isDeploymentCall(imports, n)).toList();
        if (calls.isEmpty()) {
            return file.module();
        }
        Conversion conversion = new Conversion(file, imports, index, ctx);
        conversion.deploymentCalls = calls.size();
        Node after = before;
        for (Node call : calls) {
            after = conversion.convert(after, call);
        }
        return conversion.finish(before, after);
    }

    static boolean isDeploymentCall(Imports imports, Node call) {
        return StarImports.qualifiedName(imports, call).filter(DEPLOYMENT_CALLS::contains).isPresent();
    }

    /** The names a deployment call calls: the class, or its {@code build_from_flow}. */
    private static final Set<String> DEPLOYMENT_CALLS = java.util.stream.Stream.concat(DEPLOYMENT.stream(),
            DEPLOYMENT.stream().map(d -> d + ".build_from_flow")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * One field of an infrastructure block converted into the deployment: an argument of the block built here, or a
     * literal the block loaded by name was saved with in another script (parsed here, in this file's quotes).
     *
     * @param member  the enum member it names ({@code prefect.infrastructure.ImagePullPolicy.ALWAYS}), if any
     * @param raw     the argument as written, for the list of dropped fields
     * @param written the argument on one line, for the TODO that says where it goes
     */
    private record BlockField(String keyword, Node value, Optional<String> member, String raw, String written) {
    }

    /** A statement that needs a TODO comment once all edits are done. */
    private record Todo(Node statement, String code, String message) {
    }

    /** Where the flow's code is: how many directories above this file the import root is, and the entrypoint. */
    private record FlowLocation(int up, String entrypoint) {
    }

    /** One file's conversion: edits, the imports they need, the blocks they made unused, notes and TODOs. */
    private final class Conversion {
        private final PythonFile file;
        private final Imports imports;
        private final ExecutionContext ctx;
        /** The blocks the run's scripts save, read when a deployment first loads one by name. */
        private final SavedBlockIndex savedBlocks;
        private final Node original;
        private final List<Todo> todos = new ArrayList<>();
        private final Set<String> blockVariables = new LinkedHashSet<>();
        /** Infrastructure block variables, by name: their assignment in the original tree (in a function or not). */
        private final java.util.Map<String, Node> blockAssignments = new java.util.LinkedHashMap<>();
        /** This file as the scan reads it, made when a deployment has an infrastructure block. */
        private PythonModule module;
        private final Set<String> neededImports = new java.util.TreeSet<>(); // added in order: merged names stay sorted
        private int deploymentCalls;
        /** A copy trying whether every element of a list converts: it writes no notes. */
        private boolean trial;
        /** Lists of deployments applied in a loop, by their statement: whether every element converts. */
        private final java.util.Map<Node, Boolean> listsTried = new java.util.IdentityHashMap<>();
        private final Set<Node> methodCallsSeen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Interval schedules whose anchor was already looked at (a schedule variable several deployments share). */
        private final Set<Node> anchorsSeen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        /** Anchors to replace outside the deployment call (in a schedule variable's assignment): node, replacement. */
        private final java.util.Map<Node, Node> anchorEdits = new java.util.IdentityHashMap<>();

        Conversion(PythonFile file, Imports imports, SavedBlockIndex savedBlocks, ExecutionContext ctx) {
            this.file = file;
            this.imports = imports;
            this.savedBlocks = savedBlocks;
            this.ctx = ctx;
            this.original = file.module();
        }

        Node convert(Node root, Node call) {
            Node stmt = PythonCode.statementOf(original, call);
            if (stmt == null) {
                return root;
            }
            // an element of a list of deployments a loop applies: to_deployment, the loop's apply() kept
            boolean listed = listConvertible(stmt, call);
            // the list's statement as the elements converted before this one left it
            Node current = listed ? PythonCode.statementOf(root, call) : stmt;
            // Deployment(...) names its flow by entrypoint only: deployed through prefect's flow.from_source(...)
            boolean constructor = !StarImports.qualifiedName(imports, call).orElse("").endsWith(".build_from_flow");
            CallView view = new CallView(call);
            // `**common` passes arguments on: kept when its keys are known and mean the same on deploy()
            Set<String> unpackedKeys = new LinkedHashSet<>();
            for (Argument a : view.arguments()) {
                if (a.unpacking() == null) {
                    continue;
                }
                Optional<Set<String>> keys = "**".equals(a.unpacking()) ? unpackedKeys(stmt, a.value()) : Optional.empty();
                if (keys.isEmpty()) {
                    return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; "
                            + "its arguments come partly from " + a.node().text().strip() + ", whose keys must become "
                            + "flow.deploy(...) or flow.to_deployment(...) arguments (infra_overrides as job_variables, "
                            + "schedule as schedules=[...], no storage, infrastructure, path or apply)");
                }
                List<String> foreign = keys.get().stream().filter(k -> !KEPT.contains(k) && !POOL.contains(k)).toList();
                if (!foreign.isEmpty()) {
                    return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; "
                            + a.node().text().strip() + " passes " + foreign + ", which flow.deploy(...) does not take "
                            + "as they are: move them out of it and convert the call");
                }
                unpackedKeys.addAll(keys.get());
            }
            String variable = null;
            // `await Deployment.build_from_flow(...)` in async deployment scripts (2.x made it sync_compatible)
            boolean awaited = false;
            if (stmt.kind() == NodeKind.ASSIGN || stmt.kind() == NodeKind.ANN_ASSIGN) {
                Statements.Assignment a = Statements.assignment(stmt).orElseThrow();
                if (a.targets().size() == 1 && a.targets().get(0).kind() == NodeKind.NAME && a.value() != null
                        && (Expressions.unwrap(a.value()) == call || awaits(a.value(), call))) {
                    variable = Expressions.name(a.targets().get(0));
                    awaited = awaits(a.value(), call);
                }
            }
            // `Deployment.build_from_flow(...).apply()` as a statement applies at once, like apply=True
            Node applied = chainedApply(stmt, call);
            if (stmt.kind() == NodeKind.EXPR_STMT && awaits(stmt.nodes().get(0), call)) {
                awaited = true;
            }
            boolean inline = stmt.kind() == NodeKind.EXPR_STMT
                    && (Expressions.unwrap(stmt.nodes().get(0)) == call || applied != null || awaited);
            // a function that builds and returns the deployment for its caller to apply: a RunnerDeployment does too
            boolean returned = stmt.kind() == NodeKind.RETURN && !stmt.nodes().isEmpty()
                    && (Expressions.unwrap(stmt.nodes().get(0)) == call || awaits(stmt.nodes().get(0), call));
            if (returned) {
                awaited = awaits(stmt.nodes().get(0), call);
                if (view.keyword("apply").isPresent()) {
                    return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; "
                            + "return flow.to_deployment(...) and apply it where apply= asked for it");
                }
            }
            if (variable == null && !inline && !returned && !listed) {
                return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; "
                        + "use flow.from_source(...).deploy(...) or flow.to_deployment(...)");
            }
            boolean applyNow = applied != null || view.keyword("apply").map(a -> isTrue(a.value())).orElse(false);
            if (inline && !applyNow) {
                return manual(root, stmt, call, "PF214", "this deployment is built but never applied; "
                        + "remove it or deploy it with flow.deploy(...)");
            }
            Optional<Argument> flowArg = constructor ? Optional.empty() : view.argument("flow", 0);
            String flow;
            if (constructor) {
                Optional<String> unusable = constructorProblem(view);
                if (unusable.isPresent()) {
                    return manual(root, stmt, call, "PF214", "Deployment(...) was removed in Prefect 3; "
                            + unusable.get());
                }
                flow = flowDecorator();
            } else if (flowArg.isEmpty()) {
                return manual(root, stmt, call, "PF214", "no flow given to build_from_flow; deploy the flow by hand");
            } else {
                flow = flowArg.get().value().text();
            }

            // a storage block given as infrastructure=: 2.x refused it, so nothing was ever deployed to convert
            Optional<String> storageAsInfrastructure = view.keyword("infrastructure")
                    .flatMap(a -> InfrastructureArgument.read(module(), call, a.value()).storageClass(module()));
            if (storageAsInfrastructure.isPresent()) {
                return manual(root, stmt, call, "PF205", "infrastructure= names a " + storageAsInfrastructure.get()
                        + " storage block, which Prefect 2 already rejected (an infrastructure block must have "
                        + "'run-infrastructure' capabilities), so this deployment was never registered: in Prefect 3 "
                        + "such a block is flow.from_source(source=...)'s, and the runs need work_pool_name= of a typed "
                        + "work pool; write the deployment that was meant");
            }

            // storage: remote storage becomes from_source's source
            String source = null;
            String entrypoint = view.keyword("entrypoint").map(a -> a.value().text()).orElse(null);
            Optional<Argument> storageArg = view.keyword("storage");
            if (storageArg.isPresent()) {
                // both lean on ReplaceRemovedStorageBlocks, an unsafe fix, turning the GitHub block into prefect-github's
                boolean unsafe = FixSafety.unsafeAllowed(ctx);
                Optional<String> remote = unsafe ? savedGitBlock(stmt, storageArg.get().value()) : Optional.empty();
                Optional<RemovedBlockLoad> load = removedBlockLoad(stmt, storageArg.get().value());
                if (load.isPresent() && !(load.get().gitSource() && unsafe)) {
                    // the block one script of the run saves with literal settings: its source, as if built here
                    SavedSource saved = savedSource(call, storageArg.get().value());
                    if (saved.source().isEmpty()) {
                        return manual(root, stmt, call, "PF206", load.get().message() + saved.why());
                    }
                    remote = saved.source();
                    load = Optional.empty();
                }
                if (load.isPresent()) {
                    remote = Optional.of(load.get().source());
                    if (!load.get().source().equals(Expressions.unwrap(storageArg.get().value()).text().strip())) {
                        // a load written here, not a name whose load ReplaceRemovedStorageBlocks converts and notes
                        neededImports.add(load.get().block().sourceClass());
                        note(storageArg.get().value(), true, "PF206", load.get().message());
                    }
                }
                if (remote.isEmpty()) {
                    remote = remoteSource(root, storageArg.get().value());
                }
                Optional<String> prefect3Block = assignedCall(stmt, storageArg.get().value()).flatMap(imports::qualifiedName)
                        .filter(q -> PrefectBlocks.get().isSourceClass(q) || PrefectBlocks.get().isGitSource(q));
                if (remote.isEmpty() && prefect3Block.filter(PrefectBlocks.get()::isGitSource).isPresent()) {
                    // a git repository block is still a source, and 2.x cloned it and uploaded nothing
                    remote = Optional.of(storageArg.get().value().text().strip());
                }
                if (remote.isEmpty() && prefect3Block.isPresent()) {
                    // the block itself still works as a source; what is gone is the upload build_from_flow did
                    return manual(root, stmt, call, "PF206", "this storage block still works in Prefect 3 as "
                            + "flow.from_source(source=<the block>, entrypoint=...), but Prefect 3 does not upload "
                            + "the code any more: " + uploadAdvice(prefect3Block.get()));
                }
                if (remote.isEmpty()) {
                    return manual(root, stmt, call, "PF206", "this storage block was removed in Prefect 3; give "
                            + "flow.from_source(...) a source (prefect_aws.S3Bucket, prefect_gcp.GcsBucket, "
                            + "prefect_azure.AzureBlobStorageContainer or a git URL) and deploy from it");
                }
                source = remote.get();
                Optional<Argument> pathArg = view.keyword("path");
                if (constructor && pathArg.isPresent()) {
                    // 2.x read the entrypoint under `path` in the storage; from_source reads it from the root
                    Optional<String> under = StringLiterals.value(pathArg.get().value()).flatMap(
                            dir -> StringLiterals.value(view.keyword("entrypoint").get().value()).map(e -> joined(dir, e)));
                    if (under.isEmpty()) {
                        return manual(root, stmt, call, "PF206", "Deployment(...) was removed in Prefect 3; deploy with "
                                + "flow.from_source(source=..., entrypoint=...) where the entrypoint is relative to the "
                                + "storage's root (2.x read it under path=)");
                    }
                    entrypoint = quote(under.get());
                }
                if (entrypoint == null) {
                    Optional<FlowLocation> at = locate(flowArg.get().value()).map(l -> checked(l, call));
                    if (at.isEmpty()) {
                        return manual(root, stmt, call, "PF206", "the flow's entrypoint in the repository is unknown; "
                                + "pass entrypoint= to from_source");
                    }
                    Optional<String[]> inRepository = RepositoryEntrypoints.of(projectRelative(at.get()), source,
                            file.getSourcePath(), ProjectPaths.from(ctx));
                    entrypoint = quote(inRepository.map(r -> r[0]).orElse(projectRelative(at.get())));
                    note(call, false, "PF214", "entrypoint " + entrypoint + inRepository.map(r -> " is read from " + r[1])
                            .orElse(" assumes the repository root is the project root"));
                }
            }

            // infrastructure: block fields become job variables, an image is deployed as is
            JobVariables jobVariables = new JobVariables();
            String image = null;
            String infraType = null;
            // the pool type of a block of a known class not converted here (KubernetesJob.load("k8s"), whose settings
            // are on the server): the TODOs say which type of pool takes its settings
            String loadedType = null;
            Optional<Argument> infraArg = view.keyword("infrastructure");
            // which block, its pool's type and the saved block's name, read as the scan reads them (PF205, DeploymentPool)
            Optional<InfrastructureArgument> read = infraArg.map(a -> InfrastructureArgument.read(module(), call, a.value()));
            if (infraArg.isPresent()) {
                InfrastructureArgument argument = read.get();
                Optional<Node> block = Optional.of(argument.block()).filter(b -> b.kind() == NodeKind.CALL);
                Node value = Expressions.unwrap(infraArg.get().value());
                // the block's variable goes with the call when nothing else reads it: the TODO keeps which block it was
                argument.assignment().filter(a -> block.isPresent() && value.kind() == NodeKind.NAME)
                        .ifPresent(a -> blockAssignments.put(Expressions.name(value), a));
                String which = argument.assignment().map(a -> " (`" + PythonCode.oneLine(a) + "`)").orElse("");
                Optional<PrefectBlocks.Infrastructure> builtHere = block.flatMap(b -> imports.qualifiedName(b))
                        .flatMap(q -> PrefectBlocks.get().infrastructure(q));
                // a block loaded by name that one script of the run saves with literal settings: converted with them
                Optional<SavedBlocks.Lookup> save = builtHere.isPresent() ? Optional.empty() : savedLoad(argument);
                Optional<SavedBlocks.Saved> saved = save.flatMap(SavedBlocks.Lookup::usable);
                List<BlockField> fields = block.isEmpty() ? List.of() : builtHere.isPresent() ? fields(block.get())
                        : saved.map(this::fields).orElse(List.of());
                Optional<PrefectBlocks.Infrastructure> infra = builtHere.isPresent() ? builtHere
                        : saved.flatMap(b -> PrefectBlocks.get().infrastructure(b.blockClass()));
                loadedType = infra.isPresent() ? null : argument.poolType(module()).orElse(null);
                if (infra.isEmpty() && loadedType != null && argument.fieldsHidden(module())) {
                    // loaded by name, or made by a function: its type is known, so it moves to a pool of that type
                    // (named after it, as the scan's DeploymentPool names it); its fields are not in this call's sight
                    infraType = loadedType;
                    boolean loaded = argument.loaded(module());
                    boolean imageUnknown = blockClassOf(argument).map(i -> i.jobVariables().contains("image")).orElse(false);
                    String here = which.isEmpty() ? " (`" + PythonCode.oneLine(argument.block()) + "`)" : which;
                    String text = "infrastructure blocks were removed in Prefect 3; the block " + (loaded
                            ? "loaded here" + here + " keeps its settings on the server, which this code does not show"
                            + save.map(SavedBlocks.Lookup::problem).filter(java.util.Objects::nonNull)
                            .map(p -> " (the run saves it, but " + p + ")").orElse("")
                            : "made here" + here + " has fields this conversion does not follow into its function")
                            + ": set them as job_variables or in the base job template of the " + loadedType + " work pool"
                            + (!imageUnknown ? "" : source != null ? "; its image is unknown here too: set it as "
                            + "job_variables={\"image\": ...} or in that template"
                            : "; its image is unknown here too: when the flow's code is in that image, deploy with "
                            + (constructor ? "<the flow object>" : flow.strip()) + ".deploy(..., image=<the block's "
                            + "image>, build=False, push=False) in place of from_source, else set job_variables="
                            + "{\"image\": ...}");
                    todos.add(new Todo(stmt, "PF205", text));
                    note(call, true, "PF205", text);
                } else if (infra.isEmpty()) {
                    String pool = loadedType == null ? "a typed work pool" : "a work pool of type " + loadedType;
                    todos.add(new Todo(stmt, "PF205", "infrastructure blocks were removed in Prefect 3; "
                            + "put this block's settings" + which + " into job_variables of " + pool));
                    note(call, true, "PF205", "infrastructure block not converted: its settings must become job variables"
                            + (loadedType == null ? "" : " of " + pool));
                } else {
                    List<String> dropped = new ArrayList<>();
                    List<String> droppedText = new ArrayList<>();
                    for (BlockField a : fields) {
                        String k = a.keyword();
                        if ("image".equals(k)) {
                            image = a.value().text();
                        } else if (CommandJobVariable.KEY.equals(k) && infra.get().jobVariables().contains(k)) {
                            // a list on the block, one string job variable in Prefect 3
                            CommandArgument.Converted command = CommandArgument.convert(a.value(), file.style().quote());
                            if (command.manual()) {
                                commandTodo(stmt, call, CommandJobVariable.manual("the " + infra.get().poolType()
                                        + " block's", "`" + PythonCode.oneLine(a.value()) + "`"));
                            } else if (command.words().filter(w -> w.isEmpty() || infra.get().isUnset(k, w)).isEmpty()) {
                                jobVariables.field(k, command.expression().get());
                            } // else none, or 2.x's engine command (what its blocks held when nobody set one)
                        } else if (k != null && infra.get().jobVariables().contains(k)) {
                            Optional<String> member = a.member()
                                    .flatMap(q -> PrefectBlocks.get().enumValue(q))
                                    .or(() -> StringLiterals.value(a.value())
                                            .flatMap(v -> PrefectBlocks.get().jobVariableValue(k, v)));
                            if (member.isPresent()) {
                                jobVariables.field(k, quote(member.get()));
                            } else {
                                jobVariables.field(k, a.value());
                            }
                        } else {
                            dropped.add(k == null ? a.raw() : k);
                            droppedText.add(a.written());
                        }
                    }
                    String savedAt = saved.map(b -> " (saved at " + b.place() + ")").orElse("");
                    if (!dropped.isEmpty()) {
                        // the block goes with the call when nothing else uses it: the TODO keeps what it said
                        todos.add(new Todo(stmt, "PF205", "set these infrastructure block fields" + savedAt + " in the "
                                + infra.get().poolType() + " work pool's base job template: " + String.join(", ", droppedText)));
                        note(call, true, "PF205", "infrastructure block fields " + dropped + " have no job variable on a "
                                + infra.get().poolType() + " work pool; set them in the pool's base job template");
                    }
                    note(call, false, "PF205", "the work pool must be of type " + infra.get().poolType());
                    saved.ifPresent(b -> note(call, false, "PF205", "the settings of the " + b.describe()
                            + ", which this deployment loads by name, are now the deployment's"));
                    Set<String> given = new java.util.HashSet<>();
                    fields.forEach(f -> given.add(f.keyword()));
                    infra.get().defaultsChanged().forEach((field, text) -> {
                        if (!given.contains(field)) {
                            // a default the pool does not keep (Vertex AI's run time): runs would end differently
                            todos.add(new Todo(stmt, "PF205", text));
                            note(call, true, "PF205", text);
                        }
                    });
                    infraType = infra.get().poolType();
                }
            }

            String mode;
            // an infrastructure block, converted or not, says the runs went to an agent's pool, never the script's
            // own process: serve() would run them here and block the script
            boolean namesPool = view.keyword("work_pool_name").isPresent() || view.keyword("work_queue_name").isPresent()
                    || infraArg.isPresent() || unpackedKeys.stream().anyMatch(POOL::contains);
            if (variable != null || returned || listed) {
                mode = "to_deployment";
            } else if (constructor) {
                mode = "deploy"; // no flow object to serve: only from_source's flow, sent to a work pool
            } else if ("serve".equals(style) && image == null && source == null) {
                mode = "serve";
            } else if ("deploy".equals(style) || image != null || source != null || namesPool) {
                mode = "deploy";
            } else {
                mode = "serve";
            }

            if (mode.equals("serve") && deploymentCalls > 1) {
                // flow.serve() blocks: the next deployment in the script would never be registered
                return manual(root, stmt, call, "PF214", "flow.serve() blocks, so several deployments in one "
                        + "script must be served together: prefect.serve(flow.to_deployment(...), ...)");
            }
            if (awaited && mode.equals("serve")) {
                return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; in async "
                        + "code serve the flow with await prefect.aserve(await flow.to_deployment(...)) or deploy it to "
                        + "a work pool with await flow.deploy(...)");
            }
            String callee;
            boolean modulePath = false;
            if (image != null && source != null) {
                // 2.x ran the image and pulled the flow's code from the storage into it: the same in Prefect 3
                callee = fromSource(flow, source, entrypoint, awaited) + "." + mode;
                if (mode.equals("to_deployment")) {
                    jobVariables.first("image", image);
                }
            } else if (image != null && constructor) {
                return manual(root, stmt, call, "PF214", "Deployment(...) was removed in Prefect 3; its image holds "
                        + "the flow's code: deploy the flow object with <flow>.deploy(name=..., image=" + image
                        + ", build=False, push=False)");
            } else if (image != null) {
                callee = flow + "." + mode;
                if (mode.equals("to_deployment")) {
                    jobVariables.first("image", image);
                }
            } else if (mode.equals("serve")) {
                callee = flow + ".serve";
            } else if (constructor) {
                if (source == null) {
                    Optional<String[]> local = localSource(view, call);
                    if (local.isEmpty()) {
                        return manual(root, stmt, call, "PF214", "Deployment(...) was removed in Prefect 3; the "
                                + "entrypoint's file is not in this project: deploy with flow.from_source(source=<the "
                                + "directory it is relative to>, entrypoint=...).deploy(...)");
                    }
                    source = local.get()[0];
                    entrypoint = local.get()[1];
                }
                if (flow.equals("flow") && imports.binding("flow").isEmpty()) {
                    neededImports.add("prefect.flow");
                }
                callee = fromSource(flow, source, entrypoint, awaited) + "." + mode;
            } else {
                Optional<String> agentPath = source != null ? Optional.empty() : agentPath(view);
                if (agentPath.isPresent()) {
                    return manual(root, stmt, call, "PF214", "Prefect 2 ran this flow from path=" + agentPath.get()
                            + " on the agent's machine, not from this script's directory: deploy it with "
                            + "flow.from_source(source=<that directory>, entrypoint=...).deploy(...) run where that "
                            + "directory exists, or from remote storage or an image");
                }
                Optional<FlowLocation> at = source != null ? Optional.empty() : locate(flowArg.get().value());
                if (source == null && at.isEmpty()) {
                    return manual(root, stmt, call, "PF214", "the flow's source file is unknown; deploy it with "
                            + "flow.from_source(source, entrypoint).deploy(...)");
                }
                if (at.isPresent() && held(at.get()).isEmpty() && awaited) {
                    return manual(root, stmt, call, "PF214", "Deployment.build_from_flow was removed in Prefect 3; "
                            + "deploy this flow from an installed package with await flow.to_deployment(..., "
                            + "entrypoint_type=EntrypointType.MODULE_PATH), then await its apply()");
                }
                if (at.isPresent() && held(at.get()).isEmpty()) {
                    // the flow comes from an installed package: Prefect 2 recorded the path of the installed file;
                    // Prefect 3 names it by module path, which a worker with the same package installed imports
                    modulePath = true;
                    callee = flow + ".to_deployment";
                    neededImports.add("prefect.types.entrypoint.EntrypointType");
                    note(call, false, "PF214", "the flow's module " + at.get().entrypoint().replace(".py:", ":")
                            .replace('/', '.') + " is not in this project (an installed package): the deployment names "
                            + "it by module path, so its workers need that package installed");
                } else {
                    if (source == null) {
                        at = at.map(l -> checked(l, call));
                        source = "str(Path(__file__).resolve().parent" + ".parent".repeat(at.get().up()) + ")";
                        entrypoint = quote(at.get().entrypoint());
                        neededImports.add("pathlib.Path");
                    }
                    callee = fromSource(flow, source, entrypoint, awaited) + "." + mode;
                }
            }

            Node edited = call;
            boolean jobVariablesWritten = false;
            List<String> droppedArgs = new ArrayList<>();
            // last to first: removing an argument re-prefixes the one after it, which is then already done
            List<Argument> arguments = new ArrayList<>(view.arguments());
            java.util.Collections.reverse(arguments);
            for (Argument a : arguments) {
                String k = a.keyword();
                Node arg = a.node();
                if (flowArg.isPresent() && arg == flowArg.get().node() || constructor && CONSTRUCTOR_ONLY.contains(k)
                        || (k != null && CONSUMED.contains(k) && !k.equals("infra_overrides")
                        && !k.equals("schedule") && !k.equals("is_schedule_active"))) {
                    edited = ArgEdits.remove(edited, arg);
                } else if (k == null && "**".equals(a.unpacking())) {
                    continue; // checked above: its keys mean the same on the new call
                } else if (k == null) {
                    edited = a.unpacking() == null && view.positional(1).map(p -> p.node() == arg).orElse(false)
                            ? ArgEdits.replace(edited, arg, argument("name", a.value().text()))
                            : ArgEdits.remove(edited, arg);
                } else if (DROPPED.contains(k) || mode.equals("serve") && (POOL.contains(k) || k.equals("infra_overrides"))) {
                    droppedArgs.add(k);
                    edited = ArgEdits.remove(edited, arg);
                } else if (k.equals("infra_overrides") || k.equals("job_variables")) {
                    Node written = Expressions.unwrap(a.value());
                    Node overrides = respelled(written, stmt, call);
                    boolean dict = overrides.kind() == NodeKind.DICT;
                    String value;
                    if (dict && jobVariables.needsMerge(overrides) && jobVariables.apply(overrides)) {
                        // dotted keys or keys the block sets: applied into the block's fields as Prefect 2 did
                        value = jobVariables.render(this::quote, "");
                    } else {
                        String entries = dict ? entriesText(overrides) : "**" + a.value().text();
                        // block fields first, so the overrides win as they did in Prefect 2
                        value = !jobVariables.isEmpty() ? jobVariables.render(this::quote, entries)
                                : overrides != written ? overrides.text() : null;
                    }
                    Node renamed = ArgEdits.rename(arg, "job_variables");
                    edited = ArgEdits.replace(edited, arg, value == null ? renamed
                            : ArgEdits.withValue(renamed, value, file.style()));
                    jobVariablesWritten = true;
                } else if (k.equals("schedule")) {
                    Node renamed = ArgEdits.rename(anchored(arg, stmt), "schedules");
                    Optional<String> fromDict = scheduleFromDict(a.value());
                    if (Expressions.unwrap(a.value()).kind() == NodeKind.DICT && fromDict.isEmpty()) {
                        note(call, true, "PF214", "the schedule dict " + PythonCode.oneLine(a.value()) + " must become "
                                + "a CronSchedule, IntervalSchedule or RRuleSchedule: Prefect 3 reads a dict in "
                                + "schedules=[...] as a schedule's options, not as the schedule");
                    }
                    edited = ArgEdits.replace(edited, arg, fromDict.isPresent()
                            ? ArgEdits.withValue(renamed, "[" + fromDict.get() + "]", file.style()) : inList(renamed));
                } else if (k.equals("schedules")) {
                    edited = ArgEdits.replace(edited, arg, anchored(arg, stmt));
                } else if (k.equals("is_schedule_active")) {
                    edited = ArgEdits.replace(edited, arg,
                            ArgEdits.withValue(ArgEdits.rename(arg, "paused"), negated(a.value()), file.style()));
                } else if (!KEPT.contains(k) && !POOL.contains(k)) {
                    droppedArgs.add(k);
                    edited = ArgEdits.remove(edited, arg);
                }
            }
            java.util.Collections.reverse(droppedArgs);
            if (!droppedArgs.isEmpty()) {
                note(call, false, "PF214", "dropped " + droppedArgs + ": no equivalent on Prefect 3 " + mode + "()");
            }
            if (!jobVariablesWritten && !jobVariables.isEmpty() && !mode.equals("serve")) {
                edited = ArgEdits.add(edited, "job_variables", jobVariables.render(this::quote, ""), file.style());
            }
            // Prefect 2 sent the runs of a deployment without a pool, or on default-agent-pool, to that prefect-agent
            // pool, which workers refuse: the typed pool standing in for it, where the command-line and deployment
            // file conversions put those deployments and the converted agents' workers (queues kept)
            boolean poolChosen = false;
            // (an infrastructure block left unconverted hides the pool's type: its TODO stays)
            if (!mode.equals("serve") && !unpackedKeys.contains("work_pool_name") && FixSafety.unsafeAllowed(ctx)
                    && (infraArg.isEmpty() || infraType != null)) {
                String type = infraType == null ? "process" : infraType;
                // named as DeploymentPool names it, which the agents' workers and the cutover read too
                String pool = DeploymentPool.of(type, read.flatMap(InfrastructureArgument::savedName).orElse(null)).name();
                Optional<Argument> named = new CallView(edited).keyword("work_pool_name");
                boolean agentPool = named.flatMap(a -> StringLiterals.value(a.value())).filter("default-agent-pool"::equals).isPresent();
                if (named.isEmpty() || agentPool) {
                    edited = named.isEmpty() ? ArgEdits.add(edited, "work_pool_name", quote(pool), file.style())
                            : ArgEdits.replace(edited, named.get().node(), ArgEdits.withValue(named.get().node(), quote(pool), file.style()));
                    poolChosen = true;
                    note(call, false, named.isEmpty() ? "PF211" : "BHV005", "deploys to work pool `" + pool + "`, which "
                            + "stands in for default-agent-pool" + (named.isEmpty() ? " (where Prefect 2 sent the runs of a "
                            + "deployment without a pool)" : " (a prefect-agent pool, which Prefect 3 workers refuse)")
                            + (pool.equals(CliOptions.standInPool(type)) ? "" : ", named after the infrastructure block "
                            + "saved as `" + pool + "`") + "; create it first: prefect work-pool create " + pool + " --type " + type);
                }
            }
            if (image != null && mode.equals("deploy")) {
                edited = ArgEdits.add(edited, "image", image, file.style());
                edited = ArgEdits.add(edited, "build", "False", file.style());
                edited = ArgEdits.add(edited, "push", "False", file.style());
            }
            if (view.keyword("enforce_parameter_schema").isEmpty() && !unpackedKeys.contains("enforce_parameter_schema")) {
                if (FixSafety.unsafeAllowed(ctx)) {
                    edited = ArgEdits.add(edited, "enforce_parameter_schema", "False", file.style());
                    note(call, false, "BHV004", "enforce_parameter_schema=False keeps Prefect 2's behaviour; "
                            + "remove it to have Prefect 3 reject bad parameters");
                } else {
                    note(call, false, "BHV004", "Prefect 3 enforces the parameter schema by default; "
                            + "pass enforce_parameter_schema=False to keep Prefect 2's behaviour");
                }
            }
            if (modulePath) {
                edited = ArgEdits.add(edited, "entrypoint_type", "EntrypointType.MODULE_PATH", file.style());
            }
            edited = TreeEdits.replace(edited, new CallView(edited).callee(), Snippets.expression(callee, file.style()));
            if (modulePath && mode.equals("deploy")) {
                // deploy() needs code storage or an image; a deployment that names a module is registered by apply()
                Node applyCall = Snippets.expression("_.apply()", file.style());
                edited = TreeEdits.replace(applyCall, Nodes.find(applyCall, NodeKind.NAME).get(0),
                        edited.withPrefix(dev.migrate.rewriters.python.tree.Space.EMPTY)).withPrefix(edited.prefix());
            }

            Node converted = TreeEdits.replace(current, applied != null ? applied : call, edited).withPrefix(current.prefix());
            final Node newStmt = annotatedAsRunnerDeployment(converted);
            Node result = TreeEdits.replaceKeepingPrefix(root, current, newStmt);
            for (java.util.Map.Entry<Node, Node> e : anchorEdits.entrySet()) {
                if (TreeEdits.path(result, e.getKey()) != null) {
                    result = TreeEdits.replace(result, e.getKey(), e.getValue());
                }
            }
            anchorEdits.clear();
            if (variable != null) {
                result = prefect2DeploymentMethods(result, stmt, variable);
            }

            if (variable != null && applyNow) {
                result = StatementEdits.insertAfter(result, newStmt, (awaited ? "await " : "") + variable + ".apply()",
                        file.style());
            }
            if (!poolChosen && !mode.equals("serve") && view.keyword("work_pool_name").isEmpty() && !unpackedKeys.contains("work_pool_name")) {
                // deploy() raises without a pool (unless PREFECT_DEFAULT_WORK_POOL_NAME is set); a deployment
                // applied without one has no worker to run it
                String type = infraType != null ? infraType : loadedType;
                String pool = type == null ? "a typed work pool" : "a work pool of type " + type;
                todos.add(new Todo(newStmt, "PF211", "no work pool: Prefect 2 sent these runs to an agent's work "
                        + "queue; pass work_pool_name= naming " + pool + " (or set PREFECT_DEFAULT_WORK_POOL_NAME)"));
                note(call, true, "PF211", "no work pool named: " + mode + "() needs work_pool_name= (" + pool
                        + ") or the PREFECT_DEFAULT_WORK_POOL_NAME setting; Prefect 2 sent the runs to an agent's queue");
            }
            boolean poolReplaced = poolChosen;
            view.keyword("work_pool_name").map(Argument::value).flatMap(StringLiterals::value)
                    .filter(p -> !poolReplaced).filter("default-agent-pool"::equals).ifPresent(p -> {
                        todos.add(new Todo(newStmt, "BHV005", "Prefect 3 workers cannot serve the prefect-agent "
                                + "pool 'default-agent-pool'; deploy to a typed work pool"));
                        note(call, true, "BHV005", "work pool 'default-agent-pool' is a prefect-agent pool; use a typed pool");
                    });
            for (int i = todos.size() - 1; i >= 0; i--) {
                if (todos.get(i).statement() == stmt || todos.get(i).statement() == current) {
                    todos.set(i, new Todo(newStmt, todos.get(i).code(), todos.get(i).message()));
                }
            }
            return result;
        }

        /**
         * The variable now holds a RunnerDeployment: {@code apply(upload=...)} loses {@code upload} (TypeError: Prefect
         * 3 uploads nothing), and the 2.x Deployment methods it lacks get a TODO ({@code upload_to_storage()},
         * {@code update(...)}, {@code load()}: AttributeError).
         */
        private Node prefect2DeploymentMethods(Node root, Node stmt, String variable) {
            Node scope = enclosingFunction(stmt);
            Node result = root;
            for (Node call : TreeIndex.of(scope == null ? original : scope).find(NodeKind.CALL)) {
                Node callee = call.nodes().get(0);
                List<dev.migrate.rewriters.python.tree.Token> tokens = callee.tokens();
                if (callee.kind() != NodeKind.ATTRIBUTE || tokens.isEmpty() || callee.nodes().isEmpty()
                        || Expressions.unwrap(callee.nodes().get(0)).kind() != NodeKind.NAME
                        || !Expressions.name(Expressions.unwrap(callee.nodes().get(0))).equals(variable)) {
                    continue;
                }
                if (!methodCallsSeen.add(call)) {
                    continue; // the variable holds several deployments in turn: one note per call
                }
                String method = tokens.get(tokens.size() - 1).text();
                Optional<Argument> upload = new CallView(call).keyword("upload");
                if (method.equals("apply") && upload.isPresent() && TreeEdits.path(result, call) != null) {
                    result = TreeEdits.replace(result, call, ArgEdits.remove(call, upload.get().node()));
                    note(call, false, "PF214", "dropped upload= from " + variable + ".apply(): Prefect 3 deployments "
                            + "upload nothing");
                } else if (REMOVED_DEPLOYMENT_METHODS.contains(method)) {
                    Node at = PythonCode.statementOf(original, call);
                    String message = variable + " is a Prefect 3 RunnerDeployment, which has no " + method + "(): "
                            + (method.equals("upload_to_storage") ? "push the code where from_source reads it "
                            + "(a prefect.yaml push step) and remove this call" : "set what it did in the "
                            + "to_deployment(...) arguments and remove this call");
                    if (at != null) {
                        todos.add(new Todo(at, "PF214", message));
                    }
                    note(call, true, "PF214", message);
                }
            }
            return result;
        }

        /**
         * {@code deployment: Deployment = ...} with the annotation naming what to_deployment makes: the removed class
         * would be a NameError once its import goes.
         */
        private Node annotatedAsRunnerDeployment(Node stmt) {
            if (stmt.kind() != NodeKind.ANN_ASSIGN) {
                return stmt;
            }
            Node annotation = Statements.assignment(stmt).orElseThrow().annotation();
            if (annotation == null || imports.qualifiedName(annotation).filter(DEPLOYMENT::contains).isEmpty()) {
                return stmt;
            }
            neededImports.add("prefect.deployments.runner.RunnerDeployment");
            return TreeEdits.replace(stmt, annotation,
                    Snippets.expression("RunnerDeployment", file.style()).withPrefix(annotation.prefix()));
        }

        /** Removes block variables nobody uses any more, adds and drops imports, writes the TODOs. */
        Node finish(Node before, Node after) {
            Node result = after;
            if (result != before) {
                Node annotated = DeploymentAnnotations.asRunnerDeployment(result, DEPLOYMENT, file.style());
                if (annotated != result) {
                    neededImports.add(DeploymentAnnotations.RUNNER_DEPLOYMENT);
                    result = annotated;
                }
            }
            for (String name : blockVariables) {
                long uses = TreeIndex.of(result).nameCount(name);
                Optional<Node> assignment = moduleAssignment(result, name);
                if (uses == 1 && assignment.isPresent()) {
                    result = StatementEdits.remove(result, assignment.get(), file.style());
                }
            }
            for (java.util.Map.Entry<String, Node> local : blockAssignments.entrySet()) {
                // the statement is shared, unedited, between the original and the result; the name counts module-wide
                if (TreeIndex.of(result).nameCount(local.getKey()) == 1 && TreeEdits.path(result, local.getValue()) != null) {
                    result = StatementEdits.remove(result, local.getValue(), file.style());
                }
            }
            for (String dotted : neededImports) {
                String module = dotted.substring(0, dotted.lastIndexOf('.'));
                String name = dotted.substring(dotted.lastIndexOf('.') + 1);
                result = ImportEdits.addFromImport(result, module, name, file.style());
            }
            if (result != before) {
                result = ImportEdits.removeImportsMadeUnused(before, result, file.style());
                result = PythonCode.trimLeadingBlankLines(before, result);
            }
            // a statement takes one TODO per code (addTodo keeps the first): its messages of one code go in one line
            List<Todo> merged = new ArrayList<>();
            for (Todo t : todos) {
                int same = -1;
                for (int i = 0; i < merged.size() && same < 0; i++) {
                    same = merged.get(i).statement() == t.statement() && merged.get(i).code().equals(t.code()) ? i : -1;
                }
                if (same < 0) {
                    merged.add(t);
                } else if (!merged.get(same).message().equals(t.message())) {
                    merged.set(same, new Todo(t.statement(), t.code(), merged.get(same).message() + "; " + t.message()));
                }
            }
            for (Todo t : merged) {
                result = PythonCode.addTodo(result, t.statement(), t.code(), t.message(), file.style());
            }
            return result;
        }

        /**
         * Why a {@code Deployment(...)} call cannot be converted, if it cannot: from_source needs the entrypoint,
         * and every field is a keyword (the 2.x class took no positional ones).
         */
        private Optional<String> constructorProblem(CallView view) {
            if (view.arguments().stream().anyMatch(a -> a.keyword() == null)) {
                return Optional.of("its fields must become flow.from_source(source=..., entrypoint=...).deploy(...) "
                        + "arguments");
            }
            if (view.keyword("entrypoint").isEmpty()) {
                return Optional.of("it names no entrypoint, which flow.from_source(source=..., entrypoint=...).deploy(...) "
                        + "needs (the flow's file and function, \"path/file.py:function\")");
            }
            if (flowDecorator() == null) {
                return Optional.of("deploy the flow with prefect's flow.from_source(source=..., entrypoint=...).deploy(...) "
                        + "(`flow` names something else in this file)");
            }
            return Optional.empty();
        }

        /**
         * The name prefect's flow decorator has in this file (whose from_source loads a flow by entrypoint):
         * its import, or {@code flow} when that name is free (the import is added); null when neither.
         */
        private String flowDecorator() {
            for (ImportBinding b : imports.all()) {
                if (b.qualifiedName().equals("prefect.flow") && b.isFromImport()) {
                    return b.localName();
                }
            }
            return imports.binding("flow").isEmpty() && TreeIndex.of(original).nameCount("flow") == 0 ? "flow" : null;
        }

        /**
         * The source and entrypoint of a {@code Deployment(...)} without storage: its {@code path=} (the directory
         * the 2.x worker ran the entrypoint from), or else the project root, when it holds the entrypoint's file
         * (2.x read it from the directory the deployment was built in). Empty when the project's files are known
         * and none is the entrypoint's.
         */
        private Optional<String[]> localSource(CallView view, Node call) {
            Node entry = view.keyword("entrypoint").orElseThrow().value();
            Optional<Argument> path = view.keyword("path");
            if (path.isPresent()) {
                return Optional.of(new String[] {path.get().value().text(), entry.text()});
            }
            Optional<String> literal = StringLiterals.value(entry).filter(e -> e.lastIndexOf(':') > 0);
            if (literal.isEmpty()) {
                return Optional.empty();
            }
            Path dir = file.getSourcePath().getParent();
            int depth = dir == null ? 0 : dir.getNameCount();
            Optional<FlowLocation> at = held(new FlowLocation(depth, literal.get()));
            if (at.isEmpty()) {
                return Optional.empty();
            }
            if (at.get().up() != depth) {
                // not under the project root, but under a directory between it and this file
                String under = projectRelative(new FlowLocation(at.get().up(), ""));
                note(call, false, "PF214", "entrypoint " + quote(at.get().entrypoint()) + " is read under " + under
                        + ", where this project holds its file (2.x read it from where the deployment was built); "
                        + "check it before deploying");
            }
            neededImports.add("pathlib.Path");
            return Optional.of(new String[] {"str(Path(__file__).resolve().parent" + ".parent".repeat(at.get().up()) + ")",
                    quote(at.get().entrypoint())});
        }

        /**
         * Whether {@code call} is an element of a list of deployments a loop applies ({@link AppliedDeploymentList})
         * whose every element converts: tried once per list on a copy of this conversion that writes no notes, so a
         * list with one element left to a person keeps its one TODO and no element half converted.
         */
        private boolean listConvertible(Node stmt, Node call) {
            if (!AppliedDeploymentList.holds(original, imports, stmt, call)) {
                return false;
            }
            if (trial) {
                return true;
            }
            return listsTried.computeIfAbsent(stmt, s -> {
                Conversion copy = new Conversion(file, imports, savedBlocks, ctx);
                copy.trial = true;
                copy.deploymentCalls = deploymentCalls;
                Node root = original;
                Node list = Expressions.unwrap(Statements.assignment(s).orElseThrow().value());
                for (Node element : list.nodes()) {
                    Node next = copy.convert(root, Expressions.unwrap(element));
                    if (next == root) {
                        return false;
                    }
                    root = next;
                }
                return true;
            });
        }

        private Node manual(Node root, Node stmt, Node call, String code, String message) {
            note(call, true, code, message);
            todos.add(new Todo(stmt, code, message));
            return root;
        }

        private void note(Node at, boolean manual, String code, String message) {
            if (trial) {
                return;
            }
            notes.insertRow(ctx, PythonCode.note(file, at, getName(), manual, code, message));
        }

        /**
         * The keys a {@code **value} passes: those of a dict literal (inline, or the one assignment of a name in the
         * function around {@code stmt} or the module, used nowhere else) with string keys, or of {@code dict(k=v)}.
         */
        private Optional<Set<String>> unpackedKeys(Node stmt, Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() == NodeKind.NAME) {
                String name = Expressions.name(v);
                Node scope = enclosingFunction(stmt);
                List<Node> values = new ArrayList<>();
                for (Node s : assignmentsIn(scope, name)) {
                    values.add(simpleValue(s).orElse(null));
                }
                if (values.isEmpty() && scope != null) {
                    moduleAssignment(original, name).flatMap(Statements::assignment)
                            .ifPresent(a -> values.add(Expressions.unwrap(a.value())));
                }
                // used only where it is made and unpacked here: nothing adds keys in between
                if (values.size() != 1 || values.get(0) == null || TreeIndex.of(original).nameCount(name) != 2) {
                    return Optional.empty();
                }
                v = values.get(0);
            }
            Set<String> keys = new LinkedHashSet<>();
            if (v.kind() == NodeKind.DICT) {
                for (Node entry : v.nodes()) {
                    Optional<String> key = entry.kind() == NodeKind.DICT_ENTRY && entry.nodes().size() == 2
                            ? StringLiterals.value(entry.nodes().get(0)) : Optional.empty();
                    if (key.isEmpty()) {
                        return Optional.empty();
                    }
                    keys.add(key.get());
                }
                return Optional.of(keys);
            }
            if (v.kind() == NodeKind.CALL && Expressions.unwrap(new CallView(v).callee()).kind() == NodeKind.NAME
                    && Expressions.name(Expressions.unwrap(new CallView(v).callee())).equals("dict")
                    && imports.binding("dict").isEmpty()) {
                for (Argument a : new CallView(v).arguments()) {
                    if (a.keyword() == null) {
                        return Optional.empty();
                    }
                    keys.add(a.keyword());
                }
                return Optional.of(keys);
            }
            return Optional.empty();
        }

        /**
         * A {@code schedule=}/{@code schedules=} argument whose Prefect 2 interval schedules have a naive anchor_date
         * outside UTC written as the instant Prefect 2 read ({@link IntervalAnchorArgument}): those built in the
         * argument, and those of a variable it names (alone or in a list), whose one assignment is changed once the
         * call is converted. An anchor that cannot be read is left with a note.
         */
        private Node anchored(Node arg, Node stmt) {
            Node out = arg;
            for (Node c : Nodes.find(arg, NodeKind.CALL)) {
                Optional<IntervalAnchorArgument.Anchoring> anchoring = anchoring(c);
                if (anchoring.isPresent() && anchoring.get().code() != null) {
                    Node anchor = anchoring.get().anchor();
                    out = TreeEdits.replace(out, anchor, Snippets.expression(anchoring.get().code(), file.style())
                            .withPrefix(anchor.prefix()));
                }
            }
            Node value = Expressions.unwrap(arg.nodes().get(0));
            List<Node> named = value.kind() == NodeKind.LIST || value.kind() == NodeKind.TUPLE ? value.nodes() : List.of(value);
            for (Node n : named) {
                Node item = Expressions.unwrap(n);
                if (item.kind() != NodeKind.NAME) {
                    continue;
                }
                Optional<Node> built = assignedCall(stmt, item).filter(c -> IntervalAnchorArgument.isIntervalSchedule(c, imports));
                Optional<IntervalAnchorArgument.Anchoring> anchoring = built.flatMap(this::anchoring);
                if (anchoring.isPresent() && anchoring.get().code() != null) {
                    Node anchor = anchoring.get().anchor();
                    anchorEdits.put(anchor, Snippets.expression(anchoring.get().code(), file.style()).withPrefix(anchor.prefix()));
                }
            }
            return out;
        }

        /** An IntervalSchedule call's anchoring, noted once however many deployments share the schedule. */
        private Optional<IntervalAnchorArgument.Anchoring> anchoring(Node call) {
            if (!IntervalAnchorArgument.isIntervalSchedule(call, imports)) {
                return Optional.empty();
            }
            Optional<IntervalAnchorArgument.Anchoring> anchoring = IntervalAnchorArgument.of(call, imports, file.style().quote());
            if (anchoring.isPresent() && !trial && anchorsSeen.add(call)) {
                note(call, anchoring.get().manual(), "PF207", anchoring.get().note());
            }
            return anchoring;
        }

        /**
         * A 2.x schedule written as a dict ({@code {"cron": "0 * * * *", "timezone": "UTC"}}, which 2.x parsed into a
         * schedule) as the schedule class Prefect 3 needs: its {@code schedules=[...]} reads a dict as
         * {@code create_deployment_schedule_create(**d)} options, where {@code cron=} is a TypeError.
         */
        private Optional<String> scheduleFromDict(Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() != NodeKind.DICT) {
                return Optional.empty();
            }
            java.util.Map<String, String> entries = new java.util.LinkedHashMap<>();
            java.util.Map<String, Node> values = new java.util.HashMap<>();
            for (Node entry : v.nodes()) {
                Optional<String> key = entry.kind() == NodeKind.DICT_ENTRY && entry.nodes().size() == 2
                        ? StringLiterals.value(entry.nodes().get(0)) : Optional.empty();
                String text = key.isPresent() ? entry.nodes().get(1).text().strip() : "#";
                if (key.isEmpty() || text.contains("#") || text.contains("\n")) {
                    return Optional.empty();
                }
                entries.put(key.get(), text);
                values.put(key.get(), entry.nodes().get(1));
            }
            for (java.util.Map.Entry<String, List<String>> kind : SCHEDULE_DICTS.entrySet()) {
                if (entries.containsKey(kind.getKey()) && kind.getValue().containsAll(entries.keySet())) {
                    String cls = SCHEDULE_CLASSES.get(kind.getKey());
                    if (kind.getKey().equals("interval")) {
                        // a Prefect 2 interval: a naive anchor outside UTC carried as the instant Prefect 2 read
                        Optional<IntervalAnchorArgument.Anchoring> anchoring = IntervalAnchorArgument.of(
                                values.get("anchor_date"), values.get("timezone"), imports, file.style().quote());
                        anchoring.ifPresent(an -> note(value, an.manual(), "PF207", an.note()));
                        anchoring.map(IntervalAnchorArgument.Anchoring::code).filter(java.util.Objects::nonNull)
                                .ifPresent(code -> entries.put("anchor_date", code));
                    }
                    neededImports.add(cls);
                    List<String> args = new ArrayList<>();
                    entries.forEach((k, val) -> args.add(k + "=" + val));
                    return Optional.of(cls.substring(cls.lastIndexOf('.') + 1) + "(" + String.join(", ", args) + ")");
                }
            }
            return Optional.empty();
        }

        /** The block constructor call an argument names, inline or through a module-level variable. */
        private Optional<Node> blockCall(Node root, Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() == NodeKind.CALL) {
                return Optional.of(v);
            }
            if (v.kind() == NodeKind.NAME) {
                Optional<Node> assignment = moduleAssignment(original, Expressions.name(v));
                Optional<Node> call = assignment.flatMap(Statements::assignment).map(Statements.Assignment::value)
                        .map(Expressions::unwrap).filter(n -> n.kind() == NodeKind.CALL);
                call.ifPresent(c -> blockVariables.add(Expressions.name(v)));
                return call;
            }
            return Optional.empty();
        }

        /**
         * The call a value comes from: the value itself, or the one assignment of its name in the module or in
         * the function around {@code stmt} (deployment scripts often load their blocks inside a function).
         */
        private Optional<Node> assignedCall(Node stmt, Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() != NodeKind.NAME) {
                return blockCall(original, value);
            }
            List<Node> calls = assignmentsIn(enclosingFunction(stmt), Expressions.name(v)).stream()
                    .flatMap(s -> simpleValue(s).stream()).filter(n -> n.kind() == NodeKind.CALL).toList();
            return calls.size() == 1 ? Optional.of(calls.get(0)) : blockCall(original, value);
        }

        /** The assignments of {@code name} in the function {@code scope}, or in the module when it is null. */
        private List<Node> assignmentsIn(Node scope, String name) {
            return InfrastructureArgument.assignments(scope == null ? original : scope, name);
        }

        /** The function around {@code stmt}, as the scan reads it ({@link InfrastructureArgument}), or null. */
        private Node enclosingFunction(Node stmt) {
            return InfrastructureArgument.enclosingFunction(original, stmt);
        }

        /**
         * The name of a 2.x GitHub block that the script saves ({@code gh = GitHub(...)}, {@code gh.save("code")}) and
         * deploys from: ReplaceRemovedStorageBlocks makes it a prefect_github.GitHubRepository, a block from_source
         * takes as it is (a git repository block: cloned, nothing uploaded) once saved. Deploying from the saved
         * block keeps its credentials and lets other deployments load it; an inline GitRepository would not.
         */
        private Optional<String> savedGitBlock(Node stmt, Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() != NodeKind.NAME) {
                return Optional.empty();
            }
            String name = Expressions.name(v);
            Optional<Node> assignment = moduleAssignment(original, name);
            Optional<Node> built = assignedCall(stmt, value);
            Optional<PrefectBlocks.Storage> block = built.flatMap(imports::qualifiedName)
                    .flatMap(q -> PrefectBlocks.get().block(q))
                    .filter(b -> PrefectBlocks.get().isGitSource(b.sourceClass()));
            if (assignment.isEmpty() || block.isEmpty()
                    || BlocksBuiltInScripts.savedName(original, assignment.get()).isEmpty()
                    || StorageBlockArguments.of(new CallView(built.get()), block.get(), file.style().quote())
                            .arguments().isEmpty()) {
                return Optional.empty();
            }
            note(value, false, "PF206", "deploys from the " + block.get().sourceClass() + " block this script saves "
                    + "(the GitHub block becomes one); from_source clones it as 2.x did");
            return Optional.of(name);
        }

        /**
         * A {@code storage=S3.load("code")}, or a name bound to such a load: a block of a removed 2.x storage class
         * loaded by name. {@code source} is what from_source takes: the load as the Prefect 3 class's, or the name
         * (whose load ReplaceRemovedStorageBlocks converts).
         */
        private record RemovedBlockLoad(PrefectBlocks.Storage block, String source, boolean gitSource, String message) {
        }

        private Optional<RemovedBlockLoad> removedBlockLoad(Node stmt, Node value) {
            Node v = Expressions.unwrap(value);
            String name = null;
            if (v.kind() == NodeKind.NAME) {
                name = Expressions.name(v);
                Optional<Node> loaded = assignedCall(stmt, value);
                if (loaded.isEmpty()) {
                    return Optional.empty();
                }
                v = loaded.get();
            }
            if (v.kind() != NodeKind.CALL || new CallView(v).callee().kind() != NodeKind.ATTRIBUTE) {
                return Optional.empty();
            }
            Optional<String> q = imports.qualifiedName(v).filter(n -> n.endsWith(".load"));
            Node load = v;
            Optional<String> slugLoad = q.filter(GENERIC_BLOCK_LOAD::equals).flatMap(n -> slugAndName(load));
            if (slugLoad.isPresent()) {
                // Block.load("s3/code") loads the block type its slug names: the same as S3.load("code")
                q = PrefectBlocks.get().storageClassOfSlug(slugLoad.get().substring(0, slugLoad.get().indexOf('/')))
                        .map(c -> c + ".load");
            }
            Optional<PrefectBlocks.Storage> block = q.flatMap(n -> PrefectBlocks.get()
                    .block(n.substring(0, n.length() - ".load".length())));
            if (block.isEmpty()) {
                return Optional.empty();
            }
            String old = q.get().substring(0, q.get().length() - ".load".length());
            String cls = StorageBlockArguments.simpleName(block.get().sourceClass());
            Node callee = new CallView(v).callee();
            String loaded = slugLoad.isPresent()
                    ? cls + ".load(" + PyValues.stringLiteral(slugLoad.get().substring(slugLoad.get().indexOf('/') + 1),
                    '"') + ")"
                    : cls + v.text().strip().substring(callee.nodes().get(0).text().strip().length());
            String source = name == null ? loaded : name;
            boolean git = PrefectBlocks.get().isGitSource(block.get().sourceClass());
            String message = git
                    ? "flow.from_source(source=" + loaded + ", entrypoint=...) deploys from a "
                    + block.get().sourceClass() + " block saved under this name, which it clones as 2.x did: save one "
                    + "first (the " + old + " block saved by Prefect 2 is not read as it), for example by running the "
                    + "converted script that built it"
                    : "this loads a " + old + " block, removed in Prefect 3: save a " + block.get().sourceClass()
                    + " block under this name (run the converted script that built it), push the code there (Prefect 3 "
                    + "does not upload it), and deploy with flow.from_source(source=" + loaded
                    + ", entrypoint=...)";
            return Optional.of(new RemovedBlockLoad(block.get(), source, git, message));
        }

        /** {@code "s3/code"} of {@code Block.load("s3/code")}: a literal block document slug, type and name. */
        private static Optional<String> slugAndName(Node load) {
            CallView call = new CallView(load);
            return call.arguments().size() == 1 ? call.positional(0).flatMap(a -> PyValues.string(a.value()))
                    .filter(s -> s.indexOf('/') > 0 && s.indexOf('/') == s.lastIndexOf('/')) : Optional.empty();
        }

        /** The module as the scan reads it, for {@link InfrastructureArgument}: the same tree, parsed once. */
        private PythonModule module() {
            if (module == null) {
                ScanFile scanned = new ScanFile(file.getSourcePath().toString().replace('\\', '/'), file.text());
                PythonModule.parsed(scanned, file);
                module = PythonModule.parse(scanned);
            }
            return module;
        }

        /** The fields of a block built in this file, as written. */
        private List<BlockField> fields(Node block) {
            List<BlockField> out = new ArrayList<>();
            for (Argument a : new CallView(block).arguments()) {
                out.add(new BlockField(a.keyword(), a.value(), imports.qualifiedName(a.value()), a.node().text(),
                        PythonCode.oneLine(a.node())));
            }
            return out;
        }

        /** The fields a block loaded by name was saved with: literals, strings in this file's quotes. */
        private List<BlockField> fields(SavedBlocks.Saved saved) {
            List<BlockField> out = new ArrayList<>();
            saved.fields().forEach((k, v) -> {
                String text = v.string().map(str -> PyValues.stringLiteral(str, file.style().quote())).orElse(v.text());
                Node value = Snippets.expression(text, file.style());
                out.add(new BlockField(k, value, Optional.ofNullable(v.member()), k + "=" + text,
                        k + "=" + PythonCode.oneLine(value)));
            });
            return out;
        }

        /**
         * What the run's scripts save under the name a block is loaded by ({@code DockerContainer.load("etl-docker")}),
         * when some script saves that name; empty for a block not loaded by a literal name, or a name none saves.
         */
        private Optional<SavedBlocks.Lookup> savedLoad(InfrastructureArgument argument) {
            return argument.loadedReference(module()).map(savedBlocks::find).filter(l -> !l.notFound());
        }

        /** What a storage block loaded by name deploys from, read from its save; else why not (" (...)"), or "". */
        private record SavedSource(Optional<String> source, String why) {
        }

        /**
         * The from_source source of a removed storage block loaded by name ({@code GitHub.load("repo")}) that one script
         * of the run saves with literal fields: the same source the block built here would give ({@code
         * GitRepository(url=..., branch=...)}, {@code S3Bucket(bucket_name=..., bucket_folder=...)}). Credentials do not
         * cross into this script (they would be secrets written in code): such a save is left to a person.
         */
        private SavedSource savedSource(Node call, Node value) {
            InfrastructureArgument argument = InfrastructureArgument.read(module(), call, value);
            Optional<SavedBlocks.Lookup> found = savedLoad(argument);
            if (found.isEmpty()) {
                return new SavedSource(Optional.empty(), "");
            }
            if (found.get().problem() != null) {
                return new SavedSource(Optional.empty(), " (the run saves it, but " + found.get().problem() + ")");
            }
            SavedBlocks.Saved saved = found.get().block().orElseThrow();
            Optional<PrefectBlocks.Storage> storage = PrefectBlocks.get().storage(saved.blockClass());
            if (storage.isEmpty()) {
                return new SavedSource(Optional.empty(), "");
            }
            List<String> args = new ArrayList<>();
            fields(saved).forEach(f -> args.add(f.raw()));
            CallView built = new CallView(Snippets.expression(StorageBlockArguments.simpleName(saved.blockClass()) + "("
                    + String.join(", ", args) + ")", file.style()));
            StorageBlockArguments.Mapping mapping = StorageBlockArguments.of(built, storage.get(), file.style().quote());
            if (mapping.arguments().isEmpty() || mapping.arguments().get().credentials() != null) {
                return new SavedSource(Optional.empty(), " (the run saves it at " + saved.place() + ", but "
                        + (mapping.arguments().isEmpty() ? mapping.problem()
                        : "with credentials, which are not copied into this script") + ")");
            }
            Node v = Expressions.unwrap(value);
            if (v.kind() == NodeKind.NAME) {
                // the load's variable goes with the call when nothing else reads it
                String name = Expressions.name(v);
                argument.assignment().ifPresentOrElse(a -> blockAssignments.put(name, a), () -> blockVariables.add(name));
            }
            neededImports.add(storage.get().sourceClass());
            note(value, false, "PF206", "deploys from the source of the " + saved.describe() + ", which this deployment "
                    + "loaded by name (Prefect 3 uploads no code: keep pushing it there)");
            return new SavedSource(Optional.of(StorageBlockArguments.simpleName(storage.get().sourceClass()) + "("
                    + String.join(", ", mapping.arguments().get().texts(built)) + ")"), "");
        }

        /** The 2.x class of a block whose fields are not in sight: loaded by name, by slug, or made by a function. */
        private Optional<PrefectBlocks.Infrastructure> blockClassOf(InfrastructureArgument argument) {
            return argument.loadedSlug(module()).flatMap(PrefectBlocks.get()::infrastructureOfSlug)
                    .or(() -> argument.blockClass(module()).flatMap(PrefectBlocks.get()::infrastructure));
        }

        /** A storage block Prefect 3 can deploy from, as from_source's source expression. */
        private Optional<String> remoteSource(Node root, Node value) {
            Optional<Node> block = blockCall(root, value);
            Optional<PrefectBlocks.Storage> storage = block.flatMap(imports::qualifiedName)
                    .flatMap(q -> PrefectBlocks.get().storage(q));
            if (storage.isEmpty()) {
                return Optional.empty();
            }
            PrefectBlocks.Storage st = storage.get();
            CallView call = new CallView(block.get());
            Optional<StorageBlockArguments> mapped = StorageBlockArguments.of(call, st, file.style().quote()).arguments();
            if (mapped.isEmpty()) {
                return Optional.empty();
            }
            if (mapped.get().credentials() != null) {
                String credentials = st.credentialsBlock().className();
                neededImports.add(credentials);
                note(block.get(), false, "PF206", "the storage credentials now sit in a " + credentials + " block; "
                        + "consider saving it once and loading it by name instead of passing secrets in code");
            }
            String cls = st.sourceClass();
            neededImports.add(cls);
            return Optional.of(StorageBlockArguments.simpleName(cls) + "(" + String.join(", ", mapped.get().texts(call)) + ")");
        }

        /**
         * The {@code path=} of a call without storage, unless it names the directory 2.x used anyway (the one the
         * build ran in). 2.x stored the flow there, read it from there on the agent's machine, and often the
         * agent's container mounted the code there ({@code path="/root"} with an entrypoint under it): the script's
         * own directory, which the conversion would deploy from, is another place.
         */
        private Optional<String> agentPath(CallView view) {
            return view.keyword("path").map(a -> PythonCode.oneLine(a.value()))
                    .filter(p -> !CURRENT_DIRECTORY.contains(p.replace('\'', '"')));
        }

        /** Where the flow is defined: imported from a module of this project, or defined in this file. */
        private Optional<FlowLocation> locate(Node flowExpr) {
            Node f = Expressions.unwrap(flowExpr);
            Path path = file.getSourcePath();
            List<String> dirs = new ArrayList<>();
            if (path.getParent() != null) {
                path.getParent().forEach(p -> dirs.add(p.toString()));
            }
            if (f.kind() != NodeKind.NAME) {
                List<String> parts = Expressions.dottedParts(f).orElse(List.of());
                return moduleAttribute(f).map(m -> inModule(m, parts.get(parts.size() - 1), dirs));
            }
            String name = Expressions.name(f);
            Optional<ImportBinding> binding = imports.binding(name);
            if (binding.isPresent() && binding.get().isFromImport()) {
                String module = binding.get().module();
                String q = binding.get().qualifiedName();
                String function = q.substring(q.lastIndexOf('.') + 1);
                if (module.startsWith(".")) {
                    String rest = module.substring(1);
                    return rest.isEmpty() || rest.startsWith(".") ? Optional.empty()
                            : Optional.of(new FlowLocation(0, rest.replace('.', '/') + ".py:" + function));
                }
                if (PythonCode.isPrefectModule(module)) {
                    return Optional.empty();
                }
                return Optional.of(inModule(module, function, dirs));
            }
            for (Node def : Statements.of(original)) {
                if (def.kind() == NodeKind.FUNCTION_DEF
                        && new dev.migrate.rewriters.python.query.Definitions(def).name().equals(name)) {
                    return Optional.of(new FlowLocation(0, path.getFileName() + ":" + name));
                }
            }
            return Optional.empty();
        }

        /** Where {@code function} of the imported module {@code module} is, seen from this file's directories. */
        private FlowLocation inModule(String module, String function, List<String> dirs) {
            List<String> parts = List.of(module.split("\\."));
            List<String> pkg = parts.subList(0, parts.size() - 1);
            boolean inPackage = dirs.size() >= pkg.size() && dirs.subList(dirs.size() - pkg.size(), dirs.size()).equals(pkg);
            return new FlowLocation(inPackage ? pkg.size() : 0, String.join("/", parts) + ".py:" + function);
        }

        /**
         * The module of a flow reached as an attribute of an imported module: {@code flows.param_flow.increment}
         * after {@code import flows.param_flow}, {@code m.etl} after {@code import pipelines.nightly as m} or
         * {@code from pipelines import nightly}. Empty when the part before the flow's name is not a module an
         * import statement names (an object's attribute, a relative or Prefect import).
         */
        private Optional<String> moduleAttribute(Node f) {
            Optional<List<String>> dotted = Expressions.dottedParts(f);
            if (dotted.isEmpty() || dotted.get().size() < 2) {
                return Optional.empty();
            }
            List<String> parts = dotted.get();
            String candidate = String.join(".", parts.subList(0, parts.size() - 1));
            Optional<ImportBinding> binding = imports.binding(parts.get(0));
            if (binding.isEmpty() || binding.get().isRelative()) {
                return Optional.empty();
            }
            ImportBinding b = binding.get();
            Optional<String> module;
            if (b.isFromImport() || !b.localName().equals(b.qualifiedName())) {
                // `from pipelines import nightly` / `import pipelines.nightly as m`: the name is the module itself
                module = parts.size() == 2 ? Optional.of(b.qualifiedName()) : Optional.empty();
            } else {
                // `import flows.param_flow` binds `flows`; each such import makes its module and packages reachable
                module = imports.all().stream().filter(i -> !i.isFromImport() && i.localName().equals(parts.get(0)))
                        .map(ImportBinding::module)
                        .filter(m -> m.equals(candidate) || m.startsWith(candidate + "."))
                        .findFirst().map(m -> candidate);
            }
            return module.filter(m -> !PythonCode.isPrefectModule(m));
        }

        /**
         * {@code at}, checked against the project's files when the engine gave them. The import root is the
         * directory above this file that holds the module (a script run as {@code python -m team.deploy} imports
         * {@code team0.flows} from two levels up, not from its own package); a module that is a package gets its
         * {@code __init__.py}; a module the project does not hold at all is noted (an installed package, another root).
         */
        private FlowLocation checked(FlowLocation at, Node call) {
            return held(at).orElseGet(() -> {
                note(call, false, "PF214", "entrypoint " + quote(at.entrypoint()) + " names " + projectRelative(
                        new FlowLocation(at.up(), at.entrypoint().substring(0, at.entrypoint().lastIndexOf(':'))))
                        + ", which this project does not hold; check it before deploying");
                return at;
            });
        }

        /** {@link #checked}'s location, or empty when the engine gave the project's files and none holds it. */
        private Optional<FlowLocation> held(FlowLocation at) {
            Optional<ProjectPaths> paths = ProjectPaths.from(ctx);
            if (paths.isEmpty()) {
                return Optional.of(at);
            }
            String entrypoint = at.entrypoint();
            int colon = entrypoint.lastIndexOf(':');
            String module = entrypoint.substring(0, colon);
            String pkg = module.substring(0, module.length() - ".py".length()) + "/__init__.py";
            int depth = file.getSourcePath().getParent() == null ? 0 : file.getSourcePath().getParent().getNameCount();
            List<Integer> ups = new ArrayList<>(List.of(at.up()));
            for (int up = 0; up <= depth; up++) {
                if (up != at.up()) {
                    ups.add(up);
                }
            }
            for (int up : ups) {
                for (String candidate : List.of(module, pkg)) {
                    if (paths.get().contains(projectRelative(new FlowLocation(up, candidate)))) {
                        return Optional.of(new FlowLocation(up, candidate + entrypoint.substring(colon)));
                    }
                }
            }
            return Optional.empty();
        }

        /** The entrypoint relative to the project root (where the file's import root is). */
        private String projectRelative(FlowLocation at) {
            Path dir = file.getSourcePath().getParent();
            List<String> dirs = new ArrayList<>();
            if (dir != null) {
                dir.forEach(p -> dirs.add(p.toString()));
            }
            List<String> root = dirs.subList(0, Math.max(0, dirs.size() - at.up()));
            return root.isEmpty() ? at.entrypoint() : String.join("/", root) + "/" + at.entrypoint();
        }

        private Node argument(String keyword, String value) {
            return new CallView(Snippets.expression("f(" + keyword + "=" + value + ")", file.style())).arguments()
                    .get(0).node();
        }

        /** {@code schedules=X} as {@code schedules=[X]}, X kept byte for byte. */
        private Node inList(Node arg) {
            Node value = arg.nodes().get(0);
            Node list = Snippets.expression("[_]", file.style());
            Node placeholder = Nodes.find(list, NodeKind.NAME).get(0);
            Node wrapped = TreeEdits.replace(list, placeholder, value.withPrefix(dev.migrate.rewriters.python.tree.Space.EMPTY));
            return arg.withChild(arg.children().indexOf(value), wrapped.withPrefix(value.prefix()));
        }

        private String negated(Node value) {
            Node v = Expressions.unwrap(value);
            if (v.kind() == NodeKind.CONSTANT && (v.text().equals("True") || v.text().equals("False"))) {
                return v.text().equals("True") ? "False" : "True";
            }
            boolean atom = v.kind() == NodeKind.NAME || v.kind() == NodeKind.ATTRIBUTE || v.kind() == NodeKind.CALL;
            return atom ? "not " + v.text() : "not (" + v.text() + ")";
        }

        /**
         * {@code expr}, when it is a dict, with each literal value Prefect 3's worker spells otherwise respelled
         * ({@code "image_pull_policy": "ALWAYS"} becomes {@code "Always"}, data: prefect-2-blocks.yaml); else itself.
         */
        private Node respelled(Node expr, Node stmt, Node call) {
            if (expr.kind() != NodeKind.DICT) {
                return expr;
            }
            Node out = expr;
            for (Node entry : expr.nodes(NodeKind.DICT_ENTRY)) {
                List<Node> kv = entry.nodes();
                Optional<String> key = kv.size() == 2 ? PyValues.string(kv.get(0)) : Optional.empty();
                if (key.filter(CommandJobVariable.KEY::equals).isPresent()) {
                    // the block's list of words as the one string Prefect 3 takes; words nobody can read here: a TODO
                    CommandArgument.Converted command = CommandArgument.convert(kv.get(1), file.style().quote());
                    if (command.manual()) {
                        commandTodo(stmt, call, CommandJobVariable.manual("infra_overrides'",
                                "`" + PythonCode.oneLine(kv.get(1)) + "`"));
                        out = withoutEntry(out, entry);
                    } else if (command.words().isPresent()) {
                        out = TreeEdits.replaceKeepingPrefix(out, kv.get(1), Snippets.expression(
                                command.expression().get(), file.style()).withPrefix(kv.get(1).prefix()));
                    }
                    continue;
                }
                Optional<String> worker = key.flatMap(name -> PyValues.string(kv.get(1))
                        .flatMap(v -> PrefectBlocks.get().jobVariableValue(name, v)));
                if (worker.isPresent()) {
                    out = TreeEdits.replaceKeepingPrefix(out, kv.get(1),
                            Snippets.expression(quote(worker.get()), file.style()).withPrefix(kv.get(1).prefix()));
                }
            }
            return out;
        }

        /** A command left out of job_variables: a note and a TODO. */
        private void commandTodo(Node stmt, Node call, String text) {
            note(call, true, "PF205", text);
            todos.add(new Todo(stmt, "PF205", text));
        }

        /** {@code dict} without {@code entry} and the comma that separated it from the next (or previous) entry. */
        private static Node withoutEntry(Node dict, Node entry) {
            List<dev.migrate.rewriters.python.tree.PyElement> kids = new ArrayList<>(dict.children());
            int at = kids.indexOf(entry);
            if (at < 0) {
                return dict;
            }
            boolean first = at > 0 && kids.get(at - 1) instanceof dev.migrate.rewriters.python.tree.Token t && t.is("{");
            kids.remove(at);
            if (at < kids.size() && kids.get(at) instanceof dev.migrate.rewriters.python.tree.Token t && t.is(",")) {
                kids.remove(at);
            } else if (kids.get(at - 1) instanceof dev.migrate.rewriters.python.tree.Token t && t.is(",")) {
                kids.remove(at - 1);
                at--;
            }
            if (first && at < kids.size() && !(kids.get(at) instanceof dev.migrate.rewriters.python.tree.Token t && t.is("}"))) {
                // the next entry takes the removed one's place after the brace
                kids.set(at, kids.get(at).withPrefix(entry.prefix()));
            }
            return dict.withChildren(kids);
        }

        /**
         * The entries of a dict literal as written, without the braces: a comment at their end keeps the line
         * break (and indentation) before the closing brace, which the comment would swallow otherwise.
         */
        private static String entriesText(Node dict) {
            String inner = dict.text().substring(1, dict.text().length() - 1).stripLeading();
            return inner.contains("#") ? inner : inner.strip();
        }

        private String quote(String s) {
            char q = file.style().quote();
            return q + s + q;
        }
    }

    /** {@code entrypoint} under directory {@code dir} ("flows" and "etl.py:run" is "flows/etl.py:run"). */
    static String joined(String dir, String entrypoint) {
        String d = dir.replace('\\', '/');
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.isEmpty() || d.equals(".") ? entrypoint : d + "/" + entrypoint;
    }

    /**
     * What replaces the upload build_from_flow did into a storage block Prefect 3 keeps, by where the block keeps
     * the code: a local directory is read by the worker from its own disk, so there is nothing to push, only a path
     * both must see; a share or a remote file system or bucket needs the code copied there before deploying.
     */
    private static String uploadAdvice(String blockClass) {
        String cls = blockClass.endsWith(".load") ? blockClass.substring(0, blockClass.length() - ".load".length()) : blockClass;
        cls = cls.substring(cls.lastIndexOf('.') + 1);
        if (cls.equals("LocalFileSystem")) {
            return "the workers read the flow from the block's basepath on their own machine, so deploy this only "
                    + "where they see the same path with the code in it, or deploy with flow.from_source(source=<the "
                    + "flow's directory>, entrypoint=...) run where the workers run, or from a git repository";
        }
        if (cls.equals("SMB")) {
            return "copy the code to the share first, then deploy";
        }
        if (cls.equals("RemoteFileSystem")) {
            return "copy the code to the block's basepath first, then deploy";
        }
        return "push it to the bucket first (a prefect.yaml push step), then deploy";
    }

    /** Whether {@code expr} is {@code await call} (in parentheses or not). */
    private static boolean awaits(Node expr, Node call) {
        Node e = Expressions.unwrap(expr);
        return e.kind() == NodeKind.AWAIT && !e.nodes().isEmpty() && Expressions.unwrap(e.nodes().get(0)) == call;
    }

    /**
     * {@code flow.from_source(...)}; awaited in async code, where Prefect 3's from_source (sync_compatible in 3.0,
     * async_dispatch later) returns a coroutine, as the deploy or to_deployment after it does (the outer await).
     */
    private static String fromSource(String flow, String source, String entrypoint, boolean awaited) {
        String call = flow + ".from_source(source=" + source + ", entrypoint=" + entrypoint + ")";
        return awaited ? "(await " + call + ")" : call;
    }

    /** The {@code call.apply()} call that is the whole statement {@code stmt}, or null. */
    private static Node chainedApply(Node stmt, Node call) {
        if (stmt.kind() != NodeKind.EXPR_STMT) {
            return null;
        }
        Node outer = Expressions.unwrap(stmt.nodes().get(0));
        if (outer.kind() != NodeKind.CALL || !new CallView(outer).arguments().isEmpty()) {
            return null;
        }
        Node callee = new CallView(outer).callee();
        List<dev.migrate.rewriters.python.tree.Token> tokens = callee.tokens();
        boolean apply = callee.kind() == NodeKind.ATTRIBUTE && !callee.nodes().isEmpty()
                && Expressions.unwrap(callee.nodes().get(0)) == call && tokens.get(tokens.size() - 1).text().equals("apply");
        return apply ? outer : null;
    }

    private static boolean isTrue(Node value) {
        Node v = Expressions.unwrap(value);
        return v.kind() == NodeKind.CONSTANT && v.text().equals("True");
    }

    /** The value of a plain {@code name = value} statement (one target, no augmented operator), unwrapped. */
    private static Optional<Node> simpleValue(Node assignment) {
        return Statements.assignment(assignment).filter(a -> a.operator().equals("=") && a.targets().size() == 1)
                .map(a -> Expressions.unwrap(a.value()));
    }

    /** The top-level {@code name = ...} statement, when there is exactly one. */
    private static Optional<Node> moduleAssignment(Node module, String name) {
        List<Node> found = new ArrayList<>();
        for (Node s : Statements.of(module)) {
            Statements.assignment(s).filter(a -> a.operator().equals("=") && a.targets().size() == 1
                    && a.targets().get(0).kind() == NodeKind.NAME
                    && Expressions.name(a.targets().get(0)).equals(name)).ifPresent(a -> found.add(s));
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
