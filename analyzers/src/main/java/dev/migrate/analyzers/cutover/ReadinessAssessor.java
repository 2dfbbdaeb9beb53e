package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.RunPartsDirectories;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.scan.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives each job's readiness from the inventory, the markers in the estate's files and the evidence
 * store. It reads no clock (the policy brings "now") and sorts everything it lists, so the same inputs always
 * give the same answer.
 */
public final class ReadinessAssessor {
    private final Inventory inventory;
    private final List<DisableMarker> markers;
    private final EvidenceReader evidence;
    private final ParityPolicy policy;
    private final List<CutoverJob> all;
    private final Map<String, String> deletedByCleanup;
    private final List<Job> retiredInProcess;

    /** @param all every job of the estate: a scheduler service's readiness is that of the jobs it runs */
    public ReadinessAssessor(Inventory inventory, List<DisableMarker> markers, EvidenceReader evidence,
            ParityPolicy policy, List<CutoverJob> all) {
        this(inventory, markers, evidence, policy, all, Map.of());
    }

    /**
     * @param deletedByCleanup by scan id, where the legacy recipe's cleanup deleted the job's legacy definition (its
     *                         manifest says so, {@link RetiredJobs#deleted}): switched off as surely as by a marker
     */
    public ReadinessAssessor(Inventory inventory, List<DisableMarker> markers, EvidenceReader evidence,
            ParityPolicy policy, List<CutoverJob> all, Map<String, String> deletedByCleanup) {
        this(inventory, markers, evidence, policy, all, deletedByCleanup, List.of());
    }

    /**
     * @param retiredInProcess in-process jobs the legacy recipe moved that the scan no longer finds
     *                         ({@link RetiredJobs#inProcess}): their scheduler service still hosts them
     */
    public ReadinessAssessor(Inventory inventory, List<DisableMarker> markers, EvidenceReader evidence,
            ParityPolicy policy, List<CutoverJob> all, Map<String, String> deletedByCleanup, List<Job> retiredInProcess) {
        this.retiredInProcess = List.copyOf(retiredInProcess);
        this.deletedByCleanup = Map.copyOf(deletedByCleanup);
        this.inventory = inventory;
        this.markers = List.copyOf(markers);
        this.evidence = evidence;
        this.policy = policy;
        this.all = List.copyOf(all);
    }

    /**
     * The jobs whose in-process scheduler {@code job}'s legacy service runs (APScheduler, schedule, Celery beat in the
     * script it starts; Spring and Quartz jobs of the application its {@code java -jar} starts), as the scan recorded them
     * ({@link dev.migrate.analyzers.model.SchedulerServices#SERVICE}) and the manifest for those it no longer finds;
     * empty for every other job.
     */
    public List<CutoverJob> hosted(CutoverJob job) {
        if (job.legacy() == null) {
            return List.of();
        }
        Set<String> ids = new java.util.HashSet<>();
        List<Job> candidates = new ArrayList<>(inventory.jobs());
        candidates.addAll(retiredInProcess);
        dev.migrate.analyzers.model.SchedulerServices.recordedHostedBy(job.legacy(), candidates).forEach(j -> ids.add(j.id()));
        // a job whose registration the cutover phase commented out is known by its deployment (named by its scan id)
        return all.stream().filter(c -> c.legacy() != null && ids.contains(c.legacy().id())
                || c.legacy() == null && c.deployment() != null && ids.contains(CutoverJob.deploymentName(c.deployment())))
                .toList();
    }

    /**
     * The scripts a run-parts dispatch entry runs ({@code job}'s legacy is an anacrontab's {@code cron.daily run-parts
     * /etc/cron.daily}, or a crontab's run-parts line): the jobs of its directory that run-parts runs as jobs (names it
     * skips and anacron's own {@code 0anacron} left out); empty for every other job, and for a directory with none.
     */
    public List<CutoverJob> dispatched(CutoverJob job) {
        if (job.legacy() == null || !RunPartsDirectories.dispatches(job.legacy())) {
            return List.of();
        }
        Set<String> ids = new java.util.HashSet<>();
        RunPartsDirectories.scripts(inventory.jobs(), RunPartsDirectories.period(job.legacy().command())).stream()
                .filter(RunPartsDirectories::runsAsJob).forEach(j -> ids.add(j.id()));
        return all.stream().filter(c -> c.legacy() != null && ids.contains(c.legacy().id())).toList();
    }

