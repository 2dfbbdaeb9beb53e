package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.sources.config.DeploymentPool;
import dev.migrate.analyzers.sources.config.QueuePools;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Steps for the platform as a whole, before any job moves: upgrading a Prefect 2 server in place (the
 * order that avoids duplicate runs and client/server mismatches), and replacing agents by workers.
 */
final class PlatformSteps {
    /** 2.x's pool of agents and of deployments that named none: a prefect-agent pool, which workers refuse. */
    private static final String AGENT_POOL = "default-agent-pool";
    private static final java.util.regex.Pattern PREFECT1_AGENT = java.util.regex.Pattern.compile(
            "\\bagent\\s+(local|docker|kubernetes|ecs|vertex)\\s+start\\b");
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile(
            "(?:^|\\s)(?:-l|--label)(?:\\s+|=)(\\S+)");

    /** The file names MigrateComposeAgentToWorker reads as compose files by name alone. */
    private static final java.util.regex.Pattern COMPOSE_FILE = java.util.regex.Pattern.compile(
            "(^|/)(docker-)?compose[^/]*\\.ya?ml$");

    private PlatformSteps() {
    }

    /** Whether the pre-steps upgrade a Prefect 2 server of the estate to 3.x (so its deployments are on 3.x after them). */
    static boolean upgradesServer(Inventory inv) {
        return !servers(inv).isEmpty();
    }

