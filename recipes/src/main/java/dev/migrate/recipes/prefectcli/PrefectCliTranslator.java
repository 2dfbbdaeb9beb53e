package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.rules.PrefectApi;
import dev.migrate.analyzers.rules.PrefectBlockClasses;
import dev.migrate.analyzers.rules.PrefectCli;
import dev.migrate.analyzers.sources.config.DeploymentPool;
import dev.migrate.analyzers.sources.config.LiteralVariables;
import dev.migrate.analyzers.sources.python.SavedBlocks;
import dev.migrate.recipes.prefectcli.CliRules.CommandRule;
import dev.migrate.recipes.prefectcli.CliRules.FlagRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates one Prefect 2 command line (as argv) to Prefect 3. Flags are mapped by the data in
 * {@code prefect-cli-2-to-3.yaml}; the few decisions a table cannot express (which work pool a worker
 * serves, which type it has) are made by the handlers below and always leave a note for the reviewer.
 */
public final class PrefectCliTranslator {
    /** A deployment file Prefect reads nothing from: no deployment is picked, no step is added. */
    private static final String NO_DEPLOYMENT_FILE = "/dev/null";

    /** The schedule flags of a build meet the entry of its name in ./prefect.yaml, when there is one. */
    private static final String SCHEDULES_ADDED_TO_ENTRY = "when ./prefect.yaml holds this deployment"
            + " (ConvertDeploymentYamlToPrefectYaml moves build outputs there), `prefect deploy` adds these schedule flags"
            + " to the entry's own schedules, which then run twice: keep the schedule in one place";
    private static final String AGENT_POOL = "default-agent-pool";

    private PrefectCliTranslator() {
    }

    /** True when argv[0] runs the Prefect CLI ({@code prefect}, {@code /venv/bin/prefect}). */
    public static boolean isPrefect(List<String> argv) {
        return !argv.isEmpty() && (argv.get(0).equals("prefect") || argv.get(0).endsWith("/prefect"));
    }

    public static CliTranslation translate(List<String> argv, CliOptions options) {
        if (!isPrefect(argv)) {
            return CliTranslation.unchanged(argv);
        }
        int globals = globalOptionsEnd(argv);
        List<String> args = argv.subList(globals, argv.size());
        Optional<CommandRule> found = CliRules.match(args);
        List<String> spelled = null;
        if (found.isEmpty()) {
            // `prefect deployments build`: the command under one of 2.x's aliases, translated as its canonical path
            List<String> canonical = canonicalPath(args);
            found = CliRules.match(canonical);
            if (found.isEmpty()) {
                return CliTranslation.unchanged(argv);
            }
            spelled = args.subList(0, found.get().from().size());
            args = canonical;
        }
        CommandRule rule = found.get();
        if (rule.manual() != null) {
            return new CliTranslation(argv, coded(rule, List.of(rule.manual())), false, true);
        }
        List<String> notes = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        boolean manualDrop = mapFlags(rule, args.subList(rule.from().size(), args.size()), rest, positionals, notes);

        // a command 3.x keeps is left spelt as it was written (`prefect work-queues create`)
        Draft draft = new Draft(spelled != null && rule.to().equals(rule.from()) ? spelled : rule.to(), positionals, rest,
                notes);
        draft.manual = manualDrop;
        if (rule.handler() != null) {
            switch (rule.handler()) {
                case "agent-to-worker" -> agentToWorker(draft, options);
                case "build-to-deploy" -> {
                    buildToDeploy(draft, args, options);
                    if (!draft.keep) {
                        keepOffTheOnlyEntry(draft, options);
                    }
                }
                case "apply-to-deploy" -> applyToDeploy(draft);
                case "set-schedule" -> setSchedule(draft);
                case "all-schedules" -> allSchedules(draft, options);
                case "typed-pool" -> typedPool(draft, options);
                case "queue-needs-pool" -> queueNeedsPool(draft, options);
                case "labels-to-pool" -> labelsToPool(draft, rule.poolType());
                case "run-to-deployment-run" -> runToDeploymentRun(draft);
                default -> throw new IllegalStateException("unknown handler " + rule.handler());
            }
        }
        if (draft.keep) {
            return new CliTranslation(argv, coded(rule, notes), false, true, draft.creates);
        }
        // 2.x put agents in the prefect-agent pool `default-agent-pool`; 3.x workers refuse a pool of that type
        boolean agentPool = !draft.standIn && (draft.value("--pool").filter(AGENT_POOL::equals).isPresent()
                || draft.value("-p").filter(AGENT_POOL::equals).isPresent());
        if (agentPool) {
            String typed = CliOptions.standInPool(options.poolType());
            notes.add("work pool `" + AGENT_POOL + "` is a prefect-agent pool, which Prefect 3 workers refuse; use "
                    + "the typed pool that stands in for it here (--pool " + typed + ", where this rewrite puts the "
                    + "workers and deployments of default-agent-pool; prefect work-pool create " + typed + " --type "
                    + options.poolType() + ")");
            draft.creates.add(new CreatedPool(typed, options.poolType()));
        }
        List<String> out = new ArrayList<>(argv.subList(0, globals));
        draft.global.stream().filter(g -> !out.contains(g)).forEach(out::add);
        out.addAll(draft.command);
        out.addAll(draft.flags);
        boolean changed = !out.equals(argv);
        if (isBuildOnly(rule, args, options)) {
            return new CliTranslation(argv, coded(rule, List.of(buildOnlyNote(args.subList(rule.from().size(), args.size()), out))), false, true);
        }
        return new CliTranslation(changed ? out : argv, coded(rule, notes), changed, agentPool || draft.manual,
                draft.creates);
    }