    public List<JobReadiness> assess(List<CutoverJob> jobs) {
        return jobs.stream().map(this::assess).toList();
    }

    public JobReadiness assess(CutoverJob job) {
        // validations recorded under the deployment's FLOW/DEPLOYMENT name count too
        String validated = job.otherName() != null && evidence.validations(job.validationName()).isEmpty()
                ? job.otherName() : job.validationName();
        List<EvidenceReader.Validation> runs = evidence.validations(validated);
        Map<PersonGate, EvidenceReader.Recorded> recorded = recorded(job);
        List<Gate> gates = new ArrayList<>();
        gates.add(scanned(job));
        List<CutoverJob> hosted = hosted(job);
        if (job.legacy() != null && RunPartsDirectories.dispatches(job.legacy())) {
            // the entry stays on the host; what moves are the scripts of its directory, each to its deployment
            gates.addAll(hostedGates(dispatched(job), Host.runParts(RunPartsDirectories.directory(job.legacy().command()))));
        } else if (hosted.isEmpty()) {
            gates.add(rewritten(job));
            gates.add(deployed(job));
            gates.add(dualRunning(runs));
            gates.add(parity(runs, policy.configDigests().get(validated)));
            gates.add(person(ReadinessState.CUT_OVER, recorded.get(PersonGate.CUT_OVER), PersonGate.CUT_OVER, job));
        } else {
            gates.addAll(hostedGates(hosted, Host.SERVICE));
        }
        gates.add(legacyDisabled(job, recorded.get(PersonGate.LEGACY_DISABLED)));
        gates.add(decommissioned(job, recorded));
        ReadinessState state = null;
        for (Gate g : gates) {
            if (!g.met()) {
                break;
            }
            state = g.state();
        }
        return new JobReadiness(job, gates, state, runs.isEmpty() ? null : runs.get(0));
    }

    /**
     * What runs the jobs of {@link #hostedGates}, as the gates word it.
     *
     * @param every   the start of a met gate's evidence ("every job the service runs is ")
     * @param behind  the start of an unmet gate's ("the service runs jobs not yet ")
     * @param none    an unmet gate's evidence when there is no job at all (nothing shows what it runs), or null when
     *                that cannot happen
     * @param missing whether a job that has no deployment says so: what the host's readers look for first
     */
    private record Host(String every, String behind, String none, boolean missing) {
        static final Host SERVICE = new Host("every job the service runs is ", "the service runs jobs not yet ", null, false);

        static Host runParts(String directory) {
            return new Host("every script run-parts runs from " + directory + " is ", "run-parts runs scripts of "
                    + directory + " not yet ", "the scan found no script of " + directory + " that run-parts runs as a "
                    + "job (names it skips and anacron's own scripts left aside): nothing shows what the entry runs on the "
                    + "host; check the directory there", true);
        }
    }

    /**
     * A scheduler service, or a run-parts dispatch entry, has no deployment, validations or cut-over of its own: each
     * gate from rewritten to cut-over holds once every job it runs passed it (the service's in-process jobs, the
     * scripts of the entry's directory).
     */
    private List<Gate> hostedGates(List<CutoverJob> hosted, Host host) {
        List<JobReadiness> theirs = hosted.stream().map(this::assess).toList();
        List<Gate> out = new ArrayList<>();
        for (ReadinessState s : List.of(ReadinessState.REWRITTEN, ReadinessState.DEPLOYED, ReadinessState.DUAL_RUNNING,
                ReadinessState.PARITY_PROVEN, ReadinessState.CUT_OVER)) {
            List<String> behind = theirs.stream().filter(r -> !r.reached(s)).map(r -> r.job().key() + " (" + r.stateSlug()
                    + (host.missing() && r.job().deployment() == null ? ", no Prefect 3 deployment" : "") + ")").toList();
            boolean unknown = hosted.isEmpty() && host.none() != null;
            out.add(new Gate(s, behind.isEmpty() && !unknown, unknown ? host.none() : behind.isEmpty()
                    ? host.every() + s.slug() + ": " + String.join(", ", hosted.stream().map(CutoverJob::key).toList())
                    : host.behind() + s.slug() + ": " + String.join(", ", behind)));
        }
        return out;
    }

