package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.scan.JobResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code prefect deployment build flows/etl.py:etl -n nightly -a} in a script writes {@code etl-deployment.yaml}
 * (or its {@code -o/--output} file) in the directory it runs in, and the repository often keeps that file. The
 * command line detector lists the command and the deployment YAML detector the file: two jobs for one deployment,
 * so two cutover checklists. This pass makes them one when the file is where the command writes it (in the
 * directory the command runs in, as {@link CommandDirectory} reads it from the script) and both name the same deployment and
 * entrypoint; a file the command did not write, or one for another deployment, stays a job of its own.
 *
 * <p>The command is the kept definition: it creates the deployment (and with {@code -a} registers it), while the file
 * is its output, rewritten on every run and read only by a later {@code prefect deployment apply}. The kept job
 * therefore has the command's id, place, schedules and options; the file adds what only it says (the flow's name,
 * the saved infrastructure block, the pool the server put the queue in) and its findings move to the job. Where the
 * two say different things (the file was edited after the build), both values stay in
 * {@code deployment.builtFileDiffers} and a PF223 finding says so: which one the server holds depends on which ran
 * last, which the tree does not show.
 *
 * <p>The job is named as the file names it, {@code FLOW/DEPLOYMENT}, and keyed by the deployment's own name
 * ({@code deploymentName}), as the prefect.yaml entry and the {@code prefect deploy --name DEPLOYMENT} that
 * {@code migrate rewrite} makes of the two are: the same cutover key before and after the rewrite.
 */
public final class BuiltDeploymentFileMerger implements JobResolver {
    /**
     * The options a build sets and its file records as the same text, compared when both have them. The blocks
     * ({@code -ib}, {@code -sb}) are compared by {@link #blockDiffers}: the file records a block's type and name apart.
     */
    private static final List<String> COMPARED = List.of("workQueue", "workPool");
    /** How the report names the compared attributes. */
    private static final Map<String, String> SHOWN = Map.of("workQueue:", "work queue:", "workPool:", "work pool:",
            "storage:", "storage block:");