    /**
     * {@code args} with its command path spelt as Prefect 2.20 names it where it was an alias ({@code deployments
     * build} is {@code deployment build}); as given when it is none, or when the canonical path has other words.
     */
    private static List<String> canonicalPath(List<String> args) {
        PrefectCli cli = PrefectApi.get().cli(PrefectApi.Version.V2);
        List<String> words = args.stream().takeWhile(a -> !a.startsWith("-")).limit(4).toList();
        Optional<String> path = cli.longestPath(words);
        if (path.isEmpty()) {
            return args;
        }
        List<String> canonical = List.of(cli.canonical(path.get()).split(" "));
        int used = path.get().split(" ").length;
        if (canonical.size() != used) {
            return args;
        }
        List<String> out = new ArrayList<>(canonical);
        out.addAll(args.subList(used, args.size()));
        return out;
    }

    /**
     * Whether {@code args} is a 2.x {@code deployment build} that only wrote a deployment file: no {@code --apply},
     * and no apply of its file after it. {@code prefect deploy} would register the deployment on the server (a CI
     * "does it build" step would deploy on every pull request), so such a build is left to a person.
     */
    private static boolean isBuildOnly(CommandRule rule, List<String> args, CliOptions options) {
        if (!"build-to-deploy".equals(rule.handler())) {
            return false;
        }
        List<String> buildArgs = args.subList(rule.from().size(), args.size());
        if (buildArgs.stream().anyMatch(a -> a.equals("-a") || a.equals("--apply"))) {
            return false;
        }
        return BuiltDeploymentFiles.writtenBy(buildArgs)
                .filter(w -> options.appliedLater().stream().anyMatch(a -> BuiltDeploymentFiles.applies(a, w))).isEmpty();
    }

    private static String buildOnlyNote(List<String> buildArgs, List<String> translated) {
        String file = BuiltDeploymentFiles.writtenBy(buildArgs).map(f -> "`" + f + "`")
                .orElse("a deployment YAML");
        return "left as it was: without --apply this build only wrote " + file + " and registered nothing, and no "
                + "later command applies that file. Prefect 3 has no build-only step: `prefect deploy` registers the "
                + "deployment on the server, so a build meant as a check or to produce a YAML file needs a person "
                + "(remove it, or check the flow another way; to register the deployment on purpose: "
                + String.join(" ", translated) + ")";
    }

    /**
     * The notes written as "CODE: ..." with the command's finding code, so that each can be looked up; a note that
     * carries its own code (a handler's about another rule's matter) keeps it.
     */
    private static List<String> coded(CommandRule rule, List<String> notes) {
        return rule.code() == null ? notes : notes.stream()
                .map(n -> n.matches("[A-Z]{2,3}\\d{3}: .*") ? n : rule.code() + ": " + n).toList();
    }

