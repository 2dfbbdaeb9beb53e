package dev.migrate.analyzers.sources.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectApi.Version;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.analyzers.sources.JobBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * Turns one {@code prefect ...} call into inventory entries and findings, wherever it was written
 * (shell script, Makefile, CI YAML, Dockerfile, compose service, Kubernetes container). Which commands and
 * flags are gone in Prefect 3 comes from the recorded CLI surfaces, not from a list in this class.
 */
public final class PrefectCommandReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrefectCommandReport() {
    }

    /**
     * The schedule of a 2.x {@code --rrule}: an RRULE string, or a JSON object with {@code rrule} and
     * {@code timezone} (2.x read it with {@code json.loads} first; a {@code --timezone} given too wins).
     */
    static ScheduleSpec rrule(String value, String timezone, SourceRef where) {
        if (value.strip().startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(value);
                if (json != null && json.path("rrule").isTextual()) {
                    String tz = timezone != null ? timezone : json.path("timezone").isTextual() ? json.get("timezone").asText() : null;
                    return new ScheduleSpec(ScheduleSpec.Form.RRULE, json.get("rrule").asText(), tz, where);
                }
            } catch (JsonProcessingException e) {
                // 2.x passed text that is not JSON on as the RRULE string itself
            }
        }
        return new ScheduleSpec(ScheduleSpec.Form.RRULE, value, timezone, where);
    }

    /**
     * Reports the call; returns the job it defines (agent, worker, server, deployment build) so the caller
     * can add what it knows (image, environment, user) before building it. Findings are already emitted.
     */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              InventorySink sink) {
        return report(file, inv, fullCommand, where, null, sink);
    }

    /** As {@link #report(ScanFile, PrefectInvocation, String, SourceRef, InventorySink)}, naming the job {@code name} if not null. */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              String name, InventorySink sink) {
        return report(file, inv, fullCommand, where, name, CreatedPools.NONE, sink);
    }

    /**
     * As {@link #report(ScanFile, PrefectInvocation, String, SourceRef, String, InventorySink)}, knowing the typed work
     * pools the same file creates: an agent or worker of one of them says so, and carries the pool's type.
     */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              String name, CreatedPools pools, InventorySink sink) {
        return report(file, inv, fullCommand, where, name, pools, Map.of(), sink);
    }

    /**
     * As {@link #report(ScanFile, PrefectInvocation, String, SourceRef, String, CreatedPools, InventorySink)}, knowing
     * the variables the file sets to one literal value above the call ({@link LiteralVariables}): a block named as
     * {@code -ib $INFRA} is reported as the block it names.
     */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              String name, CreatedPools pools, Map<String, String> variables,
                                              InventorySink sink) {
        return report(file, inv, fullCommand, where, name, pools, variables, OutsideValues.NONE, sink);
    }

    /**
     * As {@link #report(ScanFile, PrefectInvocation, String, SourceRef, String, CreatedPools, Map, InventorySink)},
     * knowing which values the command reads are set outside the repository ({@link OutsideValues}): a block named as
     * {@code -ib ${{ vars.INFRA }}} is reported with the settings page that holds its name.
     */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              String name, CreatedPools pools, Map<String, String> variables,
                                              OutsideValues outside, InventorySink sink) {
        return report(file, inv, fullCommand, where, name, pools, variables, outside, CommandReading.PLAIN, sink);
    }

    /**
     * As {@link #report(ScanFile, PrefectInvocation, String, SourceRef, String, CreatedPools, Map, OutsideValues,
     * InventorySink)}, knowing how the command's words read variables ({@link CommandReading}): a Makefile's
     * {@code -ib $INFRA}, or {@code INFRA=x prefect ... -ib $INFRA}, is reported as what the shell runs.
     */
    public static Optional<JobBuilder> report(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                              String name, CreatedPools pools, Map<String, String> variables,
                                              OutsideValues outside, CommandReading reading, InventorySink sink) {
        // a name given through a variable set above (-n $name, name=standard) is its value, as the blocks' are
        Optional<JobBuilder> job = job(file, inv, fullCommand, where, name, valueIn(variables, reading));
        Optional<CreatedPools.Pool> pool = inv.option("--pool", "-p").flatMap(pools::get);
        job.ifPresent(b -> pool.ifPresent(p -> b.attr("workPoolType", p.type())
                .attr("workPoolCreatedAt", p.where().path() + ":" + p.where().line())));
        // a block named through a variable set above (-ib $INFRA, INFRA=kubernetes-job/prod): its value, which names the
        // deployment's pool (DeploymentPool) as the rewrite reads it; not a word the command reads otherwise (a
        // Makefile's $INFRA, a name only the command's prefix sets)
        job.ifPresent(b -> inv.option("--infra-block", "-ib", "--infra", "-i").filter(w -> w.contains("$"))
                .filter(w -> reading.note(w).isEmpty())
                .flatMap(w -> LiteralVariables.resolve(w, variables)).ifPresent(v -> b.attr("infrastructureValue", v)));
        // a 2.x agent's queue named through a variable set to one known value (-q $QUEUE, QUEUE: etl in the CI
        // variables): its value, which names the pool the agent's worker serves (AgentQueuePoolResolver), as the
        // rewrite reads it; kept apart from workQueue, which stays as the command writes it
        if (inv.path().equals("agent start")) {
            List<String> queues = inv.options("--work-queue", "-q");
            List<String> values = queues.stream().map(valueIn(variables, reading)).toList();
            job.filter(b -> !values.equals(queues)).ifPresent(b -> b.attr(QUEUE_VALUES, String.join(",", values)));
        }
        findings(inv, where, job.map(JobBuilder::id).orElse(null), pool.orElse(null), variables, outside, reading, sink);
        return job;
    }

    /**
     * The findings of the call alone, on job {@code jobId}: for a command whose job another detector builds (the
     * service of a systemd unit that runs it).
     */
    public static void findings(PrefectInvocation inv, SourceRef where, String jobId, InventorySink sink) {
        findings(inv, where, jobId, null, Map.of(), OutsideValues.NONE, CommandReading.PLAIN, sink);
    }

    /** The findings of the call; {@code pool}, if not null, is the typed pool it names that its file creates. */
    private static void findings(PrefectInvocation inv, SourceRef where, String jobId, CreatedPools.Pool pool,
                                 Map<String, String> variables, OutsideValues outside, CommandReading reading,
                                 InventorySink sink) {
        String shown = "`prefect " + inv.path() + "`";
        boolean deploys = inv.path().equals("deploy") && inv.entrypoint().isPresent() || inv.path().equals("deployment build");
        if (deploys && pool != null && !pool.servedByWorkers()) {
            sink.finding(Findings.of("BHV005", deploymentOnAgentPool(deployName(inv, valueIn(variables, reading)), pool), where, jobId));
        }
        if (inv.path().startsWith("orion ")) {
            sink.finding(Findings.of("PF209", shown + " does not exist in Prefect 3.8.3 (it was renamed `prefect server"
                    + inv.path().substring("orion".length()) + "` in 2.8 and the old name removed in 2.13)", where, jobId));
        } else if (!inv.in(Version.V3) && !inv.in(Version.V2)) {
            sink.finding(prefect1Command(inv, shown + " is a Prefect 1 command; it does not exist in Prefect 3", where, jobId));
        } else if (!inv.in(Version.V3)) {
            switch (inv.path()) {
                case "deployment build" -> reportBuild(inv, where, jobId, variables, outside, reading, sink);
                case "deployment apply" -> sink.finding(Findings.of("PF202",
                        "`prefect deployment apply` was removed in Prefect 3; declare the deployment in prefect.yaml "
                                + "and run `prefect deploy`", where, jobId));
                case "agent start" -> sink.finding(prefect0AgentType(inv)
                        .map(type -> prefect1Command(inv, "`prefect agent start " + type + "` is Prefect 1's early "
                                + "form of `prefect agent " + type + " start`; agents were removed in Prefect 3, run "
                                + "`prefect worker start --pool POOL --type TYPE` on a typed work pool", where, jobId))
                        .orElseGet(() -> Findings.of("PF203", agentMessage(pool) + queueRules(inv, variables, outside), where, jobId)));
                default -> sink.finding(Findings.of("PF209", shown + " does not exist in Prefect 3.8.3", where, jobId));
            }
        } else {
            switch (inv.path()) {
                case "deploy" -> {
                    if (inv.entrypoint().isPresent()) {
                        sink.finding(Findings.of("PF290", "Prefect 3 deployment '" + deployName(inv, valueIn(variables, reading))
                                + "' (already migrated), declared on the command line", where, jobId));
                    }
                }
                case "worker start" -> sink.finding(Findings.of("PF291", "Prefect worker for work pool '"
                        + inv.option("--pool", "-p").orElse("?") + "'", where, jobId));
                case "server start" -> sink.finding(Findings.of("PF292", "self-hosted Prefect server", where, jobId));
                default -> {
                }
            }
            if (inv.path().equals("work-pool create")
                    && inv.option("--type", "-t").filter("prefect-agent"::equals).isPresent()) {
                sink.finding(Findings.of("BHV005", "work pool created with type prefect-agent; Prefect 3 workers "
                        + "refuse it, create it with --type process, docker or kubernetes", where, jobId));
            }
            untargetedCreate(inv, where, jobId, sink);
            for (String flag : inv.prefect1OnlyFlags()) {
                sink.finding(Findings.of("PF101", "option " + flag + " of " + shown + " is Prefect 1's (its Docker-based "
                        + "server and agents); Prefect 3 does not accept it", where, jobId));
            }
            for (String flag : inv.flagsRemovedIn3()) {
                sink.finding(Findings.of("PF210", "option " + flag + " of " + shown
                        + " was accepted by Prefect 2.20 but not by Prefect 3.8.3", where, jobId));
            }
        }
    }

    /**
     * PF224, PF225: a pool created without a type (Prefect 3 prompts for one, and fails where nothing can answer), a
     * queue created without a pool (it lands in default-agent-pool, which no Prefect 3 worker serves).
     */
    private static void untargetedCreate(PrefectInvocation inv, SourceRef where, String jobId, InventorySink sink) {
        if (inv.path().equals("work-pool create") && inv.option("--type", "-t").isEmpty()) {
            sink.finding(Findings.of("PF224", "`prefect work-pool create` without --type: Prefect 3 prompts for the pool's"
                    + " type, and where nothing can answer (CI, an unattended script) it exits with an error; give the"
                    + " type of the worker that will serve it (--type process, docker, kubernetes, ...)", where, jobId));
        }
        if (inv.path().equals("work-queue create") && inv.option("--pool", "-p").isEmpty()) {
            sink.finding(Findings.of("PF225", "`prefect work-queue create` without --pool: the queue lands in"
                    + " default-agent-pool, a prefect-agent pool no Prefect 3 worker serves, so its runs never start;"
                    + " create it in the typed pool its worker serves (--pool POOL)", where, jobId));
        }
    }

    /** PF203's message: what to run instead, on the pool the script creates when it gave it a type. */
    static String agentMessage(CreatedPools.Pool pool) {
        String removed = "Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run ";
        if (pool == null) {
            return removed + "`prefect worker start --pool POOL` on a typed work pool";
        }
        String created = "its work pool '" + pool.name() + "' is created with --type " + pool.type() + " at "
                + pool.where().path() + ":" + pool.where().line();
        return pool.servedByWorkers()
                ? removed + "`prefect worker start --pool " + pool.name() + "`: " + created + ", a type Prefect 3 workers serve"
                : removed + "`prefect worker start --pool POOL` on a typed work pool: " + created
                        + ", which Prefect 3 workers refuse";
    }

    /**
     * What PF203 adds for an agent without a pool of its own whose queue ({@code -q $QUEUE}) reads a variable the GitLab
     * {@code rules:} of its job disagree on ({@link OutsideValues#ruleDisagreement}): each rule's value and where the
     * rule is, since the pool its worker serves follows where that queue's deployments moved, as the rewrite's note
     * says; empty for any other agent.
     */
    private static String queueRules(PrefectInvocation inv, Map<String, String> variables, OutsideValues outside) {
        if (inv.option("--pool", "-p").filter(p -> !p.equals(DeploymentPool.AGENT_POOL)).isPresent()) {
            return "";
        }
        // a queue of one known value is that queue, whatever the rules say (the rewrite's reading too)
        return inv.options("--work-queue", "-q").stream().filter(q -> LiteralVariables.resolve(q, variables).isEmpty())
                .map(outside::ruleDisagreement).flatMap(Optional::stream)
                .findFirst().map(said -> "; its queue " + said + ": the pool its worker serves follows where the "
                        + "deployments of the queue moved, for each rule's value").orElse("");
    }

    /**
     * PF203's message for an agent of {@code queues} whose deployments move to the typed pools {@code moved}
     * ({@link QueuePools}), as the rewrite's worker serves them: one pool, the worker for it; several, a worker for each.
     */
    static String agentMessage(List<DeploymentPool> moved, List<String> queues) {
        String removed = "Prefect 2 agent (`prefect agent start`); agents were removed in Prefect 3, run ";
        String flags = queues.stream().map(q -> " --work-queue " + q).collect(java.util.stream.Collectors.joining());
        String ofQueues = (queues.size() == 1 ? "queue " : "queues ") + String.join(", ", queues);
        if (moved.size() == 1) {
            DeploymentPool p = moved.get(0);
            return removed + "`prefect worker start --pool " + p.name() + " --type " + p.type() + flags + "` (the pool "
                    + "the deployments of " + ofQueues + " move to, " + (p.standsIn()
                    ? "standing in for the agent's default-agent-pool" : "named after their infrastructure block")
                    + "); create it first: `prefect work-pool create " + p.name() + " --type " + p.type() + "`";
        }
        return removed + "one worker for each work pool the deployments of " + ofQueues + " move to (one per "
                + "infrastructure block: the agent ran every block of its queues, a Prefect 3 worker serves one pool): "
                + moved.stream().map(p -> "`prefect worker start --pool " + p.name() + " --type " + p.type() + flags + "`")
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** BHV005's message for a deployment whose pool a script creates with type prefect-agent. */
    static String deploymentOnAgentPool(String deployment, CreatedPools.Pool pool) {
        return "deployment '" + deployment + "' targets work pool '" + pool.name() + "', created with --type "
                + pool.type() + " at " + pool.where().path() + ":" + pool.where().line() + ", which Prefect 3 workers "
                + "refuse; create it with --type process, docker or kubernetes";
    }

    /**
     * PF101 for a Prefect 1 command: a fix the rewrite makes, unless the CLI tables the rewrite reads
     * ({@link PrefectCliTables}) give the command only a note for a person ({@code manual:}: {@code prefect backend},
     * {@code prefect agent start nomad}); then the finding is manual and says what the note says.
     */
    private static dev.migrate.analyzers.model.Finding prefect1Command(PrefectInvocation inv, String message,
                                                                      SourceRef where, String jobId) {
        List<String> words = new java.util.ArrayList<>(List.of(inv.path().split(" ")));
        words.addAll(inv.args());
        return PrefectCliTables.manualNote(words)
                .map(note -> Findings.manual("PF101", message + "; no rewrite: " + note, where, jobId))
                .orElseGet(() -> Findings.of("PF101", message, where, jobId));
    }

    /**
     * The agent type of Prefect 0.x's {@code prefect agent start kubernetes --token T}: 2.x reads those words as an
     * agent serving queue {@code kubernetes}, so an option only 2.x agents take keeps that reading.
     */
    private static Optional<String> prefect0AgentType(PrefectInvocation inv) {
        List<String> args = inv.args();
        if (args.isEmpty() || !PREFECT0_AGENT_TYPES.contains(args.get(0))) {
            return Optional.empty();
        }
        boolean agent2 = args.stream().anyMatch(a -> AGENT2_OPTIONS.contains(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
        return agent2 ? Optional.empty() : Optional.of(args.get(0));
    }

    private static final Set<String> PREFECT0_AGENT_TYPES = Set.of("local", "docker", "kubernetes", "fargate", "ecs", "nomad");
    private static final Set<String> AGENT2_OPTIONS = Set.of("-q", "--work-queue", "-p", "--pool", "-m", "--match",
            "--run-once", "--prefetch-seconds", "--limit", "--hide-welcome", "--tag");

    private static void reportBuild(PrefectInvocation inv, SourceRef where, String jobId, Map<String, String> variables,
                                    OutsideValues outside, CommandReading reading, InventorySink sink) {
        sink.finding(Findings.of("PF201", "`prefect deployment build` was removed in Prefect 3; declare the deployment "
                + "in prefect.yaml and run `prefect deploy`", where, jobId));
        inv.option("--infra-block", "-ib", "--infra", "-i").ifPresent(word -> {
            String b = LiteralVariables.resolve(word, variables).orElse(word);
            sink.finding(Findings.of("PF205", "infrastructure block " + shown(word, b, outside) + " has no Prefect 3 equivalent; use "
                    + PrefectBlockClasses.poolTypeOfSlug(b.contains("/") ? b.substring(0, b.indexOf('/')) : b)
                    .map(t -> "a work pool of type " + t).orElse("a typed work pool")
                    + reading.note(word).map(n -> "; " + n).orElse("")
                    + outside.of(word).map(o -> "; " + o + ": read the block's name there to choose the pool's type")
                    .orElse(""), where, jobId));
        });
        inv.option("--storage-block", "-sb").ifPresent(word -> sink.finding(Findings.of("PF206",
                "storage block " + shown(word, LiteralVariables.resolve(word, variables).orElse(word), outside)
                        + " must become pull steps in Prefect 3"
                        + reading.note(word).map(n -> "; " + n).orElse("")
                        + outside.of(word).map(o -> "; " + o + ": read the block's name there to write them").orElse(""),
                where, jobId)));
        if (inv.option("--pool", "-p").isEmpty() && !inv.options("--work-queue", "-q").isEmpty()) {
            String queue = inv.options("--work-queue", "-q").get(0);
            sink.finding(Findings.of("PF211", "deployment uses work queue "
                    + shown(queue, LiteralVariables.resolve(queue, variables).orElse(queue), outside)
                    + " without a work pool (agent model)", where, jobId));
        }
    }

    /**
     * A block as the command names it, and as the variable it names it through is set ({@code 'process/etl' ($INFRA)}),
     * with the file and line that sets it when another file does ({@code ($INFRA, set in scripts/env.sh:3)}); make's
     * {@code $$INFRA} is shown as the shell's {@code $INFRA}, which is what the recipe line runs.
     */
    private static String shown(String word, String value, OutsideValues outside) {
        return word.equals(value) ? "'" + LiteralVariables.shown(word) + "'" : "'" + value + "' (" + LiteralVariables.shown(word)
                + outside.setIn(word).map(where -> ", set in " + where).orElse("") + ")";
    }

    /**
     * A word as the command reads it: a variable the file sets to one literal value above the command ({@code -n $name}
     * after {@code name=standard}) is that value, as the blocks of the command are; any other word is as written.
     */
    private static Function<String, String> valueIn(Map<String, String> variables, CommandReading reading) {
        return w -> w.contains("$") && reading.note(w).isEmpty() ? LiteralVariables.resolve(w, variables).orElse(w) : w;
    }

    /**
     * {@code -n NAME} as {@code value} reads it, else the flow function of the entrypoint ({@code flows/etl.py:etl} is
     * etl).
     */
    private static String deployName(PrefectInvocation inv, Function<String, String> value) {
        String entry = inv.entrypoint().orElse(null);
        return inv.option("--name", "-n").map(value)
                .orElse(entry == null ? "deployment" : entry.substring(entry.indexOf(':') + 1));
    }

    /**
     * The schedules a deployment command gives: {@code --cron}, {@code --interval} (with {@code --anchor-date}) and
     * {@code --rrule}, each as often as given (Prefect 3's deploy takes each more than once), in {@code --timezone}.
     */
    private static void schedules(JobBuilder b, PrefectInvocation inv, SourceRef where) {
        String tz = inv.option("--timezone").orElse(null);
        inv.options("--cron").forEach(c -> b.schedule(new ScheduleSpec(ScheduleSpec.Form.CRON_PREFECT, c, tz, where)));
        Optional<String> anchor = inv.option("--anchor-date");
        inv.options("--interval").forEach(i -> b.schedule(CliIntervals.of(i, anchor.orElse(null), tz, where)));
        inv.options("--rrule").forEach(r -> b.schedule(rrule(r, tz, where)));
    }

    /**
     * {@code prefect deploy} without an entrypoint ({@code -n nightly}, {@code --name 'etl-*'}, {@code --all}, or
     * nothing under {@code --no-prompt}) deploys entries of the prefect.yaml it reads, which the prefect.yaml detector
     * lists: this job stands for the command until {@link DeployCommandDeployments} links it to the entries it deploys
     * ({@code deployment.deployedBy}), with its options, and drops it. Its names are read as {@code -n}'s are for a
     * command of an entrypoint (a variable set above to one literal value is that value), kept in
     * {@link #SELECTED_NAMES}, one a line. The findings of the command were emitted without it, and stay at the command.
     */
    public static Optional<JobBuilder> selection(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where,
                                                 Map<String, String> variables, CommandReading reading) {
        if (!inv.path().equals("deploy") || inv.entrypoint().isPresent() || !inv.in(Version.V3)) {
            return Optional.empty();
        }
        Function<String, String> value = valueIn(variables, reading);
        List<String> names = inv.options("--name", "-n").stream().map(value).toList();
        JobBuilder b = new JobBuilder(file, JobKind.PREFECT3_DEPLOYMENT, names.isEmpty() ? "deployment" : names.get(0), where,
                inv.normalized()).command(fullCommand.strip());
        List<String> queues = inv.options("--work-queue", "-q");
        // the work queue is one option to Prefect (typer keeps the last one given)
        b.attr("workQueue", queues.isEmpty() ? null : queues.get(queues.size() - 1))
                .attr("workPool", inv.option("--pool", "-p").orElse(null))
                .attr(SELECTION, "true").attr(SELECTED_NAMES, String.join("\n", names))
                .attr(SELECTS_ALL, inv.hasFlag("--all") ? "true" : null);
        schedules(b, inv, where);
        return Optional.of(b);
    }

    /**
     * A {@code prefect deploy} that gives no {@code --pool}, with the pool the setting its environment sets gives it
     * ({@link DefaultWorkPool}: the option's default), and which setting that was; any other job as it is.
     */
    static JobBuilder withDefaultPool(JobBuilder b, PrefectInvocation inv, Optional<Map.Entry<String, String>> setting) {
        if (inv.path().equals("deploy") && inv.option("--pool", "-p").isEmpty() && setting.isPresent()) {
            b.attr("workPool", setting.get().getValue()).attr(DefaultWorkPool.FROM, setting.get().getKey());
        }
        return b;
    }

    /** As {@link #selection(ScanFile, PrefectInvocation, String, SourceRef, Map, CommandReading)}, its words as written. */
    public static Optional<JobBuilder> selection(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where) {
        return selection(file, inv, fullCommand, where, Map.of(), CommandReading.PLAIN);
    }

    /**
     * The queues of a 2.x agent as its command gets them, comma-separated, when a variable of one known value gives one
     * ({@code -q $QUEUE} with {@code QUEUE: etl}); absent when they are as written ({@code workQueue}).
     */
    static final String QUEUE_VALUES = "workQueueValues";

    /** Marks a {@link #selection} command's job. */
    public static final String SELECTION = "deployment.selection";
    /** The names a {@link #selection} command gives, one a line. */
    static final String SELECTED_NAMES = "deployment.selectedNames";
    /** {@code --all} on a {@link #selection} command. */
    static final String SELECTS_ALL = "deployment.selectsAll";

    private static Optional<JobBuilder> job(ScanFile file, PrefectInvocation inv, String fullCommand, SourceRef where, String given,
                                            Function<String, String> value) {
        List<String> queues = inv.options("--work-queue", "-q");
        Optional<String> pool = inv.option("--pool", "-p");
        String path = inv.path();
        JobKind kind;
        String name;
        if (path.equals("deployment build")) {
            kind = JobKind.PREFECT2_DEPLOYMENT;
            name = deployName(inv, value);
        } else if (path.equals("deploy") && inv.entrypoint().isPresent()) {
            // a deployment declared on the command line (what `deployment build` becomes); `prefect deploy -n X` or
            // `--all` deploys prefect.yaml's entries, which the prefect.yaml detector lists
            kind = JobKind.PREFECT3_DEPLOYMENT;
            name = deployName(inv, value);
        } else if (path.equals("agent start") || path.matches("agent \\S+ start")) {
            kind = JobKind.PREFECT_AGENT;
            // Prefect 1 agents have a type (agent local start) and often a --name; 2.x agents serve queues.
            name = inv.option("--name", "-n").orElse(!queues.isEmpty() ? "agent " + String.join(",", queues)
                    : pool.map(p -> "agent " + p).orElse(path.replace(" start", "")));
        } else if (path.equals("worker start")) {
            kind = JobKind.PREFECT_WORKER;
            name = "worker " + pool.orElse("?");
        } else if (path.equals("server start") || path.equals("orion start")) {
            kind = JobKind.PREFECT_SERVER;
            name = "prefect server";
        } else {
            return Optional.empty();
        }
        JobBuilder b = new JobBuilder(file, kind, given != null ? given : name, where, inv.normalized()).command(fullCommand.strip());
        b.attr("workQueue", String.join(",", queues)).attr("workPool", pool.orElse(null));
        if (kind == JobKind.PREFECT2_DEPLOYMENT || kind == JobKind.PREFECT3_DEPLOYMENT) {
            schedules(b, inv, where);
            b.attr("entrypoint", inv.entrypoint().orElse(null))
                    .attr("infrastructure", inv.option("--infra-block", "-ib", "--infra", "-i").orElse(null))
                    .attr("storage", inv.option("--storage-block", "-sb").orElse(null))
                    .attr("apply", inv.hasFlag("--apply", "-a") ? "true" : null);
        } else if (kind == JobKind.PREFECT_WORKER) {
            b.attr("workerType", inv.option("--type", "-t").orElse(null));
        }
        return Optional.of(b);
    }
}
