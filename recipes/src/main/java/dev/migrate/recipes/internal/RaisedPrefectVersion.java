package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.recipes.PrefectTarget;
import java.util.Collection;
import java.util.List;

/**
 * The value a Prefect 2 version held in a variable or default takes: the target's release, or for a whole image tag
 * ({@code 2.14.3-python3.11}) the tag {@link PrefectImageTags} moves the image to, which keeps the Python and the
 * flavour and raises a Python below the target's floor (an unsafe fix, as for the image itself); a whole image
 * ({@code prefecthq/prefect:2-python3.10}) takes the image that reference moves to.
 */
public final class RaisedPrefectVersion {
    private static final String IMAGE = "prefecthq/prefect";

    /**
     * @param value  the new value
     * @param note   what a person should check about it, or null
     * @param unsafe whether it chooses something for the user (a newer Python), so it needs {@code --unsafe-fixes}
     */
    public record Raise(String value, String note, boolean unsafe) {
    }

    private RaisedPrefectVersion() {
    }

    /**
     * What a person must still do when a raised version is followed by a Python in a Prefect image's tag
     * ({@code prefecthq/prefect:${PREFECT_VERSION}-python3.8}) that the target's images no longer ship, or null: the
     * version alone moves, so that tag would name no image.
     */
    public static String pythonLeftBelowFloor(PrefectVersionVariables.Value v, Collection<String> uses, PrefectTarget target) {
        if (v.tag() || v.image()) {
            return null; // a whole tag or image moves with its Python
        }
        List<String> old = PrefectVersionVariables.imagePythons(uses, v.name()).stream()
                .filter(p -> PrefectTarget.comparePython(p, target.pythonMin()) < 0).toList();
        if (old.isEmpty()) {
            return null;
        }
        return "the prefecthq/prefect image tag after ${" + v.name() + "} names Python " + String.join(", ", old)
                + ", and Prefect " + target.pin() + " images start at Python " + target.pythonMin()
                + ": raise that -python suffix by hand (and check the flow's dependencies)";
    }

    public static Raise of(PrefectVersionVariables.Value v, PrefectTarget target) {
        if (v.image()) {
            // a whole image ({@code prefecthq/prefect:2-python3.10}, any registry) moves as it would written in place
            PrefectImageTags.Upgrade up = PrefectImageTags.upgrade(v.version(), target)
                    .orElseThrow(() -> new IllegalArgumentException("not a Prefect 2 image: " + v.version()));
            return new Raise(up.image(), up.note(), up.unsafe());
        }
        if (!v.tag()) {
            return new Raise(target.pin(), null, false);
        }
        PrefectImageTags.Upgrade up = PrefectImageTags.upgrade(IMAGE + ":" + v.version(), target)
                .orElseThrow(() -> new IllegalArgumentException("not a Prefect 2 image tag: " + v.version()));
        return new Raise(up.image().substring(up.image().lastIndexOf(':') + 1), up.note(), up.unsafe());
    }
}
