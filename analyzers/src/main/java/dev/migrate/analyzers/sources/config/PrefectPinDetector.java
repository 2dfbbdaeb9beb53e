package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.rules.PrefectIntegrations;
import dev.migrate.analyzers.sources.runtime.IncludedRequirements;
import dev.migrate.analyzers.sources.runtime.RequirementsIncludes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pins of the {@code prefect} package to 1.x (PF108) or 2.x, and of integration packages ({@code prefect-aws}, ...) below their first
 * Prefect 3 release, in dependency files (requirements, pyproject, setup.cfg, setup.py, Pipfile, conda environments),
 * in {@code pip install} commands of scripts, Dockerfiles and CI pipelines (continuation lines included) and in the
 * {@code EXTRA_PIP_PACKAGES} of compose files, manifests and env files. The files requirements files include
 * ({@code -r base.txt}, {@code -c constraints/prod.txt}) are read whatever their names, as the rewrite pins them
 * ({@link IncludedRequirements}): their pins are reported once the scan knows a requirements file includes them. A
 * local file a GitLab pipeline includes under a name of its own ({@code ci/deploy.yml}) runs its {@code pip install}
 * lines as the pipeline's: they are read once every pipeline was seen ({@link GitlabIncludes#includedTemplates}), as
 * the rewrite pins them.
 */
public final class PrefectPinDetector implements Detector {
    private final IncludedRequirements requirements = new IncludedRequirements();
    /** The GitLab pipelines seen, by path: the files they include are known once all were seen. */
    private final java.util.Map<String, String> gitlabPipelines = new java.util.concurrent.ConcurrentHashMap<>();
    /** An included file no detector was handed ({@code ci/base.yml} that only includes another), read when named. */
    private UnscannedTexts unscanned = new UnscannedTexts(null);

    /**
     * {@code prefect==2.14.9} and {@code prefect[aws]~=2.19}; {@code prefect>=2.10,<3} and {@code prefect<3}; Poetry's
     * {@code prefect = "^2.14"}. A bare lower bound such as {@code prefect>=2.10} admits 3.x and is not a pin.
     */
    private static final Pattern PIN = Pattern.compile("(?<![\\w.-])[Pp]refect(?:\\[[^\\]]*])?\\s*(?:"
            + "(?:==|===|~=)\\s*2(?:\\.[0-9a-z*]+)*(?![0-9])"
            + "|>=?\\s*2[0-9.]*\\s*,\\s*<=?\\s*3(?![0-9])"
            // a cap alone holds the releases below it: prefect<3 (pip picks the newest 2.x), prefect<=2.20.1
            + "|<\\s*3(?:\\.0)*(?![0-9.])|<=\\s*2(?:\\.[0-9]+)*(?![0-9.]))");

    /**
     * Poetry's and Pipfile's {@code prefect = "^2.14"}, {@code prefect = ">=2.10,<3"}, and the table form
     * {@code prefect = {extras = ["aws"], version = "<3"}}: what the constraint holds is read as the rewrite reads it
     * ({@link PrefectIntegrations#heldMajor}).
     */
    static final Pattern TOML_PIN = Pattern.compile("(?<![\\w.-])[Pp]refect\\s*=\\s*(?:\"(?<value>[^\"]*)\""
            + "|\\{[^}]*?version\\s*=\\s*\"(?<table>[^\"]*)\")");

    /**
     * Prefect 1 pins: {@code prefect==1.4.1}, Prefect Core's {@code prefect==0.15.13}, {@code prefect>=1.0,<2},
     * Poetry's {@code prefect = "^1.2"}.
     */
    private static final Pattern PIN1 = Pattern.compile("(?<![\\w.-])prefect(?:\\[[^\\]]*])?\\s*(?:"
            + "(?:==|===|~=)\\s*[01](?:\\.[0-9a-z*]+)*(?![0-9])"
            + "|>=?\\s*[01][0-9.]*\\s*,\\s*<=?\\s*[12](?:\\.[0-9]+)*(?![0-9])"
            + "|<\\s*2(?:\\.0)*(?![0-9.])|<=\\s*[01](?:\\.[0-9]+)*(?![0-9.])"
            + "|=\\s*\"[\\^~]?[01](?:\\.[0-9]+)*\")");

    /**
     * {@code prefect-aws==0.3.1}, {@code prefect-gcp[bigquery]~=0.4}, Poetry's {@code prefect-aws = "^0.4"} and its
     * table form {@code prefect-dbt = {extras = ["cli"], version = "^0.4.1"}} (which the pin recipe moves too).
     */
    private static final Pattern INTEGRATION = Pattern.compile("(?<![\\w.-])(?<name>[Pp]refect[-_][A-Za-z0-9][A-Za-z0-9_-]*)"
            + "(?:\\[[^\\]]*])?(?:\\s*=\\s*(?:\"(?<poetry>[^\"]*)\"|\\{[^}]*?version\\s*=\\s*\"(?<table>[^\"]*)\")"
            + "|(?<spec>\\s*(?:[=<>!~]=?|===)\\s*[^;#\"'\\s,]*(?:\\s*,\\s*[=<>!~]=?\\s*[^;#\"'\\s,]*)*))");

