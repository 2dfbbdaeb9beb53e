package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.analyzers.sources.JobBuilder;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code *-deployment.yaml} files written by Prefect 2's {@code prefect deployment build}: recognised by
 * their {@code flow_name} plus build-only keys, whatever the file is called. A deployment is named {@code FLOW/NAME}
 * as Prefect shows it and keyed by its own name ({@code deploymentName}), as the prefect.yaml entry the rewrite
 * makes of it is, so that cutover keeps its key across {@code migrate rewrite}.
 */
public final class DeploymentYamlDetector implements Detector {
    @Override
    public String name() {
        return "prefect-deployment-yaml";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("flow_name");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.equals("prefect.yaml") && !n.equals("prefect.yml");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        for (Node doc : YamlDocs.parse(file, sink)) {
            boolean buildOutput = YamlDocs.get(doc, "flow_name") != null && (YamlDocs.get(doc, "manifest_path") != null
                    || YamlDocs.get(doc, "infrastructure") != null || YamlDocs.get(doc, "storage") != null
                    || YamlDocs.get(doc, "parameter_openapi_schema") != null);
            if (buildOutput) {
                deployment(file, doc, sink);
            }
        }
    }

    private void deployment(ScanFile file, Node d, InventorySink sink) {
        String name = YamlDocs.scalar(d, "name");
        String flow = YamlDocs.scalar(d, "flow_name");
        String entry = YamlDocs.scalar(d, "entrypoint");
        SourceRef where = YamlDocs.where(file, d);
        // Prefect names a deployment FLOW/DEPLOYMENT.
        String shown = flow == null ? (name != null ? name : entry != null ? entry : "unnamed deployment")
                : name == null ? flow : flow + "/" + name;
        JobBuilder job = new JobBuilder(file, JobKind.PREFECT2_DEPLOYMENT, shown, where, "deployment " + name + " " + flow);
        String queue = YamlDocs.scalar(d, "work_queue_name");
        String pool = YamlDocs.scalar(d, "work_pool_name");
        Node infra = YamlDocs.get(d, "infrastructure");
        Node storage = YamlDocs.get(d, "storage");
        String infraType = blockType(infra);
        String storageType = blockType(storage);
        job.command(entry).attr("flow", flow).attr("entrypoint", entry).attr("workQueue", queue).attr("workPool", pool)
                .attr("infrastructure", infraType).attr("infrastructureBlock", savedBlock(infra)).attr("storage", storageType)
                .attr("storageBlock", savedBlock(storage)).attr("paused", PrefectYamlDetector.paused(d))
                .attr("path", YamlDocs.scalar(d, "path")).workingDir(YamlDocs.scalar(infra, "working_dir"));
        if (flow != null && name != null) {
            // keyed by the deployment's own name, as the prefect.yaml entry `migrate rewrite` moves it to is
            job.attr(PrefectYamlDetector.DEPLOYMENT_NAME, name).attr("flowName", flow);
        }
        PrefectSchedules.one(file, YamlDocs.get(d, "schedule")).ifPresent(job::schedule);
        PrefectSchedules.list(file, YamlDocs.get(d, "schedules")).forEach(job::schedule);
        String id = job.id();
        for (Map.Entry<String, Node> e : YamlDocs.entries(YamlDocs.get(infra, "env")).entrySet()) {
            job.env(e.getKey(), YamlDocs.scalar(e.getValue()));
            PrefectSettingsCheck.check(e.getKey(), YamlDocs.where(file, e.getValue()), id, sink);
        }
        sink.finding(Findings.of("PF204", "deployment '" + name + "' of flow '" + flow + "' is a `prefect deployment "
                + "build` output, which Prefect 3 cannot read", where, id));
        if (infraType != null) {
            // the pool type by the slug, or by the block's own type field (AzureContainerInstanceJob's differ)
            String replacement = PrefectBlockClasses.poolTypeOfSlug(infraType)
                    .or(() -> PrefectBlockClasses.poolTypeOfSlug(String.valueOf(YamlDocs.scalar(infra, "type"))))
                    .map(p -> "a work pool of type " + p).orElse("a work pool of the matching type");
            sink.finding(Findings.of("PF205", "infrastructure block of type " + infraType + "; use " + replacement,
                    YamlDocs.where(file, YamlDocs.keyNode(d, "infrastructure")), id));
        }
        if (storageType != null && PrefectBlockClasses.hasPullSteps(storageType)) {
            sink.finding(Findings.of("PF206", "storage block of type " + storageType + "; use pull steps",
                    YamlDocs.where(file, YamlDocs.keyNode(d, "storage")), id));
        } else if (storageType != null) {
            // the conversion has no pull step for it and leaves the entry's `pull:` to a person
            sink.finding(Findings.manual("PF206", "storage block of type " + storageType + ", which has no mechanical "
                    + "pull step; write the deployment's pull steps by hand", YamlDocs.where(file, YamlDocs.keyNode(d, "storage")), id));
        }
        if (queue != null && pool == null) {
            sink.finding(Findings.of("PF211", "deployment '" + name + "' uses work queue '" + queue
                    + "' without a work pool", YamlDocs.where(file, YamlDocs.keyNode(d, "work_queue_name")), id));
        }
        if (YamlDocs.get(d, "is_schedule_active") != null) {
            sink.finding(Findings.of("PF212", "is_schedule_active is ignored by Prefect 3; use `paused:`",
                    YamlDocs.where(file, YamlDocs.keyNode(d, "is_schedule_active")), id));
        }
        sink.job(job.build());
    }

    /** The name a block was saved under, which names its work pool ({@link DeploymentPool}); null for an anonymous one. */
    private static String savedBlock(Node block) {
        String name = YamlDocs.scalar(block, "_block_document_name");
        return name == null || name.isBlank() || "true".equals(YamlDocs.scalar(block, "_is_anonymous")) ? null : name;
    }

    /** {@code type: process} or {@code _block_type_slug: s3}; null when there is no block. */
    private static String blockType(Node block) {
        if (block == null || YamlDocs.entries(block).isEmpty()) {
            return null;
        }
        String slug = YamlDocs.scalar(block, "_block_type_slug");
        return slug != null ? slug : YamlDocs.scalar(block, "type");
    }
}
