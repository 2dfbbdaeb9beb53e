package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.PlatformCron;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.DeploymentRuns;
import dev.migrate.analyzers.sources.config.PrefectImages;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Kubernetes {@code CronJob} manifests (batch/v1 and v1beta1, also inside multi-document files and Helm
 * templates): schedule, time zone, concurrency policy as overlap behaviour, and the first container's
 * image, command, environment and user; a container that runs a Python script ({@code python flows/etl.py}, also through
 * {@code sh -c} and wrappers) names it ({@code pythonScript}), read as a crontab line's command is. In a chart's templates, actions that only read the chart's
 * values.yaml ({@code {{ .Values.sync.schedule | quote }}}) are filled in from it ({@link HelmValues}). The Prefect
 * commands its containers run are reported as a script's ({@link ContainerPrefectCommands}); one that starts a
 * deployment ({@code prefect deployment run etl/nightly}) makes the CronJob that deployment's schedule
 * ({@link DeploymentRuns}).
 */
public final class CronJobDetector implements Detector {
    @Override
    public String name() {
        return "k8s-cronjob";
    }

    /** Each chart's values.yaml (by chart directory) and the chart templates waiting for them. */
    private final Map<String, HelmValues> valuesByChart = new HashMap<>();
    private final List<ScanFile> templates = new ArrayList<>();

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("CronJob").orPath(CronJobDetector::isValuesFile);
    }

    private static boolean isValuesFile(String path) {
        return path.endsWith("values.yaml") && (path.equals("values.yaml") || path.endsWith("/values.yaml"))
                || path.equals("values.yml") || path.endsWith("/values.yml");
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".tpl");
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        if (isValuesFile(file.path())) {
            HelmValues values = HelmValues.parse(file.text());
            synchronized (this) {
                valuesByChart.put(file.path().substring(0, file.path().length() - file.fileName().length()), values);
            }
            return;
        }
        if (HelmValues.chartOf(file.path()) != null && file.text().contains(".Values")) {
            synchronized (this) {
                templates.add(file); // read once every values.yaml has been seen
            }
            return;
        }
        detect(file, sink, Map.of(), null);
    }

    /** Chart templates, with what their actions read from the chart's values.yaml filled in. */
    @Override
    public synchronized void finish(InventorySink sink) {
        templates.sort(Comparator.comparing(ScanFile::path));
        for (ScanFile template : templates) {
            String chart = HelmValues.chartOf(template.path());
            HelmValues values = valuesByChart.get(chart);
            Map<String, String> used = new LinkedHashMap<>();
            String text = values == null ? template.text() : values.render(template.text(), used);
            detect(template.withText(text), sink, used, used.isEmpty() ? null : chart + "values.yaml");
        }
        templates.clear();
        valuesByChart.clear();
    }

    private void detect(ScanFile file, InventorySink sink, Map<String, String> valuesUsed, String valuesFile) {
        for (Node obj : KubernetesObjects.of(file, sink, Set.of("CronJob"))) {
            cronJob(file, obj, sink, valuesUsed, valuesFile);
        }
    }

    private void cronJob(ScanFile file, Node obj, InventorySink sink, Map<String, String> valuesUsed, String valuesFile) {
        String name = YamlDocs.scalar(obj, "metadata", "name");
        String namespace = YamlDocs.scalar(obj, "metadata", "namespace");
        Node spec = YamlDocs.get(obj, "spec");
        // The job is defined where its schedule is; a CronJob without one is anchored at the object.
        Node anchor = YamlDocs.keyNode(spec, "schedule");
        SourceRef where = YamlDocs.where(file, anchor != null ? anchor : obj);
        String shown = (namespace == null ? "" : namespace + "/") + (name == null ? "cronjob" : name);
        JobBuilder job = new JobBuilder(file, JobKind.K8S_CRONJOB, shown, where, "cronjob " + namespace + "/" + name);
        String schedule = YamlDocs.scalar(spec, "schedule");
        String tz = YamlDocs.scalar(spec, "timeZone");
        // Before spec.timeZone existed, clusters accepted "CRON_TZ=Zone expr" (or TZ=) inside the schedule.
        boolean zoneInSchedule = schedule != null && tz == null && schedule.matches("(CRON_)?TZ=\\S+\\s+.*");
        if (zoneInSchedule) {
            tz = schedule.substring(schedule.indexOf('=') + 1, schedule.indexOf(' ')).strip();
            schedule = schedule.substring(schedule.indexOf(' ') + 1).strip();
        }
        PlatformCron.Reading reading = null;
        if (schedule != null) {
            SourceRef at = YamlDocs.where(file, YamlDocs.get(spec, "schedule"));
            if (schedule.contains(YamlDocs.TEMPLATED)) {
                // A Helm template's schedule is only known once the chart is rendered with its values.
                job.schedule(new ScheduleSpec(ScheduleSpec.Form.UNKNOWN, schedule, tz, at));
            } else {
                // as the API server reads it: croniter's L and # (a YAML file's reading otherwise) never run here
                reading = PlatformCron.read(schedule, PlatformCron.Platform.KUBERNETES);
                job.schedule(new ScheduleSpec(reading.form(), reading.expression(), tz, at));
            }
        }
        String policy = YamlDocs.scalar(spec, "concurrencyPolicy");
        job.overlap(policy == null || policy.equals("Allow") ? Overlap.ALLOW
                : policy.equals("Forbid") ? Overlap.SKIP : Overlap.ALLOW);
        Node podSpec = YamlDocs.path(spec, "jobTemplate", "spec", "template", "spec");
        List<Node> containers = Containers.of(podSpec);
        String image = null;
        if (!containers.isEmpty()) {
            Node c = containers.get(0);
            image = YamlDocs.scalar(c, "image");
            String cmd = Containers.commandLine(c);
            job.command(cmd.isEmpty() ? null : cmd).workingDir(YamlDocs.scalar(c, "workingDir"))
                    .user(Containers.user(podSpec, c)).attr("pythonScript", Containers.pythonScript(c));
            Containers.env(file, c, job, sink);
        }
        job.attr("namespace", namespace).attr("image", image).attr("concurrencyPolicy", policy)
                .attr("suspend", YamlDocs.scalar(spec, "suspend"))
                .attr("startingDeadlineSeconds", YamlDocs.scalar(spec, "startingDeadlineSeconds"))
                .attr("backoffLimit", YamlDocs.scalar(spec, "jobTemplate", "spec", "backoffLimit"))
                .attr("helm.values", valuesFile)
                .attr("helm.valuesUsed", valuesUsed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
        String id = job.id();
        // its containers' Prefect commands, reported as a script's: a deployment build is a deploy job of its own
        List<String> started = new ArrayList<>();
        for (Node c : containers) {
            List<PrefectInvocation> calls = ContainerPrefectCommands.report(file, obj, podSpec, c, id, sink);
            // read as the host's triggers are (CRN011, SYD012): `sh -c 'echo prefect deployment run x'` starts nothing
            for (String d : DeploymentRuns.started(Containers.commandLine(c))) {
                if (!started.contains(d)) {
                    started.add(d);
                    // at the call that starts it (the line of a block script that runs it)
                    PrefectInvocation call = calls.stream().filter(i -> DeploymentRuns.deployment(i).filter(d::equals)
                            .isPresent()).findFirst().orElse(null);
                    sink.finding(Findings.of("K8S006", DeploymentRuns.message(shown, d, schedule, tz),
                            ContainerPrefectCommands.where(file, c, call), id));
                }
            }
        }
        job.attr(DeploymentRuns.ATTRIBUTE, String.join(", ", started));
        sink.finding(Findings.of("K8S001", "Kubernetes CronJob '" + shown + "' (" + schedule + ")", where, id));
        if (reading != null && reading.refused()) {
            sink.finding(Findings.of("K8S005", reading.refusal(), YamlDocs.where(file, YamlDocs.get(spec, "schedule")), id));
        }
        if (zoneInSchedule) {
            sink.finding(Findings.of("K8S002", "CronJob '" + name + "' names its zone inside the schedule ("
                    + YamlDocs.scalar(spec, "schedule").strip().split("\\s+")[0] + "), which Kubernetes never supported "
                    + "officially and newer releases refuse when the CronJob is created: set spec.timeZone: " + tz,
                    YamlDocs.where(file, YamlDocs.get(spec, "schedule")), id));
        } else if (tz == null) {
            sink.finding(Findings.of("K8S002", "CronJob '" + name + "' has no timeZone; its schedule follows the "
                    + "controller's zone", schedule == null ? where : YamlDocs.where(file, YamlDocs.get(spec, "schedule")), id));
        }
        if ("Replace".equals(policy)) {
            sink.finding(Findings.of("K8S003", "concurrencyPolicy Replace cancels the running job; Prefect cannot "
                    + "do that", YamlDocs.where(file, YamlDocs.get(spec, "concurrencyPolicy")), id));
        }
        if ("true".equals(YamlDocs.scalar(spec, "suspend"))) {
            sink.finding(Findings.of("K8S004", "CronJob '" + name + "' is suspended",
                    YamlDocs.where(file, YamlDocs.get(spec, "suspend")), id));
        }
        if (image != null) {
            PrefectImages.check(image, YamlDocs.where(file, YamlDocs.get(containers.get(0), "image")), id, sink);
        }
        sink.job(job.build());
    }
}
