package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.python.ScheduleLibDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What is generated for one legacy job: the names of its flow module, flow and deployment, its schedules with
 * proofs, the environment split into plain values and Secret block references, and the notes for the report.
 */
public record JobPlan(Job job, String module, String flowFunction, List<PlannedSchedule> schedules,
                      Map<String, String> plainEnv, Map<String, String> secretEnv, List<String> envFiles,
                      boolean commandIsSecret, Long timeoutSeconds, int retries, String workPool, List<String> notes,
                      String entryFunction) {

    /** Variables cron and systemd use themselves; they are not part of the job's environment. */
    private static final Set<String> SCHEDULER_VARIABLES = Set.of("MAILTO", "CRON_TZ", "SHELL", "MAILFROM",
            "RANDOM_DELAY", "START_HOURS_RANGE");
    /** systemd's default StartLimitBurst: how often a failing unit is restarted before systemd gives up. */
    private static final int SYSTEMD_START_LIMIT_BURST = 5;
    static final String CIVIS_POOL = "civis-docker";
    private static final java.util.regex.Pattern SHELL_SYNTAX = java.util.regex.Pattern.compile("[|&;<>*?`]");
    private static final Set<String> RESTARTS_ON_FAILURE = Set.of("on-failure", "always", "on-abnormal", "on-abort");

    static JobPlan of(Job job, ScheduleCheck check, Instant reference, int offsetMinutes, String poolPrefix) {
        return of(job, check, reference, offsetMinutes, poolPrefix, Set.of());
    }

    /** @param passwords variables some job of the same file hands to a password option ({@link #variableKey}) */
    static JobPlan of(Job job, ScheduleCheck check, Instant reference, int offsetMinutes, String poolPrefix,
                      Set<String> passwords) {
        List<String> notes = new ArrayList<>();
        List<PlannedSchedule> schedules = job.schedules().stream()
                .map(s -> PlannedSchedule.of(s, job.attributes(), check, reference, offsetMinutes)).toList();
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> secret = new LinkedHashMap<>();
        new java.util.TreeMap<>(job.env()).forEach((name, value) -> {
            // cron exports these to the command too: a command that reads one ($MAILTO) still gets it.
            if (SCHEDULER_VARIABLES.contains(name) && !reads(job.command(), name)) {
                return;
            }
            if (Redactor.isSecretName(name) || value.contains(Redactor.MASK) || passedAsSecret(job.command(), name)
                    || passwords.contains(variableKey(job, name))) {
                secret.put(name, secretBlockName(job, name));
            } else {
                plain.put(name, value);
            }
        });
        secret.forEach((name, block) -> notes.add("secret: environment variable " + name + " is read from the Secret block '"
                + block + "' (create it with the value the legacy job used, see " + job.attributes().getOrDefault("service",
                job.source().path()) + "); the value was not copied"));
        if (job.env().containsKey("MAILTO") && !job.env().get("MAILTO").isEmpty()) {
            notes.add("the legacy scheduler mailed " + (job.kind() == JobKind.CIVIS_SCRIPT ? "failures" : "the output")
                    + " to " + job.env().get("MAILTO")
                    + "; add a Prefect automation or notification for failed runs instead");
        }
        if (LegacyEstate.isKind(job, JobKind.CRON) && job.env().containsKey("RANDOM_DELAY")) {
            // cronie delays every job of the crontab by a random number of minutes up to RANDOM_DELAY.
            notes.add("not exact: RANDOM_DELAY=" + job.env().get("RANDOM_DELAY") + " made cron delay each start by up to that "
                    + "many minutes at random; Prefect starts at the scheduled time");
        }
        boolean commandIsSecret = job.command() != null && job.command().contains(Redactor.MASK);
        if (commandIsSecret) {
            notes.add("secret: the command line holds a credential; the flow reads the whole command from the Secret block '"
                    + commandBlockName(job) + "' (create it by hand); nothing of it was copied");
        }
        List<String> envFiles = job.attributes().containsKey("EnvironmentFile")
                ? List.of(job.attributes().get("EnvironmentFile").split("\\s+")) : List.of();
        if (!envFiles.isEmpty()) {
            notes.add("EnvironmentFile " + String.join(" ", envFiles)
                    + " is read by the flow on the worker host at run time; its values are not copied");
        }
        Long timeout = PlannedSchedule.span(job.attributes().get("TimeoutStartSec")).map(Duration::toSeconds)
                .filter(s -> s > 0).orElse(null);
        int retries = RESTARTS_ON_FAILURE.contains(job.attributes().getOrDefault("Restart", "")) ? SYSTEMD_START_LIMIT_BURST : 0;
        if (retries > 0) {
            notes.add("Restart=" + job.attributes().get("Restart") + " becomes " + retries
                    + " flow retries (systemd's default StartLimitBurst)");
        }
        if (job.kind() == JobKind.SYSTEMD_TIMER && job.command() != null && SHELL_SYNTAX.matcher(job.command()).find()) {
            notes.add("ExecStart= never went through a shell, the flow runs it with " + job.env().getOrDefault("SHELL", "/bin/sh")
                    + ": check the quoting of |, &, ;, <, >, * and backquotes");
        }
        if (job.attributes().containsKey(ServiceSpecifiers.UNRESOLVED)) {
            notes.add("ExecStart= holds systemd specifiers the flow cannot know (" + job.attributes().get(ServiceSpecifiers.UNRESOLVED)
                    + "): the command keeps them as written; replace them with their values on the host");
        }
        for (String setting : ServiceSpecifiers.SETTINGS) {
            String left = job.attributes().get(ServiceSpecifiers.UNRESOLVED + "." + setting);
            if (left != null) {
                notes.add(setting + "= holds systemd specifiers the flow cannot know (" + left
                        + "): the flow keeps them as written; replace them with their values on the host");
            }
        }
        if (job.attributes().containsKey(ServiceExecLines.NOTES)) {
            notes.addAll(List.of(job.attributes().get(ServiceExecLines.NOTES).split("\n")));
        }
        if (job.attributes().containsKey("stdin")) {
            notes.add("the text after % in the crontab line is passed to the command's standard input, as cron did");
        }
        String pool;
        if (job.kind() == JobKind.CIVIS_SCRIPT) {
            pool = CIVIS_POOL;
            notes.add("Civis ran it in the image " + job.attributes().get(CivisJobs.IMAGE) + ": pool '" + pool
                    + "' is a docker work pool and the deployment sets that image (prefect must be installed in it)");
            notes.add("cutover: turn off the schedule of Civis script " + job.attributes().get(CivisJobs.SCRIPT_ID)
                    + " (Civis UI, or civis-python: client.scripts.patch_containers(" + job.attributes().get(CivisJobs.SCRIPT_ID)
                    + ", schedule={'scheduled': False}))");
        } else {
            String runAs = runAs(job);
            // a user unit of a host dump (home/jo/.config/systemd/user) ran as the owner of that home
            String owner = runAs == null && job.kind() == JobKind.SYSTEMD_TIMER
                    ? HostUnits.owner(job.attributes().getOrDefault(ScriptUnits.HOST_TIMER, job.source().path())) : null;
            String user = runAs != null ? runAs : owner != null ? owner : "default";
            pool = poolPrefix + "-" + user.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            notes.add("runs as " + (runAs != null ? "user " + runAs
                    : owner != null ? "user " + owner + " (the user unit's owner)"
                    : InProcessJobs.isInProcess(job) ? "the scheduler's user"
                    : job.kind() == JobKind.SYSTEMD_TIMER ? "the user unit's owner" : "the crontab's owner")
                    + ": start the worker for pool '" + pool + "' (process) as that user");
        }
        if (job.attributes().containsKey(AnacronJobs.SEMANTICS)) {
            notes.add(job.attributes().get(AnacronJobs.SEMANTICS));
        }
        if (job.attributes().containsKey("schedule.assumed")) {
            notes.add("schedule assumed: " + job.attributes().get("schedule.assumed"));
        }
        if (job.attributes().containsKey(ScheduleLibDetector.DECISIONS)) {
            // What the scan decided where Prefect cannot say what the schedule library did (seconds, phase, deadline).
            for (String decision : job.attributes().get(ScheduleLibDetector.DECISIONS).split("\n")) {
                notes.add("decision: " + decision);
            }
        }
        if (job.kind() == JobKind.CRON_RUN_PARTS) {
            notes.add("cutover: cutover.sh removes the script's execute bit so that run-parts skips it; the flow runs it with its "
                    + "interpreter, so it stays on the host (cleanup keeps it)");
        }
        if (JavaJobs.isJava(job)) {
            notes.addAll(JavaJobs.notes(job));
        }
        if (InProcessJobs.isInProcess(job)) {
            // An anchored interval (R/start/period) comes with its own decision on the phase.
            job.schedules().stream().filter(s -> s.form() == dev.migrate.analyzers.model.ScheduleSpec.Form.INTERVAL
                            && !s.expression().startsWith("R/")).findFirst()
                    .ifPresent(s -> notes.add("the scheduler counted " + s.expression() + " from its own start (and ran late "
                            + "behind other jobs of the process); the deployment fires at fixed marks from its anchor date"));
            if (job.attributes().containsKey("apscheduler.jitterSeconds")) {
                notes.add("APScheduler's jitter of up to " + job.attributes().get("apscheduler.jitterSeconds")
                        + " s is dropped: the deployment runs on its marks");
            }
            String service = job.attributes().get(InProcessJobs.SERVICE);
            // one a supervisor program or compose service runs is switched off at the cutover (KeptRunning says how)
            if (KeptRunning.of(job) == null || !KeptRunning.of(job).stop()) {
                notes.add("the scheduler process" + (service == null ? "" : " (" + service + ")")
                        + " keeps running until the cleanup; the cutover comments this job's registration out, so deploy the "
                        + "edited script and restart the scheduler then (cutover.sh)");
            }
        }
        if (job.overlap() == Overlap.UNKNOWN) {
            notes.add("overlap behaviour unknown: no concurrency limit was set");
        }
        String module = job.id().replace('-', '_');
        return new JobPlan(job, PythonText.identifier(module), PythonText.identifier(displayName(job)), schedules, plain, secret,
                envFiles, commandIsSecret, timeout, retries, pool, notes, null);
    }

    /**
     * Whether the command hands the variable to an option that takes a secret ({@code mysqldump -p$MYSQL_PW},
     * {@code curl -u etl:"$PW"}): then its value is one, whatever the variable is called. The command keeps the
     * reference; the value goes to a Secret block.
     */
    static boolean passedAsSecret(String command, String name) {
        if (!reads(command, name)) {
            return false;
        }
        String probe = "migrateprobe0value";
        String literal = command.replaceAll("\"?\\$(?:" + java.util.regex.Pattern.quote(name) + "|\\{"
                + java.util.regex.Pattern.quote(name) + "\\})(?![A-Za-z0-9_])\"?", probe);
        return count(Redactor.redact(literal), probe) < count(literal, probe);
    }

    /** A variable of the file that sets it for the job (the crontab, the unit). */
    static String variableKey(Job job, String name) {
        return job.attributes().getOrDefault("service", job.source().path()) + "\0" + name;
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    /** Whether a shell command expands the variable ($NAME or ${NAME}). */
    private static boolean reads(String command, String name) {
        return command != null && java.util.regex.Pattern.compile("\\$\\{?" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])")
                .matcher(command).find();
    }

    /**
     * Who the job ran as: the crontab's user column or User=; a system service without User= ran as root (a unit under
     * a systemd/user directory ran as its owner, unknown here: null).
     */
    static String runAs(Job job) {
        if (job.user() != null || job.kind() != JobKind.SYSTEMD_TIMER) {
            return job.user();
        }
        return isUserUnit(job) ? null : "root";
    }

    /** Where the timer job's unit is read: the host path a script writes it to, else its file in the scanned tree. */
    static String unitPath(Job job) {
        return job.attributes().getOrDefault(ScriptUnits.HOST_TIMER, job.source().path());
    }

    /** Whether a user's manager loads the timer job's unit (a unit a script writes is one when it writes to a user directory). */
    static boolean isUserUnit(Job job) {
        // a user's runtime directories (run/user/UID/systemd/transient...) are that user's manager's too
        return job.kind() == JobKind.SYSTEMD_TIMER && (unitPath(job).contains("systemd/user/")
                || HostUnits.runtimeUid(unitPath(job)) != null);
    }

    /** This plan with one more note; itself when {@code note} is null. */
    JobPlan withNote(String note) {
        if (note == null) {
            return this;
        }
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new JobPlan(job, module, flowFunction, schedules, plainEnv, secretEnv, envFiles, commandIsSecret, timeoutSeconds,
                retries, workPool, List.copyOf(more), entryFunction);
    }

    /** This plan with a generated flow function other than the default (a wrapped script's flow). */
    JobPlan withEntryFunction(String function) {
        return new JobPlan(job, module, flowFunction, schedules, plainEnv, secretEnv, envFiles, commandIsSecret, timeoutSeconds,
                retries, workPool, notes, function);
    }

    /** The Secret blocks this job's flow reads (its command, its secret variables), which must exist before it runs. */
    public List<String> secretBlocks() {
        List<String> blocks = new ArrayList<>();
        if (commandIsSecret) {
            blocks.add(commandBlockName(job));
        }
        secretEnv.values().stream().filter(b -> !blocks.contains(b)).forEach(blocks::add);
        return blocks;
    }

    /**
     * The legacy files holding what this job's Secret blocks must contain (the crontab line with the credential, the
     * unit whose ExecStart= or Environment= has it): deleting one before the blocks exist loses the only copy in the
     * tree.
     */
    List<String> secretSources() {
        if (secretBlocks().isEmpty()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        files.add(job.source().path());
        String service = job.attributes().get("service");
        if (service != null && !files.contains(service)) {
            files.add(service);
        }
        return files;
    }

    /** The systemd service running the in-process scheduler this job was registered with, or null. */
    public String schedulerService() {
        String path = InProcessJobs.isInProcess(job) ? job.attributes().get(InProcessJobs.SERVICE) : null;
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    public String deploymentName() {
        return job.id();
    }

    /**
     * The job's name as flow (and task) name. A template unit's job is named after its template ({@code backup@} for
     * {@code backup@.timer}): the {@code @} only says "an instance goes here" and ends up in every `prefect deployment`
     * command as {@code 'backup@/...'}, so it is dropped. Job ids, which deployments and evidence are keyed on, keep
     * their form.
     */
    public String flowName() {
        return displayName(job);
    }

    static String displayName(Job job) {
        String name = job.name();
        return name.length() > 1 && name.endsWith("@") ? name.substring(0, name.length() - 1) : name;
    }

    /** The crontab line or unit this job was read from, stated the same way in every generated file. */
    public String origin() {
        if (job.kind() == JobKind.PYTHON_SLEEP_LOOP && job.attributes().containsKey("service")) {
            return job.source() + " (loop kept running by " + job.attributes().get("service") + ")";
        }
        return job.kind() == JobKind.SYSTEMD_TIMER
                ? job.source().path() + " -> " + job.attributes().getOrDefault("service", job.attributes().get("Unit"))
                : job.source().toString();
    }

    /** The systemd unit that starts this job on the host (timer, or the service running a loop), or null. */
    public String hostUnit() {
        String path = hostUnitPath();
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    /** That unit's file in the scanned tree, or null. */
    public String hostUnitPath() {
        // an enabled instance of a template (backup@home of backup@.timer) is switched by its own name
        // a unit a script writes is switched by the file the script writes, not the script
        return job.kind() == JobKind.SYSTEMD_TIMER ? ServiceSpecifiers.instanceUnit(
                job.attributes().getOrDefault(ScriptUnits.HOST_TIMER, job.source().path()), job)
                : job.kind() == JobKind.PYTHON_SLEEP_LOOP ? job.attributes().get("service") : null;
    }

    /** {@code prefect.yaml}'s entrypoint, relative to the generated project. */
    public String entrypoint() {
        return "flows/" + module + ".py:" + (entryFunction != null ? entryFunction : job.kind() == JobKind.PYTHON_SLEEP_LOOP ? LoopFlowModule.entrypoint(this)
                : InProcessJobs.isInProcess(job) ? CallableFlowModule.entrypoint(this) : flowFunction);
    }

    /**
     * The Secret block holding a job's whole command line. Named after the job's id, not its name: jobs of one name
     * (three {@code mysqldump} lines of a crontab) run different commands, and one block cannot hold them all.
     */
    static String commandBlockName(Job job) {
        return (job.id() + "-command").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** Attribute: what a job's Secret block names start with when its name alone would be shared (see Planner). */
    static final String SECRET_SCOPE = "secret.scope";

    static String secretBlockName(Job job, String variable) {
        return (job.attributes().getOrDefault(SECRET_SCOPE, displayName(job)) + "-" + variable).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
    }
}
