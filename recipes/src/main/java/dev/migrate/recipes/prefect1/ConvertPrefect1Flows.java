package dev.migrate.recipes.prefect1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.migrate.analyzers.sources.python.Prefect1ImportedFlows;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.prefect1.internal.CliRegistrations;
import dev.migrate.recipes.prefect1.internal.Deployment;
import dev.migrate.recipes.prefect1.internal.FlowAnalysis;
import dev.migrate.recipes.prefect1.internal.ImportedSettings;
import dev.migrate.recipes.prefect1.internal.ModuleConstants;
import dev.migrate.recipes.prefect1.internal.Notes;
import dev.migrate.recipes.prefect1.internal.Prefect1Flow;
import dev.migrate.recipes.prefect1.internal.PrefectYamlText;
import dev.migrate.recipes.prefect1.internal.ProjectFlowClasses;
import dev.migrate.recipes.prefect1.internal.ProjectFlows;
import dev.migrate.rewriters.python.Diagnostic;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.PythonVisitor;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlParser;

/**
 * Converts Prefect 1 flows into Prefect 3 {@code @flow} functions (PF102): {@code with Flow(...) as flow:} blocks
 * and imperative {@code flow = Flow(...)} + {@code set_dependencies} graphs, with Parameters as function
 * parameters and the executor as a task runner. Registration (schedule, run config, storage and
 * {@code flow.register}) becomes a deployment: an entry of a generated {@code prefect.yaml} by default, or a
 * {@code .deploy()} / {@code .serve()} call. Flows whose order or data flow cannot be shown to survive are left
 * as they are, with a TODO comment and a manual note. Unsafe: the run model changes (the body runs eagerly, and
 * a failing task stops the flow instead of only its downstream tasks).
 */
public class ConvertPrefect1Flows extends ScanningRecipe<ConvertPrefect1Flows.Found> {
    static final String CODE = "PF102";
    /** The last Prefect 2 release, whose API surface the Prefect 2 output is checked against. */
    static final String PREFECT2_PIN = "2.20.25";

    @Option(displayName = "Deployment form", description = "`prefect.yaml` (default) writes deployments to a generated "
            + "prefect.yaml; `deploy` and `serve` write a `.deploy()` / `.serve()` call where `flow.register` was.",
            valid = {"prefect.yaml", "deploy", "serve"}, required = false, example = "prefect.yaml")
    private final String deployment;

    @Option(displayName = "Prefect major version", description = "`3` (default) or `2`, for teams that stop at "
            + "Prefect 2: task runners and prefect.yaml then use what Prefect 2.20 has, and deployments always go to "
            + "prefect.yaml.", valid = {"2", "3"}, required = false, example = "3")
    private final String prefectVersion;

    private final transient MigrationNotes notes = new MigrationNotes(this);

    public ConvertPrefect1Flows() {
        this(null, null);
    }

    public ConvertPrefect1Flows(String deployment) {
        this(deployment, null);
    }

    @JsonCreator
    public ConvertPrefect1Flows(@JsonProperty("deployment") String deployment,
                                @JsonProperty("prefectVersion") String prefectVersion) {
        this.deployment = deployment;
        this.prefectVersion = prefectVersion;
    }

    public String getDeployment() {
        return deployment;
    }

    public String getPrefectVersion() {
        return prefectVersion;
    }

    boolean prefect2() {
        return "2".equals(prefectVersion);
    }

    /** Prefect 2 has no prefect.schedules.Cron/Interval for .deploy(), so it always writes prefect.yaml. */
    String mode() {
        return deployment == null || prefect2() ? "prefect.yaml" : deployment;
    }

    /** Deployments found in the Python files, by file; and whether the project already has a prefect.yaml. */
    public static class Found {
        private final Map<String, List<Deployment>> deployments = new TreeMap<>();
        /** Deployments to read once every file has been seen (a schedule may come from a module scanned later). */
        private final List<Runnable> pending = new ArrayList<>();
        final ImportedSettings elsewhere = new ImportedSettings();
        /** The project's own subclasses of Prefect 1's Flow, shared with the recipes after this one. */
        final ProjectFlowClasses flowClasses;
        /** "module.NAME" pairs the project's modules read from each other, see ModuleConstants.recordReads. */
        final Set<String> reads = new HashSet<>();
        /** "module.variable" of each Prefect 1 flow the conversion makes a function (module: see ModuleConstants.moduleName). */
        final Set<String> converted = new HashSet<>();
        /**
         * "module.variable" of every module-level Prefect 1 flow of the project, converted or not
         * ({@link Prefect1ImportedFlows#ownFlows}, as the scan reads them): a registration of any of them in another
         * module is PF108, on both sides.
         */
        final Set<String> projectFlows = new HashSet<>();
        /** The flows the project registers with {@code prefect register -p/-m} instead of {@code flow.register()}. */
        final CliRegistrations cli;
        Path prefectYaml;

        Found(CliRegistrations cli, ProjectFlowClasses flowClasses) {
            this.cli = cli;
            this.flowClasses = flowClasses;
        }

        Map<String, List<Deployment>> deployments() {
            pending.forEach(Runnable::run);
            pending.clear();
            return deployments;
        }
    }

