package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.RunPartsDirectories;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SchedulerServices;
import dev.migrate.analyzers.schedule.ScheduleOrigin;
import dev.migrate.analyzers.sources.python.Prefect1EndDate;
import dev.migrate.analyzers.sources.python.Prefect1Registrations;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The dual-run, cutover, post and rollback steps of one job. */
final class JobSteps {
    private final CutoverEstate estate;
    private final PlanOptions options;
    private final JobReadiness readiness;
    private final CutoverJob job;
    /** The keys of the jobs whose in-process scheduler the legacy service runs; theirs are its schedules. */
    private final List<String> hosted;
    /**
     * The run-parts directory a dispatch entry runs ({@code /etc/cron.daily} of an anacrontab's cron.daily entry), null
     * for every other job: such an entry stays on the host, and its scripts are cut over in their own sections.
     */
    private final String directory;
    /** The keys of the scripts run-parts runs from {@link #directory}. */
    private final List<String> scripts;
    /**
     * The systemd service whose ExecStart runs a sleep loop's script, null for every other job: stopping the loop means
     * stopping that unit, which the plan can then name (k2-platform's scheduler.py under iceberg-offload-scheduler.service).
     */
    private final Job supervisor;

    JobSteps(CutoverEstate estate, PlanOptions options, JobReadiness readiness) {
        this.estate = estate;
        this.options = options;
        this.readiness = readiness;
        this.job = readiness.job();
        this.hosted = estate.assessor().hosted(job).stream().map(CutoverJob::key).toList();
        Job legacy = job.legacy();
        this.directory = legacy != null && RunPartsDirectories.dispatches(legacy) ? RunPartsDirectories.directory(legacy.command())
                : null;
        this.scripts = directory == null ? List.of() : estate.assessor().dispatched(job).stream().map(CutoverJob::key).toList();
        // the unit merged into the loop's job, else (a unit that also hosts an in-process scheduler, a job of its own)
        // the first unit that runs the loop's script: either way stopping the loop means stopping that unit
        this.supervisor = job.supervisor() != null ? job.supervisor()
                : legacy == null || legacy.kind() != JobKind.PYTHON_SLEEP_LOOP ? null
                : estate.inventory().jobs().stream().filter(s -> s.kind() == JobKind.SYSTEMD_SCHEDULER_SERVICE
                        && runsScript(s.command(), legacy.source().path())).findFirst().orElse(null);
    }

    /** Whether a service's command line runs the script at {@code path}, by its file name as a word of the command. */
    private static boolean runsScript(String command, String path) {
        String script = path.substring(path.lastIndexOf('/') + 1);
        return command != null && command.matches("(?s).*(^|[\\s/])" + java.util.regex.Pattern.quote(script) + "(\\s.*|$)");
    }

    /** A dispatch entry's one dual-run step: its scripts, each cut over in its own section. */
    private List<Step> dispatchedScripts() {
        List<String> commands = scripts.isEmpty()
                ? List.of("# the scan found no script of " + directory + " that run-parts runs as a job: check the directory on the host")
                : List.of("migrate cutover status " + Step.shellWord(options.rootLabel()) + " " + String.join(" ",
                        scripts.stream().map(k -> "--job " + Step.shellWord(k)).toList()) + " --require cut-over");
        return List.of(Step.of("Cut over the scripts this entry runs from " + directory + ", each in its own section", commands,
                "the entry has no schedule of its own to move: run-parts runs the scripts of " + directory
                        + ", which move one by one; a script whose execute bit the cutover removed is one run-parts skips",
                "run-parts entry " + ReadinessAssessor.at(job.legacy())).checked(gate(ReadinessState.CUT_OVER).met()));
    }

    /** {@code FLOW/DEPLOYMENT}: Prefect names a flow after its function, with '_' as '-', unless told otherwise. */
    static String deploymentName(Job d) {
        if (d.name().contains("/")) {
            return d.name(); // the scan already names Python deployments FLOW/DEPLOYMENT
        }
        String flow = d.attributes().get("flowName");
        String entry = d.attributes().getOrDefault("entrypoint", d.command());
        if (flow == null && entry != null && entry.contains(":")) {
            flow = entry.substring(entry.lastIndexOf(':') + 1).replace('_', '-');
        }
        return (flow == null ? "FLOW" : flow) + "/" + d.name();
    }

