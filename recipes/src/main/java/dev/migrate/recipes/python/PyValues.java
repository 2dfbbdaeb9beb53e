package dev.migrate.recipes.python;

import dev.migrate.rewriters.python.query.CallView;
import dev.migrate.rewriters.python.query.Expressions;
import dev.migrate.rewriters.python.query.Imports;
import dev.migrate.rewriters.python.query.StringLiterals;
import dev.migrate.rewriters.python.tree.Node;
import dev.migrate.rewriters.python.tree.NodeKind;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Constant values read from literal Python expressions (never evaluated: only literals are understood). */
public final class PyValues {
    private static final Map<String, Long> TIMEDELTA_UNITS = Map.of("weeks", 604800L, "days", 86400L, "hours", 3600L,
            "minutes", 60L, "seconds", 1L);

    private PyValues() {
    }

    public static Optional<String> string(Node expr) {
        Node e = Expressions.unwrap(expr);
        return e.kind() == NodeKind.STRING ? StringLiterals.value(e) : Optional.empty();
    }

    /** A plain integer or float literal. */
    public static Optional<BigDecimal> number(Node expr) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() != NodeKind.CONSTANT) {
            return Optional.empty();
        }
        String text = e.print().strip().replace("_", "");
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /**
     * Seconds of a {@code datetime.timedelta(...)} call with literal arguments, of a number literal, or of a
     * product of number literals ({@code 3 * 60 * 60}).
     */
    public static Optional<BigDecimal> seconds(Node expr, Imports imports) {
        Node e = Expressions.unwrap(expr);
        if (e.kind() == NodeKind.BINARY && e.hasToken("*")) {
            BigDecimal product = BigDecimal.ONE;
            for (Node operand : e.nodes()) {
                Optional<BigDecimal> v = seconds(operand, imports);
                if (v.isEmpty()) {
                    return Optional.empty();
                }
                product = product.multiply(v.get());
            }
            return Optional.of(product);
        }
        if (e.kind() != NodeKind.CALL) {
            return number(e);
        }
        if (!imports.qualifiedName(e).filter("datetime.timedelta"::equals).isPresent()) {
            return Optional.empty();
        }
        BigDecimal total = BigDecimal.ZERO;
        String[] positional = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
        int index = 0;
        for (var arg : new CallView(e).arguments()) {
            String unit = arg.keyword() != null ? arg.keyword() : arg.isPositional() && index < positional.length
                    ? positional[index++] : null;
            Long factor = unit == null ? null : TIMEDELTA_UNITS.get(unit);
            Optional<BigDecimal> v = number(arg.value());
            if (factor == null || v.isEmpty()) {
                return Optional.empty();
            }
            total = total.add(v.get().multiply(BigDecimal.valueOf(factor)));
        }
        return Optional.of(total);
    }

    /**
     * Python source for the seconds of a duration: a literal when the value is literal; otherwise
     * {@code (value).total_seconds()} when it is visibly a timedelta, and the value itself (a number or a name
     * holding one) when it is not.
     */
    public static String secondsCode(Node value, Imports imports) {
        Optional<BigDecimal> s = seconds(value, imports);
        if (s.isPresent()) {
            return literal(s.get());
        }
        String text = value.print().strip();
        return text.contains("timedelta") ? "(" + text + ").total_seconds()" : text;
    }

    /** A number as Python source: integers without a fraction. */
    public static String literal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() <= 0 ? v.toBigIntegerExact().toString() : v.toPlainString();
    }

    /**
     * A Python string literal in {@code quote} that reads back as exactly {@code s}: backslashes, the quote, line breaks,
     * tabs and other control characters escaped.
     */
    public static String stringLiteral(String s, char quote) {
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append(quote).toString();
    }

    /** A Python string literal in double quotes. */
    public static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
