package dev.migrate.analyzers.sources.python;

import dev.migrate.analyzers.sources.config.PrefectYamlDetector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Prefect 2 deployment is often built in one file ({@code prefect deployment build ... -n etl} in CI, no
 * schedule) and scheduled in another (a script calling {@code update_deployment(schedule=...)}). Both halves are
 * one job: it stays where the schedule is set (that is where it is defined as a scheduled job), takes the
 * build's command and attributes, and the build's findings move to it. It is keyed by the deployment's own name
 * ({@code deploymentName}), as the build line alone is; the build may also be the {@code prefect deploy --name NAME}
 * that {@code migrate rewrite} made of it, so the job keeps its key across the rewrite.
 */
public final class ScheduledDeploymentMerger implements JobResolver {
    /**
     * A job that builds the deployment the script schedules: a Prefect 2 deployment ({@code prefect deployment build},
     * a deployment file), or the {@code prefect deploy ENTRYPOINT --name NAME} line {@code migrate rewrite} makes of a
     * build, whose schedule the script still sets.
     */
    private static boolean builds(Job j) {
        // a prefect.yaml entry (deploymentName) or a flow's .deploy() is no command line that builds
        // a build's deployment file is merged with its build line later (BuiltDeploymentFileMerger), not here
        return j.kind() == JobKind.PREFECT2_DEPLOYMENT && !j.attributes().containsKey("flow")
                || j.kind() == JobKind.PREFECT3_DEPLOYMENT && j.command() != null
                && j.command().contains("deploy ") && !j.source().path().endsWith(".py")
                && !j.attributes().containsKey(PrefectYamlDetector.DEPLOYMENT_NAME)
                // a `prefect deploy -n NAME` of no entrypoint stands for the entries it deploys (DeployCommandDeployments)
                && !j.attributes().containsKey(dev.migrate.analyzers.sources.config.PrefectCommandReport.SELECTION);
    }

    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        for (int i = 0; i < jobs.size(); i++) {
            Job scheduled = jobs.get(i);
            if (scheduled.kind() != JobKind.PREFECT2_DEPLOYMENT || !scheduled.attributes().containsKey("deployment.scheduledBy")) {
                continue;
            }
            String deployment = scheduled.name().substring(scheduled.name().lastIndexOf('/') + 1);
            Optional<Job> build = jobs.stream().filter(j -> builds(j) && j.schedules().isEmpty()
                    && (j.name().equals(deployment) || deployment.equals(j.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME))))
                    .findFirst();
            if (build.isEmpty()) {
                continue;
            }
            Job b = build.get();
            Map<String, String> attrs = new LinkedHashMap<>(b.attributes());
            attrs.putAll(scheduled.attributes());
            attrs.put("deployment.builtBy", b.source().toString());
            // keyed by the deployment's own name, as the build line alone is and as the `prefect deploy --name` the
            // rewrite makes of it: the same cutover key before and after the rewrite
            attrs.put(PrefectYamlDetector.DEPLOYMENT_NAME, deployment);
            Job merged = new Job(scheduled.id(), scheduled.kind(), scheduled.name(), scheduled.source(), scheduled.schedules(),
                    b.command(), b.user(), b.env(), b.workingDir(), scheduled.overlap(), b.dependsOn(), attrs);
            jobs.set(i, merged);
            jobs.remove(b);
            i = -1;
            findings.replaceAll(f -> b.id().equals(f.jobId())
                    ? new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), merged.id()) : f);
        }
    }
}
