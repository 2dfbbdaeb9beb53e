package dev.migrate.recipes.prefect2;

import dev.migrate.analyzers.sources.runtime.PrefectInstalls;
import dev.migrate.analyzers.sources.runtime.PrefectListings;
import dev.migrate.analyzers.sources.runtime.PythonFloor;
import dev.migrate.analyzers.sources.runtime.WorkflowPythonVersions;
import dev.migrate.recipes.FixSafety;
import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.PrefectTarget;
import dev.migrate.recipes.internal.YamlPositions;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openrewrite.ExecutionContext;
import org.openrewrite.TreeVisitor;
import org.openrewrite.yaml.YamlIsoVisitor;
import org.openrewrite.yaml.tree.Yaml;

/**
 * PF221 in GitHub Actions workflows that install Prefect or the project: a single {@code python-version} of
 * {@code actions/setup-python} older than the targeted release's oldest Python is raised to it (quoted, since YAML
 * reads a plain {@code 3.10} as the number 3.1). Unsafe: the job then tests or deploys on another Python. The
 * entries of a matrix are a person's choice (drop them, or raise them and drop duplicates), so they get a note.
 */
public class RaiseSetupPythonVersionInWorkflows extends PrefectListingRecipe {
    private static final PathMatcher WORKFLOWS = FileSystems.getDefault().getPathMatcher("glob:{**/,}.github/workflows/*.{yml,yaml}");
    private final transient MigrationNotes notes = new MigrationNotes(this, "PF221");

    @Override
    public String getDisplayName() {
        return "Raise the Python that GitHub Actions workflows installing Prefect set up";
    }

    @Override
    public String getDescription() {
        return "Raises a single `python-version` of `actions/setup-python` in workflows that install Prefect or the "
                + "project to the oldest Python the targeted Prefect 3 release supports; matrix entries below it are "
                + "noted for a person. Unsafe: the job runs on another Python.";
    }

    @Override
    public TreeVisitor<?, ExecutionContext> getVisitor(PrefectListings listings) {
        return new YamlIsoVisitor<>() {
            /** The lines of this file's single python-version values to raise. */
            private Set<Integer> raise = Set.of();
            private String floor;

            @Override
            public Yaml.Documents visitDocuments(Yaml.Documents documents, ExecutionContext ctx) {
                if (!WORKFLOWS.matches(documents.getSourcePath())) {
                    return documents;
                }
                String path = documents.getSourcePath().toString().replace('\\', '/');
                String text = documents.printAll();
                int github = path.indexOf(".github/");
                String project = github <= 0 ? "" : path.substring(0, github - 1);
                if (!text.contains("python-version") || !PrefectInstalls.of(text).installsPrefect(listings, project)) {
                    return documents;
                }
                PrefectTarget target = PrefectTarget.from(ctx);
                floor = target.pythonMin();
                String reason = "Prefect " + target.pin() + " needs Python " + floor + " or newer, and this job installs Prefect";
                boolean unsafe = FixSafety.unsafeAllowed(ctx);
                raise = new HashSet<>();
                for (WorkflowPythonVersions v : WorkflowPythonVersions.in(text)) {
                    List<String> old = v.versions().stream().filter(x -> PythonFloor.below(x, floor)).toList();
                    if (old.isEmpty() || !PrefectInstalls.of(v.job()).installsPrefect(listings, project)) {
                        continue; // another job of the workflow (a linter's) runs on this Python
                    }
                    if (v.matrix()) {
                        notes.insertRow(ctx, new MigrationNotes.Row(path, v.line(), getName(), true, "the matrix's "
                                + "python-version lists " + String.join(", ", old) + ": " + reason + "; drop those entries "
                                + "or raise them to " + floor));
                        continue;
                    }
                    String change = "raised python-version from " + old.get(0) + " to \"" + floor + "\": " + reason
                            + "; the job now runs on that Python";
                    notes.insertRow(ctx, new MigrationNotes.Row(path, v.line(), getName(), !unsafe,
                            unsafe ? change : MigrationNotes.unsafeFixNotApplied(change)));
                    if (unsafe) {
                        raise.add(v.line());
                    }
                }
                return raise.isEmpty() ? documents : super.visitDocuments(documents, ctx);
            }

            @Override
            public Yaml.Mapping.Entry visitMappingEntry(Yaml.Mapping.Entry entry, ExecutionContext ctx) {
                Yaml.Mapping.Entry e = super.visitMappingEntry(entry, ctx);
                if (e.getKey().getValue().equals("python-version") && e.getValue() instanceof Yaml.Scalar s
                        && raise.contains(YamlPositions.lineOf(getCursor(), entry.getValue()))
                        && PythonFloor.below(s.getValue(), floor)) {
                    // a plain 3.10 would be read as the number 3.1
                    Yaml.Scalar.Style style = s.getStyle() == Yaml.Scalar.Style.PLAIN ? Yaml.Scalar.Style.DOUBLE_QUOTED : s.getStyle();
                    return e.withValue(s.withStyle(style).withValue(floor));
                }
                return e;
            }
        };
    }
}
