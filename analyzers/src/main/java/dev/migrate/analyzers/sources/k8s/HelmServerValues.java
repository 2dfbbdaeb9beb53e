package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.config.PrefectImages;
import dev.migrate.analyzers.sources.config.YamlDocs;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The values of the {@code prefect-server} Helm chart (root key {@code server:} holding {@code image.prefectTag}, the
 * chart's own key; or {@code prefect-server.server} in an umbrella chart): a self-hosted server, as a compose service
 * running {@code prefect server start} is. It is upgraded first, with every deployment schedule paused, and the image
 * recipe moves its 2.x tag, which the scan reports as it does an agent chart's tag.
 */
final class HelmServerValues {
    private HelmServerValues() {
    }

    /** PF292 for the server; PF208 and BHV006 when its tag runs Prefect 2. */
    static void check(ScanFile file, Node doc, InventorySink sink) {
        report(file, YamlDocs.get(doc, "server"), YamlDocs.keyNode(doc, "server"), sink);
        Node subchart = YamlDocs.get(doc, "prefect-server");
        report(file, YamlDocs.get(subchart, "server"), YamlDocs.keyNode(subchart, "server"), sink);
    }

    private static void report(ScanFile file, Node server, Node key, InventorySink sink) {
        Node tagNode = YamlDocs.path(server, "image", "prefectTag");
        String tag = YamlDocs.scalar(tagNode);
        if (tag == null) {
            return;
        }
        sink.finding(Findings.of("PF292", "self-hosted Prefect server (prefect-server Helm chart values)",
                YamlDocs.where(file, key), null));
        if (PrefectImages.isPrefect2Tag(tag)) {
            sink.finding(Findings.of("PF208", "Helm values pin Prefect image tag " + tag, YamlDocs.where(file, tagNode), null));
            sink.finding(Findings.of("BHV006", "Prefect " + tag + " server of the prefect-server Helm chart: pause every "
                    + "deployment schedule before upgrading it to Prefect 3", YamlDocs.where(file, key), null));
        }
    }
}