    /** The newest confirmation per gate for this job. */
    private Map<PersonGate, EvidenceReader.Recorded> recorded(CutoverJob job) {
        Map<PersonGate, EvidenceReader.Recorded> out = new LinkedHashMap<>();
        for (EvidenceReader.Recorded r : evidence.recordedGates()) {
            if (CutoverJob.keyOf(r.job()).equals(job.key())
                    || job.otherName() != null && CutoverJob.keyOf(r.job()).equals(CutoverJob.keyOf(job.otherName()))) {
                out.put(PersonGate.parse(r.gate()), r);
            }
        }
        return out;
    }

    public List<DisableMarker> markersOf(CutoverJob job) {
        return markers.stream().filter(m -> m.jobKey().equals(job.key())).toList();
    }

    private Gate scanned(CutoverJob job) {
        Job j = job.anyJob();
        if (j != null) {
            return new Gate(ReadinessState.SCANNED, true, j.kind().slug() + " job " + j.id() + " at " + at(j)
                    + String.join("", job.fallbacks().stream().map(AnacronFallbacks::note).toList())
                    + (job.supervisor() == null ? "" : ", kept running by " + job.supervisor().id() + " at "
                    + at(job.supervisor())));
        }
        List<DisableMarker> ms = markersOf(job);
        if (!ms.isEmpty()) {
            return new Gate(ReadinessState.SCANNED, true, "scanned before it was disabled at " + ms.get(0).where());
        }
        if (job.declared() != null) {
            return new Gate(ReadinessState.SCANNED, true, "declared in " + job.declared().where());
        }
        return new Gate(ReadinessState.SCANNED, false, "not in the inventory or the validate config; only the "
                + "evidence store knows it");
    }

    /** How many of a job's legacy constructs its unmet rewritten gate names. */
    static final int SHOWN_CONSTRUCTS = 8;

    private Gate rewritten(CutoverJob job) {
        List<Finding> left = legacyConstructs(job);
        if (left.isEmpty()) {
            return new Gate(ReadinessState.REWRITTEN, true, "no legacy construct left"
                    + (job.deployment() != null ? " in " + job.deployment().source().path() : ""));
        }
        // the first few, in file order, say where to start; a Prefect 1 flow can have two dozen, which made one status
        // line of a thousand characters (the scan lists them all)
        String codes = left.stream().limit(SHOWN_CONSTRUCTS).map(f -> f.code() + " at " + place(f.where()))
                .collect(Collectors.joining(", "));
        String more = left.size() > SHOWN_CONSTRUCTS ? ", and " + (left.size() - SHOWN_CONSTRUCTS) + " more (migrate scan "
                + "lists them all)" : "";
        return new Gate(ReadinessState.REWRITTEN, false, left.size() + " legacy construct(s) left: " + codes + more);
    }

    /**
     * The recipe the legacy rules name (fixed_by): its dual-run phase writes a Prefect 3 deployment for a legacy job and
     * leaves the job running until the cutover.
     */
    static final String LEGACY_MOVE_RECIPE = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";

