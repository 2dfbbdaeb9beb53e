package dev.migrate.recipes.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * One file a run changes.
 *
 * @param path    relative to the project root
 * @param after   the new bytes, in the file's own encoding (with its BOM, if it had one); null when the
 *                file is deleted
 * @param diff    a unified diff that {@code git apply} accepts
 * @param recipes the recipes that changed it
 */
public record FileChange(Path path, byte[] after, String diff, List<String> recipes, Kind kind) {
    public enum Kind { MODIFIED, CREATED, DELETED }

    public FileChange {
        recipes = List.copyOf(recipes);
    }
}
