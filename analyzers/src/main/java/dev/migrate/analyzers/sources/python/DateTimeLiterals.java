package dev.migrate.analyzers.sources.python;

import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A naive date and time written as a literal: a string in one of the formats schedule 1.2's {@code until()} accepts
 * with a date ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"), or a {@code datetime(...)} of literals without
 * tzinfo. A time of day, a {@code timedelta}, an aware or a computed value is not one.
 */
final class DateTimeLiterals {
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?: (\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?");
    /** datetime()'s positional order; tzinfo (an aware deadline, which the library cannot compare) and fold are not here. */
    private static final List<String> FIELDS = List.of("year", "month", "day", "hour", "minute", "second", "microsecond");

    private DateTimeLiterals() {
    }

    static Optional<LocalDateTime> of(PythonModule m, Node arg) {
        Optional<String> literal = m.string(arg);
        if (literal.isPresent()) {
            Matcher d = DATE.matcher(literal.get());
            return d.matches() ? at(new int[] {num(d, 1), num(d, 2), num(d, 3), num(d, 4), num(d, 5), num(d, 6), 0})
                    : Optional.empty();
        }
        Node call = m.resolve(arg);
        if (call.kind() != NodeKind.CALL || !m.nameOf(call).equals("datetime.datetime")) {
            return Optional.empty();
        }
        int[] values = new int[FIELDS.size()];
        int position = 0;
        for (Argument a : new CallView(call).arguments()) {
            int field = a.keyword() != null ? FIELDS.indexOf(a.keyword()) : a.isPositional() ? position++ : -1;
            Optional<Double> v = field < 0 ? Optional.empty() : m.number(a.value());
            if (v.isEmpty() || v.get() != Math.rint(v.get())) {
                return Optional.empty();
            }
            values[field] = v.get().intValue();
        }
        return values[0] == 0 ? Optional.empty() : at(values);
    }

    private static int num(Matcher m, int group) {
        return m.group(group) == null ? 0 : Integer.parseInt(m.group(group));
    }

    private static Optional<LocalDateTime> at(int[] v) {
        try {
            return Optional.of(LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5], v[6] * 1000));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