    /** The files the command line detector reads commands from, to replay where their commands run. */
    @Override
    public boolean wants(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1);
        return ShellScripts.byNameOrMaybeShebang(n) || n.equals("Makefile") || n.equals("GNUmakefile")
                || n.endsWith(".mk") || PrefectCliLineDetector.isJustfile(n) || PrefectCliLineDetector.isCiYaml(path)
                || n.startsWith("Jenkinsfile");
    }

    /**
     * A YAML file a GitLab pipeline may include under a name of its own ({@code ci/deploy.yml}): which pipeline
     * includes it is known only once all were seen, so one whose jobs may run Prefect is kept, and its commands are
     * placed as its pipeline's ({@link CommandDirectory}). A YAML file nothing includes is only looked up, never read.
     */
    @Override
    public boolean keeps(ScanFile file) {
        String n = file.fileName();
        return (n.endsWith(".yml") || n.endsWith(".yaml")) && file.text().contains("prefect")
                && file.text().contains("script");
    }

    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files) {
        resolve(jobs, findings, files, null);
    }

    /**
     * As {@link #resolve(List, List, List)}, reading from the tree at {@code base} the files a GitLab pipeline includes
     * that were not handed here ({@code ci/templates.yml}, whose templates say where a job's script starts), as the
     * command line detector read them ({@link UnscannedTexts}).
     */
    @Override
    public void resolve(List<Job> jobs, List<Finding> findings, List<ScanFile> files, java.nio.file.Path base) {
        Map<String, ScanFile> byPath = new java.util.HashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        UnscannedTexts unscanned = new UnscannedTexts(base);
        java.util.function.Function<String, String> texts =
                p -> byPath.containsKey(p) ? byPath.get(p).text() : unscanned.apply(p);
        List<Job> builds = jobs.stream().filter(j -> build(j).isPresent()).sorted(
                java.util.Comparator.comparing(Job::source)).toList();
        for (Job b : builds) {
            PrefectInvocation inv = build(b).orElseThrow();
            Optional<String> output = output(inv);
            String entrypoint = b.attributes().get("entrypoint");
            if (output.isEmpty() || entrypoint == null) {
                continue;
            }
            Optional<Job> written = writtenFile(jobs, b, output.get(), entrypoint, byPath.get(b.source().path()), byPath,
                    texts);
            if (written.isEmpty()) {
                continue;
            }
            Job file = written.get();
            List<String> differs = new ArrayList<>();
            Job merged = merge(b, file, differs);
            jobs.set(jobs.indexOf(b), merged);
            jobs.remove(file);
            findings.replaceAll(f -> file.id().equals(f.jobId())
                    ? new Finding(f.code(), f.severity(), f.applicability(), f.message(), f.where(), merged.id()) : f);
            if (!differs.isEmpty()) {
                findings.add(Findings.of("PF223", differsMessage(b, file, differs), b.source(), merged.id()));
            }
        }
    }

    /** The {@code prefect deployment build} a Prefect 2 deployment job was found as, if it was. */
    private static Optional<PrefectInvocation> build(Job j) {
        // a build ScheduledDeploymentMerger moved into the script that schedules it is placed there, not where the
        // command runs, so the file it writes cannot be found from its place: its YAML stays a job of its own
        if (j.kind() != JobKind.PREFECT2_DEPLOYMENT || j.command() == null || !j.command().contains("build")
                || j.attributes().containsKey("deployment.builtBy")) {
            return Optional.empty();
        }
        return PrefectInvocation.find(j.command()).stream().filter(i -> i.path().equals("deployment build")).findFirst();
    }

    /**
     * The file a build writes, relative to where it runs: {@code -o/--output}, else
     * {@code <flow function>-deployment.yaml}. A path made of variables or an absolute one is not found in the tree.
     */
    static Optional<String> output(PrefectInvocation inv) {
        return PrefectInvocation.builtFile(inv.option("--output", "-o").orElse(null), inv.entrypoint().orElse(null))
                .filter(o -> !o.contains("$") && !o.startsWith("/") && !o.startsWith("~") && !o.contains(".."));
    }

    /**
     * The deployment YAML job the build wrote: at its output path from the directory the command runs in, naming the
     * same deployment and entrypoint (both relative to where the build ran, so the same text). Where the script's
     * lines say the directory ({@code cd flows && prefect deployment build ...}, a Makefile recipe in its own
     * directory), only there; after a {@code cd /srv/app/flows}, the file whose {@code path:} (the directory Prefect
     * saw the build run in) is that directory and whose place in the tree ends it; where a {@code cd} the tree cannot
     * follow ({@code cd "$APP_DIR"}) moved it, nowhere. A command from a file not read as shell lines is looked for
     * from its file's directory, then the root, where a script is run from.
     */
    private static Optional<Job> writtenFile(List<Job> jobs, Job build, String output, String entrypoint, ScanFile script,
            Map<String, ScanFile> scanned, java.util.function.Function<String, String> files) {
        // a GitLab job's templates may be in the files its pipeline includes, handed here or read from the tree
        // and the file may be one that any scanned pipeline includes (release.gitlab-ci.yml's ci/deploy.yml), not the root's alone
        Optional<CommandDirectory> ran = script == null ? Optional.empty()
                : CommandDirectory.of(script, build.source(), scanned, files);
        List<String> dirs;
        if (ran.isPresent()) {
            dirs = ran.get().directories();
        } else {
            String scriptPath = build.source().path();
            String scriptDir = scriptPath.contains("/") ? scriptPath.substring(0, scriptPath.lastIndexOf('/')) : "";
            dirs = scriptDir.isEmpty() ? List.of("") : List.of(scriptDir, "");
        }
        for (String dir : dirs) {
            Optional<String> place = WorkingDirectory.normalize(dir, output);
            Optional<Job> found = place.flatMap(p -> jobs.stream().filter(j -> isDeploymentFile(j)
                    && j.source().path().equals(p) && writtenBy(j, build, entrypoint)).findFirst());
            if (found.isPresent()) {
                return found;
            }
        }
        String absolute = ran.map(CommandDirectory::absolute).orElse(null);
        if (dirs.isEmpty() && absolute != null) {
            List<Job> found = jobs.stream().filter(j -> isDeploymentFile(j) && writtenBy(j, build, entrypoint)
                    && absolute.equals(j.attributes().get("path")) && endsAt(absolute, j.source().path(), output)).toList();
            return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a deployment file names the build's deployment and entrypoint. */
    private static boolean writtenBy(Job file, Job build, String entrypoint) {
        return deploymentName(file).equals(build.name()) && entrypoint.equals(file.attributes().get("entrypoint"));
    }

    /** Whether {@code path} in the tree is {@code output} in a directory whose absolute name ends {@code absolute}. */
    private static boolean endsAt(String absolute, String path, String output) {
        Optional<String> rel = WorkingDirectory.normalize("", output);
        if (rel.isEmpty() || !(path.equals(rel.get()) || path.endsWith("/" + rel.get()))) {
            return false;
        }
        String dir = path.substring(0, path.length() - rel.get().length());
        return dir.isEmpty() || (absolute + "/").endsWith("/" + dir);
    }

    /**
     * PF223: the build and the file it wrote disagree, so the file was edited by hand or is from an older build. Both
     * are run in practice ({@code apply} of the file, or the build again, which rewrites it); the migration follows
     * the command, and a person has to say which values the deployment is meant to have.
     */
    static String differsMessage(Job build, Job file, List<String> differs) {
        String built = build.source().path() + ":" + build.source().line();
        String written = file.source().path() + ":" + file.source().line();
        return "`prefect deployment build` at " + built + " and the file it writes, " + written
                + ", say different things (" + String.join("; ", differs.stream().map(BuiltDeploymentFileMerger::shown).toList())
                + "): `prefect deployment apply "
                + file.source().path() + "` registers the file's values and running the build again rewrites the"
                + " file with the command's, so the deployment has whichever ran last. The migration takes the"
                + " command's values; decide which are meant and make the other agree.";
    }

    private static String shown(String difference) {
        String key = difference.substring(0, difference.indexOf(':') + 1);
        return SHOWN.getOrDefault(key, key) + difference.substring(key.length());
    }

    /** A job the deployment YAML detector found: a build output file, which records the flow's name. */
    private static boolean isDeploymentFile(Job j) {
        return j.kind() == JobKind.PREFECT2_DEPLOYMENT && j.attributes().containsKey("flow") && build(j).isEmpty();
    }

    /** The deployment's own name: the file's job is named {@code FLOW/DEPLOYMENT}. */
    private static String deploymentName(Job file) {
        String flow = file.attributes().get("flow");
        return file.name().startsWith(flow + "/") ? file.name().substring(flow.length() + 1) : file.name();
    }

    /** The kept job; what the two say differently is added to {@code differs}. */
    private static Job merge(Job build, Job file, List<String> differs) {
        Map<String, String> attrs = new LinkedHashMap<>(file.attributes());
        for (Map.Entry<String, String> e : build.attributes().entrySet()) {
            String theirs = file.attributes().get(e.getKey());
            if (COMPARED.contains(e.getKey()) && theirs != null && !e.getValue().equals(theirs)
                    && !e.getValue().contains("$")) {
                differs.add(e.getKey() + ": command " + e.getValue() + ", file " + theirs);
            }
            attrs.put(e.getKey(), e.getValue());
        }
        blockDiffers(build, file, "infrastructure").ifPresent(differs::add);
        blockDiffers(build, file, "storage").ifPresent(differs::add);
        List<ScheduleSpec> schedules = build.schedules();
        if (!sameSchedules(build.schedules(), file.schedules())) {
            differs.add("schedule: command " + shown(build.schedules()) + ", file " + shown(file.schedules()));
            // a build without schedule options leaves the file's (an edited file, applied later) as the only one known
            schedules = build.schedules().isEmpty() ? file.schedules() : build.schedules();
        }
        attrs.put("deployment.builtFile", file.source().path() + ":" + file.source().line());
        if (!differs.isEmpty()) {
            attrs.put("deployment.builtFileDiffers", String.join("; ", differs));
        }
        Map<String, String> env = build.env().isEmpty() ? file.env() : build.env();
        String workingDir = build.workingDir() != null ? build.workingDir() : file.workingDir();
        // the file's FLOW/DEPLOYMENT name is the one Prefect shows; the command alone does not know the flow's name.
        // Cutover keys it by the deployment's own name, as it keys the `prefect deploy --name` and the prefect.yaml
        // entry the rewrite makes of the build and its file: the same key before and after the rewrite
        attrs.put(PrefectYamlDetector.DEPLOYMENT_NAME, deploymentName(file));
        attrs.put("flowName", file.attributes().get("flow"));
        return new Job(build.id(), build.kind(), file.name(), build.source(), schedules, build.command(), build.user(), env,
                workingDir, build.overlap(), build.dependsOn(), attrs);
    }

    /**
     * {@code -ib process/prod} is saved as {@code infrastructure: {type: process, _block_document_name: prod}};
     * {@code -i process} as an anonymous block of that type. {@code -sb s3/prod} likewise as {@code storage:
     * {_block_type_slug: s3, _block_document_name: prod}}: the file's type and name together are the command's
     * {@code TYPE/NAME}, so a build whose file kept both says nothing different.
     *
     * @param attribute {@code infrastructure} or {@code storage}: the block's type, the file's block name being
     *                  that attribute followed by {@code Block}
     */
    private static Optional<String> blockDiffers(Job build, Job file, String attribute) {
        String ours = build.attributes().get(attribute);
        String type = file.attributes().get(attribute);
        if (ours == null || type == null || ours.contains("$")) {
            return Optional.empty();
        }
        String block = file.attributes().get(attribute + "Block");
        String theirs = ours.contains("/") && block != null ? type + "/" + block : type;
        String compared = ours.contains("/") && block == null ? ours.substring(0, ours.indexOf('/')) : ours;
        return compared.equals(theirs) ? Optional.empty()
                : Optional.of(attribute + ": command " + ours + ", file " + theirs);
    }

    private static boolean sameSchedules(List<ScheduleSpec> a, List<ScheduleSpec> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).form() != b.get(i).form() || !sameExpression(a.get(i), b.get(i))
                    || !Objects.equals(a.get(i).timezone(), b.get(i).timezone())) {
                return false;
            }
        }
        return true;
    }

    /** The same text, or the same interval written two ways ({@code --interval 3600} and {@code interval: 3600.0}). */
    private static boolean sameExpression(ScheduleSpec a, ScheduleSpec b) {
        if (a.expression().equals(b.expression())) {
            return true;
        }
        if (a.form() != ScheduleSpec.Form.INTERVAL) {
            return false;
        }
        try {
            return java.time.Duration.parse(a.expression()).equals(java.time.Duration.parse(b.expression()));
        } catch (java.time.format.DateTimeParseException e) {
            return false; // not ISO durations both: compared as text above
        }
    }

    private static String shown(List<ScheduleSpec> schedules) {
        return schedules.isEmpty() ? "none" : String.join(", ", schedules.stream()
                .map(s -> s.expression() + (s.timezone() == null ? "" : " [" + s.timezone() + "]")).toList());
    }
}
