package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.JobBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Prefect agents, workers and servers run as docker-compose services: the service's command or entrypoint
 * says which, its image says which Prefect version, and its environment holds the Prefect settings.
 *
 * <p>Which files are compose files, and what they include, is {@link ComposeFileIndex}'s to say, as for the rewrite and
 * the cutover: one named as compose looks for it, or any YAML file that a command names with {@code -f}, that a
 * {@code .env}'s {@code COMPOSE_FILE} lists, or that a compose file's {@code include:} names. That is known once every
 * file was read, so YAML files with top-level {@code services:} under other names wait until {@link #finish}. A name
 * that only says compose ({@link ComposeFileIndex#namedLikeCompose}) is read at once, as it always was here.
 */
public final class ComposeDetector implements Detector {
    /** What the tree's files name as compose files (-f, COMPOSE_FILE, include:). */
    private final ComposeFileIndex index = new ComposeFileIndex();
    /** YAML files under other names with top-level {@code services:} and a Prefect word: compose files if something names them. */
    private final Map<String, ScanFile> candidates = new java.util.concurrent.ConcurrentHashMap<>();
    /** The local files a GitLab pipeline includes, read from the tree: their jobs' commands name compose files too. */
    private UnscannedTexts included = new UnscannedTexts(null);

    @Override
    public void scanning(java.nio.file.Path base) {
        included = new UnscannedTexts(base);
    }

    @Override
    public String name() {
        return "docker-compose";
    }

    @Override
    public Prefilter prefilter() {
        // "compose": the scripts, units and .env files that name compose files, often without a Prefect word
        // GitLab pipelines without them too: a file one includes may run `docker compose -f deploy/stack.yml`
        return Prefilter.keywords("prefect", "PREFECT_", "compose", "COMPOSE_FILE").orPath(GitlabPipelines::isPipeline);
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return n.endsWith(".yml") || n.endsWith(".yaml") || n.equals(".env")
                || ComposeCommands.runsCommands(file.path(), file.text());
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        // what a script, unit, CI pipeline (with the files it includes) or .env names; what a YAML file includes
        index.add(file.path(), file.text(), included);
        String n = file.fileName();
        boolean yaml = n.endsWith(".yml") || n.endsWith(".yaml");
        if (!yaml || PrefectCliLineDetector.isCiYaml(file.path())) {
            return;
        }
        boolean prefect = file.text().contains("prefect") || file.text().contains("PREFECT_");
        if (ComposeFileIndex.byName(file.path())) {
            if (prefect) {
                detectCompose(file, sink);
            }
        } else if (ComposeFileIndex.namedLikeCompose(file.path())) {
            index.named(ComposeProjectFiles.includes(file.path(), file.text())); // read as compose: so are its includes
            if (prefect) {
                detectCompose(file, sink);
            }
        } else if (prefect && ComposeFileIndex.mayBeNamed(file.path(), file.text())) {
            candidates.put(file.path(), file);
        }
    }

    @Override
    public void finish(InventorySink sink) {
        new java.util.TreeMap<>(candidates).forEach((path, file) -> {
            if (index.isCompose(path)) {
                detectCompose(file, sink);
            }
        });
    }

    private void detectCompose(ScanFile file, InventorySink sink) {
        for (Node doc : YamlDocs.parse(file, sink)) {
            Node services = YamlDocs.get(doc, "services");
            Map<String, JobBuilder> jobs = new LinkedHashMap<>();
            for (Map.Entry<String, Node> svc : YamlDocs.entries(services).entrySet()) {
                SourceRef svcRef = YamlDocs.where(file, YamlDocs.keyNode(services, svc.getKey()));
                service(file, svc.getKey(), svc.getValue(), svcRef, sink).ifPresent(j -> jobs.put(svc.getKey(), j));
            }
            // depends_on between services that are jobs is a visible dependency (an agent on its server).
            jobs.forEach((name, job) -> {
                for (String other : dependsOn(YamlDocs.path(services, name, "depends_on"))) {
                    if (jobs.containsKey(other)) {
                        job.dependsOn(jobs.get(other).id());
                    }
                }
                sink.job(job.build());
            });
        }
    }

    /** {@code depends_on:} as a list of service names or a mapping keyed by them. */
    private static List<String> dependsOn(Node n) {
        List<String> names = new java.util.ArrayList<>(YamlDocs.entries(n).keySet());
        YamlDocs.items(n).stream().map(YamlDocs::scalar).filter(java.util.Objects::nonNull).forEach(names::add);
        return names;
    }

    /** Reports one service; returns the job it runs, still to be completed with dependencies. */
    private Optional<JobBuilder> service(ScanFile file, String name, Node svc, SourceRef svcRef, InventorySink sink) {
        String image = YamlDocs.scalar(svc, "image");
        Node cmdNode = YamlDocs.get(svc, "command");
        Node entryNode = YamlDocs.get(svc, "entrypoint");
        String command = (YamlDocs.commandLine(entryNode).orElse("") + " " + YamlDocs.commandLine(cmdNode).orElse("")).strip();
        SourceRef cmdRef = cmdNode != null ? YamlDocs.where(file, cmdNode)
                : entryNode != null ? YamlDocs.where(file, entryNode) : svcRef;
        Map<String, String> env = environment(YamlDocs.get(svc, "environment"));
        JobBuilder job = null;
        for (PrefectInvocation inv : PrefectInvocation.find(command)) {
            // A server is defined by its service; agents and workers by the command that starts them.
            SourceRef at = inv.path().equals("server start") ? svcRef : cmdRef;
            Optional<JobBuilder> b = PrefectCommandReport.report(file, inv, command, at, name, sink);
            if (b.isPresent() && job == null) {
                job = b.get();
            } else if (b.isEmpty()) {
                // `prefect deploy -n NAME` / `--all`: a job of its own, linked to the prefect.yaml entries it deploys and
                // then dropped; never the service's, which a later command (the worker it starts) stays
                PrefectCommandReport.selection(file, inv, command, at).ifPresent(s -> {
                    env.forEach(s::env);
                    sink.job(s.attr("service", name).build());
                });
            }
        }
        if (job == null && PrefectImages.version(image).isPresent() && command.contains("server")) {
            job = new JobBuilder(file, JobKind.PREFECT_SERVER, name, svcRef, "service " + name).command(command);
            sink.finding(Findings.of("PF292", "self-hosted Prefect server (service '" + name + "')", svcRef, job.id()));
        }
        String jobId = job == null ? null : job.id();
        Node imageNode = YamlDocs.get(svc, "image");
        if (image != null) {
            PrefectImages.check(image, YamlDocs.where(file, imageNode), jobId, sink);
        }
        ComposeBuildArgs.check(file, name, svc, jobId, sink);
        if (job != null && job.kind() == JobKind.PREFECT_SERVER && PrefectImages.isPrefect2(image)) {
            sink.finding(Findings.of("BHV006", "Prefect " + PrefectImages.version(image).get() + " server in service '"
                    + name + "': pause every deployment schedule before upgrading it to Prefect 3", svcRef, jobId));
        }
        for (Node e : envNodes(YamlDocs.get(svc, "environment"))) {
            String key = envKey(e);
            if (key != null) {
                PrefectSettingsCheck.check(key, YamlDocs.where(file, e), jobId, sink);
            }
        }
        if (job != null) {
            job.attr("service", name).attr("image", image).user(YamlDocs.scalar(svc, "user"))
                    .workingDir(YamlDocs.scalar(svc, "working_dir"));
            env.forEach(job::env);
        }
        return Optional.ofNullable(job);
    }

    /** {@code environment:} as a mapping or as a list of {@code KEY=value} strings. */
    static Map<String, String> environment(Node n) {
        Map<String, String> env = new LinkedHashMap<>();
        YamlDocs.entries(n).forEach((k, v) -> env.put(k, Optional.ofNullable(YamlDocs.scalar(v)).orElse("")));
        for (Node item : YamlDocs.items(n)) {
            String s = YamlDocs.scalar(item);
            if (s != null) {
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** The nodes that name variables: mapping keys' values or list items, for locations. */
    private static List<Node> envNodes(Node n) {
        if (n == null) {
            return List.of();
        }
        List<Node> items = YamlDocs.items(n);
        if (!items.isEmpty()) {
            return items;
        }
        return n instanceof org.yaml.snakeyaml.nodes.MappingNode m
                ? YamlDocs.tuples(m).stream().map(org.yaml.snakeyaml.nodes.NodeTuple::getKeyNode).toList() : List.of();
    }

    private static String envKey(Node n) {
        String s = YamlDocs.scalar(n);
        if (s == null) {
            return null;
        }
        int eq = s.indexOf('=');
        return eq < 0 ? s : s.substring(0, eq);
    }
}
