package dev.migrate.recipes.prefect1.internal;

import dev.migrate.rewriters.python.query.ImportBinding;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import java.util.Optional;

/** How generated code can name standard-library things in a given module. */
public final class PyNames {
    private PyNames() {
    }

    /**
     * The expression for {@code datetime.datetime} as this module binds it: {@code datetime} after
     * {@code from datetime import datetime}, {@code datetime.datetime} after {@code import datetime}, else
     * {@code datetime.datetime} (the caller imports the module).
     */
    public static String datetimeClass(Node module) {
        Imports imports = Imports.of(module);
        for (ImportBinding b : imports.all()) {
            if (b.qualifiedName().equals("datetime.datetime")) {
                return b.localName();
            }
        }
        Optional<ImportBinding> m = imports.binding("datetime");
        return m.isPresent() && m.get().qualifiedName().equals("datetime") ? "datetime.datetime" : "datetime.datetime";
    }

    /** Whether {@link #datetimeClass} needs {@code import datetime} added. */
    public static boolean needsDatetimeImport(Node module) {
        Imports imports = Imports.of(module);
        for (ImportBinding b : imports.all()) {
            if (b.qualifiedName().equals("datetime.datetime")) {
                return false;
            }
        }
        return imports.binding("datetime").isEmpty();
    }
}
