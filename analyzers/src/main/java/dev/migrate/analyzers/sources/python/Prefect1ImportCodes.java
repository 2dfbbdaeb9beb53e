package dev.migrate.analyzers.sources.python;

import java.util.Map;
import java.util.Optional;

/**
 * Which rule speaks for an import of a Prefect 1 name that Prefect 3 lacks ({@code prefect1/import-codes.yaml}, and
 * the task library's PF110), so that the scan's finding and the rewrite's TODO on the same import carry one code.
 */
public final class Prefect1ImportCodes {
    /** A Prefect 1 name no other rule covers: it does not exist in Prefect 3, and the import fails. */
    public static final String REMOVED = "PF216";
    private static final Map<String, String> CODES = Map.copyOf(Prefect1Names.<String>load("import-codes.yaml"));

    private Prefect1ImportCodes() {
    }

    /** The code of {@code qualified} (a Prefect 1 name Prefect 3 lacks): its rule's, or {@link #REMOVED}. */
    public static String of(String qualified) {
        return covered(qualified).orElse(REMOVED);
    }

    /** The code of the rule that covers {@code qualified} other than {@link #REMOVED}, when one does. */
    public static Optional<String> covered(String qualified) {
        for (String q = qualified; !q.isEmpty(); q = q.contains(".") ? q.substring(0, q.lastIndexOf('.')) : "") {
            String code = CODES.get(q);
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Prefect1Names.get().library(qualified).map(l -> "PF110");
    }
}
