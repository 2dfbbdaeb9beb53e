package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Definitions;
import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.Statements;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the project's task index ({@link ProjectTaskIndex}) keeps of a module: its top-level tasks (name to whether it
 * is async, in source order), the names it binds itself (those are never re-exports), and what each name its imports
 * bind refers to. Small enough for the scan to keep for every file it reads, instead of the file's tree.
 */
public record ModuleFacts(Map<String, Boolean> tasks, Set<String> ownNames, Map<String, String> imported) {
    public ModuleFacts {
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        ownNames = Set.copyOf(ownNames);
        imported = Map.copyOf(imported);
    }

    /** Reads a module's facts from its tree (tasks only when {@code mayDefineTasks}: a cheap first look said so). */
    public static ModuleFacts read(Node module, Imports imports, boolean mayDefineTasks) {
        Set<String> own = PythonScopes.boundAtTopLevel(module);
        Map<String, String> imported = new HashMap<>();
        for (ImportBinding b : imports.all()) {
            if (!b.localName().equals("*")) {
                imported.put(b.localName(), b.qualifiedName()); // a later import of a name wins
            }
        }
        return new ModuleFacts(mayDefineTasks ? tasks(module, imports, own) : Map.of(), own, imported);
    }

    /**
     * A module's own task functions, top-level functions decorated with Prefect's {@code task} (called or not, through
     * any alias or a Prefect star import), by name, with whether each is {@code async def}.
     */
    public static Map<String, Boolean> tasks(Node module, Imports imports, Set<String> ownNames) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        List<String> stars = PrefectStars.of(imports);
        for (Node s : Statements.of(module)) {
            if (s.kind() != NodeKind.FUNCTION_DEF) {
                continue;
            }
            Definitions d = new Definitions(s);
            for (Node deco : d.decorators()) {
                Optional<String> q = imports.qualifiedName(deco);
                if (q.isEmpty()) {
                    q = PrefectStars.qualifiedName(imports, stars, ownNames, deco);
                }
                if (q.filter("prefect.task"::equals).isPresent()) {
                    out.put(d.name(), d.isAsync());
                    break;
                }
            }
        }
        return out;
    }
}
