package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.PrefectListings;
import dev.migrate.analyzers.sources.runtime.PythonFloor;
import dev.migrate.analyzers.sources.runtime.PythonVersionFile;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.TextPositions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.text.PlainText;
import org.openrewrite.text.PlainTextVisitor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * PF221 in version files: the {@code .python-version} (pyenv, uv, setup-python's {@code python-version-file}) and
 * Heroku's {@code runtime.txt} of a project that depends on Prefect move to the targeted release's oldest Python in
 * the form the file writes: {@code 3.8} becomes {@code 3.10}, an exact {@code 3.8.10} a published patch release of
 * it ({@code python-patch-releases.yaml}), since pyenv and the platform install only whole versions. Unsafe: the
 * developers' and the platform's Python changes. A pyenv file that lists several Pythons is left with a note.
 */
public class RaisePythonVersionFiles extends PrefectListingRecipe {
    private static final Map<String, String> PATCH_RELEASES = load();
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF221");

    @Override
    public String getDisplayName() {
        return "Raise the .python-version and runtime.txt of projects that depend on Prefect";
    }

    @Override
    public String getDescription() {
        return "Moves the Python a `.python-version` or Heroku `runtime.txt` beside a project that depends on Prefect "
                + "selects to the oldest Python the targeted Prefect 3 release supports, in the file's form (`3.8` to "
                + "`3.10`, `python-3.8.10` to a published 3.10 patch release). Unsafe: developers and the platform "
                + "then run another Python.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(PrefectListings listings) {
        return new PlainTextVisitor<>() {
            @Override
            public PlainText visitText(PlainText file, ExecutionContext ctx) {
                String path = file.getSourcePath().toString().replace('\\', '/');
                if (!PythonVersionFile.isVersionFile(path) || !listings.listedBeside(path)) {
                    return file;
                }
                return MigrationNotes.visiting(path, file::getText, () -> raise(file, path, ctx));
            }
        };
    }

    private PlainText raise(PlainText file, String path, ExecutionContext ctx) {
        String text = file.getText();
        PrefectTarget target = PrefectTarget.from(ctx);
        String floor = target.pythonMin();
        Optional<PythonVersionFile> found = PythonVersionFile.in(path, text).filter(v -> PythonFloor.below(v.version(), floor));
        if (found.isEmpty()) {
            return file;
        }
        PythonVersionFile v = found.get();
        int line = TextPositions.lineOf(text, v.start());
        String reason = "Prefect " + target.pin() + " needs Python " + floor + " or newer, and this project depends on Prefect";
        String raised = v.exact() ? PATCH_RELEASES.get(floor) : floor;
        if (v.versions() > 1 || raised == null) {
            notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), true, v.name() + " selects Python "
                    + v.version() + ": " + reason + "; " + (v.versions() > 1
                    ? "it lists several Pythons (pyenv makes each available): choose the ones the project keeps"
                    : "write the exact " + floor + " release the project installs")));
            return file;
        }
        String change = "raised " + v.name() + " from " + v.version() + " to " + raised + ": " + reason + "; "
                + (v.name().equals("runtime.txt") ? "check that the platform offers Python " + raised
                : "developers run `pyenv install` (or uv installs it) once") + (v.exact()
                ? ", and a later " + floor + " patch release works as well" : "");
        boolean unsafe = FixSafety.unsafeAllowed(ctx);
        notes.insertRow(ctx, new MigrationNotes.Row(path, line, getName(), !unsafe,
                unsafe ? change : MigrationNotes.unsafeFixNotApplied(change)));
        return unsafe ? file.withText(text.substring(0, v.start()) + raised + text.substring(v.end())) : file;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> load() {
        try (InputStream in = RaisePythonVersionFiles.class.getResourceAsStream("/dev/migrate/recipes/python-patch-releases.yaml")) {
            return Map.copyOf((Map<String, String>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
