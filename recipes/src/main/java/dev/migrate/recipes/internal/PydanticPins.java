package dev.migrate.recipes.internal;

import dev.migrate.analyzers.sources.config.PydanticConstraints;
import dev.migrate.recipes.PrefectTarget;

/**
 * What PF218 does to a {@code pydantic} pin that admits only 1.x beside Prefect 3 (which pins those are is the
 * scan's {@link PydanticConstraints}).
 */
public final class PydanticPins {
    private PydanticPins() {
    }

    /** The requirement that replaces a 1.x-only one: the lowest pydantic the targeted Prefect release accepts. */
    public static String raised(String extras, PrefectTarget target) {
        return "pydantic" + (extras == null ? "" : extras) + ">=" + target.pydanticMin();
    }

    /** Why the pin cannot stay, for the note on its line. */
    public static String reason(PrefectTarget target) {
        return "Prefect " + target.pin() + " requires pydantic " + (target.pydantic() == null ? "2" : target.pydantic())
                + ", so pip cannot install this pin beside it; code written for the pydantic 1 API (`@validator`, "
                + "`class Config`, `.dict()`) must be ported to pydantic 2, or import `pydantic.v1`";
    }
}