    /**
     * Where the command path starts: after the executable and the options of the {@code prefect} command itself
     * ({@code prefect --no-prompt deploy}, {@code prefect --profile ci agent start}), the same in 2.x and 3.x.
     */
    private static int globalOptionsEnd(List<String> argv) {
        int i = 1;
        while (i < argv.size()) {
            String a = argv.get(i);
            if (a.equals("--no-prompt") || a.equals("--prompt") || a.startsWith("--profile=")) {
                i++;
            } else if ((a.equals("--profile") || a.equals("-p")) && i + 1 < argv.size()) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The command being built: its path, then its arguments in their original order. Positional arguments
     * stay where they were (they are also listed in {@code positionals}, by identity), so a command whose
     * flags need no change prints back exactly as it was.
     */
    private static final class Draft {
        List<String> command;
        /** Options of the {@code prefect} command itself to add in front of the path. */
        final List<String> global = new ArrayList<>();
        /** Whether something the command did must now be done by a person. */
        boolean manual;
        /** Whether the command named default-agent-pool, now the typed pool standing in for it. */
        boolean standIn;
        /** Whether no valid translation exists, so the command stays as written (and is manual). */
        boolean keep;
        final List<String> positionals;
        final List<String> flags;
        final List<String> notes;
        /** The work pools the notes ask to create, with their types (what PoolTypeConflicts compares). */
        final List<CreatedPool> creates = new ArrayList<>();

        Draft(List<String> command, List<String> positionals, List<String> flags, List<String> notes) {
            this.command = new ArrayList<>(command);
            this.positionals = positionals;
            this.flags = flags;
            this.notes = notes;
        }

        // a flag the rules do not know is kept as written, so `--type=process` stays one word: read both forms

        Optional<String> value(String flag) {
            List<String> v = values(flag);
            return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        List<String> values(String flag) {
            List<String> v = new ArrayList<>();
            for (int i = 0; i < flags.size(); i++) {
                if (flags.get(i).equals(flag) && i + 1 < flags.size()) {
                    v.add(flags.get(i + 1));
                } else if (flags.get(i).startsWith(flag + "=")) {
                    v.add(flags.get(i).substring(flag.length() + 1));
                }
            }
            return v;
        }

        boolean has(String flag) {
            return flags.stream().anyMatch(f -> f.equals(flag) || f.startsWith(flag + "="));
        }

        void removeFlag(String flag, boolean withValue) {
            for (int i = 0; i < flags.size(); i++) {
                if (flags.get(i).startsWith(flag + "=")) {
                    flags.remove(i);
                    return;
                }
                if (flags.get(i).equals(flag)) {
                    flags.remove(i);
                    if (withValue && i < flags.size()) {
                        flags.remove(i);
                    }
                    return;
                }
            }
        }

        void addFirst(String flag, String value) {
            flags.add(0, value);
            flags.add(0, flag);
        }
    }

    /** Maps the flags of {@code args} into {@code out}; true when a dropped flag leaves work for a person. */
    private static boolean mapFlags(CommandRule rule, List<String> args, List<String> out, List<String> positionals,
                                    List<String> notes) {
        boolean manual = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            Optional<FlagRule> flag = arg.startsWith("-") ? rule.flag(name) : Optional.empty();
            if (flag.isEmpty()) {
                if (arg.startsWith("-")) {
                    out.add(arg);
                    if (!rule.passthrough()) {
                        notes.add("`" + arg + "` is not a known flag of `prefect " + String.join(" ", rule.from())
                                + "`; it was kept as written");
                    }
                } else if (out.isEmpty() || !takesValue(rule, out.get(out.size() - 1))) {
                    // A distinct object, so that handlers can find this very argument by identity.
                    String positional = new String(arg);
                    positionals.add(positional);
                    out.add(positional);
                } else {
                    out.add(arg);
                }
                continue;
            }
            FlagRule f = flag.get();
            String value = null;
            if (f.takesValue()) {
                value = inlineValue != null ? inlineValue : (i + 1 < args.size() ? args.get(++i) : null);
            }
            if (f.drop() != null) {
                // the note is printed: a dropped --key/--token value or --env SECRET=value shows no secret
                String shown = value == null ? name : name + " " + (credential(f) ? Redactor.MASK : value);
                notes.add("dropped `" + Redactor.redact(shown) + "`: " + f.drop());
                manual |= f.manual();
                continue;
            }
            if (inlineValue != null && f.takesValue()) {
                out.add(f.to() + "=" + inlineValue); // `--cron='0 3 * * *'` stays one word, as the user wrote it
            } else {
                out.add(f.to());
                if (value != null) {
                    out.add(value);
                }
            }
        }
        return manual;
    }

    /** In passthrough mode an unknown flag followed by a plain word may take it as its value. */
    private static boolean takesValue(CommandRule rule, String previous) {
        return previous.startsWith("-") && rule.passthrough() && !previous.contains("=");
    }

    private static void agentToWorker(Draft d, CliOptions o) {
        // 2.x `prefect agent start NAME` took its queue as an argument; a worker takes none
        for (String queue : d.positionals) {
            int at = indexOf(d.flags, queue);
            if (!oneWord(queue, o)) {
                // the worker command would keep the expansion as an argument it rejects: no valid line to write
                d.keep = true;
                d.manual = true;
                d.notes.add("left as it was: `" + queue + "` is given to the agent as it expands (queue names, or "
                        + "flags such as -q NAME), which this rewrite cannot read, and `prefect worker start` takes no "
                        + "argument; write `prefect worker start --pool " + CliOptions.standInPool(o.poolType())
                        + " --type " + o.poolType() + "` with a --work-queue NAME for each queue it holds, or name the "
                        + "typed work pool the deployments use");
                return;
            } else if (at >= 0) {
                d.flags.set(at, "--work-queue");
                d.flags.add(at + 1, queue);
            }
        }
        standInForAgentPool(d, o);
        if ((!d.has("--pool") || d.standIn) && queueRuleDisagreement(d, o)) {
            return;
        }
        // a pool the script itself creates with a worker type above is no prefect-agent pool: the worker serves it
        // as it is, with that type
        Optional<String> created = d.value("--pool").filter(pool -> !d.standIn).map(o.typedPools()::get);
        if (created.isPresent() && !d.has("--type")) {
            d.flags.add("--type");
            d.flags.add(created.get());
            return;
        }
        d.value("--pool").filter(pool -> !d.standIn).ifPresent(pool -> {
            d.notes.add("the agent's pool `" + pool + "` is a prefect-agent pool (the only type 2.x agents poll), which "
                    + "Prefect 3 workers refuse: recreate it typed (prefect work-pool delete " + pool + "; prefect "
                    + "work-pool create " + pool + " --type " + o.poolType() + ") and re-deploy its deployments, or give "
                    + "the worker a new typed pool");
            d.creates.add(new CreatedPool(pool, o.poolType()));
        });
        String type = o.poolType();
        if (!d.has("--pool") || d.standIn) {
            // 2.x agents without --pool polled their queues in default-agent-pool: one typed pool stands in for it,
            // every queue kept, and the deployments translated here (no pool, a queue) deploy to the same pool
            List<String> queues = d.values("--work-queue");
            String standIn = CliOptions.standInPool(o.poolType());
            // unless the project's deployments of those queues all moved to one pool, named after their block; a
            // queue given through a variable of one known value (-q $QUEUE, QUEUE: etl in the CI variables) is that
            // queue, as the scan's PF203 reads it (AgentQueuePoolResolver)
            List<String> named = queues.stream().map(q -> known(q, o).orElse(q)).toList();
            Optional<DeploymentPool> agreed = o.queuePools().agreed(named);
            String pool = agreed.map(DeploymentPool::name).orElse(standIn);
            type = agreed.map(DeploymentPool::type).orElse(type);
            if (d.standIn) {
                String from = standIn;
                d.flags.replaceAll(f -> f.equals(from) ? pool : f.equals("--pool=" + from) ? "--pool=" + pool : f);
            } else {
                // after the agent's own flags, so that a command written over several lines keeps them where they were
                d.flags.add("--pool");
                d.flags.add(pool);
            }
            String polling = queues.isEmpty() ? " (the agent named no queue: the worker polls every queue of the pool)"
                    : ", polling " + (queues.size() == 1 ? "queue `" + queues.get(0) + "`" : "queues `"
                    + String.join("`, `", queues) + "`") + " as the agent did";
            if (agreed.isPresent()) {
                d.notes.add("the worker serves work pool `" + pool + "` (type " + type + "), where the deployments of "
                        + "the agent's " + (queues.size() == 1 ? "queue" : "queues") + " were moved"
                        + (agreed.get().standsIn() ? ", which stands in for the agent's default-agent-pool"
                        : " (named after their infrastructure block)") + polling + "; create it first: prefect "
                        + "work-pool create " + pool + " --type " + type);
                d.creates.add(new CreatedPool(pool, type));
            } else {
                d.notes.add("the worker serves work pool `" + pool + "`, which stands in for the agent's default-agent-pool"
                        + (d.standIn ? " (a prefect-agent pool, which Prefect 3 workers refuse)" : "") + polling
                        + "; deployments that named no pool deploy there too; create it first: prefect work-pool create "
                        + pool + " --type " + o.poolType());
                d.creates.add(new CreatedPool(pool, o.poolType()));
                severalPools(d, o.queuePools().movedTo(named), queues, pool);
            }
        }
        if (!d.has("--type")) {
            d.flags.add("--type");
            d.flags.add(type);
        }
    }

    /**
     * Whether a queue the agent polls ({@code -q $QUEUE}) reads a variable whose value the GitLab {@code rules:} of its
     * job disagree on ({@link dev.migrate.analyzers.sources.config.OutsideValues#ruleDisagreement}), while the pools
     * the project's queues moved to are known: the worker's pool follows where the deployments of its queue moved, so
     * one pool written here (the stand-in, as for a variable no one sets) is wrong for the runs of some rules. Then the
     * command is left as it was, with a note naming each rule's value. Without any known queue pool every value gets
     * the stand-in, which is then right for every run.
     */
    private static boolean queueRuleDisagreement(Draft d, CliOptions o) {
        if (o.queuePools().isEmpty()) {
            return false;
        }
        for (String queue : d.values("--work-queue")) {
            Optional<String> said = known(queue, o).isPresent() ? Optional.empty() : o.outside().ruleDisagreement(queue);
            if (said.isPresent()) {
                d.keep = true;
                d.manual = true;
                d.notes.add("left as it was: " + said.get() + "; the work pool the worker serves follows where the "
                        + "deployments of its queue moved, so one pool written here would be wrong for the runs of "
                        + "the other rules: give each rule's value its own job (or line) and worker, or write the "
                        + "worker's pool by hand (prefect worker start --pool POOL --type TYPE --work-queue "
                        + queue + ")");
                return true;
            }
        }
        return false;
    }

    /**
     * When the deployments of the agent's queues moved to several pools (2.x agents ran every block of their queue, a
     * worker serves one pool), the worker keeps the stand-in ({@code served}) and the note asks for a worker for each
     * other pool.
     */
    private static void severalPools(Draft d, List<DeploymentPool> pools, List<String> queues, String served) {
        if (pools.size() < 2) {
            return;
        }
        d.manual = true;
        String flags = queues.stream().map(q -> " --work-queue " + q).collect(java.util.stream.Collectors.joining());
        boolean used = pools.stream().anyMatch(p -> p.name().equals(served));
        d.notes.add("the deployments of " + (queues.size() == 1 ? "queue `" + queues.get(0) + "`" : "queues `"
                + String.join("`, `", queues) + "`") + " were moved to " + pools.size() + " work pools, one per "
                + "infrastructure block (the 2.x agent ran every block of its queues; a Prefect 3 worker serves one "
                + "pool): this worker serves `" + served + "`" + (used ? "" : ", which none of them uses") + "; run one "
                + "worker for each " + (used ? "other " : "") + "pool: " + pools.stream().filter(p -> !p.name().equals(served))
                .map(p -> "prefect worker start --pool " + p.name() + " --type " + p.type() + flags)
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    /**
     * Whether {@code word} is known as the command gets it: no expansion, or one that the command gets as exactly
     * one argument ({@code "$QUEUE"} in double quotes, an item of an exec-form list). The words here are the
     * shell's values, quotes gone, so those are told apart by the caller ({@link CliOptions#wholeWords()}); an
     * unquoted {@code $queues} may split into several words, flags included.
     */
    private static boolean oneWord(String word, CliOptions o) {
        return !word.contains("$") && !word.contains("`") || o.wholeWords().contains(word);
    }

    /** Where {@code word}, this very object, is in {@code words}; -1 when it is not. */
    private static int indexOf(List<String> words, String word) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i) == word) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An explicit {@code --pool default-agent-pool}, 2.x's pool for agents and for deployments that named none,
     * names the typed pool that stands in for it, as when no pool is named (workers refuse the prefect-agent pool).
     */
    private static void standInForAgentPool(Draft d, CliOptions o) {
        String typed = CliOptions.standInPool(o.poolType());
        for (int i = 0; i < d.flags.size(); i++) {
            String f = d.flags.get(i);
            if (f.equals("--pool") && i + 1 < d.flags.size() && d.flags.get(i + 1).equals(AGENT_POOL)) {
                d.flags.set(i + 1, typed);
                d.standIn = true;
            } else if (f.equals("--pool=" + AGENT_POOL)) {
                d.flags.set(i, "--pool=" + typed);
                d.standIn = true;
            }
        }
    }

    private static void buildToDeploy(Draft d, List<String> originalArgs, CliOptions o) {
        // before the dotted paths are nested: a path into the command is no key of a mapping
        d.manual |= CommandOverrides.convert(d.flags, d.notes);
        d.manual |= DottedJobVariables.nest(d.flags, d.notes);
        Optional.ofNullable(flagValue(originalArgs, "-sb", "--storage-block"))
                .flatMap(sb -> savedStorage(d, known(sb, o).orElse(sb), originalArgs.contains("--skip-upload"), o)
                        .or(() -> StorageBlockPullSteps.note(known(sb, o).orElse(sb), originalArgs.contains("--skip-upload")))
                        .map(note -> known(sb, o).map(v -> note.replaceFirst(java.util.regex.Pattern.quote("`" + v + "`"),
                                java.util.regex.Matcher.quoteReplacement("`" + v + "` (" + valueOf(sb, o) + ")")))
                                .orElse(note))
                        // the block's name is in the repository's settings, not in it: say where to read it
                        .or(() -> o.outside().of(sb).map(where -> "the storage block " + where + ": read its name "
                                + "there and give this deployment's entry in prefect.yaml the pull steps that fetch its code")))
                .ifPresent(d.notes::add);
        neverPrompt(d);
        CliAnchorDate.explicit(d.flags).ifPresent(d.notes::add);
        if (d.has("--cron") || d.has("--interval") || d.has("--rrule")) {
            // 3.8.3 prefect/cli/deploy/_config.py: the entry of ./prefect.yaml that is picked (the only one, or the
            // one named) takes the flags, and each schedule flag is appended to the entry's own `schedules`
            d.notes.add(SCHEDULES_ADDED_TO_ENTRY);
        }
        boolean agentPool = d.value("--pool").filter(AGENT_POOL::equals).isPresent();
        if (d.has("--pool") && !agentPool) {
            return;
        }
        String infraWord = flagValue(originalArgs, "-ib", "--infra-block");
        if (ruleDisagreement(d, o, infraWord, flagValue(originalArgs, "-i", "--infra"))) {
            return;
        }
        // a block named through a variable the script or pipeline sets above (INFRA=kubernetes-job/prod) is that block
        String infra = known(infraWord, o).orElse(infraWord);
        DeploymentPool target;
        // the one certain save of that block in the run's scripts: its settings become the deployment's job variables
        SavedBlocks.Lookup save = infra != null && infra.contains("/") ? o.savedBlocks().apply(infra)
                : new SavedBlocks.Lookup(Optional.empty(), null);
        if (infra != null && infra.contains("/")) {
            String slug = save.usable().map(SavedBlocks.Saved::slug).orElse(infra.substring(0, infra.indexOf('/')));
            target = DeploymentPool.of(PrefectBlockClasses.poolTypeOfSlug(slug).orElse(o.poolType()),
                    infra.substring(infra.indexOf('/') + 1));
        } else {
            // -i TYPE: an anonymous block of that type; without either, 2.x built with a Process block
            String infraTypeWord = flagValue(originalArgs, "-i", "--infra");
            String infraType = known(infraTypeWord, o).orElse(infraTypeWord);
            // the 2.x slugs and the pool types replacing them are the scan's data (prefect-2-block-classes.yaml)
            target = DeploymentPool.of(infraType == null ? o.poolType()
                    : PrefectBlockClasses.poolTypeOfSlug(infraType).orElse(o.poolType()), null);
        }
        // named as the scan's DeploymentPool names it, which the agents' workers and the cutover read too
        String pool = target.name();
        String type = target.type();
        if (infra == null || !infra.contains("/")) {
            // the block's name is in the repository's settings, not in it: say where to read it
            Optional.ofNullable(infraWord).flatMap(w -> o.outside().of(w)).ifPresent(where -> d.notes.add("the "
                    + "infrastructure block " + where + ": read its name there and use a work pool named after it"));
        }
        if (agentPool) {
            // 2.x's pool for deployments that named none: the same pool as when none is named
            d.flags.replaceAll(f -> f.equals(AGENT_POOL) ? pool : f.equals("--pool=" + AGENT_POOL) ? "--pool=" + pool : f);
            d.standIn = true;
        } else {
            d.addFirst("--pool", pool);
        }
        Optional<String> queue = d.value("--work-queue");
        d.notes.add("deploys to work pool `" + pool + "`" + (infra != null && infra.contains("/")
                ? " (named after infrastructure block `" + infra + "`" + (infra.equals(infraWord) ? ""
                        : ", " + valueOf(infraWord, o)) + ")"
                : ", which stands in for default-agent-pool" + queue.map(q -> " (work queue `" + q + "` kept)").orElse(""))
                + "; create it first: prefect work-pool create " + pool + " --type " + type
                // a 2.x agent ran every block's runs of its queue; a worker serves its own pool only, and the agent's
                // worker serves the stand-in pool: nothing would pick these runs up
                + (infra != null && infra.contains("/") ? ", and run a worker for it (prefect worker start --pool " + pool
                        + "): the 2.x agent polling its queue ran every block's runs, a Prefect 3 worker serves only "
                        + "its own pool" : ""));
        d.creates.add(new CreatedPool(pool, type));
        SavedBlockJobVariables.Carried carried = SavedBlockJobVariables.of(infra, save, d.flags);
        for (String value : carried.flags()) {
            d.flags.add(JobVariableFlags.FLAG);
            d.flags.add(value);
        }
        if (carried.note() != null) {
            d.notes.add(carried.note());
        }
        d.manual |= carried.manual();
    }

    /**
     * Whether the build's infrastructure ({@code -ib} block, else {@code -i} type) reads a variable whose value the
     * GitLab {@code rules:} of its job disagree on ({@link dev.migrate.analyzers.sources.config.OutsideValues#ruleDisagreement}):
     * then the command is left as it was, with a note naming each rule's value, rather than deployed to the stand-in
     * pool of an unknown block. The pool is named after the block, so one written pool is wrong for some runs.
     */
    private static boolean ruleDisagreement(Draft d, CliOptions o, String infraWord, String infraTypeWord) {
        String word = infraWord != null ? infraWord : infraTypeWord;
        if (word == null || known(word, o).isPresent()) {
            return false;
        }
        Optional<String> said = o.outside().ruleDisagreement(word);
        if (said.isEmpty()) {
            return false;
        }
        d.keep = true;
        d.manual = true;
        d.notes.add("left as it was: " + said.get() + "; the work pool `prefect deploy --pool` names follows the "
                + (infraWord != null ? "infrastructure block" : "infrastructure type") + ", so one pool written here "
                + "would be wrong for the runs of the other rules: give each rule's value its own job (or line) and "
                + "pool, or write the pool by hand");
        return true;
    }

    /**
     * PF229: without prompts, Prefect 3 deploys the only entry of the prefect.yaml it reads whatever {@code --name}
     * says, under that name ({@link OnlyEntryDeploys}); the 2.x build read no prefect.yaml. Where every line of this
     * build runs next to such a file, {@code --prefect-file /dev/null} keeps it so: Prefect reads no deployment and no
     * step from a file it cannot read or that holds no mapping (3.x {@code _load_deploy_configs_and_actions} skips it
     * with a warning; where there is no {@code /dev/null} the missing file is skipped alike), and deploys the command's
     * own options, as it does where there is no prefect.yaml. Where only some lines meet one, a person says which.
     */
    private static void keepOffTheOnlyEntry(Draft d, CliOptions o) {
        List<String> names = d.values("--name");
        Optional<String> entrypoint = d.positionals.stream().filter(p -> p.contains(":")).findFirst();
        if (names.size() != 1 || entrypoint.isEmpty() || d.has("--prefect-file")) {
            return; // Prefect picks by name among several, and a file named already is the one it reads
        }
        OnlyEntryDeploys.Reading reading = o.onlyEntries().of(entrypoint.get(), names.get(0));
        Optional<OnlyEntryDeploys.Verdict> trapped = reading.firstTrapped();
        if (trapped.isEmpty()) {
            return;
        }
        String what = trapped.get().file() + " holds one deployment, '" + trapped.get().onlyEntry() + "', which `prefect"
                + " --no-prompt deploy` deploys whatever --name says, as '" + names.get(0) + "', with that entry's"
                + " schedules, work pool, parameters and pull steps";
        if (reading.allTrapped()) {
            d.flags.add("--prefect-file");
            d.flags.add(NO_DEPLOYMENT_FILE);
            d.notes.remove(SCHEDULES_ADDED_TO_ENTRY); // no entry of prefect.yaml is read now
            d.notes.add("PF229: `--prefect-file " + NO_DEPLOYMENT_FILE + "`: where this command runs, " + what + "; the"
                    + " 2.x build read no prefect.yaml, and this keeps Prefect from reading one. To deploy it from"
                    + " prefect.yaml instead, give it an entry of its own there and drop the option");
        } else {
            d.manual = true;
            d.notes.add("PF229: this build runs in several places, and in one " + what + "; where it runs next to that"
                    + " file, add `--prefect-file " + NO_DEPLOYMENT_FILE + "` (the 2.x build read no prefect.yaml), or"
                    + " give this deployment an entry of its own there");
        }
    }

    /**
     * The note for a storage block ({@code -sb github/repo}, {@code -sb s3/etl/flows}) that one script of the run
     * saves with literal settings: the pull step fetching the code from the saved repository or bucket. A save that
     * cannot be taken as it is leaves the usual note, and a second one says why, as the scan's PF206 does.
     */
    private static Optional<String> savedStorage(Draft d, String storageBlock, boolean skippedUpload, CliOptions o) {
        String[] parts = storageBlock.split("/", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        String reference = parts[0] + "/" + parts[1];
        SavedBlocks.Lookup save = o.savedBlocks().apply(reference);
        if (save.problem() != null) {
            d.manual = true;
            d.notes.add("PF206: the project saves storage block `" + reference + "`, but " + save.problem()
                    + ": its repository or bucket is not copied into the pull step");
        }
        return save.usable().flatMap(s -> StorageBlockPullSteps.savedNote(storageBlock, s, skippedUpload));
    }

    /**
     * Where the value of the variable {@code word} refers to comes from, for a note: "the value of $INFRA set above",
     * or "set in scripts/env.sh:3" when a file the command's own file reads sets it; make's {@code $$INFRA} shown as
     * the shell's {@code $INFRA}.
     */
    private static String valueOf(String word, CliOptions o) {
        return "the value of " + LiteralVariables.shown(word) + " set "
                + o.outside().setIn(word).map(where -> "in " + where).orElse("above");
    }

    /** The literal value {@code word} stands for when it is a reference to a variable set above ({@link CliOptions#variables()}). */
    private static Optional<String> known(String word, CliOptions o) {
        return LiteralVariables.resolve(word, o.variables());
    }

    private static String flagValue(List<String> args, String shortName, String longName) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals(shortName) || a.equals(longName)) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(longName + "=")) {
                return a.substring(longName.length() + 1);
            }
        }
        return null;
    }

    /**
     * 2.x {@code deployment build} and {@code apply} never asked anything; 3.x {@code prefect deploy} asks, when it
     * runs on a terminal, whether to build an image, where workers pull the code from and whether to save a
     * prefect.yaml (3.8.3 {@code prefect/cli/deploy/_core.py}, each behind {@code is_interactive()}). A script
     * run by hand, or by CI with a terminal, would stop there; the root option {@code --no-prompt}
     * (3.8.3 {@code prefect/cli/_app.py}) keeps it unattended whatever runs it.
     */
    private static void neverPrompt(Draft d) {
        d.global.add("--no-prompt");
    }

    /**
     * {@code prefect deploy} reads {@code ./prefect.yaml}; ConvertDeploymentYamlToPrefectYaml moves a 2.x deployment
     * file into the prefect.yaml of the file's own directory. An apply of {@code flows/etl-deployment.yaml} therefore
     * deploys {@code --prefect-file flows/prefect.yaml}: {@code --all} alone found no prefect.yaml there, or deployed
     * another one. The command still runs where the apply ran, the directory the 2.x entrypoints are relative to.
     */
    private static void applyToDeploy(Draft d) {
        neverPrompt(d);
        if (!d.positionals.isEmpty()) {
            Optional<String> dir = DeploymentFileDirectory.of(d.positionals);
            boolean elsewhere = dir.filter(x -> !x.isEmpty()).isPresent();
            d.notes.add("`" + String.join(" ", d.positionals) + "` is a 2.x deployment file that 3.x cannot read;"
                    + " its deployment must become an entry in " + (elsewhere ? dir.get() + "/" : "") + "prefect.yaml (recipe ConvertDeploymentYamlToPrefectYaml)"
                    + (elsewhere ? ", which this command now deploys" : ""));
            d.flags.removeIf(a -> d.positionals.stream().anyMatch(p -> p == a));
            if (dir.isEmpty()) {
                d.manual = true;
                d.notes.add("the files applied here are not in one known directory (" + String.join(" ", d.positionals)
                        + "): deploy each directory's prefect.yaml with `prefect deploy --all --prefect-file DIR/prefect.yaml`");
            } else if (elsewhere) {
                d.flags.add("--prefect-file");
                d.flags.add(DeploymentFileDirectory.prefectYamlIn(dir.get()));
            }
            d.positionals.clear();
        }
    }

    private static void setSchedule(Draft d) {
        CliAnchorDate.explicit(d.flags).ifPresent(d.notes::add);
        if (d.has("--no-schedule")) {
            d.command = new ArrayList<>(List.of("deployment", "schedule", "clear"));
            d.flags.removeIf(a -> d.positionals.stream().noneMatch(p -> p == a));
            d.flags.add("-y");
            return;
        }
        d.flags.add("--replace");
        d.flags.add("-y");
    }

    private static void allSchedules(Draft d, CliOptions o) {
        if (o.targetMinor() >= 5) {
            d.flags.add("--all");
        } else {
            d.notes.add("before 3.4.18 each schedule is paused or resumed by id: list them with"
                    + " `prefect deployment schedule ls NAME`");
        }
    }

    private static void typedPool(Draft d, CliOptions o) {
        if (!d.has("--type") && !d.has("-t")) {
            d.flags.add("--type");
            d.flags.add(o.poolType());
            d.notes.add("Prefect 3 has no default pool type (it prompts for one, and fails where nothing can answer);"
                    + " chose --type " + o.poolType() + ", the type of the workers standing in for the agents");
            return;
        }
        // an explicit prefect-agent type: the pool only 2.x agents polled
        String flag = d.has("--type") ? "--type" : "-t";
        if (d.value(flag).filter("prefect-agent"::equals).isPresent()) {
            d.manual = true;
            String pool = d.positionals.isEmpty() ? "the pool" : "`" + d.positionals.get(0) + "`";
            // the scan reports an agent-typed pool as BHV005, not as the missing type of the command's own code
            d.notes.add("BHV005: " + pool + " would be a prefect-agent pool, which Prefect 3 workers refuse: create it with the "
                    + "type of the worker that will serve it (--type " + o.poolType() + ", docker, kubernetes, ...)");
        }
    }

    /**
     * A Prefect 1 agent served runs whose labels its own labels covered; a worker serves one work pool. The pool
     * is named after the agent's labels, as the flow conversion names pools after the run config's labels.
     */
    private static void labelsToPool(Draft d, String type) {
        List<String> labels = d.values("--label");
        while (d.has("--label")) {
            d.removeFlag("--label", true);
        }
        String pool = labels.isEmpty() ? "default-" + type + "-pool" : String.join("-", labels);
        d.addFirst("--pool", pool);
        d.flags.add("--type");
        d.flags.add(type);
        d.notes.add("the worker serves work pool `" + pool + "`" + (labels.isEmpty() ? "" : " (named after the agent's"
                + " labels " + labels + ")") + "; deployments whose run config had these labels target it; create it"
                + " first: prefect work-pool create " + pool + " --type " + type);
        d.creates.add(new CreatedPool(pool, type));
    }

    /** {@code prefect run -n FLOW} runs the deployment the flow conversion named after the flow. */
    private static void runToDeploymentRun(Draft d) {
        Optional<String> flow = d.value("--name");
        if (flow.isEmpty()) {
            d.notes.add("name the deployment to run: prefect deployment run FLOW/DEPLOYMENT");
            return;
        }
        d.removeFlag("--name", true);
        d.command.add(flow.get() + "/" + flow.get());
        d.notes.add("runs deployment `" + flow.get() + "/" + flow.get() + "` (the flow conversion names each deployment"
                + " after its flow)");
    }

    /**
     * Without {@code --pool} the queue lands in default-agent-pool, which no 3.x worker serves: it goes to the typed
     * pool standing in for it, where the translated agents and deployments that named no pool are.
     */
    private static void queueNeedsPool(Draft d, CliOptions o) {
        if (!d.has("--pool") && !d.has("-p")) {
            String pool = CliOptions.standInPool(o.poolType());
            d.flags.add("--pool");
            d.flags.add(pool);
            d.notes.add("without --pool the queue would land in default-agent-pool, which no 3.x worker serves: it is "
                    + "created in work pool `" + pool + "`, which stands in for it (prefect work-pool create " + pool
                    + " --type " + o.poolType() + " first)");
            d.creates.add(new CreatedPool(pool, o.poolType()));
        }
    }

    /** An option whose value is a credential (Prefect 1's agent --key/-k and --token/-t took an API key). */
    private static boolean credential(FlagRule f) {
        return f.names().stream().anyMatch(n -> n.matches("--(key|token|password|secret|api-key|apikey)"));
    }
}
