package dev.migrate.analyzers.sources.ci;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.Overlap;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.schedule.CronExpression;
import dev.migrate.analyzers.schedule.CronField;
import dev.migrate.analyzers.schedule.PlatformCron;
import dev.migrate.analyzers.schedule.ScheduleSyntaxException;
import dev.migrate.analyzers.sources.JobBuilder;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * GitHub Actions workflows started by {@code on: schedule: - cron: "..."}: data teams use them as schedulers
 * ("run the ETL every night from CI"). GitHub reads each cron as POSIX cron, in UTC unless the entry names a
 * {@code timezone}; one job per workflow, with each cron as a schedule and the steps' {@code run:} commands as what runs.
 * A cron GitHub refuses (Quartz's L or #, {@code @daily}) never started a run: it is reported (GHA002), not translated.
 */
public final class GithubScheduleDetector implements Detector {
    @Override
    public String name() {
        return "github-schedule";
    }

    /** Workflows are known by their path alone: no keyword test, which would hand over every file saying "cron". */
    @Override
    public Prefilter prefilter() {
        return new Prefilter(List.of(), GithubScheduleDetector::isWorkflow);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return isWorkflow(file.path());
    }

    private static boolean isWorkflow(String p) {
        return (p.startsWith(".github/workflows/") || p.contains("/.github/workflows/"))
                && (p.endsWith(".yml") || p.endsWith(".yaml"));
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        for (Node workflow : YamlDocs.parse(file, sink)) {
            List<Node> crons = crons(workflow);
            if (!crons.isEmpty()) {
                job(file, workflow, crons, sink);
            }
        }
    }

    /** A workflow's {@code on: schedule} entries that give a cron. */
    private static List<Node> crons(Node workflow) {
        // "on" is a YAML 1.1 boolean to some parsers; here keys are read as written
        List<Node> crons = new ArrayList<>();
        for (Node item : YamlDocs.items(YamlDocs.path(workflow, "on", "schedule"))) {
            if (YamlDocs.scalar(item, "cron") != null) {
                crons.add(item);
            }
        }
        return crons;
    }

    /**
     * A scheduled workflow's crons as GitHub reads them, each with the zone it runs in ({@code 0 2 * * * UTC}, the
     * entry's {@code timezone} when it names one): what a job of the workflow is started by. None for a file that is
     * not a workflow, names no schedule, or does not parse (reported as the workflow is scanned, not here).
     */
    public static List<String> zonedCrons(ScanFile file) {
        List<String> out = new ArrayList<>();
        if (!isWorkflow(file.path()) || !file.text().contains("cron")) {
            return out;
        }
        for (Node workflow : YamlDocs.parse(file, IGNORED)) {
            for (Node c : crons(workflow)) {
                String zone = YamlDocs.scalar(c, "timezone");
                out.add(YamlDocs.scalar(c, "cron").strip() + " " + (zone != null ? zone.strip() : "UTC"));
            }
        }
        return out;
    }

    /** A sink for a second reading of a file, whose syntax errors its first reading reported. */
    private static final InventorySink IGNORED = new InventorySink() {
        @Override
        public void job(dev.migrate.analyzers.model.Job job) {
        }

        @Override
        public void finding(dev.migrate.analyzers.model.Finding finding) {
        }
    };

    /**
     * The fewest minutes between two fire times of a five-field cron, within an hour or across two hours it runs in
     * one after the other; 60 and more for hourly and rarer schedules.
     */
    static int minutesApart(String cron) {
        CronExpression e;
        try {
            e = CronExpression.parse(cron);
        } catch (ScheduleSyntaxException ex) {
            return Integer.MAX_VALUE;
        }
        List<Integer> minutes = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            if (e.matches(CronField.MINUTE, m)) {
                minutes.add(m);
            }
        }
        int fewest = Integer.MAX_VALUE;
        for (int i = 1; i < minutes.size(); i++) {
            fewest = Math.min(fewest, minutes.get(i) - minutes.get(i - 1));
        }
        boolean nextHour = false;
        for (int h = 0; h < 24; h++) {
            nextHour |= e.matches(CronField.HOUR, h) && e.matches(CronField.HOUR, (h + 1) % 24);
        }
        if (nextHour && !minutes.isEmpty()) {
            fewest = Math.min(fewest, 60 - minutes.get(minutes.size() - 1) + minutes.get(0));
        }
        return fewest;
    }

    private void job(ScanFile file, Node workflow, List<Node> crons, InventorySink sink) {
        String fileName = file.fileName().replaceFirst("\\.ya?ml$", "");
        String name = YamlDocs.scalar(workflow, "name") != null ? YamlDocs.scalar(workflow, "name") : fileName;
        SourceRef where = YamlDocs.where(file, YamlDocs.keyNode(crons.get(0), "cron"));
        List<String> expressions = crons.stream().map(c -> YamlDocs.scalar(c, "cron")).toList();
        JobBuilder job = new JobBuilder(file, JobKind.GITHUB_SCHEDULE, name, where, "workflow " + String.join(";", expressions))
                .overlap(Overlap.ALLOW);
        List<String> shown = new ArrayList<>();
        List<Map.Entry<SourceRef, String>> refusals = new ArrayList<>();
        List<String> tooOften = new ArrayList<>();
        boolean zoned = crons.stream().anyMatch(c -> YamlDocs.scalar(c, "timezone") != null);
        for (Node c : crons) {
            // each entry may name its zone (an IANA name); GitHub reads the others in UTC
            String zone = YamlDocs.scalar(c, "timezone") != null ? YamlDocs.scalar(c, "timezone").strip() : "UTC";
            SourceRef at = YamlDocs.where(file, YamlDocs.get(c, "cron"));
            PlatformCron.Reading reading = PlatformCron.read(YamlDocs.scalar(c, "cron"), PlatformCron.Platform.GITHUB_ACTIONS);
            job.schedule(new ScheduleSpec(reading.form(), reading.expression(), zone, at));
            if (reading.refused()) {
                refusals.add(Map.entry(at, reading.refusal()));
            } else if (minutesApart(reading.expression()) < 5) {
                tooOften.add(reading.expression());
            }
            shown.add(YamlDocs.scalar(c, "cron").strip() + (zoned ? " " + zone : ""));
        }
        List<String> runs = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        for (Map.Entry<String, Node> j : YamlDocs.entries(YamlDocs.get(workflow, "jobs")).entrySet()) {
            jobIds.add(j.getKey());
            for (Node step : YamlDocs.items(YamlDocs.get(j.getValue(), "steps"))) {
                String run = YamlDocs.scalar(step, "run");
                if (run != null) {
                    runs.add(run.strip().replace("\n", "; "));
                }
            }
        }
        job.command(runs.isEmpty() ? null : Redactor.redact(String.join("; ", runs)))
                .attr("github.workflow", fileName).attr("github.jobs", String.join(", ", jobIds))
                .attr("schedule.note", "GitHub starts scheduled runs late under load and turns the schedule off after "
                        + "60 days without repository activity");
        sink.job(job.build());
        sink.finding(Findings.of("GHA001", "GitHub Actions workflow '" + name + "' runs on a schedule ("
                + String.join("; ", shown) + (zoned ? "" : ", UTC") + ") outside any orchestrator"
                + (tooOften.isEmpty() ? "" : "; " + String.join(" and ", tooOften) + " fires less than 5 minutes apart, "
                + "and GitHub runs a schedule at most every 5 minutes: the workflow ran less often than its cron says, so "
                + "give the deployment the frequency the job needs"), where, job.id()));
        for (Map.Entry<SourceRef, String> r : refusals) {
            sink.finding(Findings.of("GHA002", r.getValue(), r.getKey(), job.id()));
        }
    }
}
