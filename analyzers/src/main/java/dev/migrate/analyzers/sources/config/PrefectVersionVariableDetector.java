package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PF208 at a Prefect 2 version a build or an install reads from a variable ({@link PrefectVersionVariables}): a
 * Makefile's, a script's, a justfile's, a Jenkinsfile's, a CI pipeline's, or an env file that compose reads for
 * interpolation into a build argument or a Prefect image; and at a reference's inline default
 * ({@link PrefectVersionDefaults}) in those files, compose files and Dockerfiles; at an integration's version held
 * below its first Prefect 3 release in such a variable ({@link IntegrationVersionVariables}), also in an env file a
 * compose file reads or loads ({@code env_file:}) and in a file scripts read into themselves; and at a whole Prefect 2 image held
 * in such a variable or in a Dockerfile's {@code ARG} that {@code FROM} builds on, with the finding (and message) the
 * image written in place of the variable gets ({@link PrefectImages#check}). The finding sits on the value, where
 * the fix goes; it stands alone, as a {@code --build-arg}'s does. Env files wait for {@link #finish}, when every
 * compose file and every {@code --env-file} option has been seen; so do YAML files under other names, which are compose
 * files when a command names them with {@code -f}, a {@code COMPOSE_FILE} lists them or an {@code include:} does
 * ({@link ComposeFileIndex}).
 */
public final class PrefectVersionVariableDetector implements Detector {
    private final List<ScanFile> envFiles = new ArrayList<>();
    private final List<ScanFile> composeFiles = new ArrayList<>();
    /** YAML files with {@code services:} under other names: compose files once a command or include names them. */
    private final List<ScanFile> candidates = new ArrayList<>();
    /** Which files are compose files: by name, or named with -f, COMPOSE_FILE or include:. */
    private final ComposeFileIndex composeIndex = new ComposeFileIndex();
    /** The env files that scripts, Makefiles and CI pipelines running compose name with {@code --env-file}. */
    private final Set<String> envFileOptions = new HashSet<>();
    /** Which compose files read which env files: their directory's, those named with -f beside --env-file, includes. */
    private final ComposeProjectFiles.Links links = new ComposeProjectFiles.Links();
    /** The scripts and env files seen, which a script may read into itself ({@code . ./versions.env}). */
    private final Map<String, ScanFile> sourceable = new HashMap<>();
    /** The scripts that read other files into themselves, by path, with their text. */
    private final Map<String, String> sourcing = new HashMap<>();
    /** The values reported by the file they are in, by path, so a file read by a script is not reported twice. */
    private final Map<String, Set<Integer>> reported = new HashMap<>();
    /** The GitLab pipeline files seen ({@code .gitlab-ci.yml}, those under {@code .gitlab/}), by path. */
    private final Map<String, String> gitlabPipelines = new java.util.concurrent.ConcurrentHashMap<>();
    /** The local files a GitLab pipeline includes, read from the tree: their jobs' compose commands are the pipeline's. */
    private UnscannedTexts included = new UnscannedTexts(null);

    @Override
    public void scanning(java.nio.file.Path base) {
        included = new UnscannedTexts(base);
    }

    @Override
    public String name() {
        return "prefect-version-variables";
    }

    @Override
    public Prefilter prefilter() {
        // "compose", "COMPOSE_FILE": a Makefile, script or .env naming a compose file with -f or COMPOSE_FILE
        // GitLab pipelines without them too: a file one includes may run `docker compose -f deploy/stack.yml`
        return Prefilter.keywords("prefect", "PREFECT", "Prefect", "--env-file", "compose", "COMPOSE_FILE")
                .orPath(GitlabPipelines::isPipeline);
    }

    @Override
    public boolean accepts(ScanFile file) {
        return PrefectVersionVariables.kindOf(file.path(), file.text()).isPresent()
                || PrefectVersionVariables.isCompose(file.path()) || PrefectCliLineDetector.isDockerfile(file.fileName())
                || ComposeCommands.runsCommands(file.path(), file.text()) || ComposeFileIndex.mayBeNamed(file.path(), file.text());
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        Optional<PrefectVersionVariables.Kind> kind = PrefectVersionVariables.kindOf(file.path(), file.text());
        // --env-file options are the file's own, as the rewrite's raise reads them; the compose files a GitLab
        // pipeline names are also those of the files it includes (ci/deploy.yml runs compose -f ...), as for the rewrite
        Set<String> options = ComposeProjectFiles.envFileOptions(file.path(), file.text());
        links.add(file.path(), file.text());
        composeIndex.add(file.path(), file.text(), included);
        synchronized (this) {
            envFileOptions.addAll(options);
            if (SourcedFiles.mayBeSourced(file.path())) {
                sourceable.put(file.path(), file);
            }
            if (kind.isPresent() && kind.get() == PrefectVersionVariables.Kind.SHELL && !SourcedFiles.in(file.text()).isEmpty()) {
                sourcing.put(file.path(), file.text());
            }
            if (kind.isPresent() && kind.get() == PrefectVersionVariables.Kind.ENV) {
                envFiles.add(file);
                return;
            }
            if (kind.isEmpty() && PrefectVersionVariables.isCompose(file.path())) {
                composeFiles.add(file);
            } else if (kind.isEmpty() && ComposeFileIndex.mayBeNamed(file.path(), file.text())) {
                candidates.add(file); // a compose file only if something names it, known in finish
                return;
            }
        }
        if (kind.isEmpty() && PrefectCliLineDetector.isDockerfile(file.fileName())) {
            List<PrefectVersionVariables.Value> values = new ArrayList<>(PrefectVersionDefaults.in(file.text()));
            values.addAll(PrefectVersionVariables.inDockerfile(file.text()));
            report(file, values, sink);
        } else if (GitlabPipelines.isPipeline(file.path())) {
            gitlabPipelines.put(file.path(), file.text()); // read with the rest of its pipeline, in finish
            reportIntegrations(file, sink);
        } else {
            report(file, PrefectVersionVariables.inFile(file.path(), file.text()), sink);
            reportIntegrations(file, sink);
        }
    }

    /** The text of a file a GitLab pipeline includes: a pipeline seen, else read from the tree. */
    private String gitlabText(String path) {
        String seen = gitlabPipelines.get(path);
        return seen != null ? seen : included.apply(path);
    }

    /** PF208 at an integration's version held in a variable the file pins or passes to a build with. */
    private void reportIntegrations(ScanFile file, InventorySink sink) {
        reportIntegrations(file, IntegrationVersionVariables.inFile(file.path(), file.text()), sink);
    }

    private void reportIntegrations(ScanFile file, List<IntegrationVersionVariables.Value> values, InventorySink sink) {
        String text = file.text();
        for (IntegrationVersionVariables.Value v : values) {
            synchronized (this) {
                if (!reported.computeIfAbsent(file.path(), p -> new HashSet<>()).add(v.start())) {
                    continue;
                }
            }
            SourceRef where = SourceRef.at(file.path(), file.lineOf(v.start()), v.start() - text.lastIndexOf('\n', v.start() - 1));
            sink.finding(Findings.of("PF208", v.name() + "=" + v.version() + " installs " + v.arg().integration()
                    + " below its first Prefect 3 release (" + v.arg().firstPrefect3Release() + ") where a pin or build "
                    + "argument reads the variable; move it with Prefect once flows and integrations are ready", where, null));
        }
    }

    @Override
    public void finish(InventorySink sink) {
        // each GitLab pipeline with the files it includes, whatever their names, as one: a version its variables set
        // in one file reaches the install of a job in another (GitlabIncludes#pipelines)
        GitlabIncludes.pipelines(gitlabPipelines, this::gitlabText).values().forEach(files -> files.forEach((p, t) ->
                report(new ScanFile(p, t), PrefectVersionVariables.inPipelineFile(t, files.values()), sink)));
        // compose files under other names (docker compose -f deploy/stack.yml): their own defaults, and the env files
        // they read
        for (ScanFile c : candidates) {
            if (composeIndex.isCompose(c.path())) {
                composeFiles.add(c);
                report(c, PrefectVersionVariables.inFile(c.path(), c.text(), true), sink);
            }
        }
        for (ScanFile env : envFiles) {
            // an integration's version compose hands on: from the .env it interpolates, or a service's env_file:
            List<String> loading = composeFiles.stream()
                    .filter(c -> ComposeEnvFiles.loadedBy(c.path(), c.text()).contains(env.path())).map(ScanFile::text).toList();
            if (!PrefectVersionVariables.readByCompose(env.path(), envFileOptions)) {
                reportIntegrations(env, IntegrationVersionVariables.inEnvFile(env.text(), loading), sink);
                continue;
            }
            Set<String> reading = links.readers(env.path(), composeFiles.stream().map(ScanFile::path).toList());
            List<String> readers = composeFiles.stream().filter(c -> reading.contains(c.path())).map(ScanFile::text).toList();
            report(env, PrefectVersionVariables.inEnvFile(env.text(), readers), sink);
            reportIntegrations(env, IntegrationVersionVariables.inEnvFile(env.text(),
                    java.util.stream.Stream.concat(readers.stream(), loading.stream()).toList()), sink);
        }
        // a version a script reads from a file it sources (. ./versions.env) and hands to a build or an install
        SourcedFiles.readers(sourcing, p -> sourceable.containsKey(p) ? sourceable.get(p).text() : null)
                .forEach((path, scripts) -> {
                    ScanFile file = sourceable.get(path);
                    report(file, PrefectVersionVariables.inSourcedFile(path, file.text(), scripts), sink);
                    reportIntegrations(file, IntegrationVersionVariables.inSourcedFile(path, file.text(), scripts), sink);
                });
    }

    private void report(ScanFile file, List<PrefectVersionVariables.Value> values, InventorySink sink) {
        String text = file.text();
        for (PrefectVersionVariables.Value v : values) {
            synchronized (this) {
                if (!reported.computeIfAbsent(file.path(), p -> new HashSet<>()).add(v.start())) {
                    continue; // found again through a script that reads the file
                }
            }
            SourceRef where = SourceRef.at(file.path(), file.lineOf(v.start()), v.start() - text.lastIndexOf('\n', v.start() - 1));
            if (v.image()) {
                PrefectImages.check(v.version(), where, null, sink); // as the image written in place of the variable
                continue;
            }
            String what = switch (v.form()) {
                case BUILD_ARGUMENT -> "build argument " + v.name() + "=" + v.version() + " installs or runs Prefect 2 in "
                        + "the image this step builds (it replaces the Dockerfile's ARG default)";
                case DEFAULT -> "default " + v.version() + " of ${" + v.name() + "} installs or runs Prefect 2 wherever "
                        + v.name() + " is unset";
                case VARIABLE -> v.tag()
                        ? v.name() + "=" + v.version() + " runs Prefect 2: it is the tag of a prefecthq/prefect image"
                        : v.name() + "=" + v.version() + " installs or runs Prefect 2 in the image or environment built "
                                + "with it (a build argument or pin reads the variable)";
            };
            sink.finding(Findings.of("PF208", what + "; move it to Prefect 3 once flows and integrations are ready",
                    where, null));
        }
    }
}
