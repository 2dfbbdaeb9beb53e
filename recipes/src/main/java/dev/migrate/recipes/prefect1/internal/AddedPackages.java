package dev.migrate.recipes.prefect1.internal;

import java.util.Optional;
import org.openrewrite.DataTable;
import org.openrewrite.DataTableExecutionContextView;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;

/**
 * The integration packages the run adds to a project's requirements, and where: written by
 * {@code PinPrefect3InPrefect1Requirements} once every recipe has scanned (its generate phase, before any recipe
 * edits), read by the flow conversion, which edits first, to say where the package its task runner needs goes
 * instead of asking a person to add it. A data table, since recipes may not leave state in the execution context.
 */
public class AddedPackages extends DataTable<AddedPackages.Row> {
    public AddedPackages(Recipe recipe) {
        super(recipe, "Integration packages added to requirements", "Which requirements file of each project gets "
                + "the integration packages the converted Prefect 1 flows need.");
    }

    /**
     * @param project the project's directory ('/' separators, "" for the root)
     * @param file    its requirements file that gets the package
     * @param pkg     the package ({@code prefect-dask})
     */
    public record Row(String project, String file, String pkg) {
    }

    /**
     * The requirements file this run adds {@code pkg} to for the code at {@code sourcePath}: that of the nearest
     * project at or above its directory; empty when the run adds none there (no requirements recipe in the run, or
     * no file of the project can take the package).
     */
    public static Optional<String> addedFor(ExecutionContext ctx, String sourcePath, String pkg) {
        String path = sourcePath.replace('\\', '/');
        for (String dir = parent(path); ; dir = parent(dir)) {
            String project = dir;
            Optional<String> file = DataTableExecutionContextView.view(ctx).getDataTableStore().getRows(AddedPackages.class)
                    .filter(r -> r.project().equals(project) && r.pkg().equals(pkg)).map(Row::file).findFirst();
            if (file.isPresent() || dir.isEmpty()) {
                return file;
            }
        }
    }

    private static String parent(String path) {
        return path.lastIndexOf('/') < 0 ? "" : path.substring(0, path.lastIndexOf('/'));
    }
}
