package dev.migrate.validators;

/**
 * A key that repeats in one side's output. In the legacy output the config's key does not identify a row (bad
 * input); in the new output, once the legacy keys are known unique, the new pipeline wrote rows twice: a
 * mismatch to record, which {@link #asFinding} turns it into.
 *
 * @param side "legacy" or "new"
 */
public final class DuplicateKeyException extends BadInputException {
    private final String side;
    private final String finding;

    public DuplicateKeyException(String side, String where, String dataset, String key, Object times, boolean more,
            String configPath) {
        super(where + "duplicate key in the " + side + " output of dataset '" + dataset + "': " + key + " appears "
                + times + " times" + (more ? " (and other keys too)" : "") + "; fix the output, or make " + configPath
                + ".key name columns that identify a row");
        this.side = side;
        this.finding = "the new output repeats key " + key + " " + times + " times" + (more ? " (and other keys too)" : "")
                + ", which the legacy output holds once: the new pipeline wrote rows twice" + (where.isEmpty() ? ""
                        : " (" + where.substring(0, where.length() - 2) + ")");
    }

    public String side() {
        return side;
    }

    /** The row-diff message of a new output that repeats a key. */
    public String asFinding() {
        return finding;
    }
}
