package dev.migrate.recipes.prefectcli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work pools that the translated commands of one file ask to create with different types: a deploy script
 * building with {@code -ib kubernetes-job/prod} on one line and {@code -ib docker-container/prod} on the next gets
 * two pools called {@code prod}, one of which must be renamed, since a pool has one type and its workers run
 * every deployment on it the same way. The pools are those the translations hand over as data
 * ({@link CliTranslation#creates()}), so that the check does not hang on how a note is worded.
 */
public final class PoolTypeConflicts {
    private PoolTypeConflicts() {
    }

    /**
     * A pool a command asks to create, and where that command is ({@code at}: an offset in a script's text, the line
     * of a CI step), so that a conflict is noted at the first command that names the pool.
     */
    public record Created<T>(CreatedPool pool, T at) {
    }

    /** A pool given more than one type, the note that says so, and where the first command creating it is. */
    public record Conflict<T>(String pool, String note, T first) {
    }

    /** A conflict for each pool that {@code created} (of one file, in order) creates with more than one type. */
    public static <T> List<Conflict<T>> of(List<Created<T>> created) {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Map<String, T> first = new LinkedHashMap<>();
        for (Created<T> c : created) {
            types.computeIfAbsent(c.pool().name(), k -> new LinkedHashSet<>()).add(c.pool().type());
            first.putIfAbsent(c.pool().name(), c.at());
        }
        List<Conflict<T>> out = new ArrayList<>();
        types.forEach((pool, t) -> {
            if (t.size() > 1) {
                out.add(new Conflict<>(pool, "work pool `" + pool + "` is chosen for deployments of different "
                        + "infrastructure (types " + String.join(", ", t) + "), but a pool has one type: give each type "
                        + "its own pool (--pool NAME)", first.get(pool)));
            }
        });
        return out;
    }
}
