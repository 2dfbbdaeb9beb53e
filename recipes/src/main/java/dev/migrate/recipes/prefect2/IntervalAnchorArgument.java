package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.python.PyValues;
import dev.migrate.recipes.python.PythonCode;
import dev.migrate.rewriters.python.query.Argument;
import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The {@code anchor_date=} of a Prefect 2 {@code IntervalSchedule(...)} in Python with a {@code timezone=} other than
 * UTC. Prefect 2 read a naive anchor as UTC (pendulum's default, PrefectHQ/prefect#9763); Prefect 3 versions read it as
 * UTC or in the timezone, each its own way. A naive literal ({@code datetime(2024, 1, 1, 9)}, {@code pendulum.naive(...)},
 * {@code "2024-01-01T09:00"}) becomes the instant Prefect 2 used as an ISO string with {@code +00:00}, the form the
 * Prefect 1 conversion writes too and pydantic parses in every 3.x (the scan reads it back as that instant). An anchor
 * the rewrite cannot read (a variable, {@code datetime.now()}) is left with a note: it may be naive.
 */
final class IntervalAnchorArgument {
    /** datetime()'s positional fields; a call with tzinfo or fold is not a plain naive literal. */
    private static final List<String> FIELDS = List.of("year", "month", "day", "hour", "minute", "second", "microsecond");

    /**
     * What to do with one anchor.
     *
     * @param anchor the anchor's value node in the call
     * @param code   the code that replaces it, or null when the anchor is left with a note
     * @param note   what the reviewer is told
     */
    record Anchoring(Node anchor, String code, String note) {
        boolean manual() {
            return code == null;
        }
    }

    private IntervalAnchorArgument() {
    }

    /** Whether {@code call} builds a Prefect interval schedule ({@code prefect.*.schedules.IntervalSchedule}). */
    static boolean isIntervalSchedule(Node call, Imports imports) {
        return call.kind() == NodeKind.CALL && imports.qualifiedName(call)
                .filter(q -> q.startsWith("prefect.") && q.endsWith(".IntervalSchedule")).isPresent();
    }

    /**
     * The anchoring of an IntervalSchedule call (or a dict schedule's entries): empty when it has no anchor_date or no
     * timezone, when the timezone is UTC, or when the anchor is aware.
     *
     * @param quote the quote a new string is written with
     */
    static Optional<Anchoring> of(Node anchor, Node timezone, Imports imports, char quote) {
        if (anchor == null || timezone == null) {
            return Optional.empty();
        }
        Node a = Expressions.unwrap(anchor);
        Optional<String> tz = PyValues.string(timezone);
        Optional<LocalDateTime> naive = naive(a, imports);
        boolean literal = naive.isPresent() || PyValues.string(a).isPresent();
        if (tz.isEmpty()) {
            // a zone the rewrite cannot read: a naive literal may still be read two ways
            return naive.map(n -> new Anchoring(anchor, null, "`anchor_date=" + a.text().strip() + "` is naive and the "
                    + "timezone " + PythonCode.oneLine(timezone) + " is not a literal: Prefect 2 read the anchor as UTC; "
                    + "if the timezone is not UTC, write the anchor with its offset (`" + PyValues.stringLiteral(n + "+00:00", quote)
                    + "` for the instant Prefect 2 used), which every Prefect 3 version reads as that instant"));
        }
        if (naive.isPresent()) {
            Optional<Prefect2AnchorDate.Anchor> at = PyValues.string(a).isPresent()
                    ? Prefect2AnchorDate.of(PyValues.string(a).get(), tz.get()) : Prefect2AnchorDate.of(naive.get(), tz.get());
            return at.map(p -> {
                String code = PyValues.stringLiteral(PyValues.string(a).isPresent() ? p.written(PyValues.string(a).get())
                        : p.iso(), quote);
                return new Anchoring(anchor, code, p.note("`anchor_date=" + a.text().strip() + "` with `timezone="
                        + timezone.text().strip() + "`", "`anchor_date=" + code + "`", "`anchor_date="
                        + PyValues.stringLiteral(p.meant(), quote) + "`"));
            });
        }
        if (literal || aware(a, imports) || !Prefect2AnchorDate.outsideUtc(tz.get())) {
            return Optional.empty(); // a string with its offset, an aware datetime, or a UTC schedule: one instant
        }
        return Optional.of(new Anchoring(anchor, null, "`anchor_date=" + PythonCode.oneLine(anchor) + "` with `timezone="
                + timezone.text().strip() + "`: if the anchor is a naive datetime, Prefect 2 read it as UTC and Prefect 3 "
                + "versions read it each their own way (UTC, or in " + tz.get() + "); make it aware, with tzinfo=timezone.utc "
                + "for the instant Prefect 2 used"));
    }

    /** The anchoring of one IntervalSchedule call's keywords. */
    static Optional<Anchoring> of(Node intervalCall, Imports imports, char quote) {
        CallView view = new CallView(intervalCall);
        return of(view.keyword("anchor_date").map(Argument::value).orElse(null),
                view.keyword("timezone").map(Argument::value).orElse(null), imports, quote);
    }

    /**
     * A naive date-time literal: a string of date and time without offset, or a {@code datetime.datetime(...)} or
     * {@code pendulum.naive(...)} of integer literals without tzinfo.
     */
    private static Optional<LocalDateTime> naive(Node a, Imports imports) {
        Optional<String> text = PyValues.string(a);
        if (text.isPresent()) {
            return Prefect2AnchorDate.naive(text.get());
        }
        String callee = a.kind() == NodeKind.CALL ? imports.qualifiedName(a).orElse("") : "";
        if (!callee.equals("datetime.datetime") && !callee.equals("pendulum.naive")) {
            return Optional.empty();
        }
        int[] values = new int[FIELDS.size()];
        int position = 0;
        for (Argument arg : new CallView(a).arguments()) {
            int field = arg.unpacking() != null ? -1 : arg.keyword() != null ? FIELDS.indexOf(arg.keyword()) : position++;
            Optional<java.math.BigDecimal> v = field < 0 || field >= FIELDS.size() ? Optional.empty() : PyValues.number(arg.value());
            if (v.isEmpty() || v.get().stripTrailingZeros().scale() > 0) {
                return Optional.empty();
            }
            values[field] = v.get().intValueExact();
        }
        try {
            return values[0] == 0 ? Optional.empty() : Optional.of(LocalDateTime.of(values[0], values[1],
                    values[2], values[3], values[4], values[5], values[6] * 1000));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /**
     * An anchor that is an instant whatever it holds: pendulum's datetimes (UTC unless given a zone), a datetime with
     * tzinfo, {@code datetime.now(tz)}, or one given a zone by {@code .replace(tzinfo=...)}/{@code .astimezone(...)}.
     */
    private static boolean aware(Node a, Imports imports) {
        if (a.kind() != NodeKind.CALL) {
            return false;
        }
        String callee = imports.qualifiedName(a).orElse("");
        CallView view = new CallView(a);
        if (callee.startsWith("pendulum.")) {
            return !callee.equals("pendulum.naive") && view.keyword("tz").map(t -> !t.value().text().strip().equals("None"))
                    .orElse(true);
        }
        if (view.keyword("tzinfo").isPresent() || view.callee().text().strip().endsWith(".astimezone")) {
            return true;
        }
        return (callee.equals("datetime.datetime.now") || callee.equals("datetime.datetime.fromtimestamp"))
                && view.arguments().size() >= (callee.endsWith(".now") ? 1 : 2);
    }
}