    /**
     * Findings that mean "still legacy": those on the job's own entries that break on Prefect 3 or that a
     * recipe fixes. A job the scan cannot see (declared only) answers for the estate-wide breaking ones. Once the job
     * has its Prefect 3 deployment, the findings that only say its legacy entry should move to Prefect (CRN001 on a
     * crontab line, fixed by the legacy recipe) are answered: the legacy entry keeps running through the dual run by
     * design, until the cutover switches it off.
     */
    List<Finding> legacyConstructs(CutoverJob job) {
        Set<String> ids = new java.util.HashSet<>();
        if (job.legacy() != null) {
            ids.add(job.legacy().id());
        }
        if (job.deployment() != null) {
            ids.add(job.deployment().id());
        }
        boolean estateWide = ids.isEmpty();
        // the unit that keeps a loop running is the loop's: its SYD004 says the same loop is to move
        Set<String> moved = new java.util.HashSet<>();
        if (job.supervisor() != null) {
            ids.add(job.supervisor().id());
            if (job.deployment() != null) {
                moved.add(job.supervisor().id());
            }
        }
        if (job.deployment() != null && job.legacy() != null) {
            moved.add(job.legacy().id());
        }
        return inventory.findings().stream()
                .filter(f -> estateWide ? f.jobId() == null : ids.contains(f.jobId()))
                .filter(f -> f.severity() == Severity.BREAKING || f.applicability() != Applicability.MANUAL)
                .filter(f -> !(f.jobId() != null && moved.contains(f.jobId()) && movedByLegacyRecipe(f.code())))
                .toList();
    }

    private static boolean movedByLegacyRecipe(String code) {
        return dev.migrate.analyzers.rules.RuleRegistry.standard().find(code)
                .map(r -> r.fixedBy().contains(LEGACY_MOVE_RECIPE)).orElse(false);
    }

    private Gate deployed(CutoverJob job) {
        Job d = job.deployment();
        return d != null
                ? new Gate(ReadinessState.DEPLOYED, true, "Prefect 3 deployment '" + d.name() + "' at " + at(d))
                : new Gate(ReadinessState.DEPLOYED, false, "no Prefect 3 deployment named '" + job.name()
                        + "' in the estate (prefect.yaml, Python or a prefect deploy command)");
    }

    private static Gate dualRunning(List<EvidenceReader.Validation> runs) {
        if (runs.isEmpty()) {
            return new Gate(ReadinessState.DUAL_RUNNING, false, "no validation recorded (run migrate validate)");
        }
        EvidenceReader.Validation first = runs.get(runs.size() - 1);
        return new Gate(ReadinessState.DUAL_RUNNING, true, runs.size() + " validation(s) since " + first.finishedAt());
    }

    /**
     * Parity needs N runs of the pipelines, checked the same way and recently. Validating the same legacy and new
     * runs again proves nothing new, so only the newest validation of each pair of runs counts (a pair is known
     * when both sides name their run); validations made with another version of the job's validate config than
     * the newest one compared other things; validations older than the policy's age say how the pipelines
     * behaved then.
     */
    private Gate parity(List<EvidenceReader.Validation> all, String current) {
        List<EvidenceReader.Validation> runs = new ArrayList<>();
        Set<String> pairs = new java.util.HashSet<>();
        String digest = current != null ? current : all.isEmpty() ? null : all.get(0).configDigest();
        int again = 0;
        int otherConfig = 0;
        int old = 0;
        for (EvidenceReader.Validation v : all) {
            boolean known = named(v.legacyRun()) && named(v.newRun());
            if (known && !pairs.add(v.legacyRun() + "\u0000" + v.newRun())) {
                again++;
            } else if (digest != null && v.configDigest() != null && !digest.equals(v.configDigest())) {
                otherConfig++;
            } else if (policy.tooOld(v.finishedAt())) {
                old++;
            } else {
                runs.add(v);
            }
        }
        int needed = policy.greenRuns();
        int green = 0;
        while (green < runs.size() && runs.get(green).green()) {
            green++;
        }
        boolean met = green >= needed;
        String latest = runs.stream().limit(needed).map(r -> r.runId() + " " + r.status())
                .collect(Collectors.joining(", "));
        List<String> left = new ArrayList<>();
        if (again > 0) {
            left.add(again + " re-validation(s) of the same legacy and new runs");
        }
        if (otherConfig > 0) {
            left.add(otherConfig + " made with another version of the job's validate config (what is compared changed "
                    + "since: outputs, datasets, keys, tolerances or connections)");
        }
        if (old > 0) {
            left.add(old + " finished more than " + OffsetSchedule.human(policy.maxAge()) + " before "
                    + policy.now() + " (--max-evidence-age): validate the current runs again");
        }
        return new Gate(ReadinessState.PARITY_PROVEN, met, green + " consecutive green of " + needed + " needed"
                + (latest.isEmpty() ? "" : " (latest: " + latest + ")")
                + (left.isEmpty() ? "" : "; not counted: " + String.join("; ", left)));
    }

