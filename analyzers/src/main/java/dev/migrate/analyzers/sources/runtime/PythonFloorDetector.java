package dev.migrate.analyzers.sources.runtime;

import dev.migrate.analyzers.sources.config.DockerfileNames;
import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import dev.migrate.analyzers.sources.config.RequirementsFiles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * PF221: a Python older than the oldest one the targeted Prefect 3 release supports, where it runs or installs
 * Prefect: the official {@code python} base image of a Dockerfile stage that installs Prefect, the declared Python
 * of a project that depends on Prefect ({@code requires-python}, {@code python_requires}, Poetry's {@code python}),
 * the Python a GitHub Actions workflow that installs Prefect or the project sets up (scalar or matrix), and the
 * version files beside such a project ({@code .python-version}, Heroku's {@code runtime.txt}). Whether a
 * Dockerfile's requirements file or a workflow's project lists Prefect is only known once the tree was read, so the
 * files are kept and judged in {@link #finish}. A requirements file lists Prefect also through the files it includes
 * ({@code -r base.txt}, read relative to it), so every {@code .txt} and {@code .in} file is offered to the listings.
 */
public final class PythonFloorDetector implements Detector {
    private static final Pattern WORKFLOW = Pattern.compile("(?:^|.*/)\\.github/workflows/[^/]+\\.ya?ml");

    private final PrefectListings listings = new PrefectListings();
    /** The files judged once every file was read, by path: Dockerfiles, metadata, workflows, version files. */
    private final Map<String, String> kept = new ConcurrentSkipListMap<>();

    @Override
    public String name() {
        return "python-floor";
    }

    @Override
    public Prefilter prefilter() {
        // a requirements file that only includes others (-r base.txt), and those others, whatever their names, by path
        // (see PrefectPinDetector: a short keyword such as "-r" slows the keyword search over every file)
        return Prefilter.keywords("python", "prefect")
                .orPath(p -> p.endsWith(".python-version") || RequirementsFiles.isRequirements(p)
                        || RequirementsIncludes.mayBeIncluded(p));
    }

    @Override
    public boolean accepts(ScanFile file) {
        String n = file.fileName();
        return PrefectRequirements.isDependencyFile(file.path()) || includedRequirements(file)
                || isDockerfile(n) || WORKFLOW.matcher(file.path()).matches()
                || PythonVersionFile.isVersionFile(file.path());
    }

    /** A text file of another name that a requirements file may include: read when it lists prefect or includes others. */
    private static boolean includedRequirements(ScanFile file) {
        return RequirementsIncludes.mayBeIncluded(file.path()) && (PrefectRequirements.listedInRequirements(file.text())
                || !RequirementsIncludes.of(file.path(), file.text()).isEmpty());
    }

    static boolean isDockerfile(String n) {
        return DockerfileNames.is(n);
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        listings.offer(file.path(), file.text());
        String n = file.fileName();
        if (isDockerfile(n) && file.text().contains("python")
                || WORKFLOW.matcher(file.path()).matches()
                || PythonVersionFile.isVersionFile(file.path())
                || !DeclaredPython.in(file.path(), file.text()).isEmpty()) {
            kept.put(file.path(), file.text());
        }
    }

    @Override
    public void finish(InventorySink sink) {
        String floor = PythonFloor.defaultMinimum();
        String needs = "Python " + floor + ", the oldest that Prefect " + PythonFloor.defaultTarget() + " supports";
        if (listings.isEmpty()) {
            kept.keySet().removeIf(p -> !isDockerfile(p.substring(p.lastIndexOf('/') + 1))); // nothing else can install prefect
        }
        kept.forEach((path, text) -> {
            String n = path.substring(path.lastIndexOf('/') + 1);
            if (isDockerfile(n)) {
                dockerfile(path, text, floor, needs, sink);
            } else if (WORKFLOW.matcher(path).matches()) {
                workflow(path, text, floor, needs, sink);
            } else if (PythonVersionFile.isVersionFile(path)) {
                versionFile(path, text, floor, needs, sink);
            } else if (listings.listedBeside(path)) {
                metadata(path, text, floor, needs, sink);
            }
        });
    }

    private void dockerfile(String path, String text, String floor, String needs, InventorySink sink) {
        for (DockerfileStages.PythonBase b : DockerfileStages.runningPrefect(text, listings, PrefectListings.directoryOf(path))) {
            if (!PythonFloor.below(b.image().version(), floor)) {
                continue;
            }
            String fix = b.image().digest() != null ? "pick a digest of " + b.image().raisedTo(floor)
                    : "move it to " + b.image().raisedTo(floor);
            String what = b.copiedBy() == null ? ", which installs Prefect, runs Python " + b.image().minor()
                    : ", whose Python stage " + b.copiedBy() + " copies (COPY --from) and runs Prefect on, is Python "
                            + b.image().minor();
            sink.finding(Findings.of("PF221", b.describe() + what + "; Prefect 3 needs " + needs
                    + " (pip falls back to an older Prefect or refuses the pin): " + fix,
                    SourceRef.at(path, b.line(), b.column()), null));
        }
    }

    private void metadata(String path, String text, String floor, String needs, InventorySink sink) {
        for (DeclaredPython d : DeclaredPython.in(path, text)) {
            d.below(floor).ifPresent(low -> sink.finding(Findings.of("PF221", d.key() + " \"" + d.spec()
                    + "\" admits Python " + low.lowest() + " for a project that depends on Prefect; Prefect 3 needs " + needs
                    + (low.raised() != null ? " (Poetry and uv cannot lock the project): raise it to \"" + low.raised() + "\""
                            : ", and the constraint caps Python below it: choose the Pythons the project supports"),
                    at(path, text, d.start()), null)));
        }
    }

    private void workflow(String path, String text, String floor, String needs, InventorySink sink) {
        int github = path.indexOf(".github/");
        String project = github <= 0 ? "" : path.substring(0, github - 1);
        if (!PrefectInstalls.of(text).installsPrefect(listings, project)) {
            return;
        }
        for (WorkflowPythonVersions v : WorkflowPythonVersions.in(text)) {
            List<String> old = v.versions().stream().filter(x -> PythonFloor.below(x, floor)).toList();
            if (old.isEmpty() || !PrefectInstalls.of(v.job()).installsPrefect(listings, project)) {
                continue;
            }
            String message = v.matrix()
                    ? "the matrix's python-version lists " + String.join(", ", old) + " for a job that installs Prefect; "
                            + "Prefect 3 needs " + needs + ": drop those entries or raise them"
                    : "python-version " + old.get(0) + " sets up an older Python than Prefect 3 needs (" + needs
                            + ") for a job that installs Prefect: raise it to \"" + floor + "\"";
            sink.finding(Findings.of("PF221", message, SourceRef.at(path, v.line(), v.column()), null));
        }
    }

    private void versionFile(String path, String text, String floor, String needs, InventorySink sink) {
        if (!listings.listedBeside(path)) {
            return;
        }
        PythonVersionFile.in(path, text).filter(v -> PythonFloor.below(v.version(), floor)).ifPresent(v ->
                sink.finding(Findings.of("PF221", v.name() + " selects Python " + v.version() + " for a project that depends "
                        + "on Prefect (" + (v.name().equals("runtime.txt") ? "the platform's runtime"
                        : "pyenv, uv and setup-python's python-version-file") + "); Prefect 3 needs " + needs
                        + ": change it with the project's other Python versions", at(path, text, v.start()), null)));
    }

    private static SourceRef at(String path, String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return SourceRef.at(path, line, offset - text.lastIndexOf('\n', offset - 1));
    }
}