    private static List<Job> servers(Inventory inv) {
        return inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT_SERVER && (prefect2(j) || pinnedPrefect2(inv, j)))
                .toList();
    }

    static List<Step> of(Inventory inv, String date) {
        List<Step> steps = new ArrayList<>();
        List<Job> servers = servers(inv);
        List<Job> agents = inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT_AGENT).toList();
        List<Job> deployments = inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT2_DEPLOYMENT).toList();
        // the pools the deployments of each queue move to, which the agents' workers serve as the rewrite names them
        QueuePools queuePools = QueuePools.of(inv.jobs());
        for (Job server : servers) {
            String where = ReadinessAssessor.at(server);
            steps.add(Step.of("Back up the Prefect server database before the upgrade", List.of(backup(server, date)),
                    "the upgrade migrates the schema in place (Alembic); a dump is the only way back to 2.x with its "
                            + "run history", finding(inv, server, "PF292"), where));
            steps.add(Step.of("Decide PREFECT_SERVER_DATABASE_MIGRATE_ON_START", List.of(
                    "PREFECT_SERVER_DATABASE_MIGRATE_ON_START=false   # on every server replica",
                    "prefect server database upgrade -y             # once, from one place, after the backup"),
                    "the server migrates its database at start by default; with several replicas, or to see the "
                            + "migration succeed before serving, turn it off and run the upgrade once yourself",
                    finding(inv, server, "PF292"), where));
            steps.add(ServerApi.step(inv, server, finding(inv, server, "BHV006"), where));
            // the pause runs on the 2.x server with its own CLI, whose commands depend on its version
            String version = ServerVersion.of(inv, server).version();
            List<String> pause = new ArrayList<>();
            for (Job d : deployments) {
                pause.addAll(ScheduleCommands.pause2(JobSteps.deploymentName(d), version));
            }
            if (pause.isEmpty()) {
                pause.add("prefect deployment ls   # then pause each: " + (ScheduleCommands.hasScheduleGroup(version)
                        ? "prefect deployment schedule pause NAME ID" : "prefect deployment pause-schedule NAME"));
            }
            steps.add(Step.of("Pause every deployment schedule before the server upgrade", pause,
                    "the first scheduler loop after 2→3 can create duplicate runs (Pydantic v2 datetimes); these are "
                            + "the commands of the server's own " + ServerVersion.of(inv, server).label() + " CLI "
                            + "(`deployment schedule pause` on " + ScheduleCommands.GROUP_SAID + ", `--all` only from "
                            + ScheduleCommands.ALL_SINCE + ")",
                    finding(inv, server, "BHV006"), where));
            steps.add(Step.of("Let the runs in flight finish before the upgrade", List.of(
                    "prefect flow-run ls --state-type RUNNING --state-type PENDING --limit 50   # wait until it lists none"),
                    "a run the upgrade interrupts is left Running in the database and never completes; the schedules are "
                            + "paused, so no new run starts while these finish", finding(inv, server, "BHV006"), where));
            steps.add(Step.of("Upgrade the server before any worker or client", upgrade(server),
                    "a client or worker newer than its server fails (3.1+ refuses a 2.x server: \"Major versions must "
                            + "match\"); clients may be older than the server, never newer",
                    finding(inv, server, "PF208"), server.source().path().endsWith(".service")
                            ? "the dependency pin that installs its environment (PF208)"
                            : Step.recipe("UpgradePrefectImagesInYaml")));
        }
        if (!agents.isEmpty()) {
            // one create step per pool, however many agents land in it (the stand-in pool takes every agent that
            // named no pool), and one per queue of it
            java.util.Map<String, List<String>> pools = new java.util.LinkedHashMap<>();
            List<Job> untyped = agents.stream().filter(a -> typedPool(a).isEmpty()).toList();
            for (Job a : untyped) {
                String pool = pool(a, queuePools);
                List<String> lines = pools.get(pool);
                if (lines == null) {
                    lines = new ArrayList<>();
                    if (recreated(a)) {
                        // 2.x agents poll only prefect-agent pools: the pool exists with that type, which workers refuse
                        lines.add("prefect work-pool delete " + pool + "   # a prefect-agent pool; re-deploy its "
                                + "deployments after the next line");
                    }
                    lines.add("prefect work-pool create " + pool + " --type " + poolType(a, queuePools) + "   # for " + a.name()
                            + " at " + ReadinessAssessor.at(a));
                    pools.put(pool, lines);
                } else {
                    String create = "prefect work-pool create " + pool + " ";
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).startsWith(create)) {
                            lines.set(i, lines.get(i) + ", " + a.name() + " at " + ReadinessAssessor.at(a));
                        }
                    }
                }
                for (String q : queues(a)) {
                    String create = "prefect work-queue create " + q + " --pool " + pool;
                    if (q.equals("default")) {
                        continue; // every pool is created with its queue `default`: creating it again fails
                    }
                    if (!lines.contains(create)) {
                        lines.add(create);
                    }
                }
            }
            // a pool its script creates typed (--type process) is one workers serve already: nothing to create
            if (!untyped.isEmpty()) {
                steps.add(Step.of("Create typed work pools for the agents' queues",
                        pools.values().stream().flatMap(List::stream).toList(),
                        "Prefect 3 workers refuse prefect-agent pools; each agent's queues need a typed pool "
                                + "(process, docker or kubernetes, matching how the agent ran flows), named as "
                                + "`migrate rewrite` names it",
                        untyped.stream().map(a -> finding(inv, a, "PF203", "PF101")).distinct().toArray(String[]::new)));
            }
            List<String> workers = new ArrayList<>();
            for (Job a : agents) {
                workers.add("prefect worker start --pool " + pool(a, queuePools) + queueFlags(a)
                        + "   # replaces: " + (a.command() != null ? a.command() : a.name() + " at " + ReadinessAssessor.at(a))
                        + typedPool(a).map(t -> " (its pool is created with --type " + t + " at "
                                + a.attributes().get("workPoolCreatedAt") + ")").orElse(""));
                workers.addAll(otherPoolWorkers(a, queuePools));
                if (a.source().path().endsWith(".service") && !prefect1(a)) {
                    // the unit's ExecStart becomes that worker (migrate rewrite), run by the unit's own environment, which
                    // still holds 2.x: a 2.x `prefect worker start` cannot talk to the upgraded server
                    List<String> up = new ArrayList<>(upgrade(a));
                    up.add(up.size() - 1, "systemctl daemon-reload   # " + unitName(a) + " with its ExecStart rewritten to the worker above");
                    workers.addAll(up);
                }
            }
            boolean prefect2Agents = inv.findings().stream().anyMatch(f -> f.code().equals("PF203"));
            // the recipes that write these workers: the compose, Helm and command-line conversions, by the agents' files
            String recipes = agents.stream().map(PlatformSteps::recipeOf).distinct().collect(java.util.stream.Collectors.joining("; "));
            steps.add(Step.of("Replace every agent by a worker, after the server", workers,
                    "agents were removed in Prefect 3; workers poll typed pools", prefect2Agents
                            ? recipes : finding(inv, agents.get(0), "PF101", "PF203")));
        }
        List<Job> workers2 = servers.isEmpty() ? List.of()
                : inv.jobs().stream().filter(j -> j.kind() == JobKind.PREFECT_WORKER).toList();
        if (!workers2.isEmpty()) {
            // 2.x already had workers: they stay, but run the 2.x library until upgraded, and 3.1+ refuses a mismatch
            steps.add(Step.of("Upgrade the existing workers after the server",
                    workers2.stream().flatMap(w -> upgrade(w).stream()).toList(),
                    "a worker keeps the Prefect it was started with; a 2.x worker against the 3.x server fails its "
                            + "requests, so each one is upgraded and restarted once the server runs 3.x",
                    "upgrade order in Prefect's 2→3 guide: server, then workers and flow environments"));
        }
        if (!servers.isEmpty() || !agents.isEmpty()) {
            // no deployment to run yet: say what to fill in, not a run of a deployment that does not exist
            String canary = deployments.isEmpty() ? "# fill in first: the estate has no Prefect 3 deployment yet; deploy one "
                    + "flow to a pool a worker above serves (a job's dual-run deploy step below), then run it: prefect "
                    + "deployment run 'FLOW/DEPLOYMENT' with its names"
                    : "prefect deployment run '" + JobSteps.deploymentName(deployments.get(0)) + "'";
            List<String> lines = new ArrayList<>(List.of(canary,
                    "prefect flow-run ls --limit 5   # the canary run Completed: a worker picked it up"));
            if (!servers.isEmpty()) {
                // the pause step above paused these: resuming is part of the same change, and easy to forget
                // resumed with 3.x's CLI; what the 2.x pause paused depends on that version's commands
                String version = ServerVersion.of(inv, servers.get(0)).version();
                for (Job d : deployments) {
                    lines.addAll(ScheduleCommands.resume3(JobSteps.deploymentName(d), version));
                }
            }
            steps.add(Step.of("Run a canary flow and watch it complete, then resume the schedules", lines,
                    "proves server, pool and worker work together before any schedule fires on them",
                    "upgrade order in Prefect's 2→3 guide: pause, server, pools, workers, redeploy, resume"));
        }
        for (Job server : servers) {
            steps.add(ServerRollback.of(inv, server, date, finding(inv, server, "PF292"), ReadinessAssessor.at(server)));
        }
        return steps;
    }

    /**
     * The pool the worker replacing {@code agent} serves, named as {@code migrate rewrite} names it, so that the
     * checklist creates the pool the rewritten compose files, scripts and deployments use: the pool its script creates
     * typed; else the pool it names (recreated typed); else, for a Prefect 2 agent, the typed pool standing in for
     * 2.x's default-agent-pool ({@code process-pool}, {@code kubernetes-pool} for the Helm chart), its queues kept
     * inside it; for a Prefect 1 agent, the pool named after its labels.
     */
    static String pool(Job agent, QueuePools queuePools) {
        String named = agent.attributes().get("workPool");
        if (typedPool(agent).isPresent() || named != null && !named.isBlank() && !named.equals(AGENT_POOL)) {
            return named;
        }
        Optional<DeploymentPool> moved = movedTo(agent, queuePools);
        if (moved.isPresent()) {
            return moved.get().name();
        }
        if (prefect1(agent)) {
            List<String> labels = labels(agent);
            return labels.isEmpty() ? "default-" + poolType(agent) + "-pool" : String.join("-", labels);
        }
        return DeploymentPool.standIn(poolType(agent));
    }

    /**
     * The one pool the deployments of a Prefect 2 agent's queues moved to (named after their infrastructure block), when
     * they agree on one: the rewrite's worker serves it, with its type. A Helm chart's worker is a Kubernetes worker, so
     * only a kubernetes pool; empty for an agent of its own pool, a Prefect 1 agent, or queues whose deployments moved
     * to several pools or none known.
     */
    static Optional<DeploymentPool> movedTo(Job agent, QueuePools queuePools) {
        String named = agent.attributes().get("workPool");
        if (prefect1(agent) || typedPool(agent).isPresent() || named != null && !named.isBlank() && !named.equals(AGENT_POOL)) {
            return Optional.empty();
        }
        return queuePools.agreed(queues(agent)).filter(p -> !chart(agent) || p.type().equals("kubernetes"));
    }

    /**
     * A worker for each other pool the deployments of the agent's queues moved to, when they moved to several: the
     * 2.x agent ran every block of its queues, a worker serves one pool (the rewrite's worker serves the stand-in).
     */
    private static List<String> otherPoolWorkers(Job agent, QueuePools queuePools) {
        List<DeploymentPool> pools = queuePools.movedTo(queues(agent));
        String named = agent.attributes().get("workPool");
        if (pools.size() < 2 || prefect1(agent) || typedPool(agent).isPresent()
                || named != null && !named.isBlank() && !named.equals(AGENT_POOL)) {
            return List.of();
        }
        String served = pool(agent, queuePools);
        return pools.stream().filter(p -> !p.name().equals(served)).map(p -> "prefect work-pool create " + p.name()
                + " --type " + p.type() + "; prefect worker start --pool " + p.name() + " --type " + p.type() + queueFlags(agent)
                + "   # the deployments of " + String.join(", ", queues(agent)) + " moved to this pool too (" + agent.name()
                + " ran every block of its queues)").toList();
    }

    /** Whether the agent is the prefect-agent Helm chart's, whose worker chart runs a Kubernetes worker. */
    private static boolean chart(Job agent) {
        return "prefect-agent".equals(agent.attributes().get("chart"));
    }

    /** The recipe that turns this agent into a worker: by where it is written. */
    private static String recipeOf(Job agent) {
        if (agent.attributes().containsKey("chart")) {
            String installedBy = agent.attributes().getOrDefault("chartInstalledBy", "");
            return Step.recipe(installedBy.equals("subchart") ? "MigrateHelmAgentSubchartToWorker"
                    : installedBy.isEmpty() ? "MigrateHelmAgentValuesToWorker" : "MigrateHelmAgentReleasesToWorker");
        }
        return inComposeFile(agent) ? Step.recipe("MigrateComposeAgentToWorker")
                : "recipe `dev.migrate.prefect.MigratePrefectCliToPrefect3`";
    }

    /**
     * Whether the agent is a compose service: in a file named as compose looks for it, or in a YAML file that a command
     * names with {@code -f} (or {@code COMPOSE_FILE}, an {@code include:}), which the compose detector reads as one and
     * whose jobs it gives their {@code service} (no other detector of YAML does), as the recipe reads such files too.
     */
    private static boolean inComposeFile(Job agent) {
        String path = agent.source().path();
        return COMPOSE_FILE.matcher(path).find()
                || (path.endsWith(".yml") || path.endsWith(".yaml")) && agent.attributes().containsKey("service");
    }

    /** Whether the agent names its own pool, one of 2.x's prefect-agent type that must be recreated typed. */
    private static boolean recreated(Job agent) {
        String named = agent.attributes().get("workPool");
        return typedPool(agent).isEmpty() && named != null && !named.isBlank() && !named.equals(AGENT_POOL);
    }

    /** A Prefect 1 agent ({@code prefect agent local start}): it served labels, not queues. */
    private static boolean prefect1(Job agent) {
        return PREFECT1_AGENT.matcher(String.valueOf(agent.command())).find();
    }

    /** The {@code -l}/{@code --label} values of a Prefect 1 agent's command, in order. */
    private static List<String> labels(Job agent) {
        List<String> labels = new ArrayList<>();
        java.util.regex.Matcher m = LABEL.matcher(String.valueOf(agent.command()));
        while (m.find()) {
            labels.add(m.group(1).replaceAll("^[\"']|[\"']$", ""));
        }
        return labels;
    }

    /**
     * The type of the agent's pool when its script creates it with one that workers serve ({@code prefect work-pool
     * create etl --type process}); such a pool is kept as it is.
     */
    private static Optional<String> typedPool(Job agent) {
        String type = agent.attributes().get("workPoolType");
        return agent.attributes().get("workPool") == null || type == null || type.equals("prefect-agent")
                ? Optional.empty() : Optional.of(type);
    }

    /** The work queues the agent polled: its workQueue attribute (comma-separated), else none known. */
    private static List<String> queues(Job agent) {
        String queue = agent.attributes().get("workQueue");
        return queue == null ? List.of() : java.util.Arrays.stream(queue.split(",")).map(String::strip)
                .filter(q -> !q.isEmpty()).toList();
    }

    /** {@code --work-queue Q} for each queue the agent polled, so that the worker polls the same ones (no more). */
    private static String queueFlags(Job agent) {
        return queues(agent).stream().map(q -> " --work-queue " + q).collect(java.util.stream.Collectors.joining());
    }

    /** Prefect 1 agents name their infrastructure (local, docker, kubernetes, ecs); Prefect 2 agents ran processes. */
    static String poolType(Job agent, QueuePools queuePools) {
        return movedTo(agent, queuePools).map(DeploymentPool::type).orElseGet(() -> poolType(agent));
    }

    static String poolType(Job agent) {
        // the prefect-agent Helm chart runs flows as Kubernetes jobs (its image is the -kubernetes flavour)
        if ("prefect-agent".equals(agent.attributes().get("chart"))
                || agent.attributes().getOrDefault("prefectTag", "").contains("kubernetes")) {
            return "kubernetes";
        }
        String cmd = String.valueOf(agent.command());
        for (String type : List.of("docker", "kubernetes", "ecs")) {
            if (cmd.contains("agent " + type)) {
                return type;
            }
        }
        // the Vertex AI agent's runs go to a vertex-ai pool, as the CLI conversion types it
        return cmd.contains("agent vertex") ? "vertex-ai" : "process";
    }

    /**
     * How to upgrade a server or worker where it runs: a compose service by its file and service name (the file given with
     * {@code -f}, since it need not be the one compose finds by default), a systemd unit by the environment its
     * {@code ExecStart} runs Prefect from and a restart; otherwise said in words.
     */
    static List<String> upgrade(Job process) {
        String path = process.source().path();
        String service = process.attributes().get("service");
        if (service != null && !path.endsWith(".service")) {
            String file = Step.shellWord(path);
            return List.of("# " + path + ": set the image of service " + service
                            + " to prefecthq/prefect:3-python3.11 (or pin prefect>=3 where it is built)",
                    "docker compose -f " + file + " pull " + Step.shellWord(service),
                    "docker compose -f " + file + " up -d " + Step.shellWord(service));
        }
        if (path.endsWith(".service")) {
            String unit = path.substring(path.lastIndexOf('/') + 1);
            String exe = process.command() == null ? "" : process.command().strip().split("\\s+")[0];
            String pip = exe.endsWith("/prefect") ? exe.substring(0, exe.length() - "prefect".length()) + "pip"
                    : null;
            return List.of(pip != null ? Step.shellWord(pip) + " install -U 'prefect>=3'   # the environment " + unit + " runs"
                            : "pip install -U 'prefect>=3'   # in the environment " + unit + " runs Prefect from",
                    "systemctl restart " + Step.shellWord(unit));
        }
        return List.of("# upgrade Prefect to 3 where " + process.name() + " runs (" + ReadinessAssessor.at(process)
                + "), then restart it");
    }

    private static String unitName(Job process) {
        return process.source().path().substring(process.source().path().lastIndexOf('/') + 1);
    }

    /**
     * A server with no image or version of its own (a systemd unit running {@code prefect server start} from a virtualenv)
     * runs the Prefect the estate's requirements install: Prefect 2 when a dependency pin keeps it there (PF208).
     */
    private static boolean pinnedPrefect2(Inventory inv, Job server) {
        if (server.attributes().containsKey("image") || server.attributes().containsKey("prefectVersion")) {
            return false;
        }
        return inv.findings().stream().anyMatch(f -> f.code().equals("PF208") && f.message().startsWith("dependency pin ")
                && f.message().contains(" keeps Prefect 2"));
    }

    private static boolean prefect2(Job server) {
        String image = server.attributes().getOrDefault("image", "");
        String version = server.attributes().getOrDefault("prefectVersion", "");
        return version.startsWith("2") || image.matches(".*:2[.\\-].*|.*:2$");
    }

    private static String finding(Inventory inv, Job job, String... codes) {
        for (String code : codes) {
            Optional<Finding> f = inv.findings().stream().filter(x -> x.code().equals(code) && job.id().equals(x.jobId())).findFirst();
            if (f.isPresent()) {
                return Step.rule(code) + " at " + ReadinessAssessor.place(f.get().where());
            }
        }
        return Step.rule(codes[0]);
    }

    /** A pg_dump line from the server's database URL (password never shown), or a copy for SQLite. */
    static String backup(Job server, String date) {
        String url = server.env().entrySet().stream().filter(e -> e.getKey().endsWith("DATABASE_CONNECTION_URL"))
                .map(java.util.Map.Entry::getValue).findFirst().orElse("");
        if (url.startsWith("postgresql")) {
            try {
                URI u = URI.create(url.replaceFirst("^postgresql\\+\\w+:", "postgresql:").replace("***", "x"));
                String user = u.getUserInfo() == null ? "USER" : u.getUserInfo().split(":")[0];
                String db = u.getPath() == null || u.getPath().length() < 2 ? "prefect" : u.getPath().substring(1);
                return "pg_dump -Fc -h " + u.getHost() + (u.getPort() > 0 ? " -p " + u.getPort() : "") + " -U " + user
                        + " -f prefect-" + date + ".dump " + db + "   # or a volume snapshot";
            } catch (IllegalArgumentException e) {
                return "pg_dump -Fc -f prefect-" + date + ".dump DATABASE   # the server's PostgreSQL database";
            }
        }
        return "cp ~/.prefect/prefect.db prefect-" + date + ".db   # SQLite: stop the server first";
    }
}
