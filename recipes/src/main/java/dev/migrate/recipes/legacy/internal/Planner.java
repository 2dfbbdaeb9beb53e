package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.rewriters.crontab.CrontabFile;
import dev.migrate.rewriters.crontab.CrontabFormat;
import dev.migrate.rewriters.crontab.CrontabLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the scanned texts into a {@link Plan} for one phase. */
final class Planner {
    private final LegacyEstate.Options o;
    private final Map<String, String> codes;
    private final Map<String, String> texts;
    private final Map<String, String> links;
    private final String out;

    /**
     * @param links the project's symbolic links, each with its text (read as the scan reads them, never followed)
     * @param codes filled with the scan finding code of each detected job, by id
     */
    Planner(LegacyEstate.Options options, Map<String, String> texts, Map<String, String> links, Map<String, String> codes) {
        this.codes = codes;
        this.links = links;
        this.o = options;
        this.texts = texts;
        this.out = options.outputDir().replaceAll("/+$", "");
    }

    Plan plan() {
        ScheduleCheck check = new ScheduleCheck(o.hostZone(), o.reference());
        // Scripts are read as they were before our cutover markers, so every phase finds the same registrations.
        Map<String, String> originals = new TreeMap<>(texts);
        originals.replaceAll((path, text) -> path.endsWith(".py") ? RegistrationMarkers.enableAll(text) : text);
        // the dumps' etc/passwd and etc/group: whose home WorkingDirectory=~ is, a user unit owner's ids and shell
        HostAccounts accounts = HostAccounts.of(originals);
        String manifestPath = out + "/" + Manifest.FILE;
        Manifest previous = texts.containsKey(manifestPath) ? Manifest.read(texts.get(manifestPath)) : Manifest.EMPTY;
        List<Job> detected = new ArrayList<>(DistinctIds.of(LegacyEstate.detect(originals, withRemovedWantsLinks(previous),
                check, p -> p.startsWith(out + "/"), codes))
                .stream().map(j -> ScriptUnits.withHostPaths(j, originals)).map(j -> ServiceExecLines.annotate(j, originals))
                .map(j -> ScriptUnits.withExpansionNote(j, originals)).map(j -> ServiceSpecifiers.expand(j, accounts))
                .map(j -> RuntimeUnits.withOwner(j, accounts)).toList());
        List<String> consumed = new ArrayList<>();
        // The scan's loop jobs LoopJobs migrates go (into consumed); the others are reported as left alone.
        List<Job> loops = LoopJobs.of(originals, out, detected, consumed);
        java.util.Set<String> services = new java.util.HashSet<>();
        Map<String, Job> before = new java.util.HashMap<>();
        previous.jobs().forEach(j -> before.put(j.id(), j));
        Map<String, InProcessJobs.Resolved> inProcess = InProcessJobs.of(originals, detected, before, services);
        detected = AnacronJobs.of(JavaJobs.of(detected, services), originals);
        consumed.addAll(services);
        detected = new ArrayList<>(detected.stream().map(j -> inProcess.containsKey(j.id()) ? inProcess.get(j.id()).job() : j).toList());
        detected.removeIf(j -> consumed.contains(j.id()));
        detected.addAll(loops);
        // what the service ran them with (Nice=, IOSchedulingClass= ...): a Java job's command gets it, the rest are notes
        detected.replaceAll(j -> ServiceResources.inProcessNotes(ServiceResources.withCommandPrefix(j, originals), originals));
        Map<String, String> leftAlone = new TreeMap<>();
        detected.addAll(CivisJobs.of(texts, out, leftAlone));
        Map<String, Job> migrated = new TreeMap<>();
        List<Job> notMoved = new ArrayList<>();
        Map<String, List<Integer>> currentLine = new LinkedHashMap<>();
        for (Job found : detected) {
            // Reports name crontab lines as they were before our markers went in, so every phase says the same.
            Job j = LegacyEstate.isKind(found, JobKind.CRON, JobKind.ANACRON) && texts.containsKey(found.source().path())
                    ? LegacyEstate.beforeMarkers(found, LegacyEstate.markerLines(texts.get(found.source().path()))) : found;
            String why = inProcess.containsKey(j.id()) && inProcess.get(j.id()).problem() != null
                    ? inProcess.get(j.id()).problem() : reasonToLeave(found);
            if (why != null) {
                leftAlone.put(labelBeforeMarkers(found), why);
                notMoved.add(found);
                continue;
            }
            currentLine.put(j.id(), LegacyEstate.lines(found));
            migrated.put(j.id(), j);
        }
        // An entry that runs a run-parts directory says which deployments its scripts became, once all are known.
        for (Job d : notMoved) {
            String label = labelBeforeMarkers(d);
            if (dev.migrate.analyzers.model.RunPartsDirectories.dispatches(d) && leftAlone.containsKey(label) && leftAlone.get(label).startsWith(DISPATCHES)) {
                leftAlone.put(label, DispatchEntries.todo(d, migrated.values(), notMoved));
            }
        }
        // Jobs whose legacy files the cleanup deleted are known from the manifest only.
        previous.jobs().forEach(j -> migrated.putIfAbsent(j.id(), j));
        scopeSecretBlocks(migrated);
        Map<String, String> files = new TreeMap<>();
        Map<String, List<Integer>> markers = new TreeMap<>();
        InProcessEdits scripts = new InProcessEdits(texts, originals, inProcess, migrated.keySet(), out);
        scripts.apply(o.phase(), o.asOf(), files, markers);
        // loops and schedulers a supervisor program or a compose service keeps running, switched off like a loop's service
        // (whether the cutover comments out every registration of a scheduler script: so the dual run says what it will do)
        InProcessEdits atCutover = new InProcessEdits(texts, originals, inProcess, migrated.keySet(), out);
        atCutover.apply(Phase.CUTOVER, o.asOf(), new TreeMap<>(), new TreeMap<>());
        KeptRunning.annotate(o.phase(), migrated, originals, atCutover.cutOverScripts(), before);
        List<JobPlan> jobs = migrated.values().stream()
                .map(j -> JobPlan.of(j, check, o.reference(), o.offsetMinutes(), o.poolPrefix(), passwords(migrated.values()))
                        .withNote(scripts.manualNotes().get(j.id())))
                .sorted(Comparator.comparing(JobPlan::deploymentName)).toList();
        Map<String, String> wrapped = new TreeMap<>();
        jobs = jobs.stream().map(p -> wrapCivisScript(p, wrapped)).map(this::shellNote).map(RuntimeUnits::withNote)
.map(p -> o.phase() == Phase.DUAL_RUN ? DualRunWrites.withNote(p) : p)
                .map(p -> p.withNote(KeptRunning.note(p.job()))).toList();

        crontabEdits(migrated.values(), currentLine, files, markers);
        TreeSet<String> deleted = new TreeSet<>();
        KeptRunning.apply(o.phase(), o.asOf(), migrated.values(), texts, files, deleted);
        List<VendorUnits.Mask> masked = List.of();
        TreeSet<String> replacedCopies = new TreeSet<>();
        if (o.phase() == Phase.CLEANUP) {
            Map<String, String> edited = new TreeMap<>(files);
            deleteLegacyFiles(jobs, files, deleted);
            UnitDropIns.addTo(jobs.stream().map(JobPlan::job).toList(), texts.keySet(), deleted);
            jobs = SharedUnits.keep(jobs, notMoved, texts.keySet(), deleted);
            TreeSet<String> goes = deleted;
            jobs = jobs.stream().map(p -> scriptWrittenUnits(p, goes)).toList();
            jobs = keepSecretSources(jobs, deleted, edited, files);
            TreeSet<String> schedulerFiles = new TreeSet<>(scripts.deletions());
            UnitDropIns.addTo(List.of(), texts.keySet(), schedulerFiles); // those of the scheduler services that go
            for (String gone : schedulerFiles) {
                files.remove(gone);
                deleted.add(gone);
            }
            jobs = SharedDropIns.keep(jobs, deleted); // every user's manager reads them: only the host's owner knows who needs them
            // a package's unit files stay (masked on the host instead), and with them the drop-ins that configure them
            VendorUnits.Kept vendor = VendorUnits.keep(jobs, texts.keySet(), deleted, files);
            jobs = vendor.jobs();
            masked = vendor.masked();
            masked.stream().filter(VendorUnits.Mask::replaced).map(VendorUnits.Mask::override).forEach(replacedCopies::add);
            UnitDropIns.keepThoseOfKeptUnits(texts.keySet(), deleted);
            // the links that would point at a deleted unit, or enable one gone or masked, go with it
            deleted.addAll(DanglingLinks.of(links, deleted, masked.stream().map(VendorUnits.Mask::path).toList()));
            RuntimeUnits.keep(texts, deleted, files); // runtime copies: the next boot forgets them, what wrote them writes them again
            markers.keySet().removeAll(deleted);
        }
        // Deleted legacy files stay listed (rollback, references) on later runs, when they no longer exist.
        TreeSet<String> removed = new TreeSet<>(deleted);
        removed.addAll(replacedCopies); // emptied to mask a package's unit: listed, restored and removed on the host as deleted
        if (o.phase() == Phase.CLEANUP) {
            removed.addAll(previous.removed());
        }
        List<String> references = references(removed);

        Plan draft = new Plan(o.phase(), o.asOf(), o.hostZone(), o.offsetMinutes(), jobs, leftAlone, references,
                files, removed, markers, masked);
        if (jobs.isEmpty() && previous.jobs().isEmpty()) {
            // Nothing to move: no project is generated, so a repository without legacy jobs stays as it is.
            return new Plan(o.phase(), o.asOf(), o.hostZone(), o.offsetMinutes(), jobs, leftAlone, references, files,
                    deleted, markers);
        }
        Map<String, String> generated = new TreeMap<>();
        for (JobPlan p : jobs) {
            String module = out + "/flows/" + p.module() + ".py";
            String text = wrapped.containsKey(p.job().id()) ? wrapped.get(p.job().id())
                    : flowModule(p, inProcess.get(p.job().id()), texts.get(module));
            if (text != null) {
                generated.put(module, text);
            }
        }
        generated.put(out + "/prefect.yaml", PrefectYamlText.text(jobs, o.phase(), o.prefectPin(), o.sandboxRoot()));
        if (o.prefectShell()) {
            generated.put(out + "/requirements.txt", "# Generated by migrate: what the flows under flows/ import.\nprefect=="
                    + o.prefectPin() + "\nprefect-shell  # ShellOperation runs the legacy commands; pin the version you test with\n");
        }
        generated.put(out + "/MIGRATION.md", MigrationReport.text(draft));
        generated.put(out + "/ROLLBACK.md", Rollback.markdown(draft, out));
        if (o.phase().atLeast(Phase.CUTOVER)) {
            generated.put(out + "/cutover.sh", Rollback.cutoverScript(draft, out));
        }
        if (o.phase() == Phase.CLEANUP) {
            generated.put(out + "/cleanup.sh", Rollback.cleanupScript(draft, out));
        }
        List<String> generatedPaths = new ArrayList<>(generated.keySet());
        generatedPaths.add(manifestPath);
        java.util.Collections.sort(generatedPaths);
        Map<String, java.util.Set<String>> secretVariables = new TreeMap<>();
        jobs.forEach(p -> secretVariables.put(p.job().id(), p.secretEnv().keySet()));
        generated.put(manifestPath, Manifest.text(o.phase(), migrated.values().stream().toList(), generatedPaths, List.copyOf(removed),
                secretVariables));
        List<String> foreign = generated.keySet().stream()
                .filter(path -> texts.containsKey(path) && !previous.generated().contains(path)).toList();
        if (!foreign.isEmpty()) {
            // Never overwrite a file migrate did not write: nothing is generated and the legacy side is not touched.
            Map<String, String> why = new TreeMap<>();
            foreign.forEach(path -> why.put(path, "exists and was not written by migrate (it is not in " + manifestPath
                    + "); nothing was generated: set the outputDirectory option to a new directory"));
            return new Plan(o.phase(), o.asOf(), o.hostZone(), o.offsetMinutes(), List.of(), why, List.of(), Map.of(),
                    java.util.Set.of(), Map.of());
        }
        for (String stale : previous.generated()) {
            if (!generated.containsKey(stale) && texts.containsKey(stale)) {
                deleted.add(stale);
            }
        }
        files.putAll(generated);
        return new Plan(o.phase(), o.asOf(), o.hostZone(), o.offsetMinutes(), jobs, leftAlone, references, files, deleted, markers,
                masked);
    }

