package dev.migrate.validators.config;

/**
 * How far two numbers may differ and still match: within {@code absolute}, or within {@code relative}
 * times the larger magnitude. Either bound is enough; both zero means exact.
 */
public record Tolerance(double absolute, double relative) {
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public boolean accepts(double legacy, double current) {
        double diff = Math.abs(legacy - current);
        return diff <= absolute || diff <= relative * Math.max(Math.abs(legacy), Math.abs(current));
    }

    /** The same test on exact decimals, which keep digits a double drops (a difference of 1e-21 at 12345). */
    public boolean accepts(java.math.BigDecimal legacy, java.math.BigDecimal current) {
        java.math.BigDecimal diff = legacy.subtract(current).abs();
        return diff.compareTo(new java.math.BigDecimal(absolute)) <= 0 || diff.compareTo(new java.math.BigDecimal(
                relative).multiply(legacy.abs().max(current.abs()))) <= 0;
    }

    public boolean isExact() {
        return absolute == 0 && relative == 0;
    }

    @Override
    public String toString() {
        if (isExact()) {
            return "exact";
        }
        if (relative == 0) {
            return "abs " + absolute;
        }
        return absolute == 0 ? "rel " + relative : "abs " + absolute + " or rel " + relative;
    }
}
