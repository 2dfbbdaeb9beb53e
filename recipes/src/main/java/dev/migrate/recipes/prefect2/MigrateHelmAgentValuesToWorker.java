package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectRenames;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.YamlPositions;
import dev.migrate.recipes.internal.YamlSnippets;
import dev.migrate.recipes.prefectcli.CliOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.FindSourceFiles;
import org.openrewrite.Preconditions;
import org.openrewrite.Recipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * Moves values of the removed {@code prefect-agent} Helm chart to the {@code prefect-worker} chart: the
 * {@code agent:} root becomes {@code worker:}, renamed keys and values follow the catalogue's
 * {@code helm-value} data, and the image tag is pinned to the targeted Prefect 3 release.
 */
public class MigrateHelmAgentValuesToWorker extends Recipe {
    private static final Set<String> AGENT_KEYS = Set.of("config", "apiConfig", "image", "serverApiConfig", "cloudApiConfig");
    private static final Pattern TAG_PYTHON = Pattern.compile("python(3\\.\\d+)");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF203");

    @Override
    public String getDisplayName() {
        return "Migrate prefect-agent Helm values to prefect-worker";
    }

    @Override
    public String getDescription() {
        return "Rewrites values files of the removed `prefect-agent` chart for the `prefect-worker` chart: `agent:` "
                + "becomes `worker:`, `serverApiConfig` becomes `selfHostedServerApiConfig`, `apiConfig: server` "
                + "becomes `selfHostedServer`, and the image tag is pinned to Prefect 3.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor() {
        return Preconditions.check(new FindSourceFiles("**/values*.yaml;**/values*.yml;**/*-values.yaml;**/*-values.yml"),
                new YamlIsoVisitor<>() {
                    @Override
                    public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                        Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                        if (!"agent".equals(e.getKey().getValue()) || !PrefectYamlFiles.isTopLevel(getCursor())
                                || !(e.getValue() instanceof Yaml.Mapping agent)
                                || agent.getEntries().stream().noneMatch(x -> AGENT_KEYS.contains(x.getKey().getValue()))) {
                            return e;
                        }
                        String path = getCursor().firstEnclosingOrThrow(Yaml.Documents.class).getSourcePath().toString();
                        int line = YamlPositions.lineOf(getCursor(), e);
                        Yaml.Mapping worker = renameInside(agent, PrefectTarget.from(ctx), path, line, ctx);
                        return e.withKey(((Yaml.Scalar) e.getKey()).withValue("worker")).withValue(worker);
                    }
                });
    }

    private Yaml.Mapping renameInside(Yaml.Mapping agent, PrefectTarget target, String path, int line,
                                      ExecutionContext ctx) {
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        String pool = null;
        boolean poolAdded = false;
        for (Yaml.Mapping.Entry field : agent.getEntries()) {
            String key = field.getKey().getValue();
            String renamedKey = renamedKey("worker." + key);
            Yaml.Mapping.Entry f = renamedKey == null ? field : field.withKey(((Yaml.Scalar) field.getKey()).withValue(renamedKey));
            if (f.getValue() instanceof Yaml.Scalar s) {
                String value = renamedValue("worker." + key, s.getValue());
                if (value != null) {
                    f = f.withValue(s.withValue(value));
                }
            }
            if (key.equals("image") && f.getValue() instanceof Yaml.Mapping image) {
                f = f.withValue(pinTag(image, target));
            }
            if (key.equals("config") && f.getValue() instanceof Yaml.Mapping config) {
                pool = config.getEntries().stream().filter(c -> c.getKey().getValue().equals("workPool"))
                        .map(c -> c.getValue() instanceof Yaml.Scalar s && !s.getValue().isBlank() ? s.getValue() : null)
                        .filter(v -> v != null).findFirst().orElse(null);
                Yaml.Mapping withPool = pool == null && FixSafety.unsafeAllowed(ctx) ? withStandInPool(config) : null;
                if (withPool != null) {
                    f = f.withValue(withPool);
                    poolAdded = true;
                }
            }
            out.add(f);
        }
        String typed = CliOptions.standInPool("kubernetes");
        if (poolAdded) {
            // the chart requires a pool; the worker serves the typed pool standing in for default-agent-pool, where
            // the converted agents' workers and the deployments that named no pool go (and cutover creates it)
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), false, "the worker serves work pool `"
                    + typed + "`, which stands in for the agent's default-agent-pool, polling its workQueues as the "
                    + "agent did; deploy this worker's deployments there; create it first: prefect work-pool create "
                    + typed + " --type kubernetes", "PF203"));
        } else if (pool == null) {
            // the agent polled its queues in default-agent-pool: the command-line conversion puts the workers and
            // deployments of that pool in the typed pool standing in for it
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, "the prefect-worker chart requires "
                    + "`worker.config.workPool`: the agent polled its queues in default-agent-pool, which workers "
                    + "refuse; set `workPool: " + typed + "`, the typed pool that stands in for it (prefect work-pool "
                    + "create " + typed + " --type kubernetes), and deploy this worker's deployments there", "PF203"));
        } else {
            // 2.x agents poll only prefect-agent pools, and 3.x workers refuse that type
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, "the agent's pool `" + pool
                    + "` is a prefect-agent pool, which Prefect 3 workers refuse: recreate it typed (prefect work-pool "
                    + "delete " + pool + "; prefect work-pool create " + pool + " --type kubernetes) and re-deploy its "
                    + "deployments, or set `worker.config.workPool` to a new typed pool", "BHV005"));
        }
        return agent.withEntries(out);
    }

    /**
     * The block mapping {@code config} with {@code workPool: kubernetes-pool} after its last entry, at that entry's
     * indentation; null when it cannot take one there (a flow mapping, no entries, or a {@code workPool:} key left
     * blank, which a person fills in).
     */
    private static Yaml.Mapping withStandInPool(Yaml.Mapping config) {
        if (config.getOpeningBracePrefix() != null || config.getEntries().isEmpty()
                || config.getEntries().stream().anyMatch(c -> c.getKey().getValue().equals("workPool"))) {
            return null;
        }
        List<Yaml.Mapping.Entry> entries = new ArrayList<>(config.getEntries());
        String prefix = entries.get(entries.size() - 1).getPrefix();
        entries.add(YamlSnippets.parseEntry("workPool", " " + CliOptions.standInPool("kubernetes")).withPrefix(prefix));
        return config.withEntries(entries);
    }

    /** Pins {@code prefectTag} to the target release on the Kubernetes flavour, keeping the Python version. */
    private static Yaml.Mapping pinTag(Yaml.Mapping image, PrefectTarget target) {
        List<Yaml.Mapping.Entry> out = new ArrayList<>();
        for (Yaml.Mapping.Entry f : image.getEntries()) {
            if (f.getKey().getValue().equals("prefectTag") && f.getValue() instanceof Yaml.Scalar s && s.getValue().startsWith("2")) {
                Matcher py = TAG_PYTHON.matcher(s.getValue());
                String python = py.find() ? py.group(1) : "3.11";
                if (PrefectTarget.comparePython(python, target.pythonMin()) < 0) {
                    python = target.pythonMin();
                }
                f = f.withValue(s.withValue(target.pin() + "-python" + python + "-kubernetes"));
            }
            out.add(f);
        }
        return image.withEntries(out);
    }

    /** The new last segment for {@code worker.KEY}, from helm-value renames that change only that segment. */
    private static String renamedKey(String path) {
        for (PrefectRenames r : PrefectRenames.ofKind("helm-value")) {
            String old = r.old().replaceFirst("^agent\\.", "worker.");
            String neu = r.replacement();
            if (old.equals(path) && !old.contains(":") && !neu.contains(":")
                    && parent(old).equals(parent(neu))) {
                return neu.substring(neu.lastIndexOf('.') + 1);
            }
        }
        return null;
    }

    /** The new value for {@code worker.KEY: value}, from helm-value renames written as {@code path: value}. */
    private static String renamedValue(String path, String value) {
        for (PrefectRenames r : PrefectRenames.ofKind("helm-value")) {
            if (r.old().equals(path + ": " + value) && r.replacement().startsWith(path + ": ")) {
                return r.replacement().substring(path.length() + 2);
            }
        }
        return null;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