    /**
     * The tree's links, with the {@code .wants} links an earlier cleanup deleted (listed in the manifest) read again by
     * name: they enabled units that are gone or masked, so they enable no job, but they still say the dump holds its
     * host's links, on which whether a timer left on the host is disabled depends (without them a dump whose only links
     * went with their units would turn its disabled timers into jobs to migrate on the next run).
     */
    private Map<String, String> withRemovedWantsLinks(Manifest previous) {
        Map<String, String> all = new TreeMap<>(links);
        previous.removed().stream().filter(p -> p.matches(".*/[^/]+\\.(?:wants|requires|upholds)/[^/]+\\.(?:timer|service)"))
                .filter(p -> !texts.containsKey(p)).forEach(p -> all.putIfAbsent(p, ""));
        return all;
    }

    /**
     * A Civis container script that runs one Python script of the project becomes a flow wrapping that script's code
     * (seed 004); its module text goes into {@code wrapped}. Otherwise the flow runs the command.
     */
    private JobPlan wrapCivisScript(JobPlan p, Map<String, String> wrapped) {
        if (p.job().kind() != JobKind.CIVIS_SCRIPT || p.job().command() == null) {
            return p;
        }
        java.util.regex.Matcher m = CIVIS_PYTHON.matcher(p.job().command().strip());
        if (!m.matches() || !texts.containsKey(m.group(1))) {
            return p;
        }
        int depth = out.split("/").length + 1;
        ScriptFlowModule flow = ScriptFlowModule.of(p, m.group(1), texts.get(m.group(1)), depth, o.taskMapLimit());
        if (flow.problem() != null) {
            return p.withNote("the flow runs the container command, not the script's code: " + flow.problem());
        }
        wrapped.put(p.job().id(), flow.text());
        JobPlan w = p.withEntryFunction(ScriptFlowModule.flowFunction(flow.text()));
        for (String note : flow.notes()) {
            w = w.withNote(note);
        }
        if (m.group(2) != null && !m.group(2).isBlank()) {
            w = w.withNote("the script's arguments (" + m.group(2).strip() + ") are not passed: it does not read them");
        }
        return w;
    }

