package dev.migrate.analyzers.sources.cron;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import dev.migrate.analyzers.schedule.ScheduleCheck;
import dev.migrate.analyzers.sources.RepoPaths;
import dev.migrate.analyzers.sources.config.DeploymentRuns;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.analyzers.sources.config.ShellScripts;
import dev.migrate.analyzers.sources.config.UnscannedTexts;
import dev.migrate.rewriters.shell.ShellLine;
import dev.migrate.rewriters.shell.SimpleCommand;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A crontab line or a timer's service that runs a shell script of the tree ({@code /opt/etl/bin/trigger.sh},
 * {@code cd /opt/etl && bash bin/trigger.sh}) whose lines start a Prefect deployment ({@code prefect deployment run
 * etl/nightly}): the line's schedule is that deployment's, as when the line runs the call itself (CRN011, SYD012),
 * reported at the script's line and naming the crontab line or timer. The script is read, never run, after the scan,
 * with the whole tree at hand: an absolute path is looked for in the host dump that holds the crontab or timer (under
 * each directory above it, nearest first, as {@link InstallerSourcedVariables} finds a sourced file), a relative one
 * only from the directory the line {@code cd}s to (cron starts a line in the user's home, which the tree does not
 * say). A script is read once, one level deep: what it runs in turn is not followed.
 */
public final class ScriptDeploymentRuns implements JobResolver {
    @Override
    public boolean wants(String path) {
        return false;
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null, ZoneId.of("UTC"));
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, Path base, ZoneId hostZone) {
        if (base == null) {
            return;
        }
        Function<String, String> tree = new UnscannedTexts(base);
        ScheduleCheck check = ScheduleCheck.inZone(hostZone);
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            if (!readsScripts(job)) {
                continue;
            }
            List<String> started = new ArrayList<>(DeploymentRuns.started(job.command()));
            List<String> added = new ArrayList<>();
            for (String script : scripts(job, tree)) {
                for (ScriptCall call : calls(script, tree.apply(script))) {
                    if (started.contains(call.deployment())) {
                        continue; // the line starts it itself, or an earlier script did: said once
                    }
                    started.add(call.deployment());
                    added.add(call.deployment());
                    findings.addAll(findingsOf(job, call, check));
                }
            }
            if (!added.isEmpty()) {
                Map<String, String> attributes = new LinkedHashMap<>(job.attributes());
                attributes.put(DeploymentRuns.ATTRIBUTE, String.join(", ", started));
                jobs.set(i, new Job(job.id(), job.kind(), job.name(), job.source(), job.schedules(), job.command(),
                        job.user(), job.env(), job.workingDir(), job.overlap(), job.dependsOn(), attributes));
            }
        }
    }

    /** A crontab line, anacron job or timer that runs a command and still runs it (not disabled, by hand or migrate). */
    private static boolean readsScripts(Job job) {
        return (job.kind() == JobKind.CRON || job.kind() == JobKind.ANACRON || job.kind() == JobKind.SYSTEMD_TIMER)
                && job.command() != null && job.source() != null && !"true".equals(job.attributes().get("disabled"))
                && job.schedules().stream().noneMatch(s -> s.form() == ScheduleSpec.Form.AT_BOOT);
    }

    /** The tree paths of the shell scripts the job's command runs, in order, each once. */
    static List<String> scripts(Job job, Function<String, String> tree) {
        List<String> out = new ArrayList<>();
        for (SimpleCommand c : ShellLine.parse(job.command()).commands()) {
            for (String word : c.argv()) {
                String path = path(job, word, tree);
                String text = path == null ? null : tree.apply(path);
                if (text != null && !out.contains(path)
                        && ShellScripts.isShellScript(path.substring(path.lastIndexOf('/') + 1), text)) {
                    out.add(path);
                }
            }
        }
        return out;
    }

    /** The tree path of a word naming a file, or null: absolute, or relative to the absolute directory the line cds to. */
    private static String path(Job job, String word, Function<String, String> tree) {
        if (!word.contains("/") || word.contains("$") || word.contains("`") || word.startsWith("~") || word.startsWith("-")) {
            return null;
        }
        String dir = job.workingDir();
        String absolute = word.startsWith("/") ? word : dir != null && dir.startsWith("/") ? dir + "/" + word : null;
        if (absolute == null) {
            return null;
        }
        return RepoPaths.normalize(absolute).filter(p -> !p.isEmpty())
                .map(p -> InstallerSourcedVariables.found(job.source().path(), "/" + p, tree)).orElse(null);
    }

    /** A deployment a script's line starts, where the call is written. */
    record ScriptCall(String deployment, SourceRef where) {
    }

    /**
     * The deployments the script's lines start ({@link DeploymentRuns#started}: not an {@code echo}'s words, nor a
     * comment), each at its call; a here-document's body is text the script writes, not lines it runs.
     */
    static List<ScriptCall> calls(String path, String text) {
        List<ScriptCall> out = new ArrayList<>();
        if (text == null || !text.contains("prefect")) {
            return out;
        }
        String[] lines = text.split("\r?\n", -1);
        String hereDocEnd = null;
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            while (logical.toString().endsWith("\\") && i + 1 < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(lines[++i]);
            }
            String line = logical.toString();
            if (hereDocEnd != null) {
                hereDocEnd = line.strip().equals(hereDocEnd) ? null : hereDocEnd;
                continue;
            }
            java.util.regex.Matcher heredoc = java.util.regex.Pattern.compile("<<-?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)")
                    .matcher(line);
            if (heredoc.find()) {
                hereDocEnd = heredoc.group(1);
            }
            for (String d : DeploymentRuns.started(line)) {
                int column = PrefectInvocation.find(line).stream().filter(inv -> DeploymentRuns.deployment(inv)
                        .filter(d::equals).isPresent()).mapToInt(PrefectInvocation::offset).findFirst().orElse(0);
                int shown = column < lines[first].length() ? column + 1 : 1;
                out.add(new ScriptCall(d, SourceRef.at(path, first + 1, shown)));
            }
        }
        return out;
    }

    /** CRN011 (a cron job) or SYD012 (a timer): one per schedule, each naming where that schedule is written. */
    private static List<Finding> findingsOf(Job job, ScriptCall call, ScheduleCheck check) {
        List<Finding> out = new ArrayList<>();
        String script = call.where().path();
        if (job.kind() == JobKind.SYSTEMD_TIMER) {
            String described = job.schedules().stream().map(s -> check.interpret(s).describe())
                    .collect(Collectors.joining("; "));
            out.add(Findings.of("SYD012", DeploymentRuns.hostMessage("timer " + place(job.source()) + " (through "
                    + script + ", which its service runs)", call.deployment(), described.isEmpty()
                    ? "with no calendar schedule" : "on " + described, described.isEmpty() ? null
                    : "translated to the cron and zone the job's schedule shows", "disable and remove the timer at cutover"),
                    call.where(), job.id()));
            return out;
        }
        for (ScheduleSpec spec : job.schedules()) {
            CronRunSchedule run = CronRunSchedule.of(spec, check);
            out.add(Findings.of("CRN011", DeploymentRuns.hostMessage("cron job " + job.name() + " ("
                    + place(spec.where() != null ? spec.where() : job.source()) + ", through " + script + ")",
                    call.deployment(), run.when(), run.schedule(), "remove the crontab line at cutover"), call.where(),
                    job.id()));
        }
        return out;
    }

    private static String place(SourceRef where) {
        return where.path() + ":" + where.line();
    }
}