    private static boolean named(String run) {
        return run != null && !run.isBlank() && !run.equals("unspecified");
    }

    private static Gate person(ReadinessState state, EvidenceReader.Recorded r, PersonGate gate, CutoverJob job) {
        return r != null
                ? new Gate(state, true, recordedText(r))
                : new Gate(state, false, "not recorded: migrate cutover record " + job.key() + " " + gate.slug()
                        + " --by NAME --note ...");
    }

    private static String recordedText(EvidenceReader.Recorded r) {
        return r.gate() + " recorded by " + r.by() + " at " + r.recordedAt()
                + (r.note() == null || r.note().isBlank() ? "" : " (" + r.note() + ")");
    }

    private Gate legacyDisabled(CutoverJob job, EvidenceReader.Recorded r) {
        List<DisableMarker> ms = markersOf(job);
        if (!ms.isEmpty()) {
            return new Gate(ReadinessState.LEGACY_DISABLED, true, "disabled " + ms.get(0).date() + " by migrate marker at "
                    + ms.stream().map(DisableMarker::where).collect(Collectors.joining(", ")));
        }
        if (job.legacy() == null && job.deployment() != null
                && deletedByCleanup.containsKey(CutoverJob.deploymentName(job.deployment()))) {
            return new Gate(ReadinessState.LEGACY_DISABLED, true, deletedByCleanup.get(CutoverJob.deploymentName(job.deployment())));
        }
        return person(ReadinessState.LEGACY_DISABLED, r, PersonGate.LEGACY_DISABLED, job);
    }

    private Gate decommissioned(CutoverJob job, Map<PersonGate, EvidenceReader.Recorded> recorded) {
        List<String> missing = new ArrayList<>();
        for (PersonGate g : List.of(PersonGate.LEGACY_CODE_REMOVED, PersonGate.RUNBOOKS_UPDATED)) {
            if (!recorded.containsKey(g)) {
                missing.add(g.slug());
            }
        }
        if (!missing.isEmpty()) {
            return new Gate(ReadinessState.DECOMMISSIONED, false, "not recorded: " + String.join(", ", missing));
        }
        if (job.legacy() != null) {
            return new Gate(ReadinessState.DECOMMISSIONED, false, "legacy-code-removed was recorded, but the scan "
                    + "still finds the legacy job at " + at(job.legacy()));
        }
        if (!markersOf(job).isEmpty()) {
            return new Gate(ReadinessState.DECOMMISSIONED, false, "legacy-code-removed was recorded, but the disabled "
                    + "legacy line is still at " + markersOf(job).get(0).where());
        }
        return new Gate(ReadinessState.DECOMMISSIONED, true, recorded.values().stream()
                .filter(r -> Objects.equals(PersonGate.parse(r.gate()), PersonGate.LEGACY_CODE_REMOVED)
                        || Objects.equals(PersonGate.parse(r.gate()), PersonGate.RUNBOOKS_UPDATED))
                .map(ReadinessAssessor::recordedText).sorted().collect(Collectors.joining("; ")));
    }

    static String at(Job j) {
        return place(j.source());
    }

    /** {@code path:line}, or the path alone for what stands for a whole file (line 0), never {@code path:0}. */
    static String place(dev.migrate.analyzers.model.SourceRef where) {
        return where.line() > 0 ? where.path() + ":" + where.line() : where.path();
    }
}