    @Override
    public String getDisplayName() {
        return "Convert Prefect 1 flows to Prefect 3 flow functions and deployments";
    }

    @Override
    public String getDescription() {
        return "Turns `with Flow(...)` blocks and imperative `Flow` graphs into `@flow` functions with their Parameters as "
                + "arguments, executors as task runners, and `flow.register` with schedule, run config and storage as a "
                + "deployment in `prefect.yaml` (or a `.deploy()`/`.serve()` call).";
    }

    @Override
    public Found getInitialValue(ExecutionContext ctx) {
        return new Found(CliRegistrations.of(ctx), ProjectFlowClasses.of(ctx));
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Found acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (tree instanceof SourceFile sf && sf.getSourcePath().toString().matches("prefect\\.ya?ml")) {
                    acc.prefectYaml = sf.getSourcePath();
                }
                if (tree instanceof PythonFile file) {
                    // flows made with these are left for a person, with or without unsafe fixes
                    acc.flowClasses.record(file);
                }
                if (tree instanceof PythonFile file && !file.hasSyntaxErrors()) {
                    Prefect1ImportedFlows.ownFlows(file.module(), Imports.of(file.module()))
                            .forEach(v -> acc.projectFlows.add(Prefect1ImportedFlows.key(path(file), v)));
                }
                if (tree instanceof SourceFile sf && !(tree instanceof PythonFile) && FixSafety.unsafeAllowed(ctx)) {
                    acc.cli.offer(sf);
                }
                if (tree instanceof PythonFile file && !file.hasSyntaxErrors() && FixSafety.unsafeAllowed(ctx)) {
                    Imports imports = Imports.of(file.module());
                    ModuleConstants.recordReads(file.module(), acc.reads);
                    acc.elsewhere.offer(path(file), file.module());
                    for (Prefect1Flow flow : FlowAnalysis.of(file.module())) {
                        if (flow.convertible() && flow.variable() != null) {
                            acc.converted.add(ModuleConstants.moduleName(path(file)) + "." + flow.variable());
                        }
                        if (flow.convertible()) {
                            // read once every file is seen: the command that registers it may be in a later one
                            acc.pending.add(() -> {
                                Optional<String> command = acc.cli.registering(path(file));
                                if (ProjectFlows.deployed(flow) || command.isPresent()) {
                                    Deployment d = Deployment.of(flow, path(file), imports, file.module(), acc.elsewhere);
                                    if (!ProjectFlows.deployed(flow)) {
                                        d.decisions().add("registered by " + command.get() + " rather than in code, so "
                                                + "it gets a deployment too (that command is now `prefect deploy --all`)");
                                    }
                                    acc.deployments.computeIfAbsent(path(file), k -> new ArrayList<>()).add(d);
                                }
                            });
                        }
                    }
                }
                return tree;
            }
        };
    }

    @Override
    public Collection<? extends SourceFile> generate(Found acc, ExecutionContext ctx) {
        if (!mode().equals("prefect.yaml") || acc.deployments().isEmpty() || acc.prefectYaml != null) {
            return List.of();
        }
        Path target = Path.of("prefect.yaml");
        String text = PrefectYamlText.of(acc.deployments(), prefect2() ? PREFECT2_PIN : PrefectTarget.from(ctx).pin());
        List<SourceFile> out = new ArrayList<>();
        YamlParser.builder().build().parse(ctx, text).map(sf -> (SourceFile) sf.withSourcePath(target)).forEach(out::add);
        return out;
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        Notes log = new Notes(notes, this);
        return new PythonVisitor<>() {
            @Override
            public Tree visitPythonFile(PythonFile file, ExecutionContext ctx) {
                if (file.hasSyntaxErrors()) {
                    // no Prefect 1 recipe edits a file that does not parse: say so once, or it passes for migrated
                    if (Imports.of(file.module()).uses("prefect") && !file.diagnostics().isEmpty()) {
                        Diagnostic d = file.diagnostics().get(0);
                        log.manual(ctx, file, null, CODE, "not migrated: the file has a syntax error at line " + d.line()
                                + ", column " + d.column() + " (" + d.message() + "); fix it and run the migration again");
                    }
                    return file;
                }
                List<Deployment> deployments = acc.deployments().getOrDefault(path(file), List.of());
                return MigrationNotes.visiting(file.getSourcePath().toString(), file::text, () -> {
                    if (mode().equals("prefect.yaml") && acc.prefectYaml != null && !deployments.isEmpty()) {
                        log.manual(ctx, file, null, CODE, "prefect.yaml exists; add these deployments to it by hand: "
                                + deployments.stream().map(d -> d.toYaml().toString()).toList());
                    }
                    Node after = new FlowConversion(file, mode(), prefect2(), deployments, acc.reads,
                            acc.flowClasses.importedBy(file, file.module()), acc.converted, acc.projectFlows, log, ctx).run();
                    return after == file.module() ? file : file.withModule(after);
                });
            }
        };
    }

    static String path(PythonFile file) {
        return file.getSourcePath().toString().replace('\\', '/');
    }
}
