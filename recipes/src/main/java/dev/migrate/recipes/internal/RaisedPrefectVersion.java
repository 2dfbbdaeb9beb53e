package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.PrefectVersionVariables;
import dev.migrate.recipes.PrefectTarget;

/**
 * The value a Prefect 2 version held in a variable or default takes: the target's release, or for a whole image tag
 * ({@code 2.14.3-python3.11}) the tag {@link PrefectImageTags} moves the image to, which keeps the Python and the
 * flavour and raises a Python below the target's floor (an unsafe fix, as for the image itself).
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

    public static Raise of(PrefectVersionVariables.Value v, PrefectTarget target) {
        if (!v.tag()) {
            return new Raise(target.pin(), null, false);
        }
        PrefectImageTags.Upgrade up = PrefectImageTags.upgrade(IMAGE + ":" + v.version(), target)
                .orElseThrow(() -> new IllegalArgumentException("not a Prefect 2 image tag: " + v.version()));
        return new Raise(up.image().substring(up.image().lastIndexOf(':') + 1), up.note(), up.unsafe());
    }
}