    @Override
    public String name() {
        return "prefect-version-pin";
    }

    @Override
    public Prefilter prefilter() {
        // a requirements file that only includes the one with the pin (-r base.txt, -c pins.txt), whatever its name, is
        // claimed by path: a two-byte keyword such as "-r" would shrink the keyword search's window for every file of
        // the tree (it jumps by the shortest keyword's length), which made the whole scan 18% slower
        return Prefilter.keywords("prefect")
                .orPath(p -> RequirementsFiles.isRequirements(p) || RequirementsIncludes.mayBeIncluded(p)
                        // a pipeline without the word may include the file with the pin (include: ci/deploy.yml)
                        || GitlabPipelines.isPipeline(p));
    }

    @Override
    public void scanning(java.nio.file.Path base) {
        unscanned = new UnscannedTexts(base);
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        if (!file.text().contains("prefect")) {
            if (GitlabPipelines.isPipeline(file.path())) {
                return true;
            }
            // read only for what it includes: the pin may be in the file it names
            return IncludedRequirements.mayBeRequirements(file.path())
                    && !RequirementsIncludes.of(file.path(), file.text()).isEmpty();
        }
        return IncludedRequirements.mayBeRequirements(file.path()) || n.equals("pyproject.toml")
                || n.equals("setup.cfg") || n.equals("setup.py") || n.equals("Pipfile") || n.equals("environment.yml")
                || PrefectCliLineDetector.isDockerfile(n) || PrefectCliLineDetector.isCiYaml(file.path())
                || PrefectCliLineDetector.isScript(file) || extraPipPackagesFile(n);
    }

    /** Compose files, Kubernetes manifests and env files, where images install packages from EXTRA_PIP_PACKAGES. */
    private static boolean extraPipPackagesFile(String name) {
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.equals(".env") || name.startsWith(".env.")
                || name.endsWith(".env");
    }

    @Override
    public void detect(ScanFile file, InventorySink reported) {
        requirements.offer(file.path(), file.text());
        if (GitlabPipelines.isPipeline(file.path())) {
            gitlabPipelines.put(file.path(), file.text());
            return; // read with the rest of its pipeline, in finish
        }
        if (!file.text().contains("prefect")) {
            return;
        }
        read(file, false, reported);
    }