    /**
     * {@code prefect deploy --name NAME}, from the directory of the prefect.yaml that declares it ({@code prefect deploy}
     * reads ./prefect.yaml, and resolves its entrypoints from there): the legacy recipe writes prefect/prefect.yaml, and
     * a Prefect 2 project's file may sit deep in the tree (docker/offload/flows/prefect.yaml). In a subshell, so that the
     * lines after it still run from the estate's root.
     */
    private String deployCommand() {
        String name = newDeployment().substring(newDeployment().indexOf('/') + 1);
        Job declaring = job.deployment() != null ? job.deployment()
                : job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT ? job.legacy() : null;
        PlannedDeployment planned = declaring == null ? options.plannedFor(job) : null;
        String path = declaring != null ? declaring.source().path() : planned != null ? planned.prefectYaml() : "";
        String deploy = "prefect deploy --name " + Step.shellWord(name);
        if (path.matches("(.*/)?prefect[^/]*\\.ya?ml") && path.contains("/")) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            return "(cd " + Step.shellWord(path.substring(0, path.lastIndexOf('/'))) + " && " + deploy
                    + (file.startsWith("prefect.y") ? "" : " --prefect-file " + Step.shellWord(file)) + ")";
        }
        return deploy;
    }

    private String newDeployment() {
        if (job.deployment() != null) {
            return deploymentName(job.deployment());
        }
        if (job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT) {
            return deploymentName(job.legacy());
        }
        PlannedDeployment planned = options.plannedFor(job);
        // the names migrate rewrite will give it, else a placeholder the dual-run step says to fill in
        return planned != null ? planned.qualified() : knownFlow() + "/" + job.key();
    }

    /**
     * The flow a job without a deployment will deploy, when its name is known: a Prefect 1 flow keeps its name through
     * the Prefect 1 to 3 conversion ({@code @flow(name=...)}); else the placeholder.
     */
    private String knownFlow() {
        return job.legacy() != null && job.legacy().kind() == JobKind.PREFECT1_FLOW ? job.legacy().name() : PLACEHOLDER_FLOW;
    }

    /** What stands for a Prefect 1 flow's project that the flow's file does not name. */
    static final String UNKNOWN_PROJECT = "PROJECT";

    /** What stands for the flow's name in the commands of a job whose deployment nothing names yet. */
    static final String PLACEHOLDER_FLOW = "FLOW";

    /**
     * Whether the plan's commands name the new deployment by a placeholder ({@code FLOW/nightly-load}): the job has no
     * Prefect 3 deployment, is no Prefect 2 one redeployed under its own name, and no migrate recipe writes one for it.
     */
    private boolean placeholder() {
        return job.deployment() == null && !(job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT)
                && options.plannedFor(job) == null;
    }

    /**
     * The legacy schedules: the scan's (a timer may have several OnCalendar= lines, every one of them fires), or
     * once the line is disabled (the scan no longer sees it), its marker's.
     */
    private List<ScheduleSpec> legacySchedules() {
        Job j = job.anyJob();
        if (j != null && !j.schedules().isEmpty()) {
            return j.schedules();
        }
        return estate.assessor().markersOf(job).stream().findFirst()
                .flatMap(m -> MarkerSchedule.of(estate.root(), m, estate.inventory().hostZone())).map(List::of).orElse(List.of());
    }

    /** The legacy host's clock, as the scan read the estate: schedules naming no zone fire in it. */
    private java.time.ZoneId hostZone() {
        return java.time.ZoneId.of(estate.inventory().hostZone().zone());
    }

    private static String pausedNote(ScheduleSpec spec) {
        return "'" + spec.expression() + "' is switched off (active: false) and makes no runs: the new deployment keeps it "
                + "with active: false";
    }

    private static String quoted(List<ScheduleSpec> schedules) {
        // a systemd calendar carries its zone in the expression: name it once
        return schedules.stream().map(s -> "'" + s.expression() + "'"
                        + (s.timezone() == null || s.expression().endsWith(s.timezone()) ? "" : " " + s.timezone()))
                .collect(java.util.stream.Collectors.joining(" and "));
    }

    private Gate gate(ReadinessState s) {
        return readiness.gates().get(s.ordinal());
    }

    private String validateCommand() {
        return "migrate validate " + (options.validateConfig() == null ? "VALIDATE.yaml"
                : Step.shellWord(options.validateConfig())) + " --job " + Step.shellWord(job.validationName());
    }

    /** The legacy job's last run in the host's logs, when the scan read them. */
    private java.time.Instant lastRun() {
        String at = job.legacy() == null ? null
                : job.legacy().attributes().get(dev.migrate.analyzers.activity.ActivityResolver.LAST_RUN);
        try {
            return at == null ? null : java.time.OffsetDateTime.parse(at).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    List<Step> dualRun() {
        if (directory != null) {
            return dispatchedScripts();
        }
        if (!hosted.isEmpty()) {
            List<String> jobs = new ArrayList<>();
            hosted.forEach(k -> jobs.add("--job " + Step.shellWord(k)));
            return List.of(Step.of("Cut over the jobs this service schedules, each in its own section",
                    List.of("migrate cutover status " + Step.shellWord(options.rootLabel()) + " " + String.join(" ", jobs)
                            + " --require cut-over"),
                    "the service has no schedule of its own: it runs the schedules of " + String.join(", ", hosted)
                            + "; once all of them are cut over, nothing is left for it to run",
                    "scheduler service " + ReadinessAssessor.at(job.legacy()))
                    .checked(gate(ReadinessState.CUT_OVER).met()));
        }
        List<Step> out = new ArrayList<>(ActivitySteps.of(estate.inventory(), job.legacy()));
        List<ScheduleSpec> legacy = legacySchedules();
        String yaml;
        String note;
        java.time.Duration declared = job.declared() == null ? null : job.declared().offset();
        // what the legacy runs are and what no offset changes (an assumed zone, a trigger with no schedule): said
        // whichever side (this plan, or the legacy recipe) sets the new deployment's schedules
        String legacyRuns = null;
        List<String> caveats = new ArrayList<>();
        if (!legacy.isEmpty()) {
            List<String> shifted = new ArrayList<>();
            List<String> byHand = new ArrayList<>();
            List<String> runs = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            List<String> unscheduled = new ArrayList<>();
            for (ScheduleSpec spec : legacy) {
                if (spec.paused()) {
                    // switched off on the legacy side (active: false): it makes no runs to compare, and shifted it would run
                    unscheduled.add(pausedNote(spec));
                    continue;
                }
                OffsetSchedule off = OffsetSchedule.suggest(spec, declared, lastRun(), hostZone());
                runs.add(off.legacy());
                if (off.unschedulable()) {
                    byHand.add("no schedule for '" + spec.expression() + "'");
                    unscheduled.add(off.note());
                    continue;
                } else if (off.prefectYaml() == null) {
                    byHand.add("shift '" + spec.expression() + "' by " + OffsetSchedule.human(off.offset()) + " by hand");
                } else {
                    shifted.add(off.prefectYaml());
                }
                notes.add(off.note());
                if (spec.zoneUnproven()) {
                    // the shift is exact only in the zone the scan assumed; say so beside the YAML it suggests
                    notes.add("'" + spec.expression() + "' is read in an assumed zone: " + spec.unproven());
                    caveats.add("'" + spec.expression() + "' is read in an assumed zone: " + spec.unproven());
                }
            }
            yaml = "schedules: " + (shifted.isEmpty() ? "" : "[" + String.join(", ", shifted) + "]")
                    + (shifted.isEmpty() || byHand.isEmpty() ? "" : "; ") + String.join("; ", byHand);
            if (shifted.isEmpty() && byHand.isEmpty()) {
                yaml = "schedules: none that run";
            }
            legacyRuns = runs.isEmpty() ? "no legacy schedule runs" : "legacy runs " + String.join(" and ", runs);
            caveats.addAll(unscheduled);
            note = legacyRuns
                    + (notes.isEmpty() ? "" : "; the new deployment runs " + String.join(" and ", new java.util.LinkedHashSet<>(notes)))
                    + (unscheduled.isEmpty() ? "" : "; " + String.join("; ", unscheduled));
        } else if (declared != null) {
            yaml = "schedules: the legacy schedule shifted " + OffsetSchedule.human(declared) + " later";
            note = "the validate config compares a legacy run with a new run " + OffsetSchedule.human(declared) + " later";
        } else {
            yaml = "schedules: the legacy schedule shifted 30 min later";
            note = "no legacy schedule is known; keep the two sides apart in time";
        }
        Job deployed = job.deployment();
        if (deployed != null && !deployed.schedules().isEmpty()) {
            // the deployment exists (migrate's legacy recipe wrote it with its own offset): say what it runs, not what
            // this plan would have suggested
            yaml = "schedules as deployed: " + deployed.schedules().stream().map(sp -> "'" + sp.expression() + "'"
                    + (sp.timezone() == null ? "" : " (" + sp.timezone() + ")")).collect(java.util.stream.Collectors.joining(" and "));
            note = (legacy.isEmpty() ? "" : "legacy runs " + String.join(" and ", legacy.stream()
                    .map(sp -> OffsetSchedule.suggest(sp, declared, lastRun(), hostZone()).legacy()).toList()) + "; ")
                    + "the deployment runs on its own schedules, check they stay clear of the legacy runs";
        }
        List<String> deploy = new ArrayList<>();
        PlannedDeployment planned = job.deployment() == null ? options.plannedFor(job) : null;
        if (planned != null) {
            // the legacy recipe writes the deployment (with its own offset schedule): its names are the ones to use
            deploy.add("migrate rewrite " + Step.shellWord(options.rootLabel()) + " --recipe " + planned.recipe()
                    + "   # writes deployment '" + planned.deployment() + "' of flow '" + planned.flow() + "' to "
                    + planned.prefectYaml());
            // the recipe writes the schedules with its own offset: the plan states those, the one source of the dual
            // run's times, and says where the validate config's offset or a shift the recipe could not prove disagree
            yaml = RecipeSchedules.yaml(planned);
            deploy.add("# " + planned.prefectYaml() + ", deployment '" + planned.deployment() + "': the legacy recipe writes "
                    + yaml);
            note = (legacyRuns == null ? "" : legacyRuns + "; ") + RecipeSchedules.note(planned, declared, legacy, lastRun(), hostZone())
                    + (caveats.isEmpty() ? "" : "; " + String.join("; ", caveats));
        } else if (placeholder()) {
            // nothing names the deployment yet: say what to fill in, not a command that names a flow that does not exist
            boolean flowKnown = !knownFlow().equals(PLACEHOLDER_FLOW);
            deploy.add("# fill in first: no migrate recipe writes a deployment for this job; write one named '" + job.key()
                    + "' in prefect.yaml for " + (flowKnown ? "flow '" + knownFlow() + "' (the Prefect 1 to 3 conversion "
                    + "keeps the flow's name); the commands below name it so" : "the flow that does its work. "
                    + PLACEHOLDER_FLOW + " in the commands below stands for that flow's name")
                    + ": run migrate cutover plan again once it is deployed, for the exact ones");
            deploy.add("# prefect.yaml, deployment '" + job.key() + "': " + yaml);
        } else {
            deploy.add("# prefect.yaml, deployment '" + newDeployment().substring(newDeployment().indexOf('/') + 1) + "': " + yaml);
        }
        deploy.add(deployCommand());
        out.add(Step.of("Deploy the new flow with an offset schedule, writing to the sandbox outputs", deploy,
                note + "; offset schedules keep both sides from running at once, and sandbox outputs keep the new "
                        + "run from touching production", sources(ReadinessState.DEPLOYED)).checked(gate(ReadinessState.DEPLOYED).met()));
        out.add(Step.of(options.greenRuns() + " consecutive green validations of legacy against new outputs",
                List.of(validateCommand() + "   # after each new run, " + options.greenRuns() + " times in a row"),
                "parity is proven only by consecutive matching runs; one red run starts the count again",
                "evidence: " + gate(ReadinessState.PARITY_PROVEN).evidence()).checked(gate(ReadinessState.PARITY_PROVEN).met()));
        return out;
    }

    List<Step> cutover() {
        List<Step> out = new ArrayList<>();
        Job legacy = job.legacy();
        if (directory != null) {
            // switching the entry off would stop every script left in the directory, anacron's own 0anacron and what a
            // package adds there later too
            return List.of(Step.of("Keep the entry on the host", List.of("# keep " + ReadinessAssessor.at(legacy)
                            + " as it is: run-parts skips the scripts whose execute bit their cutover removed"),
                    "run-parts keeps running what stays in " + directory + " and what a package adds there later",
                    legacySource()).checked(gate(ReadinessState.CUT_OVER).met()));
        }
        LegacySwitch sw = switchOf();
        if (sw != null) {
            out.add(Step.of("Disable the legacy " + sw.label() + " schedule",
                    filled(sw.disable()), sw.why(),
                    legacySource()).checked(gate(ReadinessState.LEGACY_DISABLED).met()));
        } else {
            out.add(Step.of("Disable the legacy schedule", List.of("migrate cannot tell how this job is scheduled; "
                    + "switch it off where it runs, then: migrate cutover record " + job.key() + " legacy-disabled --by NAME"),
                    "the legacy and new schedules must never both write production outputs", legacySource())
                    .checked(gate(ReadinessState.LEGACY_DISABLED).met()));
        }
        if (!hosted.isEmpty()) {
            return out; // a scheduler service has no deployment of its own: its jobs moved to theirs
        }
        // a boot or event trigger has no Prefect schedule to move: the dual run already said how to start it
        List<ScheduleSpec> timed = legacySchedules().stream()
                .filter(s -> !s.paused() && !OffsetSchedule.suggest(s, null, null, hostZone()).unschedulable()).toList();
        List<ScheduleSpec> off = legacySchedules().stream().filter(ScheduleSpec::paused).toList();
        // a schedule the legacy side had switched off (active: false) stays off: resuming it would start runs that never ran
        String schedule = (timed.isEmpty() ? "the legacy schedule" : quoted(timed))
                + (off.isEmpty() ? "" : " (and " + quoted(off) + " with active: false, as before)");
        List<String> move = new ArrayList<>(List.of(
                "# prefect.yaml: outputs to production, schedule " + schedule + " without the offset, paused: false",
                deployCommand(),
                "prefect deployment schedule ls '" + newDeployment() + "'",
                "prefect deployment schedule resume '" + newDeployment() + "' SCHEDULE_ID"));
        for (ScheduleSpec s : timed) {
            if (s.unproven() != null) {
                // the scan could not prove the new times (a Prefect 1 start known only at run time): check them by hand
                move.add(move.size() - 1, "# '" + s.expression() + "': " + s.unproven() + ": before resuming, compare "
                        + "the next runs `prefect deployment schedule ls` implies with the legacy runs' times and zone");
            }
        }
        String ends = legacy == null ? null : legacy.attributes().get(Prefect1EndDate.ATTRIBUTE);
        if (ends != null && Prefect1EndDate.allBefore(ends, options.at())) {
            // the legacy clock stopped by itself: resuming the new schedule would start runs the flow no longer makes
            move.remove(move.size() - 1);
            move.add("# the legacy schedule stopped by itself after " + ends + " (end_date) and makes no more runs: leave "
                    + "the new deployment's schedule paused");
        } else if (ends != null) {
            // the legacy clock stops by itself; the new schedule would not
            move.add("# the legacy schedule stops by itself after " + ends + " (end_date); " + Prefect1EndDate.NO_END + ":");
            move.add("prefect deployment schedule pause '" + newDeployment() + "' SCHEDULE_ID   # after " + ends);
        }
        move.add("migrate cutover record " + job.key() + " cut-over --by NAME --note '...'");
        out.add(Step.of("Move the new deployment to the production outputs and the legacy times", move,
                "from now on the new deployment is the one that counts; recording it is the cut-over gate",
                "evidence: " + gate(ReadinessState.CUT_OVER).evidence()).checked(gate(ReadinessState.CUT_OVER).met()));
        if (sw != null && !sw.applied()) {
            out.add(Step.of("Record that the legacy schedule is off", List.of("migrate cutover record " + job.key()
                    + " legacy-disabled --by NAME --note '...'"), "no file in the repository shows this switch",
                    "evidence: " + gate(ReadinessState.LEGACY_DISABLED).evidence()).checked(gate(ReadinessState.LEGACY_DISABLED).met()));
        }
        return out;
    }

    List<Step> post(List<ImageDependencies.Missing> missing) {
        List<Step> out = new ArrayList<>();
        if (directory != null) {
            return out; // the entry stays: its scripts' sections monitor their deployments and remove what they replace
        }
        boolean service = !hosted.isEmpty();
        out.add(service ? Step.of("Check that nothing needed the service for " + OffsetSchedule.human(options.monitorWindow()),
                List.of("systemctl status " + unit(job.legacy(), job.name()) + "   # inactive, and nothing restarted it"),
                "its jobs run as deployments now; whatever else the service did stops with it", "plan option --monitor")
                : Step.of("Monitor the new deployment for " + OffsetSchedule.human(options.monitorWindow()), List.of(
                "prefect flow-run ls --limit 20   # every run of '" + newDeployment() + "' completed, on time",
                validateCommand() + "   # once more at the end of the window"),
                "the first days show what a dual run does not: production volumes, alerts, downstream readers",
                "plan option --monitor"));
        for (ImageDependencies.Missing m : missing) {
            out.add(Step.of("Add " + m.package_() + " to the image built from " + m.dockerfile(), List.of(
                    "# " + m.dockerfile() + ": add " + m.package_() + " to its pip install line, then rebuild",
                    "docker compose -f " + Step.shellWord(m.compose()) + " build " + Step.shellWord(m.service()),
                    "docker compose -f " + Step.shellWord(m.compose()) + " up -d " + Step.shellWord(m.service()),
                    "# until then, by hand (lost when the container is created again): docker exec "
                            + Step.shellWord(m.container()) + " pip install " + m.package_()),
                    m.script() + ":" + m.importLine() + " imports " + m.module() + " and runs in container " + m.container()
                            + ", whose image does not install it (the estate's requirements name " + m.package_() + ")",
                    m.runsAt(), m.script() + ":" + m.importLine()));
        }
        List<String> removal = new ArrayList<>();
        if (job.legacy() != null) {
            removal.add("# delete the legacy definition at " + ReadinessAssessor.at(job.legacy()));
        }
        if (job.supervisor() != null) {
            // the unit only kept the loop running: without the loop it would restart a script that is gone
            removal.add("# delete the unit that kept it running, " + ReadinessAssessor.at(job.supervisor())
                    + ", and its copy on the host, then: systemctl daemon-reload");
        }
        estate.assessor().markersOf(job).forEach(mk -> removal.add("# delete the disabled line at " + mk.where()));
        removal.add("migrate cutover record " + job.key() + " legacy-code-removed --by NAME --note 'PR ...'");
        out.add(Step.of("Remove the legacy code", removal, "code that can no longer run misleads readers and "
                + "can be switched on by accident", legacySource()).checked(readiness.reached(ReadinessState.DECOMMISSIONED)));
        List<RunbookMentions.Mention> docs = RunbookMentions.find(estate.root(), terms());
        List<String> update = new ArrayList<>();
        docs.forEach(d -> update.add("# " + d.file() + ":" + d.line() + " mentions '" + d.term() + "'"));
        update.add("migrate cutover record " + job.key() + " runbooks-updated --by NAME --note 'PR ...'");
        out.add(Step.of("Update the runbooks that mention the old scheduler", update,
                docs.isEmpty() ? "no runbook under docs/ or README mentions the job by name; check the wiki"
                        : "on-call follows these documents; they still describe the legacy job",
                "searched docs/ and README files for: " + String.join(", ", terms()))
                .checked(readiness.reached(ReadinessState.DECOMMISSIONED)));
        return out;
    }

    List<Step> rollback() {
        List<Step> out = new ArrayList<>();
        if (directory != null) {
            out.add(Step.of("Roll back the scripts in their own sections", List.of("# nothing to re-enable here: the entry "
                    + "stayed on the host, and each script's rollback gives it back to run-parts (chmod +x)"),
                    "the entry never stopped running " + directory, legacySource()));
            return out;
        }
        LegacySwitch sw = switchOf();
        if (!hosted.isEmpty()) {
            // the jobs' own sections pause their deployments and restore their registrations; the service runs them
            List<String> enable = sw == null ? List.of("start the service again")
                    : filled(sw.enable());
            out.add(Step.of("Re-enable the service, after rolling back the jobs it schedules", enable,
                    "it runs the registrations the jobs' rollbacks restored", legacySource()));
            return out;
        }
        out.add(Step.of("Pause the new deployment", List.of(
                "prefect deployment schedule ls '" + newDeployment() + "'",
                "prefect deployment schedule pause '" + newDeployment() + "' SCHEDULE_ID"),
                "rolling back means one side scheduled at a time: the new one stops first", "cutover step above"));
        if (replacedInPlace()) {
            // one deployment record: the 3.x deploy overwrote the 2.x one of the same name on the upgraded server, so
            // resuming "the legacy schedule" would resume the new deployment just paused; 2.x comes back only with the server
            out.add(Step.of("Go back to the 2.x deployment with the server rollback", List.of("# '" + newDeployment()
                    + "' is one deployment on the in-place upgraded server: no 2.x copy of it is left to re-enable",
                    "# take the whole server back: Platform pre-steps, \"" + ServerRollback.TITLE + "\" (every job "
                            + "of that server goes back with it; keep this one paused until then)"),
                    "the 2.x deployment exists again only in the database dump the pre-steps took; restoring it rolls "
                            + "back every deployment of the server", legacySource()));
            out.add(backfill());
            return out;
        }
        List<String> enable = sw == null ? List.of("switch the legacy schedule on again where it runs")
                : filled(sw.enable());
        out.add(Step.of("Re-enable the legacy schedule", enable, sw == null ? "restores the state before cutover"
                : "undoes the disable step exactly", legacySource()));
        out.add(backfill());
        return out;
    }

    /**
     * Whether the job's 2.x deployment lives on the server the pre-steps upgrade in place under the very name the new
     * deployment takes: the two are one record there, not two sides to switch between.
     */
    private boolean replacedInPlace() {
        return job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT
                && PlatformSteps.upgradesServer(estate.inventory()) && deploymentName(job.legacy()).equals(newDeployment());
    }

    private Step backfill() {
        List<ScheduleSpec> specs = legacySchedules();
        List<String> cmds = new ArrayList<>();
        cmds.add("migrate cutover rollback " + Step.shellWord(options.rootLabel()) + " --job " + job.key()
                + "   # lists the legacy fire times missed since the disable");
        Instant from = disabledAt();
        // the legacy side's own scheduler counts its fire times: a Prefect 1 clock's interval is not a loop's
        ScheduleOrigin origin = job.anyJob() == null ? ScheduleOrigin.LEGACY_JOB : ScheduleOrigin.of(job.anyJob().kind());
        Optional<LoopCycle> cycle = LoopCycle.of(job.legacy());
        String once = cycle.isPresent() ? "run one cycle" : "run the legacy command";
        for (ScheduleSpec spec : from == null ? List.<ScheduleSpec>of() : specs) {
            MissedWindows.Result r = MissedWindows.between(spec, origin, from, options.at(), hostZone());
            if (r.total() >= 0 && r.exact()) {
                cmds.add("# " + r.total() + " missed between " + from + " and " + options.at() + " (" + r.schedule() + ")");
                r.times().forEach(t -> cmds.add("# " + once + " for the window of " + t));
            } else if (r.total() >= 0) {
                // read without its unknown start or in an assumed zone, the schedule gives estimates: the legacy runs' own times are in its history
                cmds.add("# '" + spec.expression() + "' read as " + r.schedule() + ": about " + r.total() + " missed between "
                        + from + " and " + options.at() + "; not proven: " + r.unproven() + "; so these are estimates, "
                        + "not the legacy runs' times: take the windows to backfill from the legacy scheduler's run history");
                r.times().forEach(t -> cmds.add("# estimated, not proven: a window near " + t));
            }
        }
        // as cron ran it: the crontab's variables and those the installing script expanded put in; the others named
        CommandVariables vars = CommandVariables.of(job.anyJob());
        String command = vars == null ? "the job" : "`" + vars.command() + "`";
        String what = "run " + command + " once per missed window";
        if (vars != null && !vars.known().isEmpty()) {
            what += " (" + String.join(", ", vars.known().entrySet().stream().map(e -> e.getKey() + " is "
                    + e.getValue()).toList()) + ")";
        }
        if (vars != null && !vars.unknown().isEmpty() && cycle.isEmpty()) {
            String names = String.join(", ", vars.unknown());
            cmds.add("# set " + names + " first (" + vars.setFirst() + "): the command reads "
                    + (vars.unknown().size() == 1 ? "it" : "them") + ", and nothing in the estate gives "
                    + (vars.unknown().size() == 1 ? "its value" : "their values"));
            what = "set " + names + " first (nothing in the estate gives " + (vars.unknown().size() == 1 ? "its value"
                    : "their values") + "; cron's shell had " + (vars.unknown().size() == 1 ? "it" : "them")
                    + "), then " + what;
        }
        // what runs the job once: a deployment is run, not built again; an in-process job is called, not its scheduler
        // started a second time (switches.yaml)
        LegacySwitch sw = job.legacy() != null && job.legacy().kind() == JobKind.PYTHON_SLEEP_LOOP
                ? LegacySwitch.of(JobKind.PYTHON_SLEEP_LOOP.slug()).orElse(null) : switchOf();
        if (cycle.isPresent()) {
            what = loopBackfill(cycle.get(), cmds);
        } else if (sw != null && sw.backfill() != null) {
            String line = LegacySwitch.fill(sw.backfill(), values());
            if (sw.backfill().contains("{project}") && line.contains("--project " + UNKNOWN_PROJECT)) {
                // a run in a project that does not exist fails: say what to fill in rather than print that command
                line = "# fill in " + UNKNOWN_PROJECT + " first (the flow's Prefect 1 project: the project_name= of its "
                        + "register() call, or the --project of the prefect register that registers it), then run: " + line;
            }
            cmds.add(line.startsWith("#") || line.contains("   # ") ? line : line + "   # once per missed window");
            what = line.startsWith("#") ? "do what the last comment above says once per missed window"
                    : "run `" + line.replaceFirst("\\s+#.*$", "") + "` once per missed window";
        }
        return Step.of("Backfill the windows missed between cutover and rollback", cmds,
                "runs the new side should have made after it was paused, and the legacy side skipped while "
                        + "disabled; " + what,
                specs.isEmpty() ? "no legacy schedule known" : specs.stream().map(spec -> "schedule '" + spec.expression()
                        + "' at " + ReadinessAssessor.place(spec.where())).collect(java.util.stream.Collectors.joining("; ")));
    }

    /**
     * A sleep loop's backfill: one cycle per window, never the script (it loops forever: started beside the unit the
     * rollback re-enabled, it is a second scheduler). Adds the command of one cycle to {@code cmds} when the loop's
     * unit of work can be called alone; returns the step's why.
     */
    private String loopBackfill(LoopCycle cycle, List<String> cmds) {
        String where = job.legacy().source().path() + ":" + cycle.firstLine() + "-" + cycle.lastLine();
        String never = "never " + cycle.script() + " itself: it loops forever, and beside the re-enabled "
                + (supervisor != null ? unit(supervisor, supervisor.name()) : "scheduler") + " it would be a second scheduler";
        Optional<String> python = cycle.oneCycle();
        if (python.isPresent()) {
            cmds.add(cycleCommand(cycle, python.get()) + "   # one cycle of the loop: once per missed window");
            return "run one cycle of the loop at " + where + " per missed window: " + String.join(", ", cycle.work())
                    + " is the work each pass runs before it sleeps; " + never;
        }
        String calls = cycle.work().isEmpty() ? "" : " (it calls " + String.join(", ", cycle.work().stream()
                .map(w -> w + "()").toList()) + ")";
        String started = (supervisor != null && supervisor.command() != null ? supervisor.command() : job.legacy().command());
        return "run the work of one pass of the loop at " + where + ", its body without the sleep" + calls
                + ", once per missed window; " + never + ". To let the script do it, start `" + started + "` by hand "
                + "while the unit is stopped, wait for one cycle to finish, and stop it (Ctrl-C) before it sleeps into the next";
    }

    /**
     * {@code cd DIR && sudo -u USER PYTHON -c '...'}: in the script's directory, so that {@code import} finds it, as the
     * unit's user with the unit's interpreter; without a unit, python3 in the script's directory of the estate.
     */
    private String cycleCommand(LoopCycle cycle, String python) {
        String dir = null;
        String interpreter = "python3";
        String user = null;
        if (supervisor != null && supervisor.command() != null) {
            String[] words = supervisor.command().strip().split("\\s+");
            if (words[0].matches(".*python[0-9.]*")) {
                interpreter = words[0];
            }
            for (String w : words) {
                if (w.endsWith("/" + cycle.script()) && w.startsWith("/")) {
                    dir = w.substring(0, w.lastIndexOf('/'));
                }
            }
            if (dir == null && supervisor.workingDir() != null) {
                dir = supervisor.workingDir();
            }
            user = supervisor.user();
        }
        if (dir == null) {
            String path = job.legacy().source().path();
            dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
        }
        return "cd " + Step.shellWord(dir) + " && " + (user == null ? "" : "sudo -u " + Step.shellWord(user) + " ")
                + Step.shellWord(interpreter) + " -c " + Step.shellWord(python);
    }

    /** When the legacy side was switched off: its marker's date, else the recorded cut-over, else unknown. */
    Instant disabledAt() {
        for (DisableMarker m : estate.assessor().markersOf(job)) {
            if (m.disabledAt() != null) {
                return m.disabledAt();
            }
        }
        Gate cut = gate(ReadinessState.CUT_OVER);
        if (cut.met()) {
            String at = cut.evidence().replaceAll(".* at (\\S+).*", "$1");
            try {
                return Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private LegacySwitch switchOf() {
        if (supervisor != null) {
            return LegacySwitch.of(JobKind.SYSTEMD_SCHEDULER_SERVICE.slug()).orElse(null);
        }
        if (job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT
                && PlatformSteps.upgradesServer(estate.inventory())) {
            return LegacySwitch.of("prefect2-on-upgraded-server").orElse(null);
        }
        if (job.legacy() != null) {
            return LegacySwitch.forJob(job.legacy()).orElse(null);
        }
        if (!estate.assessor().markersOf(job).isEmpty()) {
            return LegacySwitch.of(JobKind.CRON.slug()).orElse(null);
        }
        // Declared only: the estate's Prefect 1 agents say the flows are scheduled by a Prefect 1 server.
        boolean prefect1 = estate.inventory().findings().stream().anyMatch(f -> f.code().equals("PF101"));
        return prefect1 ? LegacySwitch.of(JobKind.PREFECT1_FLOW.slug()).orElse(null) : null;
    }

    /** A switch's lines filled in for this job, without those a placeholder left empty (no unit to restart). */
    private List<String> filled(List<String> templates) {
        Map<String, String> values = values();
        return templates.stream().map(t -> LegacySwitch.fill(t, values)).filter(l -> !l.isBlank()).toList();
    }

    private Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        Job legacy = job.legacy();
        v.put("root", Step.shellWord(options.rootLabel()));
        v.put("key", job.key());
        String name = job.name();
        if (legacy != null && legacy.kind() == JobKind.K8S_CRONJOB && name.contains("/")) {
            name = name.substring(name.lastIndexOf('/') + 1); // the scan names it NAMESPACE/NAME; kubectl takes -n
        }
        v.put("name", name);
        String trigger = legacy == null ? null : legacy.attributes().get("trigger");
        v.put("trigger", trigger == null ? name : trigger);
        v.put("date", options.at().toString());
        v.put("deployment", newDeploymentOfLegacy());
        v.put("command", legacy == null || legacy.command() == null ? job.name() : legacy.command());
        v.put("unit", supervisor != null ? unit(supervisor, supervisor.name()) : unit(legacy, job.name()));
        // the service a timer starts (Unit=, else the timer's own name): started by hand, it runs once as the timer runs it
        String started = legacy == null ? null : legacy.attributes().getOrDefault("Unit", legacy.kind() == JobKind.SYSTEMD_TIMER
                ? unit(legacy, job.name()).replaceAll("\\.timer$", ".service") : null);
        v.put("service", started == null ? "SERVICE" : (legacy.source().path().contains("systemd/user/")
                && !started.startsWith("--user ") ? "--user " : "") + started);
        // a Celery beat job's app, as the service that runs beat names it (-A APP): `celery -A APP call TASK`
        Job beat = legacy == null ? null : SchedulerServices.recordedServiceOf(legacy, estate.inventory().jobs());
        java.util.regex.Matcher app = java.util.regex.Pattern.compile("(?:^|\\s)(?:-A|--app)[ =](\\S+)")
                .matcher(beat == null || beat.command() == null ? "" : beat.command());
        v.put("app", app.find() ? app.group(1) : "APP");
        // the project the scan read from the flow's register() calls (a literal it resolves), else one to fill in
        String project = legacy == null ? null : legacy.attributes().get(Prefect1Registrations.PROJECT);
        v.put("project", project == null ? UNKNOWN_PROJECT : Step.shellWord(project));
        // the unit running a Spring job's application: restarting it is how the new trigger expression takes effect
        Job jvm = legacy == null ? null : SchedulerServices.recordedServiceOf(legacy, estate.inventory().jobs());
        v.put("restart", jvm == null ? "" : "systemctl restart " + unit(jvm, jvm.name()));
        String ns = legacy == null ? null : legacy.attributes().get("namespace");
        v.put("namespace", ns == null ? "" : "-n " + ns + " ");
        DisableMarker marker = estate.assessor().markersOf(job).stream().findFirst().orElse(null);
        v.put("file", legacy != null ? legacy.source().path() : marker != null ? marker.file() : "FILE");
        v.put("line", legacy != null ? String.valueOf(legacy.source().line()) : marker != null ? String.valueOf(marker.line()) : "LINE");
        return v;
    }

    /**
     * The unit systemctl must switch: the timer (or service) file itself. A bare name means NAME.service to
     * systemctl, which for a timer-started service disables nothing and leaves the timer firing. A unit under a
     * systemd/user directory is a user unit (--user). A template timer ({@code backup@.timer}) has no unit of that
     * name to stop or enable: its instances do ({@code backup@INSTANCE.timer}, one per instance the host enabled).
     */
    static String unit(Job legacy, String name) {
        if (legacy == null) {
            return name;
        }
        String path = legacy.source().path();
        String file = path.substring(path.lastIndexOf('/') + 1);
        String unit = file.endsWith(".timer") || file.endsWith(".service") ? file
                : legacy.kind() == JobKind.SYSTEMD_TIMER ? name + ".timer" : name;
        String instance = legacy.attributes().get(dev.migrate.analyzers.sources.systemd.SystemdDetector.INSTANCE);
        unit = unit.matches(".+@\\.(timer|service)") ? unit.replace("@.", "@" + (instance != null ? instance : "INSTANCE") + ".") : unit;
        return path.contains("systemd/user/") ? "--user " + unit : unit;
    }

    private String newDeploymentOfLegacy() {
        return job.legacy() != null && job.legacy().kind() == JobKind.PREFECT2_DEPLOYMENT ? deploymentName(job.legacy())
                : newDeployment();
    }

    private String legacySource() {
        if (job.legacy() != null) {
            return job.legacy().kind().slug() + " job at " + ReadinessAssessor.at(job.legacy());
        }
        return estate.assessor().markersOf(job).stream().findFirst().map(m -> "disabled line at " + m.where())
                .orElse(job.declared() != null ? "declared in " + job.declared().where() : "the evidence store");
    }

    private String sources(ReadinessState s) {
        return "evidence: " + gate(s).evidence();
    }

    /** Names a runbook would use for the legacy job: its name in both spellings, its files and unit. */
    private Set<String> terms() {
        Set<String> t = new LinkedHashSet<>();
        t.add(job.name());
        t.add(job.key());
        t.add(job.key().replace('-', '_'));
        Job j = job.anyJob();
        if (j != null) {
            t.add(Path.of(j.source().path()).getFileName().toString());
            t.add(j.name().replaceAll("\\.(service|timer|py|sh)$", ""));
            if (j.kind() == JobKind.PREFECT2_DEPLOYMENT || j.kind() == JobKind.PREFECT3_DEPLOYMENT) {
                t.add(deploymentName(j).substring(0, deploymentName(j).indexOf('/')));
            }
            String entry = j.attributes().get("entrypoint");
            if (entry != null && entry.contains(":")) {
                t.add(Path.of(entry.substring(0, entry.indexOf(':'))).getFileName().toString());
            }
        }
        if (job.supervisor() != null) {
            // the runbooks of a loop talk about the unit that runs it (systemctl restart iceberg-offload-scheduler)
            t.add(Path.of(job.supervisor().source().path()).getFileName().toString());
            t.add(job.supervisor().name().replaceAll("\\.(service)$", ""));
        }
        t.removeIf(s -> s.equals("prefect.yaml") || s.equals("crontab") || s.equals("FLOW") || s.length() < 4);
        return t;
    }
}
