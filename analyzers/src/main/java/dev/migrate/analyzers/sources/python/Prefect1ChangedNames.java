package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prefect names that Prefect 3 has too, with another meaning ({@code prefect1/changed-names.yaml}): the import
 * works, so no import finding speaks of it, but a call written for Prefect 1 ({@code Schedule(clocks=[...])}) fails
 * where it runs. The Prefect 1 rewrite marks each such call with a TODO and the scan reports it, both read here.
 */
public final class Prefect1ChangedNames {
    /** A call written for Prefect 1 and the code and message of its finding and TODO. */
    public record Use(Node call, String code, String message) {
    }

    private record Entry(String code, List<String> keywords, String message) {
    }

    private static final Map<String, Entry> ENTRIES = load();

    private Prefect1ChangedNames() {
    }

    /**
     * The calls in {@code root} of a changed name with one of its Prefect 1 keywords, or with a positional argument
     * in a module that imports a Prefect 1 name: Prefect 3's {@code Schedule} takes its interval first, so a
     * positional argument alone tells nothing in a Prefect 3 module.
     */
    public static List<Use> prefect1Calls(Node root) {
        Imports imports = Imports.of(root);
        boolean prefect1Module = Prefect1Registrations.importsPrefect1(imports);
        List<Use> out = new ArrayList<>();
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            Entry e = imports.qualifiedName(call).map(ENTRIES::get).orElse(null);
            if (e == null) {
                continue;
            }
            boolean prefect1 = new CallView(call).arguments().stream().anyMatch(a -> a.isPositional() && prefect1Module
                    || e.keywords().contains(a.keyword()));
            if (prefect1) {
                out.add(new Use(call, e.code(), e.message()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> load() {
        Map<String, Entry> out = new LinkedHashMap<>();
        Prefect1Names.<Map<String, Object>>load("changed-names.yaml").forEach((name, v) -> out.put(name, new Entry(
                (String) v.get("code"), (List<String>) v.get("keywords"), ((String) v.get("message")).strip())));
        return Map.copyOf(out);
    }
}
