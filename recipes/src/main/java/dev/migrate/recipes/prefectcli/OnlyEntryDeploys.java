package dev.migrate.recipes.prefectcli;

import dev.migrate.analyzers.model.Job;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.sources.config.CommandDirectory;
import dev.migrate.analyzers.sources.config.PrefectInvocation;
import dev.migrate.recipes.prefect2.NamedPrefectFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the {@code prefect --no-prompt deploy ENTRYPOINT --name NAME} a 2.x build line becomes would deploy another
 * deployment's settings. Without prompts, Prefect 3 deploys the only entry of the prefect.yaml it reads whatever
 * {@code --name} says, renamed to NAME (3.x {@code prefect/cli/deploy/_config.py}, {@code _pick_deploy_configs}: one
 * entry, at most one name, not interactive): its schedules, work pool, parameters and pull steps. The 2.x build never
 * read prefect.yaml, so next to a prefect.yaml of exactly one deployment of another name the rewritten line deploys
 * something else (the scan's PF229).
 *
 * <p>The file read is the scan's: the prefect.yaml of the first directory the command may run in that holds any
 * deployment ({@link CommandDirectory}, else the command's file's directory, then the root), as it will be after the
 * rewrite ({@link NamedPrefectFiles#deploymentsAfterRewrite}). The builds are the scan's reading of the run's command
 * lines ({@link DeploymentQueues#deployments}), keyed by the entrypoint and {@code -n} words the translation sees.
 */
public final class OnlyEntryDeploys {
    /** A run that knows no build: every command is unaffected. */
    public static final OnlyEntryDeploys NONE = new OnlyEntryDeploys(List.of(), null);

    /**
     * What one build line of the run meets where its rewritten command runs.
     *
     * @param source     the file the build line is in
     * @param entrypoint the build's entrypoint word
     * @param name       its {@code -n} word as written
     * @param file       the prefect.yaml it reads, null when none holds a deployment there (or where is not known)
     * @param onlyEntry  that file's only deployment when it is of another name, else null
     */
    record Verdict(String source, String entrypoint, String name, String file, String onlyEntry) {
        boolean trapped() {
            return onlyEntry != null;
        }
    }

    /** What the rewritten line of a build meets: every build of those words in the run, one verdict each. */
    record Reading(List<Verdict> verdicts) {
        /** Every build of these words meets one other entry: the fix is the same for each of them. */
        boolean allTrapped() {
            return !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::trapped);
        }

        Optional<Verdict> firstTrapped() {
            return verdicts.stream().filter(Verdict::trapped).findFirst();
        }
    }

    private final List<Verdict> verdicts;
    /** The file whose lines are being translated, when known: its builds' verdicts are the ones that count. */
    private final String source;

    private OnlyEntryDeploys(List<Verdict> verdicts, String source) {
        this.verdicts = List.copyOf(verdicts);
        this.source = source;
    }

    /**
     * These verdicts, read for the lines of the file at {@code path} (as the scan names it, from the root): a build of
     * the same words that meets the one other entry in one script and not in another is edited where it meets it.
     */
    public OnlyEntryDeploys in(String path) {
        return new OnlyEntryDeploys(verdicts, path == null ? null : path.replace('\\', '/'));
    }

    /**
     * The verdicts for the run's build lines ({@code builds}, the scan's jobs), reading each command's file through
     * {@code texts} and the directories' prefect.yaml through {@code files}; {@code pipelines}: the run's GitLab
     * pipelines that include local files, by path, whose jobs run the files they include.
     */
    static OnlyEntryDeploys of(List<Job> builds, Function<String, String> texts, NamedPrefectFiles files,
                               Map<String, String> pipelines) {
        List<Verdict> out = new ArrayList<>();
        for (Job build : builds) {
            if (build.command() == null) {
                continue;
            }
            for (PrefectInvocation inv : PrefectInvocation.find(build.command())) {
                if (!inv.path().endsWith("build") || inv.entrypoint().isEmpty()) {
                    continue;
                }
                Optional<String> name = inv.option("--name", "-n");
                if (name.isEmpty()) {
                    continue;
                }
                out.add(verdict(build, inv.entrypoint().get(), name.get(), texts, files, pipelines));
            }
        }
        return new OnlyEntryDeploys(out, null);
    }

    /**
     * The verdict of one build, of its deployment's name as the scan reads it: a variable's proven value, else the
     * text.
     */
    private static Verdict verdict(Job build, String entrypoint, String name, Function<String, String> texts,
                                   NamedPrefectFiles files, Map<String, String> pipelines) {
        String deployment = name.contains("$") ? build.name() : name;
        for (String dir : directories(build, texts, pipelines)) {
            List<String> entries = files.deploymentsAfterRewrite(dir);
            if (!entries.isEmpty()) {
                String file = dir.isEmpty() ? "prefect.yaml" : dir + "/prefect.yaml";
                String only = entries.size() == 1 && !entries.get(0).equals(deployment) ? entries.get(0) : null;
                return new Verdict(build.source().path(), entrypoint, name, file, only);
            }
        }
        return new Verdict(build.source().path(), entrypoint, name, null, null);
    }

    /**
     * Where the command runs, most likely first: as its file's lines say ({@code cd}, a CI step's directory; a file a
     * GitLab pipeline of the run includes, under any pipeline's name, runs in that pipeline's jobs, as the scan reads
     * it), else its file's directory, then the root; none after a {@code cd} the tree cannot follow.
     */
    private static List<String> directories(Job build, Function<String, String> texts, Map<String, String> pipelines) {
        String path = build.source().path();
        String text = texts.apply(path);
        Optional<CommandDirectory> ran = text == null ? Optional.empty()
                : CommandDirectory.ofPipelines(new ScanFile(path, text), build.source(), pipelines, texts);
        if (ran.isPresent()) {
            return ran.get().directories();
        }
        return path.contains("/") ? List.of(path.substring(0, path.lastIndexOf('/')), "") : List.of("");
    }

    /**
     * The verdicts of the builds written with these entrypoint and {@code -n} words: those of the file being translated
     * where the scan read any there, else the run's (a file the scan reads otherwise, or none named).
     */
    Reading of(String entrypoint, String name) {
        List<Verdict> words = verdicts.stream()
                .filter(v -> v.entrypoint().equals(entrypoint) && v.name().equals(name)).toList();
        List<Verdict> here = words.stream().filter(v -> v.source().equals(source)).toList();
        return new Reading(here.isEmpty() ? words : here);
    }
}
