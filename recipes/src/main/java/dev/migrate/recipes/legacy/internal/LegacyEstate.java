package dev.migrate.recipes.legacy.internal;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.rules.RuleRegistry;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.sources.cron.CrontabDetector;
import dev.migrate.analyzers.sources.java.QuartzJavaDetector;
import dev.migrate.analyzers.sources.java.QuartzXmlDetector;
import dev.migrate.analyzers.sources.java.SpringScheduledDetector;
import dev.migrate.analyzers.sources.python.ApschedulerDetector;
import dev.migrate.analyzers.sources.python.CeleryBeatDetector;
import dev.migrate.analyzers.sources.python.SleepLoopDetector;
import dev.migrate.analyzers.sources.python.ScheduleLibDetector;
import dev.migrate.analyzers.sources.systemd.SystemdDetector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the scanning pass saw (the text of every file) and the plan computed from it once, after the scan: the
 * same detectors as {@code migrate scan} find the jobs, so the inventory and the generated project agree.
 */
public final class LegacyEstate {
    private final Map<String, String> texts = new TreeMap<>();
    /** The project's symbolic links, each with its text (where it points, as written). */
    private final Map<String, String> links = new TreeMap<>();
    /** The recipe the rules of the jobs it moves name as their fix. */
    private static final String FIXED_BY = "dev.migrate.recipes.legacy.MoveLegacySchedulersToPrefect3";
    private Plan plan;
    /** The finding code each detected job has in the scan, by job id (see {@link #detect}). */
    private final Map<String, String> codes = new java.util.HashMap<>();
    private boolean reported;

    public void add(String path, String text) {
        texts.put(path, text);
    }

    /**
     * The project's symbolic links with their text, read as the scan reads them (an enabled template instance by its
     * name, a unit masked by its link to /dev/null), never followed; before the plan is made.
     */
    public void links(Map<String, String> targets) {
        links.clear();
        links.putAll(targets);
    }

    /** True the first time only: the plan's notes go into the data table once per run. */
    public boolean firstReport() {
        boolean first = !reported;
        reported = true;
        return first;
    }

    /** Whether {@code path} is one of the project's symbolic links (read by name and text, never as a file). */
    public boolean isLink(String path) {
        return links.containsKey(path);
    }

    public boolean exists(String path) {
        return texts.containsKey(path);
    }

    public String text(String path) {
        return texts.get(path);
    }

    /** The plan, computed on first use; the options never change within one recipe run. */
    public Plan plan(Options options) {
        if (plan == null) {
            plan = new Planner(options, texts, links, codes).plan();
        }
        return plan;
    }

    /** The code of the scan finding each job was reported with ({@code CRN001}, {@code SYD001}), by job id. */
    public Map<String, String> codes() {
        return codes;
    }