    /** {@code [pip install -r requirements.txt &&] python path/to/script.py [args]}, as Civis container commands run scripts. */
    private static final java.util.regex.Pattern CIVIS_PYTHON = java.util.regex.Pattern.compile(
            "(?:pip3? install -r \\S+\\s*&&\\s*)?python3?\\s+([\\w./-]+\\.py)((?:\\s+[\\w.=-]+)*)");

    /** With the prefect-shell option, the one case that stays on subprocess says why. */
    private JobPlan shellNote(JobPlan p) {
        boolean commandFlow = !InProcessJobs.isInProcess(p.job()) && p.job().kind() != JobKind.PYTHON_SLEEP_LOOP && p.entryFunction() == null;
        if (o.prefectShell() && commandFlow && !FlowModule.usesShellOperation(p, true)) {
            return p.withNote("runs through subprocess despite prefect-shell: ShellOperation cannot feed the command's standard input");
        }
        return p;
    }

    private String flowModule(JobPlan p, InProcessJobs.Resolved resolved, String existing) {
        if (p.job().kind() == JobKind.PYTHON_SLEEP_LOOP) {
            return LoopFlowModule.text(p, texts.get(p.job().source().path()), existing);
        }
        if (InProcessJobs.isInProcess(p.job())) {
            // Once the cleanup deleted the scheduler script, the module generated from it is all there is.
            return resolved == null ? existing : CallableFlowModule.text(p, resolved, out.split("/").length + 1);
        }
        return FlowModule.text(p, o.prefectShell());
    }

