package dev.migrate.validators.paths;

import dev.migrate.validators.config.PathRules;
import java.time.Instant;
import java.util.regex.Matcher;

/** Makes output paths of the two sides comparable: timestamps become {@code {ts}}, legacy roots map to new ones. */
public final class PathNormalizer {
    public static final String PLACEHOLDER = "{ts}";
    private final PathRules rules;

    public PathNormalizer(PathRules rules) {
        this.rules = rules;
    }

    public String normalize(String relative, boolean legacySide) {
        String out = relative;
        if (legacySide) {
            for (PathRules.RootMapping m : rules.roots()) {
                if (out.startsWith(m.legacyPrefix())) {
                    out = m.newPrefix() + out.substring(m.legacyPrefix().length());
                    break;
                }
            }
        }
        for (TimestampPattern p : rules.timestamps()) {
            out = p.regex().matcher(out).replaceAll(Matcher.quoteReplacement(PLACEHOLDER));
        }
        return out;
    }

    /** The latest instant named in the path (the file name's stamp usually comes after a date directory). */
    public Instant stamp(String relative) {
        return latest(relative).at();
    }

    /**
     * Whether the latest stamp of the path names a day, not a moment ({@code extract_2024-03-01.json},
     * {@code dt=2024-03-01/}): the output then belongs to every run of that day, whatever its time.
     */
    public boolean stampNamesDay(String relative) {
        return latest(relative).day();
    }

    private record Stamp(Instant at, boolean day) {
    }

    private Stamp latest(String relative) {
        Instant latest = null;
        boolean day = false;
        String rest = relative;
        for (TimestampPattern p : rules.timestamps()) {
            Matcher m = p.regex().matcher(rest);
            StringBuilder kept = new StringBuilder();
            while (m.find()) {
                Instant at = p.read(m.group()).orElse(null);
                if (at != null && (latest == null || at.isAfter(latest))) {
                    latest = at;
                    day = p.namesDay(m.group());
                }
                m.appendReplacement(kept, Matcher.quoteReplacement(PLACEHOLDER));
            }
            m.appendTail(kept);
            rest = kept.toString();
        }
        return new Stamp(latest, day);
    }
}
