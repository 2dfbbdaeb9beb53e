package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.python.PositionalOnlyCalls;
import dev.migrate.recipes.python.PrefectMoves;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.recipes.python.PythonRecipe;
import dev.migrate.rewriters.python.PythonFile;
import dev.migrate.rewriters.python.edit.ImportEdits;
import dev.migrate.rewriters.python.edit.Snippets;
import dev.migrate.rewriters.python.edit.StatementEdits;
import dev.migrate.rewriters.python.edit.TreeEdits;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.query.TreeIndex;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openrewrite.ExecutionContext;

/**
 * Applies every entry of the moved-names map to Python imports: Prefect's own migration table
 * (prefect-3-moved.json) plus the catalogue's schedule, task runner and module moves. A name keeps its
 * import statement's place when it can; a renamed name is renamed where the file uses it. Prefect 2 names
 * that Prefect 3 removed and no recipe replaced, and the infrastructure blocks the integrations' releases for
 * Prefect 3 removed ({@code prefect_aws.ecs.ECSTask}), are reported for a person, or dropped when unused.
 */
public class MoveRemovedPrefectImports extends PythonRecipe {
    private final transient MigrationNotes notes = new MigrationNotes(this);

    @Override
    public String getDisplayName() {
        return "Move Prefect 2 imports to their Prefect 3 homes";
    }

    @Override
    public String getDescription() {
        return "Rewrites imports of Prefect names that moved in Prefect 3 (schedules, task runners, `get_client`, "
                + "`pause_flow_run`, `variables.get`, ...) and renames their uses; reports imports of removed names.";
    }

    /** One imported name and where it goes. */
    private record Move(ImportBinding binding, String module, String object) {
        String oldName() {
            String q = binding.qualifiedName();
            return q.substring(q.lastIndexOf('.') + 1);
        }

        boolean aliased() {
            return !binding.localName().equals(oldName());
        }

        boolean keepsName() {
            return object.equals(oldName());
        }
    }

    @Override
    protected String[] mentions() {
        return new String[] {"prefect"};
    }

    @Override
    protected Node edit(PythonFile file, ExecutionContext ctx) {
        PrefectTarget target = PrefectTarget.from(ctx);
        Node before = file.module();
        Map<Node, List<Move>> byStatement = new LinkedHashMap<>();
        List<ImportBinding> moduleImports = new ArrayList<>();
        UnconvertedDeploymentCalls unconverted = UnconvertedDeploymentCalls.in(before, Imports.of(before));
        List<Move> split = new ArrayList<>();
        for (ImportBinding b : Imports.of(before).all()) {
            if (b.isRelative() || !b.module().startsWith("prefect") || b.localName().equals("*")) {
                continue;
            }
            if (!b.isFromImport()) {
                // only `import a.b as m` can be redirected; `import a.b` is used through its full path
                if (!b.localName().equals(b.qualifiedName())
                        && PrefectMoves.get().movedModule(b.module()).isPresent()) {
                    moduleImports.add(b);
                }
                continue;
            }
            Optional<String> to = PrefectMoves.get().target(b.qualifiedName(), target);
            Optional<String> first = PrefectMoves.get().firstTarget(b.qualifiedName());
            if (to.isPresent() && first.isPresent() && !first.equals(to) && usedOutsideDeployments(before, b.localName())) {
                // the newer homes (prefect.schedules.Cron, ...) build schedules for deploy/serve only: the client API
                // (create_deployment_schedules, DeploymentScheduleCreate) and isinstance checks need the models
                to = first;
            }
            if (to.isEmpty()) {
                continue;
            }
            String[] parts = PrefectMoves.split(to.get());
            Move move = new Move(b, parts[0], parts[1]);
            int[] uses = unconverted.uses(before, b.localName());
            if (uses[0] > 0) {
                // a Deployment call the conversion left to a person stays Prefect 2 code, its arguments too: the name
                // keeps its import; code elsewhere that needs the new name gets it beside (a renamed class only:
                // one that keeps its name moved to the client models, which 2.x deployments take as well)
                if (uses[1] == 0) {
                    continue;
                }
                if (!move.keepsName() && !move.aliased() && !move.object().contains(".")) {
                    split.add(move);
                    continue;
                }
            }
            byStatement.computeIfAbsent(b.statement(), k -> new ArrayList<>()).add(move);
        }
        Node after = before;
        for (ImportBinding b : moduleImports) {
            Node dotted = b.alias().firstNode(NodeKind.DOTTED_NAME);
            after = TreeEdits.replace(after, dotted,
                    dottedName(PrefectMoves.get().movedModule(b.module()).orElseThrow(), dotted));
        }
        for (Map.Entry<Node, List<Move>> e : byStatement.entrySet()) {
            after = moveStatement(file, after, e.getKey(), e.getValue(), ctx);
        }
        for (Move m : split) {
            after = ImportEdits.addFromImport(after, m.module(), m.object(), file.style());
            after = renameUses(after, m.binding().localName(), m.object(), file, unconverted);
        }
        after = moveAttributeUses(file, after, target, unconverted);
        if (after != before) {
            after = ImportEdits.removeImportsMadeUnused(before, after, file.style());
            after = PythonCode.trimLeadingBlankLines(before, after);
        }
        after = PositionalOnlyCalls.fix(after);
        after = dropUnusedRemoved(file, after, ctx);
        reportRemoved(file, after, ctx);
        return after;
    }

