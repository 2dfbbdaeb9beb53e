package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** The Kubernetes objects of a manifest file: every document, with {@code kind: List} items unpacked. */
final class KubernetesObjects {
    private KubernetesObjects() {
    }

    /** Objects whose {@code kind} is one of {@code kinds}; a syntax error becomes a finding and no objects. */
    static List<Node> of(ScanFile file, InventorySink sink, Set<String> kinds) {
        List<Node> out = new ArrayList<>();
        for (Node doc : YamlDocs.parse(file, sink)) {
            List<Node> items = YamlDocs.items(YamlDocs.get(doc, "items"));
            boolean list = "List".equals(YamlDocs.scalar(doc, "kind")) || !items.isEmpty() && YamlDocs.get(doc, "kind") == null;
            for (Node obj : list ? items : List.of(doc)) {
                // a document without kind (a Prefect 2 deployment.yaml holding a Job manifest under
                // infrastructure.job) is not an object; Set.of's contains rejects null
                String kind = YamlDocs.scalar(obj, "kind");
                if (kind != null && kinds.contains(kind)) {
                    out.add(obj);
                }
            }
        }
        return out;
    }
}