    /**
     * Reads one file's pins; {@code includedTemplate} reads a local file a GitLab pipeline includes under a name of its
     * own for its install lines alone, which its first read as a YAML file (for EXTRA_PIP_PACKAGES) left out.
     */
    private void read(ScanFile file, boolean includedTemplate, InventorySink reported) {
        InventorySink sink = sinkFor(file, reported);
        String n = file.fileName();
        boolean commands = includedTemplate || PrefectCliLineDetector.isDockerfile(n)
                || PrefectCliLineDetector.isCiYaml(file.path()) || PrefectCliLineDetector.isScript(file);
        boolean dependencyFile = !commands && !extraPipPackagesFile(n) || n.equals("environment.yml");
        if (PrefectCliLineDetector.isDockerfile(n)) {
            for (PrefectVersionArgs.VersionArg arg : PrefectVersionArgs.in(file.text())) {
                sink.finding(Findings.of("PF208", "ARG " + arg.name() + "=" + arg.version() + " installs or runs Prefect 2 "
                        + "in this image; move it to Prefect 3 once flows and integrations are ready",
                        SourceRef.at(file.path(), file.lineOf(arg.versionStart()),
                                arg.versionStart() - file.text().lastIndexOf('\n', arg.versionStart() - 1)), null));
            }
            for (IntegrationVersionArgs.IntegrationArg arg : IntegrationVersionArgs.in(file.text())) {
                sink.finding(Findings.of("PF208", "ARG " + arg.name() + "=" + arg.version() + " installs "
                        + arg.integration() + " below its first Prefect 3 release (" + arg.firstPrefect3Release()
                        + ") in this image; move it with Prefect once flows and integrations are ready",
                        SourceRef.at(file.path(), file.lineOf(arg.versionStart()),
                                arg.versionStart() - file.text().lastIndexOf('\n', arg.versionStart() - 1)), null));
            }
        }
        String[] lines = file.text().split("\r?\n", -1);
        boolean pinsPrefect2 = PIN.matcher(file.text()).find() || TOML_PIN.matcher(file.text()).results()
                .anyMatch(r -> PrefectIntegrations.heldMajor(r.group(1) != null ? r.group(1) : r.group(2)) == 2);
        boolean installContinues = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            // in scripts, pins count on a pip install line and on the lines it continues onto with a backslash;
            // in compose files, manifests and env files, on the EXTRA_PIP_PACKAGES the image installs at start
            boolean install = commands && (line.contains("install") || installContinues) || line.contains("EXTRA_PIP_PACKAGES");
            installContinues = install && line.stripTrailing().endsWith("\\");
            if (line.strip().startsWith("#") || !dependencyFile && !install
                    || includedTemplate && line.contains("EXTRA_PIP_PACKAGES")) {
                continue;
            }
            // a pin locked with --hash lines moves only by compiling the lock again
            boolean hashed = dependencyFile && HashedRequirements.atLine(lines, i);
            integrationPins(file, line, i, hashed, dependencyFile && pinsPrefect2, sink);
            Matcher one = PIN1.matcher(line);
            while (one.find()) {
                sink.finding(Findings.of("PF108", "dependency pin " + line.substring(one.start(), one.end()).strip()
                        + " installs Prefect 1; move it to Prefect 3 with the flows", SourceRef.at(file.path(), i + 1,
                        one.start() + 1), null));
            }
            Matcher toml = TOML_PIN.matcher(line);
            while (toml.find()) {
                String held = toml.group("value") != null ? toml.group("value") : toml.group("table");
                if (PrefectIntegrations.heldMajor(held) == 2) {
                    // the table form is shown by its version alone: the match stops inside the braces
                    String spec = toml.group("value") != null ? toml.group().strip() : "prefect version = \"" + held + "\"";
                    sink.finding(Findings.of("PF208", "dependency pin " + spec + " keeps Prefect 2; " + (hashed
                            ? "it is locked with --hash lines: once flows and integrations are ready, " + HashedRequirements.RECOMPILE
                            : "move it to Prefect 3 once flows and integrations are ready"),
                            SourceRef.at(file.path(), i + 1, toml.start() + 1), null));
                }
            }
            Matcher m = PIN.matcher(line);
            while (m.find()) {
                String spec = line.substring(m.start(), m.end()).strip();
                sink.finding(Findings.of("PF208", "dependency pin " + spec + " keeps Prefect 2; " + (hashed
                        ? "it is locked with --hash lines: once flows and integrations are ready, " + HashedRequirements.RECOMPILE
                        : "move it to Prefect 3 once flows and integrations are ready"),
                        SourceRef.at(file.path(), i + 1, m.start() + 1), null));
            }
        }
    }

    @Override
    public void finish(InventorySink sink) {
        // every file of every GitLab pipeline, each once: the pipelines' own and the local files they include, whatever
        // their names (GitlabIncludes#pipelines); one under a name of its own for its install lines alone, which its
        // first read as a YAML file (for EXTRA_PIP_PACKAGES) left out
        java.util.Set<String> read = new java.util.TreeSet<>();
        GitlabIncludes.pipelines(gitlabPipelines, this::repositoryText).values().forEach(files -> files.forEach((p, text) -> {
            if (read.add(p) && text.contains("prefect")) {
                read(new ScanFile(p, text), !GitlabPipelines.isPipeline(p), sink);
            }
        }));
        requirements.release(sink);
    }

    /** The text of a repository file a pipeline includes: a pipeline seen, else read from the tree. */
    private String repositoryText(String path) {
        String seen = gitlabPipelines.get(path);
        return seen != null ? seen : unscanned.apply(path);
    }

    /**
     * A sink for the pins of {@code file}: a {@code .txt} or {@code .in} not named as a requirements file counts
     * only when a requirements file includes it, which is known at {@link #finish}.
     */
    private InventorySink sinkFor(ScanFile file, InventorySink sink) {
        if (RequirementsFiles.isRequirements(file.path()) || !RequirementsIncludes.mayBeIncluded(file.path())) {
            return sink;
        }
        return new InventorySink() {
            @Override
            public void job(dev.migrate.analyzers.model.Job job) {
                sink.job(job);
            }

            @Override
            public void finding(Finding finding) {
                requirements.report(file.path(), finding, sink);
            }
        };
    }

    /**
     * PF208 for an integration package held below its first release that supports Prefect 3; with {@code unknowns}
     * (a dependency file pinning Prefect 2), PF222 for one whose first Prefect 3 release the tool does not know.
     */
    private static void integrationPins(ScanFile file, String line, int index, boolean hashed, boolean unknowns,
            InventorySink sink) {
        Matcher m = INTEGRATION.matcher(line);
        while (m.find()) {
            String name = m.group("name");
            String spec = m.group("poetry") != null ? m.group("poetry")
                    : m.group("table") != null ? m.group("table") : m.group("spec");
            // Poetry's table form is shown by its version alone: the match stops inside the braces
            String shown = m.group("table") != null ? name + " version = \"" + spec + "\""
                    : line.substring(m.start(), m.end()).strip();
            SourceRef where = SourceRef.at(file.path(), index + 1, m.start() + 1);
            if (PrefectIntegrations.heldBelowPrefect3(name, spec)) {
                sink.finding(Findings.of("PF208", "dependency pin " + shown + " keeps Prefect 2 (" + name
                        + " supports Prefect 3 from " + PrefectIntegrations.firstPrefect3Release(name) + ")"
                        + (hashed ? "; it is locked with --hash lines: " + HashedRequirements.RECOMPILE : ""), where, null));
            } else if (unknowns) {
                UnknownIntegrationPins.report(name, spec, shown, where, sink);
            }
        }
    }
}
