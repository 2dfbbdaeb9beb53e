package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.PrefectSettingsCheck;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * {@code PREFECT_*} keys of the Secrets and ConfigMaps a manifest defines ({@link KubernetesDataSections}: also a
 * SealedSecret's sealed keys), which {@code envFrom} makes env var names, so an old name there is the old setting the
 * container gets. The settings rename renames exactly these keys; block and flow mappings ({@code data: {KEY: v}}) are
 * read alike, as the YAML loader has them.
 */
public final class SettingKeysDetector implements Detector {
    private static final Set<String> KINDS = Set.of(KubernetesDataSections.SECRET, KubernetesDataSections.CONFIG_MAP,
            KubernetesDataSections.SEALED_SECRET);
    /** The workload detectors report a file that does not parse; this one reads what they read, and says nothing more. */
    private static final InventorySink QUIET = new InventorySink() {
        @Override
        public void job(Job job) {
        }

        @Override
        public void finding(Finding finding) {
        }
    };

    @Override
    public String name() {
        return "k8s-setting-keys";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("PREFECT_");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && file.text().contains("kind");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        for (Node obj : KubernetesObjects.of(file, QUIET, KINDS)) {
            String kind = YamlDocs.scalar(obj, "kind");
            String name = YamlDocs.scalar(obj, "metadata", "name");
            String named = kind + (name == null ? "" : " " + name);
            String owner = kind.equals(KubernetesDataSections.SEALED_SECRET) ? "the Secret " + named + " unseals to" : named;
            for (List<String> section : KubernetesDataSections.of(kind)) {
                if (YamlDocs.path(obj, section.toArray(String[]::new)) instanceof MappingNode data) {
                    for (NodeTuple t : YamlDocs.tuples(data)) {
                        if (t.getKeyNode() instanceof ScalarNode key) {
                            PrefectSettingsCheck.checkDataKey(key.getValue(), owner, YamlDocs.where(file, key), sink);
                        }
                    }
                }
            }
        }
    }
}
