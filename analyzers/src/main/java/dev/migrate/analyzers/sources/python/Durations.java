package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import dev.migrate.rewriters.python.query.CallView;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reads {@code timedelta(...)} and numbers of seconds, and writes them as ISO-8601 durations. */
final class Durations {
    private static final Map<String, Long> UNIT_SECONDS = Map.of("weeks", 604800L, "days", 86400L, "hours", 3600L,
            "minutes", 60L, "seconds", 1L, "milliseconds", 0L);

    private Durations() {
    }

    /** Seconds per unit name, singular or plural ({@code minute}, {@code minutes}); null when unknown. */
    static Long unitSeconds(String unit) {
        Long s = UNIT_SECONDS.get(unit);
        return s != null ? s : UNIT_SECONDS.get(unit + "s");
    }

    /** {@code PT15M}, {@code PT6H}, {@code P1D}, {@code P7D}: whole days as days, like the samples' tables. */
    static String iso(double seconds) {
        long whole = Math.round(seconds);
        if (whole > 0 && whole % 86400 == 0) {
            return "P" + whole / 86400 + "D";
        }
        if (whole == seconds) {
            return Duration.ofSeconds(whole).toString();
        }
        return Duration.ofMillis(Math.round(seconds * 1000)).toString();
    }

    /** Seconds of a {@code timedelta(...)} call (any import alias), or of a plain number. */
    static Optional<Double> seconds(PythonModule m, Node expr) {
        Node e = m.resolve(expr);
        if (e.kind() == NodeKind.CALL && m.nameOf(e).endsWith("timedelta")) {
            double total = 0;
            String[] positional = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
            int i = 0;
            for (var a : new CallView(e).arguments()) {
                String unit = a.keyword() != null ? a.keyword() : i < positional.length ? positional[i] : "?";
                i++;
                Optional<Double> v = m.number(a.value());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                total += switch (unit) {
                    case "microseconds" -> v.get() / 1_000_000;
                    case "milliseconds" -> v.get() / 1000;
                    default -> {
                        Long s = UNIT_SECONDS.get(unit);
                        if (s == null) {
                            yield Double.NaN;
                        }
                        yield v.get() * s;
                    }
                };
            }
            return Double.isNaN(total) ? Optional.empty() : Optional.of(total);
        }
        return m.number(e);
    }
}
