package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The directories a prefect.yaml's pull steps move into ({@code prefect.deployments.steps.set_working_directory}, the
 * file's own {@code pull:} and its deployments'): where the project is on the host that runs its flows. The rewrite
 * writes one for the directory a Prefect 2 build ran in (its deployment file's {@code path:}), and a
 * {@code prefect deploy} run after {@code cd} into that absolute directory reads that prefect.yaml: the file's word for
 * where it is, which the tree's own layout cannot give.
 */
final class PullDirectories {
    private static final String STEP = "prefect.deployments.steps.set_working_directory";
    private static final InventorySink IGNORED = new InventorySink() {
        @Override
        public void job(Job job) {
        }

        @Override
        public void finding(Finding finding) {
            // a file that does not parse was reported by the prefect.yaml detector already
        }
    };

    private PullDirectories() {
    }

    /** The literal directories of the text's working-directory pull steps; none for a null text. */
    static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        for (Node doc : YamlDocs.parse(new ScanFile("prefect.yaml", text), IGNORED)) {
            steps(doc, out);
            YamlDocs.items(YamlDocs.get(doc, "deployments")).forEach(d -> steps(d, out));
        }
        return out;
    }

    private static void steps(Node owner, Set<String> out) {
        for (Node step : YamlDocs.items(YamlDocs.get(owner, "pull"))) {
            String dir = YamlDocs.scalar(step, STEP, "directory");
            if (dir != null && dir.startsWith("/")) {
                out.add(dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir);
            }
        }
    }

    /** Whether {@code path} in the tree is {@code file} in a directory whose absolute name ends {@code absolute}. */
    static boolean endsAt(String absolute, String path, String file) {
        Optional<String> rel = WorkingDirectory.normalize("", file);
        if (rel.isEmpty() || !(path.equals(rel.get()) || path.endsWith("/" + rel.get()))) {
            return false;
        }
        String dir = path.substring(0, path.length() - rel.get().length());
        return dir.isEmpty() || (absolute + "/").endsWith("/" + dir);
    }
}
