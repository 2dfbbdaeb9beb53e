package dev.migrate.recipes.legacy.internal;

import java.util.Arrays;

/** The three steps of moving a legacy estate; each later phase includes what the earlier ones did. */
public enum Phase {
    DUAL_RUN("dual-run"),
    CUTOVER("cutover"),
    CLEANUP("cleanup");

    private final String option;

    Phase(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public boolean atLeast(Phase other) {
        return ordinal() >= other.ordinal();
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static Phase of(String option) {
        return Arrays.stream(values()).filter(p -> p.option.equals(option)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("phase '" + option
                        + "' is not one of dual-run, cutover, cleanup"));
    }
}
