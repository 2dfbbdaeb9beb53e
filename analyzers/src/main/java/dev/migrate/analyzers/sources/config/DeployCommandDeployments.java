package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code prefect deploy flows/etl.py:etl -n NAME} names a deployment, as its own name ({@code -n nightly}) or as
 * {@code FLOW/DEPLOYMENT} ({@code -n etl/nightly}): Prefect matches either against the {@code deployments[].name} of
 * the prefect.yaml it reads (the one where it runs, or its {@code --prefect-file}), the flow part against the FUNCTION
 * of the entry's entrypoint with {@code -} read as {@code _} (never its {@code @flow(name=...)}: 3.x
 * {@code prefect/cli/deploy/_config.py}, {@code _filter_matching_deploy_config}), and deploys that entry with the
 * command's options over it. The command
 * line detector lists the command and the prefect.yaml detector the entry: two jobs for one deployment, under two
 * names ({@code nightly} and {@code etl/nightly}). This pass makes them one: the entry the command deploys (same
 * deployment name, the function {@code -n} names, if any, the entry's, in the file the command reads from where it
 * runs, {@link CommandDirectory}; of the same flow: the same entrypoint, {@code ./} aside, or one of the entry's flow's
 * name, as the command's entrypoint replaces the entry's) stays the job, with its id, its {@code FLOW/DEPLOYMENT} name and its
 * {@code deploymentName}, by which cutover keys it: the command job's key too for {@code -n nightly}; for
 * {@code -n etl/nightly}, the command's old key is the entry's FLOW/DEPLOYMENT name where the flow is named after
 * its function, which cutover accepts as well.
 * The command's options apply as Prefect applies them ({@link DeployCommandOptions}): its schedules are added to the
 * entry's, its {@code --timezone} and {@code --anchor-date} set on the entry's too, its pool and queue replace the
 * entry's where it gives them; {@code deployment.deployedBy} says where it runs, and its findings move to the entry.
 * A command without an entrypoint ({@code -n nightly}, {@code --all}) deploys the entries Prefect picks by name alone
 * ({@link DeployNameSelection#picked}), linked the same way; the job that stood for it goes.
 *
 * <p>A command of no entry is a deployment of its own, which Prefect names {@code FLOW/DEPLOYMENT} as it names every
 * deployment: the deployment part of {@code -n} ({@code prefect deploy} drops a {@code FLOW/} prefix, 3.8.3
 * {@code prefect/cli/deploy/_commands.py}) under the entrypoint's flow, whose name is its {@code @flow(name=...)} or
 * the function's name with {@code _} as {@code -} ({@link CommandFlowNames}). A bare {@code -n nightly} keeps its
 * key, {@code nightly} (its {@code deploymentName}, as an entry's); a {@code -n a/nightly} is keyed by its name, as
 * before, so that it does not come to share a key with any {@code -n b/nightly} (a new one only where {@code a} is not
 * the entrypoint's flow, whose deployment that name never was).
 *
 * <p>A Prefect 2 {@code prefect deployment build flows/etl.py:etl -n nightly} is named the same way, {@code FLOW/nightly}
 * keyed by {@code nightly}: Prefect 2's server names its deployments {@code FLOW/DEPLOYMENT} as well, and
 * {@code migrate rewrite} makes the line the {@code prefect deploy flows/etl.py:etl --name nightly} above, which the scan
 * must name as it named the build. A build merged with the file it writes keeps the file's name, and is keyed by its
 * deployment's own name as well ({@link BuiltDeploymentFileMerger}).
 *
 * <p>Which entries a command deploys is Prefect's pick ({@link DeployNameSelection}): a {@code --name 'etl-*'} pattern
 * deploys every entry it matches (several as the file says them, one with the command's options); a command without
 * prompts ({@code --no-prompt}, a CI job) of a file of one entry deploys that entry whatever the name says, under the
 * command's name, so a command of another name is a deployment of its own that the entry configures
 * ({@code deployment.config}); so is a command of the entry's name whose entrypoint is another flow's. A {@code -n "$NAME"} is read as the command line detector read it: the value the scan
 * proves, else the text, which stays the job's name as its build line's does. After a {@code cd} to an absolute
 * directory, the prefect.yaml read is the one whose pull steps move into it ({@link PullDirectories}).
 */
public final class DeployCommandDeployments implements JobResolver {
    /** Where the prefect.yaml of a command's deployment is looked for: the files the command line detector reads. */
    private final BuiltDeploymentFileMerger commandFiles = new BuiltDeploymentFileMerger();

    /** The files the command line detector reads, and Dockerfiles: whether a command prompts depends on where it runs. */
    @Override
    public boolean wants(String path) {
        return commandFiles.wants(path) || PrefectCliLineDetector.isDockerfile(path.substring(path.lastIndexOf('/') + 1));
    }

    /**
     * A YAML file a pipeline may include ({@link BuiltDeploymentFileMerger#keeps}), and the compose files and Kubernetes
     * manifests whose services and containers run commands: whether one has a terminal is read there
     * ({@link CommandTerminal}).
     */
    @Override
    public boolean keeps(ScanFile file) {
        return commandFiles.keeps(file) || CommandTerminal.mayRunContainers(file);
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null);
    }

    /** As {@link #resolve(List, List, List)}, reading the entrypoints' Python from the tree at {@code base} to name flows. */
    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, java.nio.file.Path base) {
        CommandFlowNames flowNames = new CommandFlowNames(new UnscannedTexts(base));
        Map<String, ScanFile> byPath = new HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        UnscannedTexts unscanned = new UnscannedTexts(base);
        withEnvironmentPools(jobs, p -> byPath.containsKey(p) ? byPath.get(p).text() : unscanned.apply(p));
        List<Job> commands = jobs.stream().filter(j -> deploy(j).isPresent()).sorted(Comparator.comparing(Job::source)).toList();
        UnscannedTexts texts = new UnscannedTexts(base);
        // each command deploys an entry as its file says it, never as another command left it
        EntryDeployments deployments = new EntryDeployments(jobs, DeployCommandDeployments::isEntry);
        for (Job command : jobs.stream().filter(DeployCommandDeployments::selection).sorted(Comparator.comparing(Job::source))
                .toList()) {
            linkSelection(jobs, findings, command, byPath.get(command.source().path()), texts, flowNames, byPath, deployments);
        }
        for (Job command : commands) {
            PrefectInvocation inv = deploy(command).orElseThrow();
            String given = nameRead(inv, command);
            int slash = given.indexOf('/');
            String flow = slash < 0 ? null : given.substring(0, slash);
            String deployment = given.substring(slash + 1);
            List<Job> entries = entriesRead(jobs, inv, command, byPath, texts).stream().map(deployments::original).toList();
            List<Job> picked = picked(entries, command, byPath, texts, inv, given);
            if (picked.size() > 1) {
                // a pattern of several entries: Prefect deploys each as the file says, ignoring the command's options
                for (Job e : picked) {
                    deployments.deployed(jobs, command, deployedBy(e, command));
                }
                jobs.remove(command);
                moveFindings(findings, command, picked.get(0).id()); // with the first entry it deploys
            } else if (picked.size() == 1 && (DeployNameSelection.isPattern(given) || deployment.equals(nameOf(picked.get(0))))
                    && sameFlow(picked.get(0), inv, flowNames, directories(command, byPath))) {
                Job entry = picked.get(0);
                Job merged = merge(entry, command, inv);
                if (entry.attributes().get("entrypoint") == null && nameOf(entry) != null) {
                    // the entry's flow is the command's: named FLOW/DEPLOYMENT as an entry of that entrypoint is
                    Job unnamed = merged;
                    merged = flowNames.of(inv.entrypoint().orElseThrow(), directories(command, byPath))
                            .map(f -> named(unnamed, f, null, nameOf(entry))).orElse(merged);
                }
                deployments.deployed(jobs, command, merged);
                jobs.remove(command);
                moveFindings(findings, command, merged.id());
            } else {
                // an entry deployed under the command's name (the file's only one, --no-prompt) or from the command's
                // entrypoint of another flow: a deployment of its own, which the entry configures where the command
                // does not; the entry stays the one its own name deploys
                Job job = picked.size() == 1 ? configuredBy(command, picked.get(0), inv) : command;
                jobs.set(jobs.indexOf(command), job);
                if (picked.size() == 1 && !DeployNameSelection.isPattern(given) && !deployment.equals(nameOf(picked.get(0)))) {
                    findings.add(Findings.of("PF229", onlyEntryMessage(deployment, picked.get(0)),
                            command.source(), command.id()));
                }
                // a pattern of one entry deploys it under that entry's name
                String deployed = picked.size() == 1 && DeployNameSelection.isPattern(given) ? nameOf(picked.get(0)) : deployment;
                if (!given.contains("$") && !DeployNameSelection.isPattern(deployed)) {
                    // a name the scan could not read, or a pattern of no entry, stays as written, as its build line's does
                    flowNames.of(inv.entrypoint().orElseThrow(), directories(command, byPath))
                            .ifPresent(name -> jobs.set(jobs.indexOf(job), named(job, name, flow, deployed)));
                }
            }
        }
        deployments.finish(jobs, findings);
        for (Job build : jobs.stream().filter(j -> build(j).isPresent()).sorted(Comparator.comparing(Job::source)).toList()) {
            // Prefect 2's server names it FLOW/DEPLOYMENT too, and the rewrite makes it the `prefect deploy` named above:
            // the same flow reading from the same directories, so the scan names it alike before and after
            flowNames.of(build(build).orElseThrow().entrypoint().orElseThrow(), directories(build, byPath))
                    .ifPresent(name -> jobs.set(jobs.indexOf(build), named(build, name, null, build.name())));
        }
    }

    /**
     * {@code prefect deploy -n NAME}, {@code --name 'etl-*'}, {@code --all} (no entrypoint): the entries Prefect picks
     * ({@link DeployNameSelection#picked}) are the jobs; several are deployed as the file says them, one with the
     * command's options ({@link DeployCommandOptions}), under the command's name where it gives one name that is not the
     * entry's (the file's only entry, without prompts: a deployment of its own, PF229). The command's job, which only
     * stood for the command, goes: where it deploys no entry the scan knows, it lists nothing, as before.
     */
    private void linkSelection(List<Job> jobs, List<Finding> findings, Job command, ScanFile script,
                               java.util.function.Function<String, String> texts, CommandFlowNames flowNames,
                               Map<String, ScanFile> byPath, EntryDeployments deployments) {
        PrefectInvocation inv = PrefectInvocation.find(command.command()).stream()
                .filter(i -> i.path().equals("deploy")).findFirst().orElse(null);
        jobs.remove(command);
        if (inv == null) {
            return;
        }
        String given = command.attributes().getOrDefault(PrefectCommandReport.SELECTED_NAMES, "");
        List<String> names = given.isEmpty() ? List.of() : List.of(given.split("\n"));
        List<Job> entries = entriesRead(jobs, inv, command, byPath, texts).stream().map(deployments::original).toList();
        List<String> parsed = DeployNameSelection.parsed(names, entries);
        List<Job> picked = DeployNameSelection.picked(entries, parsed,
                command.attributes().containsKey(PrefectCommandReport.SELECTS_ALL), DeployNameSelection.noPrompt(command, script, byPath, texts));
        if (picked.size() > 1) {
            // Prefect's multi-deploy: each as the file says it, the command's options ignored; an unnamed entry is
            // skipped, and one without an entrypoint fails the command there (_run_multi_deploy): not deployed by it
            picked.stream().distinct().filter(DeployCommandDeployments::deployable)
                    .forEach(e -> deployments.deployed(jobs, command, deployedBy(e, command)));
            return;
        }
        if (picked.isEmpty() || picked.get(0).attributes().get("entrypoint") == null) {
            return; // without an entrypoint in the entry or the command, Prefect deploys nothing (it asks for one)
        }
        Job entry = picked.get(0);
        String deployment = parsed.size() == 1 ? parsed.get(0).substring(parsed.get(0).indexOf('/') + 1) : nameOf(entry);
        if (deployment.equals(nameOf(entry))) {
            deployments.deployed(jobs, command, merge(entry, command, inv));
            return;
        }
        Job own = configuredBy(command, entry, inv);
        String entrypoint = entry.attributes().get("entrypoint");
        jobs.add(flowNames.of(entrypoint, directories(command, byPath))
                .filter(f -> !deployment.contains("$")).map(f -> named(own, f, null, deployment)).orElse(own));
        findings.add(Findings.of("PF229", onlyEntryMessage(deployment, entry), command.source(), own.id()));
    }

    /**
     * A {@code prefect deploy} without {@code --pool} whose job carries its environment (a compose service's
     * {@code environment:}, a container's {@code env:}) setting the option's default ({@link DefaultWorkPool}): that
     * pool, as if given; for a compose service's command, else the files its {@code env_file:} loads
     * ({@link DefaultWorkPool#fromEnvFiles}, read through {@code files}); for a shell script's, else the systemd units
     * that run the script ({@link DefaultWorkPool#fromUnits}). The command line detector gave the commands of scripts
     * and pipelines the settings they set themselves already.
     */
    private static void withEnvironmentPools(List<Job> jobs, java.util.function.Function<String, String> files) {
        List<Job> units = jobs.stream().filter(j -> j.kind() == JobKind.SYSTEMD_TIMER
                || j.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE).toList();
        for (int i = 0; i < jobs.size(); i++) {
            Job j = jobs.get(i);
            if (!(deploy(j).isPresent() || selection(j)) || j.attributes().containsKey("workPool")) {
                continue;
            }
            String service = j.attributes().get("service");
            Optional<Map.Entry<String, String>> setting = DefaultWorkPool.in(j.env()).or(() -> service == null
                    ? Optional.empty() : DefaultWorkPool.fromEnvFiles(j.env(), j.source().path(), service, files))
                    .or(() -> service != null || !ShellScripts.byNameOrMaybeShebang(fileName(j.source().path()))
                            ? Optional.empty() : DefaultWorkPool.fromUnits(j.source().path(), units, files));
            if (setting.isPresent() && PrefectInvocation.find(j.command()).stream()
                    .anyMatch(inv -> inv.path().equals("deploy") && inv.option("--pool", "-p").isEmpty())) {
                Map<String, String> attrs = new LinkedHashMap<>(j.attributes());
                attrs.put("workPool", setting.get().getValue());
                attrs.put(DefaultWorkPool.FROM, setting.get().getKey());
                jobs.set(i, with(j, j.schedules(), attrs));
            }
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** An entry Prefect's multi-deploy deploys as the file says it: named, with an entrypoint. */
    private static boolean deployable(Job entry) {
        return nameOf(entry) != null && entry.attributes().get("entrypoint") != null;
    }

    /** A {@code prefect deploy} without an entrypoint ({@link PrefectCommandReport#selection}). */
    private static boolean selection(Job j) {
        return j.kind() == JobKind.PREFECT3_DEPLOYMENT && j.attributes().containsKey(PrefectCommandReport.SELECTION);
    }

    /** The command's findings, now the entry's; "already migrated" is the entry's to say: its file's version tells. */
    private static void moveFindings(List<Finding> findings, Job command, String entryId) {
        findings.removeIf(f -> command.id().equals(f.jobId()) && f.code().equals("PF290"));
        findings.replaceAll(f -> command.id().equals(f.jobId())
                ? new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), entryId) : f);
    }

    /** Where a command runs, as its script's lines say, else where its file is, then the root. */
    private static List<String> directories(Job command, Map<String, ScanFile> byPath) {
        ScanFile script = byPath.get(command.source().path());
        Optional<CommandDirectory> ran = script == null ? Optional.empty() : CommandDirectory.of(script, command.source(), byPath);
        return ran.map(CommandDirectory::directories).filter(d -> !d.isEmpty()).orElseGet(() -> scriptThenRoot(command));
    }

    /**
     * The {@code prefect deployment build ENTRYPOINT -n NAME} a Prefect 2 deployment job was found as and is still
     * named by alone: not one merged with the file it writes ({@link BuiltDeploymentFileMerger}, named by the file's
     * flow) or with the Python that schedules it ({@code deployment.builtBy}, named there), nor a name that is no
     * deployment's own ({@code a/b}, a variable the scan could not read).
     */
    private static Optional<PrefectInvocation> build(Job j) {
        if (j.kind() != JobKind.PREFECT2_DEPLOYMENT || j.command() == null || !j.command().contains("build")
                || j.name().contains("/") || j.name().contains("$") || j.attributes().containsKey("deployment.builtBy")
                || j.attributes().containsKey("deployment.builtFile")
                || j.attributes().containsKey(PrefectYamlDetector.DEPLOYMENT_NAME)) {
            return Optional.empty();
        }
        return PrefectInvocation.find(j.command()).stream().filter(i -> i.path().equals("deployment build")
                && i.entrypoint().isPresent() && i.option("--name", "-n").isPresent()).findFirst();
    }

    /** Where a command whose directory is not known most likely runs: its file's directory, then the root. */
    private static List<String> scriptThenRoot(Job command) {
        String path = command.source().path();
        return path.contains("/") ? List.of(path.substring(0, path.lastIndexOf('/')), "") : List.of("");
    }

    /**
     * The command's job named {@code FLOW/DEPLOYMENT} after the entrypoint's flow; a bare {@code -n} keyed by its
     * {@code deploymentName}, as before.
     */
    private static Job named(Job command, String flowName, String givenFlow, String deployment) {
        Map<String, String> attrs = new LinkedHashMap<>(command.attributes());
        attrs.put("flowName", flowName);
        if (givenFlow == null) {
            attrs.put(PrefectYamlDetector.DEPLOYMENT_NAME, deployment);
        }
        return new Job(command.id(), command.kind(), flowName + "/" + deployment, command.source(), command.schedules(),
                command.command(), command.user(), command.env(), command.workingDir(), command.overlap(),
                command.dependsOn(), attrs);
    }

    /** The {@code prefect deploy ENTRYPOINT -n NAME} a deployment job was found as, if it was. */
    private static Optional<PrefectInvocation> deploy(Job j) {
        if (j.kind() != JobKind.PREFECT3_DEPLOYMENT || j.command() == null || !j.command().contains("deploy")
                || j.attributes().containsKey(PrefectYamlDetector.DEPLOYMENT_NAME)) {
            return Optional.empty();
        }
        return PrefectInvocation.find(j.command()).stream().filter(i -> i.path().equals("deploy")
                && i.entrypoint().isPresent() && i.option("--name", "-n").isPresent()).findFirst();
    }

    /**
     * {@code -n} as the command line detector read it: where it is a variable ({@code -n "$NAME"}), the job's name,
     * which is the variable's value where the scan could prove it and the text as written otherwise, as the Prefect 2
     * build line it was rewritten from is named.
     */
    private static String nameRead(PrefectInvocation inv, Job command) {
        String raw = inv.option("--name", "-n").orElseThrow();
        return raw.contains("$") ? command.name() : raw;
    }

    /**
     * The entries of the file the command reads ({@code --prefect-file}, else prefect.yaml), in the first directory it
     * may run in that holds any (else its file's directory, then the root); after a {@code cd} to an absolute
     * directory, the file whose deployments pull into that directory ({@code set_working_directory}, as the rewrite
     * writes for a build that ran there) and whose place in the tree ends it.
     */
    private static List<Job> entriesRead(List<Job> jobs, PrefectInvocation inv, Job command, Map<String, ScanFile> byPath,
                                         java.util.function.Function<String, String> texts) {
        String read = inv.option("--prefect-file").orElse("prefect.yaml");
        if (read.contains("$") || read.startsWith("/") || read.startsWith("~")) {
            return List.of();
        }
        ScanFile script = byPath.get(command.source().path());
        Optional<CommandDirectory> ran = script == null ? Optional.empty()
                : CommandDirectory.of(script, command.source(), byPath, texts);
        List<String> dirs;
        if (ran.isPresent()) {
            dirs = ran.get().directories(); // none after a cd the tree cannot follow: no entry is known to be read
        } else {
            dirs = scriptThenRoot(command);
        }
        for (String dir : dirs) {
            Optional<String> file = WorkingDirectory.normalize(dir, read);
            List<Job> found = jobs.stream().filter(j -> isEntry(j) && file.isPresent() && j.source().path().equals(file.get()))
                    .toList();
            if (!found.isEmpty()) {
                return found;
            }
        }
        String absolute = ran.map(CommandDirectory::absolute).orElse(null);
        if (dirs.isEmpty() && absolute != null) {
            List<String> files = jobs.stream().filter(DeployCommandDeployments::isEntry).map(j -> j.source().path())
                    .distinct().filter(p -> PullDirectories.endsAt(absolute, p, read)
                            && PullDirectories.of(texts.apply(p)).contains(absolute)).toList();
            if (files.size() == 1) {
                return jobs.stream().filter(j -> isEntry(j) && j.source().path().equals(files.get(0))).toList();
            }
        }
        return List.of();
    }

    /**
     * A prefect.yaml entry, with or without a name or an entrypoint: Prefect counts every item of {@code deployments:}
     * ({@code _pick_deploy_configs}' "exactly one deploy config"), as OnlyEntryDeploys counts them for the rewrite. The
     * prefect.yaml detector's job of an entry is named by its {@code name:} ({@link PrefectYamlDetector#DEPLOYMENT_NAME})
     * and its command is its {@code entrypoint:}, both absent where the entry gives none; a command line's is the line.
     */
    private static boolean isEntry(Job j) {
        return (j.attributes().containsKey(PrefectYamlDetector.DEPLOYMENT_NAME)
                || java.util.Objects.equals(j.command(), j.attributes().get("entrypoint")))
                && (j.kind() == JobKind.PREFECT3_DEPLOYMENT || j.kind() == JobKind.PREFECT2_DEPLOYMENT)
                && !j.attributes().containsKey(PrefectCommandReport.SELECTION)
                && !j.source().path().endsWith(".py") && !j.attributes().containsKey("deployment.builtFile")
                && !j.attributes().containsKey("flow") // a Prefect 2 build's deployment file
                && deploy(j).isEmpty() && build(j).isEmpty() && !j.attributes().containsKey("deployment.builtBy");
    }

    /**
     * The entries the command deploys ({@link DeployNameSelection}): those a pattern selects; the file's only entry
     * when the command runs without prompts; else the entries of the deployment's name, of the function {@code -n}
     * names as its flow part, if it names one, whatever their entrypoint (several only without prompts).
     */
    private static List<Job> picked(List<Job> entries, Job command, Map<String, ScanFile> byPath,
                                    java.util.function.Function<String, String> texts, PrefectInvocation inv, String given) {
        ScanFile script = byPath.get(command.source().path());
        boolean pattern = DeployNameSelection.isPattern(given);
        List<Job> selected = pattern ? DeployNameSelection.matching(given, entries) : List.of();
        if (!selected.isEmpty()) {
            return selected;
        }
        // Prefect's rule is for at most one name: `-n a -n b` picks by name
        if (entries.size() == 1 && inv.options("--name", "-n").size() == 1 && DeployNameSelection.noPrompt(command, script, byPath, texts)) {
            return entries;
        }
        if (pattern) {
            return List.of();
        }
        // Prefect picks by name alone, the flow part of -n FLOW/DEPLOYMENT read as the entrypoint's function, '-' as
        // '_' (`-n lake-etl/nightly` of @flow(name="lake-etl") def etl() selects no entry): the command's entrypoint
        // then replaces the entry's. Several of one name: Prefect asks which, or deploys each without prompts
        List<Job> found = DeployNameSelection.named(given, entries);
        return found.size() > 1 && !DeployNameSelection.noPrompt(command, script, byPath, texts) ? List.of() : found;
    }

    /**
     * Whether the command's entrypoint is the entry's flow, so that the entry's deployment is the one it makes: the same
     * entrypoint ({@code ./} aside), or one whose flow has the entry's flow's name. Prefect deploys the entry it picks
     * from the command's entrypoint, which replaces the entry's ({@code _apply_cli_options_to_deploy_config}); of
     * another flow, that is another deployment, FLOW/DEPLOYMENT being its name.
     */
    private static boolean sameFlow(Job entry, PrefectInvocation inv, CommandFlowNames flowNames, List<String> dirs) {
        String own = inv.entrypoint().orElseThrow();
        String theirs = entry.attributes().get("entrypoint");
        if (theirs == null || withoutDot(own).equals(withoutDot(theirs))) {
            // an entry without an entrypoint is deployed only from a command's: its deployment is the command's flow's
            return true;
        }
        return flowNames.of(own, dirs).map(f -> entry.name().equals(f + "/" + nameOf(entry))).orElse(false);
    }

    private static String withoutDot(String entrypoint) {
        return entrypoint.startsWith("./") ? entrypoint.substring(2) : entrypoint;
    }

    private static String nameOf(Job entry) {
        return entry.attributes().get(PrefectYamlDetector.DEPLOYMENT_NAME);
    }

    /** PF229: the command deploys the file's only entry, of another name, under its own. */
    private static String onlyEntryMessage(String deployment, Job entry) {
        String entryName = nameOf(entry) == null ? "an entry without a name" : "'" + nameOf(entry) + "'";
        return "`prefect deploy --name " + deployment + "` runs without prompts where the prefect.yaml it reads holds one"
                + " deployment, " + entryName + " (" + entry.source().path() + ":" + entry.source().line()
                + "): Prefect deploys that entry whatever --name says, as '" + deployment + "', with its schedules, work"
                + " pool, parameters and pull steps; deploy the entry by its own name, or give this deployment an entry"
                + " of its own";
    }

    /** An entry a pattern deployed as the file says it. */
    private static Job deployedBy(Job entry, Job command) {
        Map<String, String> attrs = new LinkedHashMap<>(entry.attributes());
        attrs.put("deployment.deployedBy", command.source().toString());
        return with(entry, entry.schedules(), attrs);
    }

    /**
     * The entry, deployed by the command with its options as Prefect applies them ({@link DeployCommandOptions}): the
     * entry's schedules and the command's, the command's pool and queue where it gives them.
     */
    private static Job merge(Job entry, Job command, PrefectInvocation inv) {
        Map<String, String> attrs = new LinkedHashMap<>(entry.attributes());
        attrs.put("deployment.deployedBy", command.source().toString());
        inv.entrypoint().ifPresent(e -> attrs.putIfAbsent("entrypoint", e)); // an entry without one takes the command's
        putOrRemove(attrs, "workPool", DeployCommandOptions.pool(entry, command));
        putOrRemove(attrs, "workQueue", DeployCommandOptions.queue(entry, command));
        return with(entry, DeployCommandOptions.schedules(entry, inv, command), attrs);
    }

    /**
     * The command, deploying the file's only entry under its own name: the entry's schedules and the command's, the
     * entry's pool and queue where the command gives none, its entrypoint where the command gives none, and
     * {@code deployment.config}, the entry it was made from.
     */
    private static Job configuredBy(Job command, Job entry, PrefectInvocation inv) {
        Map<String, String> attrs = new LinkedHashMap<>(command.attributes());
        attrs.keySet().removeAll(List.of(PrefectCommandReport.SELECTION, PrefectCommandReport.SELECTED_NAMES,
                PrefectCommandReport.SELECTS_ALL));
        attrs.put("deployment.config", entry.source().toString());
        if (entry.attributes().get("entrypoint") != null) {
            attrs.putIfAbsent("entrypoint", entry.attributes().get("entrypoint"));
        }
        putOrRemove(attrs, "workPool", DeployCommandOptions.pool(entry, command));
        putOrRemove(attrs, "workQueue", DeployCommandOptions.queue(entry, command));
        return with(command, DeployCommandOptions.schedules(entry, inv, command), attrs);
    }

    private static void putOrRemove(Map<String, String> attrs, String key, String value) {
        if (value == null || value.isEmpty()) {
            attrs.remove(key);
        } else {
            attrs.put(key, value);
        }
    }

    private static Job with(Job j, List<dev.migrate.analyzers.model.ScheduleSpec> schedules, Map<String, String> attrs) {
        return new Job(j.id(), j.kind(), j.name(), j.source(), schedules, j.command(), j.user(), j.env(), j.workingDir(),
                j.overlap(), j.dependsOn(), attrs);
    }
}
