package dev.migrate.recipes.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * One file a run changes.
 *
 * @param path    relative to the project root
 * @param after   the new bytes, in the file's own encoding (with its BOM, if it had one); null when the
 *                file is deleted
 * @param diffText a unified diff that {@code git apply} accepts, computed on first use (most runs that
 *                 write in place never print it, and a diff costs more than the recipes)
 * @param recipes the recipes that changed it
 */
public record FileChange(Path path, byte[] after, Supplier<String> diffText, List<String> recipes, Kind kind) {
    public enum Kind { MODIFIED, CREATED, DELETED }

    public FileChange {
        recipes = List.copyOf(recipes);
        diffText = once(diffText);
    }

    public String diff() {
        return diffText.get();
    }

    private static Supplier<String> once(Supplier<String> compute) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    v = compute.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