    /** The recipe's options, already validated. */
    public record Options(Phase phase, int offsetMinutes, String sandboxRoot, String outputDir, LocalDate asOf,
                          ZoneId hostZone, String poolPrefix, String prefectPin, Integer taskMapLimit, boolean prefectShell,
                          boolean secretBlocksCreated) {
        /** The recipe's defaults, named once: the cutover plan (cli) predicts what the recipe writes with them. */
        public static final int DEFAULT_OFFSET_MINUTES = 15;
        public static final String DEFAULT_SANDBOX_ROOT = "/srv/prefect-sandbox";
        public static final String DEFAULT_OUTPUT_DIR = "prefect";
        public static final String DEFAULT_POOL_PREFIX = "legacy-host";

        Instant reference() {
            return asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }

    /**
     * Runs the cron, systemd, in-process scheduler and Java job detectors over the scanned texts, in path order, and
     * puts into {@code codes} the finding code of each job, by job id: the plan's notes carry it, so a note names the
     * rule whose doc explains it.
     */
    static List<Job> detect(Map<String, String> texts, Map<String, String> links, ScheduleCheck check,
                            Function<String, Boolean> skip, Map<String, String> codes) {
        List<Job> jobs = new ArrayList<>();
        InventorySink sink = codesInto(codes, jobs::add);
        List<Detector> detectors = List.of(new CrontabDetector(check), new SystemdDetector(check), new ScheduleLibDetector(),
                new ApschedulerDetector(), new CeleryBeatDetector(), new SleepLoopDetector(), new SpringScheduledDetector(), new QuartzJavaDetector(),
                new QuartzXmlDetector());
        for (Detector d : detectors) {
            d.hostZone(check.hostZone()); // as a scan tells them its options' zone: naive start dates are read in it
            texts.forEach((path, text) -> {
                ScanFile f = new ScanFile(path, text);
                if (!skip.apply(path) && d.accepts(f)) {
                    d.detect(f, sink);
                }
            });
            // as in scan: a link that means something by its name and target is read as its text, never followed
            links.forEach((path, target) -> {
                if (!skip.apply(path) && d.wantsLink(path, target)) {
                    d.detectLink(path, target, sink);
                }
            });
            d.finish(sink);
        }
        // Resolvers complete what one file cannot say (Spring ${...} schedules from application.properties), as in scan.
        for (JobResolver r : java.util.ServiceLoader.load(JobResolver.class)) {
            if (r.evidenceOnly()) {
                continue; // the plan depends on the jobs, not on what today's logs say about them
            }
            List<ScanFile> wanted = new ArrayList<>();
            texts.forEach((path, text) -> {
                if (!skip.apply(path) && r.wants(path)) {
                    wanted.add(new ScanFile(path, text));
                }
            });
            r.resolve(jobs, new ArrayList<>(), wanted);
        }
        codesOfDisabledEntries(jobs, texts, check, codes);
        return jobs;
    }

    /**
     * A sink handing jobs to {@code jobs} and putting the code of each job into {@code codes}: the first finding this
     * recipe fixes, else (a job left alone: @reboot, a bad field) its first finding. The findings themselves are the
     * scan's business; the plan reports its own notes, with that code.
     */
    private static InventorySink codesInto(Map<String, String> codes, java.util.function.Consumer<Job> jobs) {
        RuleRegistry rules = RuleRegistry.standard();
        java.util.Set<String> fixed = new java.util.HashSet<>();
        return new InventorySink() {
            @Override
            public void job(Job job) {
                jobs.accept(job);
            }

            @Override
            public void finding(Finding finding) {
                if (finding.jobId() == null) {
                    return;
                }
                if (rules.find(finding.code()).filter(r -> r.fixedBy().stream().anyMatch(n -> n.startsWith(FIXED_BY))).isPresent()) {
                    if (fixed.add(finding.jobId())) {
                        codes.put(finding.jobId(), finding.code());
                    }
                } else {
                    codes.putIfAbsent(finding.jobId(), finding.code());
                }
            }
        };
    }

    /**
     * An entry our cutover commented out has no finding in the scan (nothing is left to do about it there), but its
     * notes keep the code they had before the cutover, so that a second run reports the same rows as the first: the
     * codes are read from the crontab with those entries enabled again (a job's id does not depend on its line).
     */
    private static void codesOfDisabledEntries(List<Job> jobs, Map<String, String> texts, ScheduleCheck check,
                                               Map<String, String> codes) {
        Map<String, dev.migrate.rewriters.crontab.CrontabFormat> files = new TreeMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (Job j : jobs) {
            if (j.attributes().containsKey(CrontabDetector.DISABLED_BY_MIGRATE) && !codes.containsKey(j.id())
                    && texts.containsKey(j.source().path()) && !j.attributes().containsKey("crontab.embeddedIn")) {
                wanted.add(j.id());
                files.put(j.source().path(), switch (j.attributes().getOrDefault("crontab.format", "")) {
                    case "system" -> dev.migrate.rewriters.crontab.CrontabFormat.SYSTEM;
                    case "anacron" -> dev.migrate.rewriters.crontab.CrontabFormat.ANACRON;
                    default -> dev.migrate.rewriters.crontab.CrontabFormat.USER;
                });
            }
        }
        Map<String, String> before = new HashMap<>();
        InventorySink sink = codesInto(before, j -> { });
        files.forEach((path, format) -> {
            String enabled = dev.migrate.rewriters.crontab.CrontabFile.parse(texts.get(path), format).withMarkedEntriesEnabled().print();
            new CrontabDetector(check).detect(new ScanFile(path, enabled), sink);
        });
        before.forEach((id, code) -> {
            if (wanted.contains(id)) {
                codes.put(id, code);
            }
        });
    }

    /** 1-based line numbers of the disabled-markers in a crontab text. */
    static List<Integer> markerLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            if (split[i].strip().startsWith(dev.migrate.rewriters.crontab.CrontabFile.DISABLED_MARKER.strip())) {
                lines.add(i + 1);
            }
        }
        return lines;
    }

    /**
     * The job as it read before any marker was inserted above it: same line numbers in every phase. Each schedule
     * keeps its own line (the lines of one command are one job, {@code SameCommandLines}).
     */
    static Job beforeMarkers(Job job, List<Integer> markers) {
        Map<String, String> attributes = new LinkedHashMap<>(job.attributes());
        attributes.remove("disabled");
        attributes.remove(dev.migrate.analyzers.sources.cron.CrontabDetector.DISABLED_BY_MIGRATE);
        SourceRef src = beforeMarkers(job.source(), markers);
        List<dev.migrate.analyzers.model.ScheduleSpec> specs = job.schedules().stream()
                // only where it is written moves: a paused schedule stays paused, and what the scan could not prove
                // about it (a zone only assumed) is still unproven before the markers
                .map(s -> new dev.migrate.analyzers.model.ScheduleSpec(s.form(), s.expression(), s.timezone(),
                        s.where().path().equals(job.source().path()) ? beforeMarkers(s.where(), markers) : src,
                        s.paused(), s.unproven())).toList();
        return new Job(job.id(), job.kind(), job.name(), src, specs, job.command(), job.user(), job.env(), job.workingDir(),
                job.overlap(), job.dependsOn(), attributes);
    }

    private static SourceRef beforeMarkers(SourceRef at, List<Integer> markers) {
        int shift = (int) markers.stream().filter(m -> m < at.line()).count();
        // A disabled line reads "<indent># <entry>" (CrontabFile.withEntryDisabled): its entry starts two columns
        // after where the active line's did, indented or not.
        int column = markers.contains(at.line() - 1) ? Math.max(1, at.column() - 2) : at.column();
        return new SourceRef(at.path(), at.line() - shift, column);
    }

    /** The lines a crontab job is written on, in the text as it is: each of its schedules' (one command, several lines). */
    static List<Integer> lines(Job job) {
        List<Integer> out = job.schedules().stream().filter(s -> s.where().path().equals(job.source().path()))
                .map(s -> s.where().line()).distinct().sorted().toList();
        return out.isEmpty() ? List.of(job.source().line()) : out;
    }

    static Map<String, Integer> index(List<Job> jobs) {
        Map<String, Integer> m = new HashMap<>();
        jobs.forEach(j -> m.put(j.id(), j.source().line()));
        return m;
    }

    static TreeSet<String> sorted(java.util.Collection<String> c) {
        return new TreeSet<>(c);
    }

    static boolean isKind(Job j, JobKind... kinds) {
        for (JobKind k : kinds) {
            if (j.kind() == k) {
                return true;
            }
        }
        return false;
    }
}
