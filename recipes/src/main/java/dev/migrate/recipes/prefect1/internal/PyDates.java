package dev.migrate.recipes.prefect1.internal;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Literal datetimes as Prefect 1 schedules take them: {@code pendulum.datetime(y, m, d, ..., tz="Zone")} and
 * {@code datetime(y, m, d, ..., tzinfo=timezone.utc | pytz.timezone("Zone") | pendulum.timezone("Zone"))}.
 */
public final class PyDates {
    /** A wall-clock time and the zone it is in ({@code zone} null when the literal names none). */
    public record ZonedLiteral(LocalDateTime local, String zone) {
    }

    private PyDates() {
    }

    public static Optional<ZonedLiteral> read(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() != NodeKind.CALL) {
            return Optional.empty();
        }
        String callee = imports.qualifiedName(e).orElse("");
        boolean pendulum = callee.equals("pendulum.datetime");
        if (!pendulum && !callee.equals("datetime.datetime")) {
            return Optional.empty();
        }
        CallView call = new CallView(e);
        int[] fields = {0, 1, 1, 0, 0, 0};
        String[] names = {"year", "month", "day", "hour", "minute", "second"};
        for (int i = 0; i < fields.length; i++) {
            Optional<Argument> a = call.argument(names[i], i);
            if (a.isEmpty() && i < 3) {
                return Optional.empty();
            }
            if (a.isPresent()) {
                Optional<BigDecimal> v = PyValues.number(a.get().value());
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                fields[i] = v.get().intValueExact();
            }
        }
        LocalDateTime local = LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        Optional<Argument> zoneArg = call.keyword(pendulum ? "tz" : "tzinfo");
        if (zoneArg.isEmpty()) {
            // pendulum.datetime defaults to UTC; a naive datetime.datetime names no zone
            return Optional.of(new ZonedLiteral(local, pendulum ? "UTC" : null));
        }
        Optional<String> zone = zone(zoneArg.get().value(), imports);
        return zone.map(z -> new ZonedLiteral(local, z));
    }

    private static Optional<String> zone(Node expr, Imports imports) {
        Optional<String> literal = PyValues.string(expr);
        if (literal.isPresent()) {
            return literal;
        }
        Node e = Expressions.unwrap(expr);
        String name = imports.qualifiedName(e).orElse("");
        if (List.of("datetime.timezone.utc", "pytz.utc", "pytz.UTC", "dateutil.tz.UTC").contains(name)) {
            return Optional.of("UTC");
        }
        if (e.kind() == NodeKind.CALL && List.of("pytz.timezone", "pendulum.timezone", "zoneinfo.ZoneInfo",
                "dateutil.tz.gettz").contains(name)) {
            return new CallView(e).positional(0).flatMap(a -> PyValues.string(a.value()));
        }
        return Optional.empty();
    }
}