    /**
     * The variables some job hands to a password option ({@code mysqldump -p$MYSQL_PW}), as {@code path NUL name} of
     * the file that sets them: their value is a secret for every job of that file, also one whose command does not
     * read it (cron gives every line of a crontab all its variables).
     */
    private static java.util.Set<String> passwords(java.util.Collection<Job> jobs) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (Job j : jobs) {
            j.env().keySet().stream().filter(n -> JobPlan.passedAsSecret(j.command(), n))
                    .forEach(n -> out.add(JobPlan.variableKey(j, n)));
        }
        return out;
    }

    /** How the Not-migrated list names a job: its id and where it is, counted before the cutover's markers. */
    private String labelBeforeMarkers(Job found) {
        Job j = LegacyEstate.isKind(found, JobKind.CRON, JobKind.ANACRON) && texts.containsKey(found.source().path())
                ? LegacyEstate.beforeMarkers(found, LegacyEstate.markerLines(texts.get(found.source().path()))) : found;
        return j.id() + " (" + j.source() + ")";
    }

    /** The start of the reason a run-parts dispatch entry is left; {@link DispatchEntries} words it in full. */
    private static final String DISPATCHES = "dispatches a run-parts directory";

    /** Null when this recipe migrates the job; otherwise why it is left alone. */
    private String reasonToLeave(Job j) {
        if (!LegacyJobKinds.MOVED.contains(j.kind())) {
            return "kind " + j.kind().slug() + " is not handled by this recipe";
        }
        if (j.kind() == JobKind.PYTHON_SLEEP_LOOP && !j.attributes().containsKey(LoopJobs.ENTRY_POINT)) {
            return dev.migrate.analyzers.model.SleepLoopCycle.NO_CYCLE;
        }
        if (AnacronJobs.dispatches(j)) {
            return DISPATCHES;
        }
        if (j.kind() == JobKind.CRON_RUN_PARTS && "true".equals(j.attributes().get("runParts.skipped"))) {
            return "run-parts skips this name (only letters, digits, _ and - run), so it never ran; rename it or delete it";
        }
        if (j.kind() == JobKind.CRON_RUN_PARTS && dev.migrate.analyzers.model.RunPartsDirectories.runsAnacron(texts.get(j.source().path()))) {
            return "TODO keep it on the host by hand: it runs anacron itself, which runs every entry of the anacrontab, "
                    + "those left on the host too (a flow running it would start anacron from a worker, and cutover.sh "
                    + "would switch anacron off)";
        }
        if (JavaJobs.isJava(j) && !j.attributes().containsKey(JavaJobs.TARGET)) {
            return "no systemd service runs this application's jar; write the flow's java command by hand";
        }
        if (JavaJobs.isJava(j) && "true".equals(j.attributes().get("disabled"))) {
            return "disabled in the application (cron = \"-\")";
        }
        if (j.kind() == JobKind.SYSTEMD_TIMER && "true".equals(j.attributes().get("disabled"))) {
            // the host does not run it (no .wants link enables it): an active deployment would start a job that does not run
            return "disabled on the host (it has [Install] and no .wants link enables it); migrate it by hand as a paused "
                    + "deployment, delete it, or keep it disabled";
        }
        if (j.command() == null && j.kind() == JobKind.SYSTEMD_TIMER) {
            return "the unit the timer starts was not found";
        }
        if (j.kind() == JobKind.CRON || j.kind() == JobKind.ANACRON) {
            String text = texts.get(j.source().path());
            if ("true".equals(j.attributes().get("disabled"))
                    && CrontabFile.parse(text, format(j)).markerIndexOf(j.id()) < 0) {
                return "disabled in the crontab by hand; migrate, delete or keep it disabled";
            }
            if (j.attributes().containsKey("crontab.embeddedIn")) {
                return "the crontab is written by a script (" + j.attributes().get("crontab.embeddedIn") + "); move it by hand";
            }
            if (j.command().contains("run-parts")) {
                return DISPATCHES;
            }
        }
        boolean clock = j.schedules().stream().anyMatch(s -> {
            var plan = PlannedSchedule.of(s, j.attributes(), new ScheduleCheck(o.hostZone(), o.reference()), o.reference(), 0);
            return plan.translation() != null && plan.translation().target() != null;
        });
        if (clock) {
            return null;
        }
        return j.schedules().isEmpty()
                ? "its schedule could not be read (the scan reports why, at " + j.source() + "); correct it, or keep it on the host"
                : "no schedule Prefect can express (" + String.join(", ", j.schedules().stream().map(s -> s.expression()).toList())
                        + "); keep it on the host";
    }

    private void crontabEdits(java.util.Collection<Job> jobs, Map<String, List<Integer>> currentLine, Map<String, String> files,
                              Map<String, List<Integer>> markers) {
        Map<String, List<Job>> byFile = new TreeMap<>();
        jobs.stream().filter(j -> LegacyEstate.isKind(j, JobKind.CRON, JobKind.ANACRON) && texts.containsKey(j.source().path()))
                .forEach(j -> byFile.computeIfAbsent(j.source().path(), k -> new ArrayList<>()).add(j));
        for (Map.Entry<String, List<Job>> e : byFile.entrySet()) {
            CrontabFile file = CrontabFile.parse(texts.get(e.getKey()), format(e.getValue().get(0)));
            // a job of several lines (one command, several schedules) is switched line by line, from the bottom up
            java.util.Set<String> marked = new java.util.HashSet<>();
            List<Map.Entry<Job, Integer>> bottomUp = new ArrayList<>();
            for (Job j : e.getValue()) {
                if (file.markerIndexOf(j.id()) >= 0) {
                    marked.add(j.id());
                }
                currentLine.getOrDefault(j.id(), List.of()).forEach(line -> bottomUp.add(Map.entry(j, line)));
            }
            bottomUp.sort(Map.Entry.<Job, Integer>comparingByValue().reversed());
            if (o.phase() == Phase.DUAL_RUN) {
                for (Job j : e.getValue()) {
                    for (int marker = file.markerIndexOf(j.id()); marker >= 0; marker = file.markerIndexOf(j.id())) {
                        CrontabFile enabled = file.withEntryEnabled(marker);
                        if (enabled == file) {
                            break; // a marker line with no entry under it: nothing to enable
                        }
                        file = enabled;
                    }
                }
            } else {
                for (Map.Entry<Job, Integer> line : bottomUp) {
                    int index = line.getValue() - 1;
                    if (!marked.contains(line.getKey().id()) && index < file.lines().size()
                            && file.lines().get(index) instanceof CrontabLine.Entry) {
                        file = file.withEntryDisabled(index, line.getKey().id(), o.asOf());
                    }
                }
            }
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < file.lines().size(); i++) {
                if (file.lines().get(i) instanceof CrontabLine.Comment c && c.text().startsWith(CrontabFile.DISABLED_MARKER)
                        && e.getValue().stream().anyMatch(j -> c.text().startsWith(CrontabFile.DISABLED_MARKER + j.id() + " "))) {
                    lines.add(file.lineNumber(i));
                }
            }
            if (!lines.isEmpty()) {
                java.util.Collections.sort(lines);
                markers.put(e.getKey(), lines);
            }
            String text = file.print();
            if (!text.equals(texts.get(e.getKey()))) {
                files.put(e.getKey(), text);
            }
        }
    }

    private void deleteLegacyFiles(List<JobPlan> jobs, Map<String, String> files, TreeSet<String> deleted) {
        for (JobPlan p : jobs) {
            Job j = p.job();
            if (j.kind() == JobKind.PYTHON_SLEEP_LOOP) {
                // The generated flow carries the script's code, so the script can go (seed 000), unless it is not copied.
                if (LoopFlowModule.copiesScript(j, texts.get(j.source().path()))) {
                    addIfPresent(deleted, j.source().path());
                }
                String service = j.attributes().get("service");
                if (service != null) {
                    addIfPresent(deleted, service);
                }
            }
            if (j.kind() == JobKind.SYSTEMD_TIMER && j.attributes().containsKey("systemd.embeddedIn")) {
                continue; // the script that writes the units does more than that: it stays (a note says what to edit)
            }
            if (j.kind() == JobKind.SYSTEMD_TIMER) {
                addIfPresent(deleted, j.source().path());
                // the dump's copies of the template that enabled its instances (links are no files here)
                for (String copy : j.attributes().getOrDefault("systemd.enabledBy", "").split(" ")) {
                    addIfPresent(deleted, copy);
                }
                String service = j.attributes().get("service");
                if (service != null) {
                    addIfPresent(deleted, service);
                }
            }
        }
        // A crontab whose every entry is one we disabled runs nothing any more: it is deleted. Entries disabled
        // by hand are someone's decision and keep their file.
        for (String path : new TreeSet<>(texts.keySet())) {
            Job any = jobs.stream().map(JobPlan::job).filter(j -> LegacyEstate.isKind(j, JobKind.CRON, JobKind.ANACRON)
                    && j.source().path().equals(path))
                    .findFirst().orElse(null);
            if (any != null && onlyOurDisabledEntries(CrontabFile.parse(files.getOrDefault(path, texts.get(path)), format(any)))) {
                files.remove(path);
                deleted.add(path);
            }
        }
    }

    /**
     * Until the user says the Secret blocks exist, the cleanup keeps the legacy files holding what they must contain:
     * the blocks are created by hand from those files, and a flow whose block is missing fails while its legacy job is
     * already off. Each job whose file is kept says so, and how to let the cleanup go on.
     *
     * @param edited the legacy files as this phase writes them, before the cleanup took the deleted ones out
     */
    private List<JobPlan> keepSecretSources(List<JobPlan> jobs, TreeSet<String> deleted, Map<String, String> edited,
                                            Map<String, String> files) {
        if (o.secretBlocksCreated()) {
            return jobs;
        }
        java.util.Set<String> kept = new java.util.TreeSet<>();
        jobs.forEach(p -> p.secretSources().stream().filter(deleted::contains).forEach(kept::add));
        deleted.removeAll(kept);
        kept.stream().filter(edited::containsKey).forEach(f -> files.put(f, edited.get(f)));
        return jobs.stream().map(p -> {
            List<String> held = p.secretSources().stream().filter(kept::contains).toList();
            return held.isEmpty() ? p : p.withNote("cleanup kept " + String.join(", ", held) + ": it holds what the Secret "
                    + "block(s) " + String.join(", ", p.secretBlocks().stream().map(b -> "'" + b + "'").toList())
                    + " must contain; create them (prefect block inspect secret/NAME shows one exists), then run the "
                    + "cleanup again with --option secretBlocksCreated=true");
        }).toList();
    }

    /**
     * A timer whose units a provisioning script writes: the cleanup cannot delete the script (it does more than that)
     * and the script installs the units again on its next run, so the here-documents are removed by hand, those of the
     * units' own drop-ins too ({@code report.service.d/limits.conf}), which the host keeps as well. Those of a type or a
     * prefix ({@code service.d/10-user.conf}) configure other units and are not named; a drop-in file of the tree the
     * cleanup deletes is removed from the host by cleanup.sh.
     *
     * @param deleted the files the cleanup deletes
     */
    private JobPlan scriptWrittenUnits(JobPlan p, java.util.Set<String> deleted) {
        Job j = p.job();
        if (j.kind() != JobKind.SYSTEMD_TIMER || !j.attributes().containsKey("systemd.embeddedIn")) {
            return p;
        }
        List<String> installed = new ArrayList<>();
        java.util.stream.Stream.of(ScriptUnits.HOST_TIMER, ScriptUnits.HOST_SERVICE).map(j.attributes()::get)
                .filter(java.util.Objects::nonNull).forEach(w -> installed.add(HostUnits.hostPath(w)));
        List<String> hereDocuments = new ArrayList<>();
        for (String key : List.of("timer.dropIns", "service.dropIns")) {
            for (String d : j.attributes().getOrDefault(key, "").split("\\s+")) {
                if (d.isEmpty() || texts.containsKey(d) && (UnitDropIns.shared(d) || deleted.contains(d))) {
                    continue; // a type's or prefix's configures other units; cleanup.sh removes a deleted one
                }
                java.util.Optional<String> written = texts.containsKey(d) ? java.util.Optional.of(d)
                        : ScriptUnits.writtenDropIn(d, texts);
                if (written.isPresent() && UnitDropIns.shared(written.get())) {
                    continue;
                }
                if (!texts.containsKey(d)) {
                    hereDocuments.add(d);
                }
                written.map(HostUnits::hostPath).filter(h -> !installed.contains(h)).ifPresent(installed::add);
            }
        }
        return p.withNote("cleanup keeps " + j.source().path() + ": it writes the timer (" + j.source() + ") and the service ("
                + j.attributes().get("service") + ") with here-documents"
                + (hereDocuments.isEmpty() ? "" : ", and their drop-ins (" + String.join(", ", hereDocuments) + ")")
                + ", among other steps; delete those and the systemctl commands that enable them by hand, or its next run "
                + "installs the timer again"
                + (installed.isEmpty() ? "" : ", and remove " + String.join(" and ", installed) + " from the host"));
    }

    private static boolean onlyOurDisabledEntries(CrontabFile file) {
        List<CrontabLine> lines = file.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) instanceof CrontabLine.Entry) {
                return false;
            }
            if (lines.get(i) instanceof CrontabLine.DisabledEntry && (i == 0
                    || !(lines.get(i - 1) instanceof CrontabLine.Comment c && c.text().startsWith(CrontabFile.DISABLED_MARKER)))) {
                return false;
            }
        }
        return true;
    }

    private void addIfPresent(TreeSet<String> deleted, String path) {
        if (texts.containsKey(path)) {
            deleted.add(path);
        }
    }

    /** READMEs and runbooks that name a deleted file: listed for editing, never edited. */
    private List<String> references(TreeSet<String> deleted) {
        List<String> refs = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            String path = e.getKey();
            if (path.startsWith(out + "/") || !path.matches("(?i).*\\.(md|rst|txt)|.*README.*|.*RUNBOOK.*")) {
                continue;
            }
            String[] lines = e.getValue().split("\n", -1);
            for (String gone : deleted) {
                String name = gone.substring(gone.lastIndexOf('/') + 1);
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains(name)) {
                        refs.add(path + ":" + (i + 1) + " mentions " + name);
                    }
                }
            }
        }
        return refs.stream().distinct().toList(); // a unit and its .wants link share a name
    }

    private static CrontabFormat format(Job j) {
        return switch (j.attributes().getOrDefault("crontab.format", "")) {
            case "system" -> CrontabFormat.SYSTEM;
            case "anacron" -> CrontabFormat.ANACRON;
            default -> CrontabFormat.USER;
        };
    }

    /**
     * Secret blocks are named after the job and the variable, so that every job of a crontab reading MYSQL_PW shares
     * one. Jobs of one name whose values come from different places (two crontabs' {@code backup} lines, each file
     * with its own MYSQL_PW; two Civis scripts of one name) would share a block holding only one of the values:
     * theirs are named after the job's id instead.
     */
    private static void scopeSecretBlocks(Map<String, Job> migrated) {
        Map<String, java.util.Set<String>> origins = new java.util.HashMap<>();
        migrated.values().forEach(j -> origins.computeIfAbsent(JobPlan.displayName(j), k -> new java.util.HashSet<>())
                .add(secretOrigin(j)));
        migrated.replaceAll((id, j) -> {
            if (origins.get(JobPlan.displayName(j)).size() < 2) {
                return j;
            }
            Map<String, String> attributes = new LinkedHashMap<>(j.attributes());
            attributes.put(JobPlan.SECRET_SCOPE, j.id());
            return new Job(j.id(), j.kind(), j.name(), j.source(), j.schedules(), j.command(), j.user(), j.env(), j.workingDir(),
                    j.overlap(), j.dependsOn(), attributes);
        });
    }

    /** Where a job's secret values are written: its service unit, its Civis script, else its file. */
    private static String secretOrigin(Job j) {
        String civis = j.attributes().get(CivisJobs.SCRIPT_ID);
        return j.attributes().getOrDefault("service", j.source().path()) + (civis == null ? "" : "#" + civis);
    }
}
