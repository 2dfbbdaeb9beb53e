package dev.migrate.recipes.prefect2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.migrate.recipes.DeletedFiles;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.python.PyLiterals;
import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Option;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.YamlParser;
import org.openrewrite.yaml.tree.Yaml;

/**
 * The {@code prefect.yaml} deployment style: {@code Deployment.build_from_flow(..., apply=True)} statements
 * whose arguments are all literals move into the {@code deployments:} list of the project's root
 * {@code prefect.yaml} (created when there is none) and leave the script; {@code prefect deploy --all}
 * then registers them. Calls with blocks, storage, variables or computed values stay for
 * {@link ReplaceDeploymentBuildFromFlow}. Entries are written as the 2.x build outputs are
 * ({@link DeploymentYamlEntry}), so both routes give the same YAML.
 */
public class MoveDeploymentScriptsToPrefectYaml extends ScanningRecipe<MoveDeploymentScriptsToPrefectYaml.Found> {
    /** Keyword arguments with a prefect.yaml key (the build output key they are written under). */
    private static final Map<String, String> KEYS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("version", "version"), Map.entry("description", "description"), Map.entry("tags", "tags"),
            Map.entry("parameters", "parameters"), Map.entry("work_pool_name", "work_pool_name"),
            Map.entry("work_queue_name", "work_queue_name"), Map.entry("infra_overrides", "infra_overrides"),
            Map.entry("job_variables", "infra_overrides"), Map.entry("is_schedule_active", "is_schedule_active"),
            Map.entry("enforce_parameter_schema", "enforce_parameter_schema"));
    private static final Set<String> SCHEDULES = Set.of("prefect.server.schemas.schedules.CronSchedule",
            "prefect.server.schemas.schedules.IntervalSchedule", "prefect.server.schemas.schedules.RRuleSchedule",
            "prefect.client.schemas.schedules.CronSchedule", "prefect.client.schemas.schedules.IntervalSchedule",
            "prefect.client.schemas.schedules.RRuleSchedule");

    @Option(displayName = "Deployment style",
            description = "`prefect-yaml` moves literal `Deployment.build_from_flow(..., apply=True)` calls into "
                    + "prefect.yaml; `python` leaves them to the Python recipes (flow.deploy / flow.serve).",
            valid = {"prefect-yaml", "python"}, required = false, example = "prefect-yaml")
    private final String deploymentStyle;

    private final transient MigrationNotes notes = new MigrationNotes(this, "PF214");

    /** Deployments found in scripts, as build-output maps, and whether the root prefect.yaml exists. */
    public static class Found {
        final List<Map<String, Object>> deployments = new ArrayList<>();
        /** The root's project files by name ({@code prefect.yaml}, {@code prefect.yml}), each a mapping at its top or not. */
        final Map<String, Boolean> rootFiles = new java.util.TreeMap<>();

        /**
         * The file the deployments go to: the root's prefect.yaml, which {@code prefect deploy} reads by default
         * ({@code --prefect-file} defaults to {@code prefect.yaml}, 3.x {@code prefect/cli/deploy/_commands.py}); a
         * prefect.yml only where the root has no prefect.yaml (Prefect reads it only where a command names it, which
         * the notes say); null where there is neither.
         */
        String target() {
            return rootFiles.containsKey(PREFECT_YAML) ? PREFECT_YAML : rootFiles.containsKey(PREFECT_YML) ? PREFECT_YML : null;
        }

        /** A target that is not a mapping: nothing moves. */
        boolean targetUnwritable() {
            return target() != null && !rootFiles.get(target());
        }
    }

    private static final String PREFECT_YAML = "prefect.yaml";
    private static final String PREFECT_YML = "prefect.yml";

    /** A statement that moves, with its deployment. */
    private record Moved(Node statement, Map<String, Object> deployment) {
    }

    public MoveDeploymentScriptsToPrefectYaml() {
        this(null);
    }

    @JsonCreator
    public MoveDeploymentScriptsToPrefectYaml(@JsonProperty("deploymentStyle") String deploymentStyle) {
        this.deploymentStyle = deploymentStyle;
    }

    public String getDeploymentStyle() {
        return deploymentStyle;
    }

    private boolean active() {
        return deploymentStyle == null || deploymentStyle.equals("prefect-yaml");
    }

    @Override
    public String getDisplayName() {
        return "Move deployment scripts into prefect.yaml";
    }

    @Override
    public String getDescription() {
        return "Moves `Deployment.build_from_flow(..., apply=True)` calls with literal arguments (name, work pool "
                + "and queue, parameters, tags, job variables, a Cron, Interval or RRule schedule) into the "
                + "`deployments:` list of the root `prefect.yaml`, to be registered with `prefect deploy --all`.";
    }

    @Override
    public Found getInitialValue(ExecutionContext ctx) {
        return new Found();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getScanner(Found acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!active()) {
                    return tree;
                }
                if (tree instanceof Yaml.Documents docs && isRootPrefectYaml(docs.getSourcePath())) {
                    // a file whose top is no mapping can take no `deployments:`: the scripts keep theirs
                    acc.rootFiles.put(docs.getSourcePath().toString(), !docs.getDocuments().isEmpty()
                            && docs.getDocuments().get(0).getBlock() instanceof Yaml.Mapping);
                } else if (tree instanceof PythonFile file) {
                    List<Moved> moved = moved(file);
                    moved.forEach(m -> acc.deployments.add(m.deployment()));
                    // what the root prefect.yaml holds after the rewrite, as the command-line recipes read it
                    NamedPrefectFiles.in(ctx).movesFromScript(file.getSourcePath(),
                            moved.stream().map(m -> String.valueOf(m.deployment().get("name"))).toList());
                }
                return tree;
            }
        };
    }

    @Override
    public Collection<? extends SourceFile> generate(Found acc, ExecutionContext ctx) {
        if (acc.target() != null || acc.deployments.isEmpty()) {
            return List.of();
        }
        DeploymentYamlEntries entries = DeploymentYamlEntries.of(acc.deployments, "", FixSafety.unsafeAllowed(ctx));
        String head = "# Generated by migrate from the Prefect 2 deployment scripts of this project.\n"
                + "prefect-version: " + PrefectTarget.from(ctx).pin() + "\n"
                + "deployments:";
        String text = head + entries.text() + "\n";
        entries.report(notes, getName(), Path.of("prefect.yaml"), text, head.length(), ctx);
        NamedPrefectFiles.in(ctx).createdFromScripts(Path.of("prefect.yaml")); // its entries are counted as moved
        return YamlParser.builder().build().parse(ctx, text)
                .map(sf -> (SourceFile) sf.withSourcePath(Path.of("prefect.yaml"))).toList();
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(Found acc) {
        return new TreeVisitor<Tree, ExecutionContext>() {
            @Override
            public Tree visit(Tree tree, ExecutionContext ctx) {
                if (!active() || acc.deployments.isEmpty() || acc.targetUnwritable()) {
                    return tree;
                }
                if (tree instanceof PythonFile file) {
                    return removeMoved(file, acc, ctx);
                }
                // only the root file that was there before (prefect.yaml where both are): the one generate() wrote
                // already holds the entries
                if (tree instanceof Yaml.Documents docs && acc.target() != null
                        && docs.getSourcePath().toString().equals(acc.target()) && isRootPrefectYaml(docs.getSourcePath())) {
                    return mergeInto(docs, acc, ctx);
                }
                return tree;
            }
        };
    }

    /**
     * How the deployments moved are registered: {@code prefect deploy --all}, with the file's name where they went to a
     * prefect.yml, which Prefect does not read unless named.
     */
    private static String deployAll(Found acc) {
        return PREFECT_YML.equals(acc.target()) ? "prefect deploy --all --prefect-file " + PREFECT_YML : "prefect deploy --all";
    }

    private static String targetName(Found acc) {
        return acc.target() == null ? PREFECT_YAML : acc.target();
    }

    private PythonFile removeMoved(PythonFile file, Found acc, ExecutionContext ctx) {
        List<Moved> moved = moved(file);
        if (moved.isEmpty()) {
            return file;
        }
        Node before = file.module();
        Node after = before;
        for (Moved m : moved) {
            notes.insertRow(ctx, PythonCode.note(file, m.statement(), getName(), false, "deployment '"
                    + m.deployment().get("name") + "' moved to " + targetName(acc) + "; register it with `" + deployAll(acc)
                    + "`"));
            after = StatementEdits.remove(after, m.statement(), file.style());
        }
        after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
        if (after.nodes().isEmpty()) {
            // an empty script left behind would let `python deploy.py` in CI pass while deploying nothing
            notes.insertRow(ctx, PythonCode.note(file, null, getName(), true, "PF214", file.getSourcePath()
                    + " held only deployments, all now in " + targetName(acc) + ", and is deleted: where CI or a Makefile"
                    + " runs it, run `" + deployAll(acc) + "` instead"));
            return DeletedFiles.delete(ctx, file, this);
        }
        return file.withModule(PythonCode.trimLeadingBlankLines(before, after));
    }

    private Yaml.Documents mergeInto(Yaml.Documents docs, Found acc, ExecutionContext ctx) {
        DeploymentYamlEntries[] appended = new DeploymentYamlEntries[1];
        Yaml.Documents after = (Yaml.Documents) new YamlIsoVisitor<ExecutionContext>() {
            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext c) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, c);
                if (!"deployments".equals(e.getKey().getValue()) || !PrefectYamlFiles.isTopLevel(getCursor())) {
                    return e;
                }
                return DeploymentYamlEntry.appendTo(e, getCursor(), indent -> {
                    appended[0] = DeploymentYamlEntries.of(acc.deployments, indent, FixSafety.unsafeAllowed(ctx));
                    return appended[0].text();
                });
            }
        }.visitNonNull(docs, ctx);
        if (appended[0] == null) {
            // a prefect.yaml without `deployments:` (a 2.10 project's, or `prefect init`'s with the key removed): the key
            // is added, else the deployments would leave their scripts with nowhere to go
            appended[0] = DeploymentYamlEntries.of(acc.deployments, "", FixSafety.unsafeAllowed(ctx));
            after = DeploymentYamlEntry.withDeployments(after, appended[0].text());
        }
        if (appended[0] != null) {
            String text = after.printAll();
            appended[0].report(notes, getName(), docs.getSourcePath(), text, text.lastIndexOf(appended[0].text()), ctx);
        }
        return after;
    }

    private static boolean isRootPrefectYaml(Path path) {
        return path.getParent() == null && (path.toString().equals(PREFECT_YAML) || path.toString().equals(PREFECT_YML));
    }

    /** The statements of a file that move to prefect.yaml, with their deployments, in source order. */
    private static List<Moved> moved(PythonFile file) {
        if (file.hasSyntaxErrors() || !PythonCode.mentions(file, "build_from_flow")) {
            return List.of();
        }
        Node module = file.module();
        Imports imports = Imports.of(module);
        List<Moved> out = new ArrayList<>();
        for (Node call : TreeIndex.of(module).find(NodeKind.CALL)) {
            if (!ReplaceDeploymentBuildFromFlow.isDeploymentCall(imports, call)
                    || !imports.qualifiedName(call).orElse("").endsWith(".build_from_flow")) {
                continue;
            }
            Node stmt = PythonCode.statementOf(module, call);
            if (stmt == null || stmt.kind() != NodeKind.EXPR_STMT || Expressions.unwrap(stmt.nodes().get(0)) != call
                    || !Statements.of(module).contains(stmt)) {
                continue; // stored in a variable, or run under a condition: the Python recipe keeps its logic
            }
            deployment(file, imports, new CallView(call)).ifPresent(d -> out.add(new Moved(stmt, d)));
        }
        return out;
    }

    /** The call as a 2.x build output map, when every argument is a literal with a prefect.yaml key. */
    private static Optional<Map<String, Object>> deployment(PythonFile file, Imports imports, CallView call) {
        Map<String, Object> d = new LinkedHashMap<>();
        boolean applied = false;
        for (Argument a : call.arguments()) {
            String k = a.keyword();
            if (k == null) {
                return Optional.empty();
            }
            if (k.equals("flow")) {
                Optional<String> entrypoint = entrypoint(file, imports, a.value());
                if (entrypoint.isEmpty()) {
                    return Optional.empty();
                }
                d.put("entrypoint", entrypoint.get());
            } else if (k.equals("apply")) {
                applied = Expressions.unwrap(a.value()).print().strip().equals("True");
            } else if (k.equals("schedule")) {
                Optional<Map<String, Object>> schedule = schedule(imports, a.value());
                if (schedule.isEmpty()) {
                    return Optional.empty();
                }
                d.put("schedule", schedule.get());
            } else if (KEYS.containsKey(k)) {
                Optional<Object> v = PyLiterals.value(a.value());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                d.merge(KEYS.get(k), v.get(), MoveDeploymentScriptsToPrefectYaml::laterWins);
            } else {
                return Optional.empty();
            }
        }
        if (!applied || !d.containsKey("entrypoint") || !(d.get("name") instanceof String)) {
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * {@code infra_overrides=} and its 2.x alias {@code job_variables=} in one call both override: the later
     * argument wins per key, as one dict of overrides would.
     */
    @SuppressWarnings("unchecked")
    private static Object laterWins(Object earlier, Object later) {
        if (earlier instanceof Map<?, ?> a && later instanceof Map<?, ?> b) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) a);
            merged.putAll((Map<String, Object>) b);
            return merged;
        }
        return later;
    }

    /** A Cron, Interval or RRule schedule with literal fields, as the build output wrote it. */
    private static Optional<Map<String, Object>> schedule(Imports imports, Node value) {
        Node call = Expressions.unwrap(value);
        if (call.kind() != NodeKind.CALL || !imports.qualifiedName(call).filter(SCHEDULES::contains).isPresent()) {
            return Optional.empty();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Argument a : new CallView(call).arguments()) {
            String k = a.keyword();
            if ("interval".equals(k)) {
                Optional<java.math.BigDecimal> seconds = PyValues.seconds(a.value(), imports);
                if (seconds.isEmpty()) {
                    return Optional.empty();
                }
                out.put(k, seconds.get().scale() <= 0 || seconds.get().stripTrailingZeros().scale() <= 0
                        ? (Object) seconds.get().longValue() : seconds.get().doubleValue());
            } else if ("cron".equals(k) || "rrule".equals(k) || "timezone".equals(k) || "day_or".equals(k)) {
                Optional<Object> v = PyLiterals.value(a.value());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                out.put(k, v.get());
            } else {
                return Optional.empty();
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /**
     * Where the flow is, from the project root: imported from a module of the project ({@code pkg/mod.py:fn},
     * assuming the project root is the import root) or defined at the top of this file.
     */
    private static Optional<String> entrypoint(PythonFile file, Imports imports, Node value) {
        Node f = Expressions.unwrap(value);
        if (f.kind() != NodeKind.NAME) {
            return Optional.empty();
        }
        String name = Expressions.name(f);
        Optional<ImportBinding> b = imports.binding(name);
        if (b.isPresent()) {
            String module = b.get().module();
            if (!b.get().isFromImport() || module.startsWith(".") || PythonCode.isPrefectModule(module)) {
                return Optional.empty();
            }
            String q = b.get().qualifiedName();
            return Optional.of(module.replace('.', '/') + ".py:" + q.substring(q.lastIndexOf('.') + 1));
        }
        for (Node s : Statements.of(file.module())) {
            if (s.kind() == NodeKind.FUNCTION_DEF
                    && new dev.migrate.rewriters.python.query.Definitions(s).name().equals(name)) {
                return Optional.of(file.getSourcePath().toString().replace('\\', '/') + ":" + name);
            }
        }
        return Optional.empty();
    }
}