    /**
     * Whether a use of {@code name} sits in a call that is not a deployment's: {@code create_deployment_schedules(...,
     * [(CronSchedule(...), True)])}, {@code DeploymentScheduleCreate(schedule=CronSchedule(...))}, {@code isinstance}.
     * A use only assigned to a variable counts as a deployment's, as before.
     */
    private static boolean usedOutsideDeployments(Node root, String name) {
        return usedOutsideDeployments(root, name, Imports.of(root), true);
    }

    /**
     * Whether a read of {@code name} stands in a call other than a deployment's. With {@code followBound}, a value
     * built by calling {@code name} and given to a variable ({@code nightly = CronSchedule(...)}) is followed one step:
     * the variable's reads decide, since it is the variable that reaches the deployment or some other code.
     */
    private static boolean usedOutsideDeployments(Node root, String name, Imports imports, boolean followBound) {
        TreeIndex index = TreeIndex.of(root);
        for (Node use : index.find(NodeKind.NAME)) {
            if (!Expressions.name(use).equals(name)) {
                continue;
            }
            List<Node> path = index.path(use);
            if (path == null) {
                continue;
            }
            Node constructed = null;
            for (int i = path.size() - 1; i >= 0; i--) {
                Node n = path.get(i);
                if (n.kind() == NodeKind.IMPORT_FROM || n.kind() == NodeKind.IMPORT) {
                    break;
                }
                if (n.kind() == NodeKind.ASSIGN && constructed != null && followBound) {
                    Optional<String> bound = boundName(n, constructed);
                    if (bound.isPresent() && !bound.get().equals(name)
                            && usedOutsideDeployments(root, bound.get(), imports, false)) {
                        return true;
                    }
                    continue;
                }
                if (n.kind() != NodeKind.CALL) {
                    continue;
                }
                if (Expressions.unwrap(n.nodes().get(0)) == use) {
                    constructed = n;
                    continue;
                }
                Node callee = Expressions.unwrap(n.nodes().get(0));
                List<Token> tokens = callee.tokens();
                String called = callee.kind() == NodeKind.NAME ? Expressions.name(callee)
                        : callee.kind() == NodeKind.ATTRIBUTE && !tokens.isEmpty() ? tokens.get(tokens.size() - 1).text() : "";
                if (!DEPLOYMENT_CALLS.contains(called)) {
                    return true;
                }
                // a Deployment class of another package (from shipyard.deploying import Deployment) takes what its
                // own code takes: the models, as a 2.x schedule was; flows' serve/deploy cannot be told apart by name
                if (PREFECT_DEPLOYMENT_CLASS_CALLS.contains(called)
                        && !ReplaceDeploymentBuildFromFlow.isDeploymentCall(imports, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The one name {@code assign} binds when {@code value} (unwrapped of parentheses) is its whole value. */
    private static Optional<String> boundName(Node assign, Node value) {
        return Statements.assignment(assign)
                .filter(a -> a.targets().size() == 1 && a.value() != null
                        && a.targets().get(0).kind() == NodeKind.NAME && Expressions.unwrap(a.value()) == value)
                .map(a -> Expressions.name(a.targets().get(0)));
    }

    /** The deployment calls that name Prefect 2's {@code Deployment} class, checked against the file's imports. */
    private static final Set<String> PREFECT_DEPLOYMENT_CLASS_CALLS = Set.of("build_from_flow", "Deployment");

    /** Calls whose schedule arguments take Prefect 3's schedule factories as well as the client models. */
    private static final Set<String> DEPLOYMENT_CALLS = Set.of("serve", "deploy", "to_deployment", "aserve", "adeploy",
            "ato_deployment", "build_from_flow", "Deployment");

    /** A DOTTED_NAME node spelling {@code dotted}, taking the old node's prefix. */
    private static Node dottedName(String dotted, Node old) {
        List<dev.migrate.rewriters.python.tree.PyElement> kids = new ArrayList<>();
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                kids.add(Token.op("."));
            }
            kids.add(Token.name(parts[i]));
        }
        return Node.of(NodeKind.DOTTED_NAME, kids).withPrefix(old.prefix());
    }

    private Node moveStatement(PythonFile file, Node root, Node stmt, List<Move> all, ExecutionContext ctx) {
        // a name whose new home is already imported at the top (another recipe added it) only loses its old
        // import; every edit works on this statement by identity: a name imported twice (a try/except fallback)
        // must be moved in this statement, not in whichever binds the name last
        Node current = root;
        List<Move> moves = new ArrayList<>();
        for (Move m : all) {
            String target = m.module() + "." + m.object();
            Node tree = current;
            boolean present = !m.aliased() && Imports.of(tree).binding(m.object())
                    .filter(b -> b.qualifiedName().equals(target) && moduleLevel(tree, b.statement())).isPresent();
            if (!present) {
                moves.add(m);
                continue;
            }
            Node kept = ImportEdits.withoutAlias(stmt, Imports.of(stmt).binding(m.binding().localName()).orElseThrow().alias());
            current = kept == null ? StatementEdits.remove(current, stmt, file.style())
                    : TreeEdits.replaceKeepingPrefix(current, stmt, kept);
            current = renameUses(current, m.binding().localName(), m.object(), file);
            if (kept == null) {
                return current;
            }
            stmt = kept;
        }
        if (moves.isEmpty()) {
            return current;
        }
        root = current;
        List<Node> aliases = stmt.nodes(NodeKind.IMPORT_ALIAS);
        boolean allToOneModule = moves.size() == aliases.size()
                && moves.stream().allMatch(m -> m.module().equals(moves.get(0).module()) && !m.object().contains("."));
        if (allToOneModule) {
            // the statement stays where it is, with its layout and comments: module and names change in place
            Node dotted = stmt.firstNode(NodeKind.DOTTED_NAME);
            Node moved = TreeEdits.replace(stmt, dotted, dottedName(moves.get(0).module(), dotted));
            for (Move m : moves) {
                if (!m.keepsName()) {
                    Node aliasName = Imports.of(moved).binding(m.binding().localName()).orElseThrow().alias()
                            .firstNode(NodeKind.DOTTED_NAME);
                    moved = TreeEdits.replace(moved, aliasName, dottedName(m.object(), aliasName));
                }
            }
            Node result = TreeEdits.replace(root, stmt, moved);
            for (Move m : moves) {
                if (!m.keepsName() && !m.aliased()) {
                    result = renameUses(result, m.binding().localName(), m.object(), file);
                }
            }
            return result;
        }
        // the rest works on this statement by identity too: its names are renamed or dropped in `kept`
        Node kept = stmt;
        List<String> movedAway = new ArrayList<>();
        for (Move m : moves) {
            String first = m.object().contains(".") ? m.object().substring(0, m.object().indexOf('.')) : m.object();
            if (m.aliased() && m.object().contains(".")) {
                notes.insertRow(ctx, PythonCode.note(file, stmt, getName(), true, "PF215", m.binding().qualifiedName()
                        + " moved to " + m.module() + "." + m.object() + "; replace the alias "
                        + m.binding().localName() + " by hand"));
                continue;
            }
            Node alias = Imports.of(kept).binding(m.binding().localName()).orElseThrow().alias();
            if (m.binding().module().equals(m.module()) && !m.object().contains(".")) {
                // same module, new name: rename the imported name in place (an alias stays)
                Node dotted = alias.firstNode(NodeKind.DOTTED_NAME);
                kept = TreeEdits.replace(kept, dotted, dottedName(m.object(), dotted));
            } else {
                kept = ImportEdits.withoutAlias(kept, alias);
                movedAway.add("from " + m.module() + " import " + first
                        + (m.aliased() ? " as " + m.binding().localName() : ""));
            }
            if (kept == null) {
                break; // every name moved away
            }
        }
        Node result = placeMovedAway(root, stmt, kept, sameModuleMerged(movedAway), file);
        for (Move m : moves) {
            if (!m.aliased() && !m.binding().localName().equals(m.object())) {
                result = renameUses(result, m.binding().localName(), m.object(), file);
            }
        }
        return result;
    }

    /** {@code from m import a} and {@code from m import b} as one {@code from m import a, b}, in first-seen order. */
    private static List<String> sameModuleMerged(List<String> imports) {
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        for (String i : imports) {
            int at = i.indexOf(" import ");
            byModule.computeIfAbsent(i.substring(0, at), k -> new ArrayList<>()).add(i.substring(at + " import ".length()));
        }
        List<String> out = new ArrayList<>();
        byModule.forEach((from, names) -> out.add(from + " import " + String.join(", ", names)));
        return out;
    }

    /**
     * Puts the statement's remaining names and the imports of the names that moved away into the tree: a statement
     * left with no names becomes those imports where it stood; otherwise they go to the imports at the top (a
     * module-level statement) or right after the statement (inside a try, an if or a function, where they have to
     * stay).
     */
    private static Node placeMovedAway(Node root, Node stmt, Node kept, List<String> movedAway, PythonFile file) {
        if (kept == null) {
            return StatementEdits.replace(root, stmt, String.join("\n", movedAway), file.style());
        }
        Node result = TreeEdits.replaceKeepingPrefix(root, stmt, kept);
        if (movedAway.isEmpty() || moduleLevel(root, stmt)) {
            for (String line : movedAway) {
                String[] parts = line.substring("from ".length()).split(" import ", 2);
                result = ImportEdits.addFromImport(result, parts[0], parts[1], file.style());
            }
            return result;
        }
        return StatementEdits.insertAfter(result, kept, String.join("\n", movedAway), file.style());
    }

    private static boolean moduleLevel(Node root, Node stmt) {
        List<Node> path = TreeEdits.path(root, stmt);
        return path != null && path.size() == 2 && path.get(0).kind() == NodeKind.MODULE;
    }

    /**
     * Moved names reached through a module ({@code from prefect import variables; variables.get("a")}, or
     * {@code prefect.variables.get("a")}): the attribute becomes the name's new home, imported from its module
     * ({@code Variable.get("a")} with {@code from prefect.variables import Variable}). A module that moved as a
     * whole is left to the import statement's move.
     */
    private static Node moveAttributeUses(PythonFile file, Node root, PrefectTarget target,
            UnconvertedDeploymentCalls unconverted) {
        Node result = root;
        Imports imports = Imports.of(root);
        for (Node attr : TreeIndex.of(root).find(NodeKind.ATTRIBUTE)) {
            if (unconverted.contains(root, attr)) {
                continue; // an argument of a Prefect 2 deployment call left to a person stays Prefect 2's
            }
            Node receiver = Expressions.unwrap(attr.nodes().get(0));
            Optional<String> q = imports.qualifiedName(attr);
            Optional<String> receiverName = imports.qualifiedName(receiver);
            if (q.isEmpty() || receiverName.isEmpty() || !PythonCode.isPrefectModule(receiverName.get())
                    || PrefectMoves.get().target(receiverName.get(), target).isPresent()
                    || !PrefectApi.get().existsIn3(receiverName.get()) && !PrefectApi.get().existsIn2(receiverName.get())) {
                continue;
            }
            Optional<String> to = PrefectMoves.get().target(q.get(), target);
            if (to.isEmpty() || TreeEdits.path(result, attr) == null) {
                continue; // not moved, or inside an attribute already moved
            }
            String[] split = PrefectMoves.split(to.get());
            String first = split[1].contains(".") ? split[1].substring(0, split[1].indexOf('.')) : split[1];
            result = TreeEdits.replace(result, attr, Snippets.expression(split[1], file.style()).withPrefix(attr.prefix()));
            result = ImportEdits.addFromImport(result, split[0], first, file.style());
        }
        return result;
    }

    /** Replaces every use of a bare name by an expression ({@code get} by {@code Variable.get}). */
    private static Node renameUses(Node root, String name, String replacement, PythonFile file) {
        return renameUses(root, name, replacement, file, null);
    }

    /** As above, but for the uses inside {@code kept} (unconverted deployment calls; null for none). */
    private static Node renameUses(Node root, String name, String replacement, PythonFile file,
            UnconvertedDeploymentCalls kept) {
        Node result = root;
        for (Node n : TreeIndex.of(root).find(NodeKind.NAME)) {
            if (Expressions.name(n).equals(name) && (kept == null || !kept.contains(root, n))) {
                result = TreeEdits.replace(result, n, Snippets.expression(replacement, file.style()));
            }
        }
        return result;
    }

    /**
     * A from-import of a name Prefect 3 removed fails as soon as the module is imported, even when nothing uses the
     * name, so an unused one can only break: it goes. Possible re-exports stay for a person: names that {@code __all__}
     * lists (as a string anywhere in the file) and every import of an {@code __init__.py}.
     */
    private Node dropUnusedRemoved(PythonFile file, Node module, ExecutionContext ctx) {
        if (file.getSourcePath().getFileName().toString().equals("__init__.py")) {
            return module;
        }
        // the names the module uses and whether it has an __all__ are read once an import is found to be removed
        Set<String> used = null;
        TreeIndex index = TreeIndex.of(module);
        Boolean hasAll = null;
        Node result = module;
        for (ImportBinding b : Imports.of(module).all()) {
            String name = b.localName();
            if (!b.isFromImport() || b.isRelative() || !checked(b.qualifiedName()) || name.equals("*")
                    || !removed(b.qualifiedName())) {
                continue;
            }
            if (used == null) {
                used = ImportEdits.usedNames(module);
                hasAll = index.contains("__all__");
            }
            if (used.contains(name) || hasAll && (index.contains("'" + name + "'") || index.contains("\"" + name + "\""))) {
                continue;
            }
            notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                    PythonCode.line(module, b.statement()), getName(), false, "removed the unused import of "
                    + b.qualifiedName() + ", which " + (b.qualifiedName().startsWith("prefect.") ? "Prefect 3 no longer has"
                    : "the " + b.module().split("\\.")[0].replace('_', '-') + " releases for Prefect 3 no longer have")
                    + " (importing it would fail)",
                    codeOf(b.qualifiedName())));
            result = ImportEdits.removeImport(result, name, file.style());
        }
        return result == module ? module : PythonCode.trimLeadingBlankLines(module, result);
    }

    /** A Prefect name, or an integration's infrastructure block ({@code prefect_aws.ecs.ECSTask}), gone for Prefect 3. */
    private static boolean checked(String qualifiedName) {
        return qualifiedName.startsWith("prefect.") || PrefectBlockClasses.isIntegrationInfrastructure(qualifiedName);
    }

    private static boolean removed(String qualifiedName) {
        return REMOVED.computeIfAbsent(qualifiedName, MoveRemovedPrefectImports::removedFromApi);
    }

    /**
     * {@link #removed} by name: asked of every Prefect import of every file, and a pure function of the API data
     * (the early-2.x packages are matched one by one), which a run asks about a few hundred distinct names.
     */
    private static final java.util.Map<String, Boolean> REMOVED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean removedFromApi(String qualifiedName) {
        if (PrefectBlockClasses.isIntegrationInfrastructure(qualifiedName)) {
            return true; // the integrations' releases for Prefect 3 dropped their infrastructure blocks
        }
        PrefectApi api = PrefectApi.get();
        return api.removedIn3(qualifiedName)
                || (api.existsIn2(qualifiedName) || api.early2Package(qualifiedName).isPresent())
                && !api.existsIn3(qualifiedName);
    }

    /** Prefect 2 names still imported that Prefect 3 removed: a person decides (other recipes replace the common ones). */
    private void reportRemoved(PythonFile file, Node module, ExecutionContext ctx) {
        for (ImportBinding b : Imports.of(module).all()) {
            String q = b.isFromImport() ? b.qualifiedName() : b.module();
            if (b.isRelative() || !checked(q) || b.localName().equals("*")) {
                continue;
            }
            if (removed(q)) {
                Node at = b.statement();
                // a block class is noted as scan reports it: PF205/PF206, with what replaces it
                Optional<PrefectBlockClasses.Replacement> block = PrefectBlockClasses.of(q);
                notes.insertRow(ctx, new MigrationNotes.Row(file.getSourcePath().toString(),
                        PythonCode.line(module, at), getName(), true, block.map(PrefectBlockClasses.Replacement::message)
                        .orElse(q + " does not exist in Prefect 3" + PrefectApi.get().early2Package(q).map(e -> " (" + e + ")")
                        .orElse("") + "; replace it"), codeOf(q)));
            }
        }
    }

    /**
     * The finding code of a removed name, the one scan reports its import under: an infrastructure block class is
     * PF205 and a storage block class PF206 (what replaces them is known), any other removed name PF216.
     */
    private static String codeOf(String qualifiedName) {
        return PrefectBlockClasses.of(qualifiedName).map(PrefectBlockClasses.Replacement::code).orElse("PF216");
    }
}
