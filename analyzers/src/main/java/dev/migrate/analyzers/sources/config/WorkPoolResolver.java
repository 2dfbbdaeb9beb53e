package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.systemd.EmbeddedUnits;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work pools one file creates with a type ({@code prefect work-pool create etl --type prefect-agent} in a setup
 * script, a Makefile, a CI step) and the deployments, agents and workers that other files point at them (a
 * prefect.yaml's {@code work_pool: {name: etl}}, a compose service's agent). Within one file the command line detector
 * relates them already; across files this pass does the same: the job carries the pool's type and where it is
 * created, a deployment on a prefect-agent pool is BHV005 (Prefect 3 workers refuse that pool), and an agent's PF203
 * names the pool its worker should serve. A pool two files create with different types is left alone: which one runs
 * last is not in the tree.
 */
public final class WorkPoolResolver implements JobResolver {
    private static final Set<JobKind> DEPLOYMENTS = Set.of(JobKind.PREFECT2_DEPLOYMENT, JobKind.PREFECT3_DEPLOYMENT);
    private static final Set<JobKind> POOL_USERS = Set.of(JobKind.PREFECT2_DEPLOYMENT, JobKind.PREFECT3_DEPLOYMENT,
            JobKind.PREFECT_AGENT, JobKind.PREFECT_WORKER);

    /**
     * The files whose command lines the command line detector reads, by name (the test must be cheap): shell scripts
     * by {@link ShellScripts}' definition, which also counts extensionless ones by their first line, so every file
     * without an extension is kept and {@link #isCommandFile} decides once its text is read.
     */
    @Override
    public boolean wants(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return ShellScripts.byNameOrMaybeShebang(n) || isOtherCommandFile(path, n);
    }

    /** Whether a kept file is one the command line detector reads: an extensionless one only with a shell's shebang. */
    static boolean isCommandFile(ScanFile f) {
        return ShellScripts.isShellScript(f.fileName(), f.text()) || isOtherCommandFile(f.path(), f.fileName());
    }

    private static boolean isOtherCommandFile(String path, String n) {
        return n.equals("Makefile") || n.equals("GNUmakefile") || n.endsWith(".mk") || n.equals("Jenkinsfile")
                || n.equals("Procfile") || n.equals("justfile") || PrefectCliLineDetector.isDockerfile(n)
                || PrefectCliLineDetector.isCiYaml(path);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        Map<String, CreatedPools.Pool> pools = pools(files);
        if (pools.isEmpty()) {
            return;
        }
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            String name = poolOf(j);
            CreatedPools.Pool pool = name == null ? null : pools.get(name);
            if (pool == null || !POOL_USERS.contains(j.kind()) || j.attributes().containsKey("workPoolType")
                    || pool.where().path().equals(j.source().path())) {
                continue; // no typed pool, or one its own file creates, which the line detector related already
            }
            Map<String, String> attrs = new LinkedHashMap<>(j.attributes());
            attrs.put("workPoolType", pool.type());
            attrs.put("workPoolCreatedAt", pool.where().path() + ":" + pool.where().line());
            jobs.set(i, new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(),
                    j.workingDir(), j.overlap(), j.dependsOn(), attrs));
            if (DEPLOYMENTS.contains(j.kind()) && !pool.servedByWorkers()
                    && findings.stream().noneMatch(f -> f.code().equals("BHV005") && j.id().equals(f.jobId()))) {
                findings.add(Findings.of("BHV005", PrefectCommandReport.deploymentOnAgentPool(j.name(), pool), j.source(), j.id()));
            }
            if (j.kind() == JobKind.PREFECT_AGENT) {
                findings.replaceAll(f -> f.code().equals("PF203") && j.id().equals(f.jobId())
                        && f.message().equals(PrefectCommandReport.agentMessage(null))
                        ? Findings.of("PF203", PrefectCommandReport.agentMessage(pool), f.where(), f.jobId()) : f);
            }
        }
    }

    /** The pool a job names: {@code workPool} (prefect.yaml, command lines, charts) or a Python deployment's keyword. */
    private static String poolOf(Job j) {
        String pool = j.attributes().get("workPool");
        return pool != null ? pool : j.attributes().get("work_pool_name");
    }

    /** Pools by name, from every file, in path order; a name two files create with different types is dropped. */
    private static Map<String, CreatedPools.Pool> pools(List<ScanFile> files) {
        Map<String, CreatedPools.Pool> out = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        for (ScanFile f : files) {
            if (!f.text().contains("work-pool") || !isCommandFile(f)) {
                continue; // no pool, or an extensionless file that is no script (LICENSE, a binary's wrapper data)
            }
            Set<Integer> unitLines = SystemdDetector.readsUnitsWrittenBy(f) ? EmbeddedUnits.unitTextLines(f.text()) : Set.of();
            CreatedPools created = PrefectCliLineDetector.createdPools(f, PrefectCliLineDetector.logicalLines(f.path(), f.text()), unitLines);
            for (CreatedPools.Pool p : created.all()) {
                if (p.name().contains("$")) {
                    continue; // a variable's value in one script says nothing about another file's
                }
                CreatedPools.Pool known = out.putIfAbsent(p.name(), p);
                if (known != null && !known.type().equals(p.type())) {
                    conflicting.add(p.name());
                }
            }
        }
        conflicting.forEach(out::remove);
        return out;
    }
}
