package dev.migrate.analyzers.sources.config;

import dev.migrate.analyzers.model.Detector;
import dev.migrate.analyzers.model.InventorySink;
import dev.migrate.analyzers.model.Prefilter;
import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.rules.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PF208 at a Prefect 2 version a build or an install reads from a variable ({@link PrefectVersionVariables}): a
 * Makefile's, a script's, a justfile's, a CI pipeline's, or a {@code .env} that a compose file next to it interpolates
 * into a build argument or a Prefect image. The finding sits on the value, where the fix goes; it stands alone, as a
 * {@code --build-arg}'s does. Env files wait for {@link #finish}, when every compose file has been seen.
 */
public final class PrefectVersionVariableDetector implements Detector {
    private final List<ScanFile> envFiles = new ArrayList<>();
    private final List<ScanFile> composeFiles = new ArrayList<>();

    @Override
    public String name() {
        return "prefect-version-variables";
    }

    @Override
    public Prefilter prefilter() {
        return Prefilter.keywords("prefect", "PREFECT", "Prefect");
    }

    @Override
    public boolean accepts(ScanFile file) {
        return PrefectVersionVariables.kindOf(file.path()).isPresent() || PrefectVersionVariables.isCompose(file.path());
    }

    @Override
    public void detect(ScanFile file, InventorySink sink) {
        Optional<PrefectVersionVariables.Kind> kind = PrefectVersionVariables.kindOf(file.path());
        if (kind.isEmpty() || kind.get() == PrefectVersionVariables.Kind.ENV) {
            synchronized (this) {
                (kind.isPresent() ? envFiles : composeFiles).add(file);
            }
            return;
        }
        report(file, PrefectVersionVariables.in(kind.get(), file.text()), sink);
    }

    @Override
    public void finish(InventorySink sink) {
        for (ScanFile env : envFiles) {
            List<String> readers = composeFiles.stream()
                    .filter(c -> PrefectVersionVariables.readsEnvFile(c.path(), env.path())).map(ScanFile::text).toList();
            report(env, PrefectVersionVariables.inEnvFile(env.text(), readers), sink);
        }
    }

    private static void report(ScanFile file, List<PrefectVersionVariables.Value> values, InventorySink sink) {
        String text = file.text();
        for (PrefectVersionVariables.Value v : values) {
            String what = v.buildArgument()
                    ? "build argument " + v.name() + "=" + v.version() + " installs or runs Prefect 2 in the image this "
                            + "step builds (it replaces the Dockerfile's ARG default)"
                    : v.name() + "=" + v.version() + " installs or runs Prefect 2 in the image or environment built with it "
                            + "(a build argument or pin reads the variable)";
            sink.finding(Findings.of("PF208", what + "; move it to Prefect 3 once flows and integrations are ready",
                    SourceRef.at(file.path(), file.lineOf(v.start()), v.start() - text.lastIndexOf('\n', v.start() - 1)), null));
        }
    }
}
