package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectIntegrations;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.python.ProjectFlows;
import dev.migrate.analyzers.model.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code prefect.yaml}, and the other Prefect project files {@link PrefectProjectFiles} tells by their names and text
 * ({@code prefect-prod.yaml} with a top-level {@code deployments:}): one job per deployment. A 2.x file ({@code prefect-version: 2.x}, or 2-only keys)
 * gives Prefect 2 deployments with their deprecated constructs as findings; a 3.x file gives Prefect 3
 * deployments, reported as already migrated. A deployment is named as Prefect names it, {@code FLOW/DEPLOYMENT}
 * (as the Python deployments are): the flow is the entrypoint function's {@code @flow(name=...)}, read from the
 * Python files of the scan, else Prefect's default from the function's name. The job's id stays the one its
 * deployment name gives, and {@code deploymentName} keeps that name, by which cutover evidence recorded before
 * still finds the job ({@link #DEPLOYMENT_NAME}).
 */
public final class PrefectYamlDetector implements Detector {
    /** The attribute holding a deployment's own name, without its flow. */
    public static final String DEPLOYMENT_NAME = "deploymentName";

    private final ProjectFlows flows = new ProjectFlows();
    /** Deployments read, named once every Python file was seen ({@link #finish}). */
    private final List<Pending> pending = new ArrayList<>();

    private record Pending(Job job, String entrypoint, String dir) {
    }

    @Override
    public String name() {
        return "prefect-yaml";
    }

    @Override
    public Prefilter prefilter() {
        List<String> keywords = new ArrayList<>(List.of("deployments"));
        keywords.addAll(List.of(ProjectFlows.KEYWORDS));
        return Prefilter.keywords(keywords.toArray(String[]::new))
                .orPath(PrefectProjectFiles::mayBeByName);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return reads(file) || file.path().endsWith(".py");
    }

    /**
     * The YAML files this detector reads wherever they are: the project files {@link PrefectProjectFiles} tells by
     * their name (and text), and 2.10's {@code deployment.yaml}. A {@code prefect deploy --prefect-file} may name
     * others, which {@link PrefectFileReferences} reads, never one of these (a deployment is reported once).
     */
    static boolean reads(ScanFile file) {
        return PrefectProjectFiles.isProjectFile(file.path(), file.text()) || isProjectDeploymentYaml(file.fileName());
    }

    /** The {@code deployment.yaml} of 2.10's projects layout, which held the deployments of the prefect.yaml beside it. */
    private static boolean isProjectDeploymentYaml(String fileName) {
        return fileName.equals("deployment.yaml") || fileName.equals("deployment.yml");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        if (file.path().endsWith(".py")) {
            flows.add(file); // the flows the entrypoints name
            return;
        }
        boolean projectLayout = isProjectDeploymentYaml(file.fileName());
        for (Node doc : YamlDocs.parse(file, sink)) {
            Node deployments = YamlDocs.get(doc, "deployments");
            if (projectLayout) {
                if (YamlDocs.items(deployments).isEmpty()) {
                    continue; // a build output named deployment.yaml, or another file: not this layout
                }
                sink.finding(Findings.of("PF204", file.fileName() + " of Prefect 2.10's projects layout: Prefect 3 "
                        + "reads deployments only from prefect.yaml", YamlDocs.where(file, YamlDocs.keyNode(doc, "deployments")), null));
            }
            String version = YamlDocs.scalar(doc, "prefect-version");
            boolean v2 = projectLayout || (version != null ? version.startsWith("2") : usesPrefect2Keys(doc));
            if (version != null && v2) {
                sink.finding(Findings.of("PF208", "prefect.yaml was written for Prefect " + version,
                        YamlDocs.where(file, YamlDocs.get(doc, "prefect-version")), null));
            }
            steps(file, doc, null, sink);
            for (Node d : YamlDocs.items(deployments)) {
                deployment(file, d, v2, version, sink);
            }
        }
    }

    private static boolean usesPrefect2Keys(Node doc) {
        return YamlDocs.items(YamlDocs.get(doc, "deployments")).stream().anyMatch(d ->
                YamlDocs.get(d, "schedule") instanceof org.yaml.snakeyaml.nodes.MappingNode m && !m.getValue().isEmpty()
                        || YamlDocs.get(d, "is_schedule_active") != null);
    }

    private void deployment(ScanFile file, Node d, boolean v2, String version, InventorySink sink) {
        String written = YamlDocs.scalar(d, "name");
        // a YAML null (`name: null`, `name: ~`, `name:`) or blank is no name: the deployment is not called "null"
        String name = written == null || written.isBlank() ? null : written;
        String entry = YamlDocs.scalar(d, "entrypoint");
        String label = name != null ? "deployment '" + name + "'"
                : "unnamed deployment" + (entry == null ? "" : " of " + entry);
        SourceRef where = YamlDocs.where(file, d);
        // the discriminator keeps what earlier scans gave the job's id
        JobBuilder job = new JobBuilder(file, v2 ? JobKind.PREFECT2_DEPLOYMENT : JobKind.PREFECT3_DEPLOYMENT,
                name != null ? name : entry != null ? entry : "unnamed deployment", where,
                "deployment " + written + " " + entry);
        job.command(entry).attr("entrypoint", entry).attr("prefectVersion", version)
                .attr("workPool", YamlDocs.scalar(d, "work_pool", "name"))
                .attr("workQueue", YamlDocs.scalar(d, "work_pool", "work_queue_name"))
                .attr("paused", paused(d));
        Node single = YamlDocs.get(d, "schedule");
        PrefectSchedules.one(file, single).ifPresent(job::schedule);
        PrefectSchedules.list(file, YamlDocs.get(d, "schedules")).forEach(job::schedule);
        for (Map.Entry<String, Node> e : YamlDocs.entries(YamlDocs.path(d, "work_pool", "job_variables", "env")).entrySet()) {
            job.env(e.getKey(), YamlDocs.scalar(e.getValue()));
            PrefectSettingsCheck.check(e.getKey(), YamlDocs.where(file, e.getValue()), job.id(), sink);
        }
        String id = job.id();
        if (name == null) {
            Node key = YamlDocs.keyNode(d, "name");
            sink.finding(Findings.of("PF232", label + ": " + (key == null ? "no name: key" : "its name is empty")
                    + "; prefect deploy asks for a name on a terminal and refuses the entry where it cannot ask "
                    + "(--no-prompt, CI)", key == null ? where : YamlDocs.where(file, key), id));
        }
        infraOverrides(file, d, label, id, sink);
        if (!v2) {
            sink.finding(Findings.of("PF290", "Prefect 3 " + label + " (already migrated)", where, id));
        }
        if (YamlDocs.scalar(single) == null && single != null && !YamlDocs.entries(single).isEmpty()) {
            sink.finding(Findings.of("PF207", label + " uses `schedule:`; write it as a one-item "
                    + "`schedules:` list", YamlDocs.where(file, YamlDocs.keyNode(d, "schedule")), id));
        }
        if (YamlDocs.get(d, "is_schedule_active") != null) {
            sink.finding(Findings.of("PF212", label + " sets is_schedule_active, which Prefect 3 "
                    + "ignores; use `paused:`", YamlDocs.where(file, YamlDocs.keyNode(d, "is_schedule_active")), id));
        }
        if ("default-agent-pool".equals(YamlDocs.scalar(d, "work_pool", "name"))) {
            sink.finding(Findings.of("BHV005", label + " targets default-agent-pool, a prefect-agent "
                    + "pool that Prefect 3 workers refuse", YamlDocs.where(file, YamlDocs.path(d, "work_pool", "name")), id));
        }
        if (v2 && hasParameters(YamlDocs.get(d, "parameters")) && YamlDocs.get(d, "enforce_parameter_schema") == null) {
            sink.finding(Findings.of("BHV004", label + " has parameters but no "
                    + "enforce_parameter_schema; Prefect 3 enforces the schema by default",
                    YamlDocs.where(file, YamlDocs.keyNode(d, "parameters")), id));
        }
        steps(file, d, id, sink);
        String dir = file.path().substring(0, file.path().length() - file.fileName().length());
        synchronized (this) {
            pending.add(new Pending(job.attr(DEPLOYMENT_NAME, name).build(), entry, dir.isEmpty() ? "" : dir.substring(0, dir.length() - 1)));
        }
    }

    /** The deployments, each named FLOW/DEPLOYMENT where its entrypoint names the flow. */
    @Override
    public synchronized void finish(InventorySink sink) {
        pending.sort(java.util.Comparator.comparing((Pending p) -> p.job().source()));
        for (Pending p : pending) {
            Job j = p.job();
            String name = j.attributes().get(DEPLOYMENT_NAME);
            Optional<String> flow = name == null ? Optional.empty() : flows.nameOf(p.entrypoint(), p.dir());
            if (flow.isEmpty()) {
                sink.job(j);
                continue;
            }
            Map<String, String> attrs = new java.util.LinkedHashMap<>(j.attributes());
            attrs.put("flowName", flow.get());
            sink.job(new Job(j.id(), j.kind(), flow.get() + "/" + name, j.source(), j.schedules(), j.command(), j.user(),
                    j.env(), j.workingDir(), j.overlap(), j.dependsOn(), attrs));
        }
        pending.clear();
    }

    /**
     * PF233 for {@code work_pool: infra_overrides:}, 2.x's name for the job variables, which Prefect 3 drops; a manual
     * finding where the pool also has {@code job_variables:}, since merging the two is a choice.
     */
    private static void infraOverrides(ScanFile file, Node d, String label, String id, InventorySink sink) {
        Node pool = YamlDocs.get(d, "work_pool");
        Node key = YamlDocs.keyNode(pool, "infra_overrides");
        if (key == null) {
            return;
        }
        SourceRef at = YamlDocs.where(file, key);
        if (YamlDocs.keyNode(pool, "job_variables") != null) {
            sink.finding(Findings.manual("PF233", label + " sets work_pool.infra_overrides, which Prefect 3 drops, "
                    + "beside work_pool.job_variables: merge the overrides into job_variables by hand", at, id));
        } else {
            sink.finding(Findings.of("PF233", label + " sets work_pool.infra_overrides, which Prefect 3 drops "
                    + "without a word; rename it job_variables", at, id));
        }
    }

    /**
     * The deployment's {@code paused:}; else {@code true} where a 2.x {@code is_schedule_active} turned its schedule
     * off (any spelling YAML 1.1 reads as false, as Prefect's loader does), as the Python detector records
     * {@code is_schedule_active=False}: the inventory says the schedule does not run.
     */
    static String paused(Node d) {
        String paused = YamlDocs.scalar(d, "paused");
        String active = YamlDocs.scalar(d, "is_schedule_active");
        return paused == null && active != null && active.matches("(?i)false|no|off") ? "true" : paused;
    }

    /**
     * Whether a deployment passes parameters, which Prefect 3 checks against the flow's signature: a mapping with
     * entries, or a value filled in at deploy time ({@code "{{ ... }}"}); {@code parameters: {}} and an empty
     * {@code parameters:} (as 2.10's {@code prefect init} writes them) pass none, so nothing is checked.
     */
    private static boolean hasParameters(Node parameters) {
        if (parameters instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            return !YamlDocs.entries(parameters).isEmpty();
        }
        String value = YamlDocs.scalar(parameters);
        return parameters instanceof org.yaml.snakeyaml.nodes.ScalarNode ? value != null && !value.isBlank() : parameters != null;
    }

    /**
     * PF213 for build/push/pull steps in the prefect namespace that Prefect 3.8.3 no longer has, and for the steps of
     * Prefect or an integration that were renamed (the rewrite's table, which names the step to use); PF208 for a step
     * that requires an integration release from before Prefect 3.
     */
    private static void steps(ScanFile file, Node owner, String jobId, InventorySink sink) {
        for (String section : List.of("build", "push", "pull")) {
            for (Node step : YamlDocs.items(YamlDocs.get(owner, section))) {
                for (String fn : YamlDocs.entries(step).keySet()) {
                    // an integration's step is known by the rename table only: Prefect's module list holds Prefect's
                    Optional<String> renamed = RenamedDeploymentSteps.renamedTo(fn);
                    if (renamed.isPresent() || fn.startsWith("prefect.") && !PrefectApi.get().existsIn3(fn)) {
                        sink.finding(Findings.of("PF213", section + " step " + fn + " does not exist in Prefect 3.8.3"
                                + renamed.or(() -> PrefectApi.get().movedTo(fn)).map(t -> "; use " + t).orElse(""),
                                YamlDocs.where(file, YamlDocs.keyNode(step, fn)), jobId));
                    }
                    Node requires = YamlDocs.get(YamlDocs.get(step, fn), "requires");
                    String text = YamlDocs.scalar(requires);
                    for (PrefectIntegrations.LowStepRequirement low : text == null ? List.<PrefectIntegrations.LowStepRequirement>of()
                            : PrefectIntegrations.lowStepRequirements(text)) {
                        sink.finding(Findings.of("PF208", section + " step " + fn + " requires " + low.text()
                                + (low.pinned() ? ", a Prefect 2 era release ("
                                : ", which a Prefect 2 era release already installed satisfies, so the step keeps it (")
                                + low.name() + " supports Prefect 3 from "
                                + PrefectIntegrations.firstPrefect3Release(low.name()) + "); require " + low.raised(),
                                YamlDocs.where(file, requires), jobId));
                    }
                }
            }
        }
    }
}
