package dev.migrate.analyzers.schedule;

import java.util.List;

/**
 * One field of a systemd calendar event: a list of chains {@code start[..stop][/repeat]}, or {@code *} (an
 * empty list). Seconds are kept in microseconds so that {@code 05.25} is exact.
 */
record CalendarComponent(List<Chain> chains) {
    static final CalendarComponent ANY = new CalendarComponent(List.of());

    CalendarComponent {
        chains = List.copyOf(chains);
    }

    /** {@code stop} is -1 when open; {@code repeat} is 0 for a single value. */
    record Chain(int start, int stop, int repeat) {
    }

    boolean any() {
        return chains.isEmpty();
    }

    /**
     * The smallest value {@code >= v} this component allows, or -1. {@code end} maps a chain written with
     * {@code ~} to real day numbers (null otherwise).
     */
    int next(int v, java.util.function.IntUnaryOperator fromEnd) {
        if (any()) {
            return v;
        }
        int best = -1;
        for (Chain c : chains) {
            int start = c.start();
            int stop = c.stop();
            if (fromEnd != null) {
                start = fromEnd.applyAsInt(c.start());
                stop = c.stop() < 0 ? -1 : fromEnd.applyAsInt(c.stop());
                if (stop >= 0 && stop < start) {
                    int s = start;
                    start = stop;
                    stop = s;
                }
            }
            int candidate;
            if (start >= v) {
                candidate = start;
            } else if (c.repeat() > 0) {
                candidate = start + c.repeat() * ((v - start + c.repeat() - 1) / c.repeat());
                if (stop >= 0 && candidate > stop) {
                    continue;
                }
            } else {
                continue;
            }
            if (best < 0 || candidate < best) {
                best = candidate;
            }
        }
        return best;
    }

    /** Every value in {@code [min, max]} this component allows (no {@code ~}). */
    java.util.BitSet values(int min, int max) {
        java.util.BitSet set = new java.util.BitSet();
        for (int v = next(min, null); v >= 0 && v <= max; v = next(v + 1, null)) {
            set.set(v);
        }
        return set;
    }

    /** systemd's normalized spelling, with {@code width} digits per number. */
    String format(int width, boolean micros) {
        if (any()) {
            return "*";
        }
        StringBuilder sb = new StringBuilder();
        for (Chain c : chains) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(number(c.start(), width, micros));
            if (c.stop() >= 0) {
                sb.append("..").append(number(c.stop(), width, micros));
            }
            if (c.repeat() > 0 && !(c.stop() >= 0 && c.repeat() == (micros ? 1_000_000 : 1))) {
                sb.append('/').append(micros ? trimMicros(c.repeat()) : Integer.toString(c.repeat()));
            }
        }
        return sb.toString();
    }

    private static String number(int v, int width, boolean micros) {
        if (!micros) {
            return String.format("%0" + width + "d", v);
        }
        String whole = String.format("%02d", v / 1_000_000);
        return v % 1_000_000 == 0 ? whole : whole + String.format(".%06d", v % 1_000_000);
    }

    private static String trimMicros(int v) {
        return v % 1_000_000 == 0 ? Integer.toString(v / 1_000_000) : String.format("%d.%06d", v / 1_000_000, v % 1_000_000);
    }
}
