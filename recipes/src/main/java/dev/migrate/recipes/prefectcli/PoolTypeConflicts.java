package dev.migrate.recipes.prefectcli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work pools that the translated commands of one file ask to create with different types: a deploy script
 * building with {@code -ib kubernetes-job/prod} on one line and {@code -ib docker-container/prod} on the next gets
 * two pools called {@code prod}, one of which must be renamed, since a pool has one type and its workers run
 * every deployment on it the same way.
 */
public final class PoolTypeConflicts {
    /** The pool a translation's note asks to create, and its type (notes end with the command to run). */
    private static final Pattern CREATE = Pattern.compile("prefect work-pool create (\\S+) --type ([\\w-]+)");

    private PoolTypeConflicts() {
    }

    /** A pool given more than one type, and the note that says so. */
    public record Conflict(String pool, String note) {
        /** Whether {@code message}, a translation's note, asks to create this pool. */
        public boolean createdBy(String message) {
            return message.contains("work-pool create " + pool + " ");
        }
    }

    /** A conflict for each pool that {@code notes} (of one file, in order) create with more than one type. */
    public static List<Conflict> of(List<String> notes) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        for (String note : notes) {
            Matcher m = CREATE.matcher(note);
            while (m.find()) {
                types.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(m.group(2));
            }
        }
        List<Conflict> out = new ArrayList<>();
        types.forEach((pool, t) -> {
            if (t.size() > 1) {
                out.add(new Conflict(pool, "work pool `" + pool + "` is chosen for deployments of different "
                        + "infrastructure (types " + String.join(", ", t) + "), but a pool has one type: give each type "
                        + "its own pool (--pool NAME)"));
            }
        });
        return out;
    }
}
