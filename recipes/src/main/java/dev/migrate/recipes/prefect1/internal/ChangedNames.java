package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.tree.Nodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Prefect names that Prefect 3 has too, with another meaning ({@code prefect1-changed-names.yaml}): the import
 * works, so nothing reports it, but a call written for Prefect 1 fails where it runs.
 */
public final class ChangedNames {
    /** A call written for Prefect 1 and the TODO it needs. */
    public record Use(Node call, String code, String message) {
    }

    private record Entry(String code, List<String> keywords, String message) {
    }

    private static final Map<String, Entry> ENTRIES = load();

    private ChangedNames() {
    }

    /** The calls in {@code root} of a changed name with a positional argument or a Prefect 1 keyword. */
    public static List<Use> prefect1Calls(Node root) {
        Imports imports = Imports.of(root);
        List<Use> out = new ArrayList<>();
        for (Node call : Nodes.find(root, NodeKind.CALL)) {
            Entry e = imports.qualifiedName(call).map(ENTRIES::get).orElse(null);
            if (e == null) {
                continue;
            }
            boolean prefect1 = new CallView(call).arguments().stream().anyMatch(a -> a.isPositional()
                    || e.keywords().contains(a.keyword()));
            if (prefect1) {
                out.add(new Use(call, e.code(), e.message()));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Entry> load() {
        try (InputStream in = ChangedNames.class.getResourceAsStream("/dev/migrate/recipes/prefect1-changed-names.yaml")) {
            Map<String, Map<String, Object>> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Entry> out = new LinkedHashMap<>();
            raw.forEach((name, v) -> out.put(name, new Entry((String) v.get("code"), (List<String>) v.get("keywords"),
                    ((String) v.get("message")).strip())));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
