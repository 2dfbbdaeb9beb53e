package dev.migrate.validators.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column type moved to a type that holds every value of the old one unchanged (INTEGER to BIGINT, REAL
 * to DOUBLE, DECIMAL(10,2) to DECIMAL(12,2), VARCHAR(20) to VARCHAR(50) or TEXT): a schema change no consumer of
 * the values can notice. The ladders are data ({@code type-widening.txt}).
 */
public final class TypeWidening {
    /** A rung of a ladder, and the rungs of other ladders its values also fit. */
    private record Rung(String ladder, int index, Map<String, Integer> alsoFits) {
    }

    private static final Pattern PARAMS = Pattern.compile("^([A-Z][A-Z0-9_ ]*?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?$");
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL|NUMERIC");
    /** Decimal digits of the whole-number types that fit a DECIMAL(p, s) with p - s at least this. */
    private static final Map<String, Integer> INTEGER_DIGITS = Map.of("signed:0", 3, "signed:1", 5, "signed:2", 10,
            "signed:3", 19, "signed:4", 39);
    private static final Map<String, Rung> RUNGS = load();

    private TypeWidening() {
    }

    /** True when every value of type {@code from} is a value of type {@code to} (the same type included). */
    public static boolean widens(String from, String to) {
        Matcher a = PARAMS.matcher(normal(from));
        Matcher b = PARAMS.matcher(normal(to));
        if (!a.matches() || !b.matches()) {
            return false;
        }
        String fa = a.group(1).strip().replace(' ', '_');
        String fb = b.group(1).strip().replace(' ', '_');
        if (DECIMAL.matcher(fb).matches()) {
            return toDecimal(fa, a, b);
        }
        Rung ra = RUNGS.get(fa);
        Rung rb = RUNGS.get(fb);
        if (ra == null || rb == null) {
            return false;
        }
        boolean up = ra.ladder().equals(rb.ladder()) ? ra.index() <= rb.index()
                : ra.alsoFits().getOrDefault(rb.ladder(), Integer.MAX_VALUE) <= rb.index();
        if (!up) {
            return false;
        }
        // VARCHAR(20) to VARCHAR(10) stays on its rung but loses room; an unbounded rung is wider than any bound
        if (ra.ladder().equals("text") && ra.index() == rb.index() && b.group(2) != null) {
            return a.group(2) != null && Integer.parseInt(a.group(2)) <= Integer.parseInt(b.group(2));
        }
        return true;
    }

    /**
     * True when {@code a} and {@code b} name one type: the same name (without case), or two names of one rung of a
     * ladder (or DECIMAL and NUMERIC) with the same parameters ({@code TIMESTAMP} and {@code DATETIME}, which DuckDB and SQLite do not tell
     * apart; {@code INT} and {@code INTEGER}; {@code DOUBLE PRECISION} and {@code FLOAT8}). Their values are
     * compared as they are, and the schema check reports no change.
     */
    public static boolean sameType(String a, String b) {
        String na = normal(a);
        String nb = normal(b);
        if (na.equals(nb)) {
            return true;
        }
        Matcher ma = PARAMS.matcher(na);
        Matcher mb = PARAMS.matcher(nb);
        if (!ma.matches() || !mb.matches() || !java.util.Objects.equals(ma.group(2), mb.group(2))
                || !java.util.Objects.equals(ma.group(3), mb.group(3))) {
            return false;
        }
        String fa = ma.group(1).strip().replace(' ', '_');
        String fb = mb.group(1).strip().replace(' ', '_');
        if (DECIMAL.matcher(fa).matches() && DECIMAL.matcher(fb).matches()) {
            return true; // DECIMAL(12,2) and NUMERIC(12,2)
        }
        Rung ra = RUNGS.get(fa);
        Rung rb = RUNGS.get(fb);
        return ra != null && rb != null && ra.ladder().equals(rb.ladder()) && ra.index() == rb.index();
    }

    /** Into DECIMAL(p, s): a decimal with no more whole digits and no more fraction digits, or a small enough integer. */
    private static boolean toDecimal(String from, Matcher a, Matcher b) {
        if (b.group(2) == null) {
            return DECIMAL.matcher(from).matches() || RUNGS.containsKey(from) && INTEGER_DIGITS.containsKey(key(from));
        }
        int p = Integer.parseInt(b.group(2));
        int s = b.group(3) == null ? 0 : Integer.parseInt(b.group(3));
        if (DECIMAL.matcher(from).matches()) {
            if (a.group(2) == null) {
                return false;
            }
            int pa = Integer.parseInt(a.group(2));
            int sa = a.group(3) == null ? 0 : Integer.parseInt(a.group(3));
            return sa <= s && pa - sa <= p - s;
        }
        Integer digits = RUNGS.containsKey(from) ? INTEGER_DIGITS.get(key(from)) : null;
        return digits != null && digits <= p - s;
    }

    private static String key(String type) {
        Rung r = RUNGS.get(type);
        return r.ladder() + ":" + r.index();
    }

    private static String normal(String type) {
        return type.strip().toUpperCase(Locale.ROOT).replace("CHARACTER VARYING", "VARCHAR")
                .replace("DOUBLE PRECISION", "DOUBLE").replace('"', ' ').strip();
    }

    private static Map<String, Rung> load() {
        String text;
        try (InputStream in = TypeWidening.class.getResourceAsStream("type-widening.txt")) {
            if (in == null) {
                throw new IllegalStateException("type-widening.txt is missing from the build");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Rung> out = new HashMap<>();
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String ladder = line.substring(0, line.indexOf(':')).strip();
            List<String> rungs = List.of(line.substring(line.indexOf(':') + 1).split("\\|"));
            for (int i = 0; i < rungs.size(); i++) {
                String[] parts = rungs.get(i).split(">");
                Map<String, Integer> also = new HashMap<>();
                if (parts.length > 1) {
                    String[] target = parts[1].strip().split(":");
                    also.put(target[0], Integer.parseInt(target[1]));
                }
                for (String name : parts[0].strip().split("\\s+")) {
                    out.put(name, new Rung(ladder, i, Map.copyOf(also)));
                }
            }
        }
        return Map.copyOf(out);
    }
}
