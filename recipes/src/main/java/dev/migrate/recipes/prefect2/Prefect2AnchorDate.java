package dev.migrate.recipes.prefect2;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openrewrite.yaml.tree.Yaml;

/**
 * A Prefect 2 interval schedule's naive {@code anchor_date} with a timezone other than UTC, made explicit: Prefect 2
 * read it as UTC (pendulum's default for a naive time, PrefectHQ/prefect#9763), while Prefect 3 versions read a naive
 * anchor as UTC or in the schedule's timezone, each its own way. The same digits at {@code +00:00} are the instant
 * Prefect 2 used, to every 3.x version, so the runs stay where they were. Every place the rewrite carries a Prefect 2
 * interval (prefect.yaml, deployment.yaml build outputs, Python deployments, {@code prefect deployment build} flags)
 * asks here, so that they write the same instant and the same note.
 */
public final class Prefect2AnchorDate {
    /** A date and a time of day without an offset, as pendulum and pydantic both parse it. */
    private static final Pattern NAIVE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter AWARE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    /** An aware anchor with its fraction of a second, when it has one. */
    private static final DateTimeFormatter AWARE_FRACTION = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    /** The schedule with its anchor at UTC, and the note that says so. */
    record Made(Yaml.Mapping schedule, String note) {
    }

    /**
     * A naive anchor that Prefect 2 read as UTC in a schedule of another timezone.
     *
     * @param utc  the anchor's digits, the UTC time Prefect 2 used
     * @param zone the schedule's timezone
     */
    public record Anchor(LocalDateTime utc, ZoneId zone, String timezone) {
        /** The digits as written with {@code +00:00} after them (the form a YAML or command-line value keeps). */
        public String written(String naive) {
            return naive + "+00:00";
        }

        /** The instant as ISO text with seconds and {@code +00:00} (the form a new Python string is given). */
        public String iso() {
            return (utc.getNano() == 0 ? AWARE : AWARE_FRACTION).format(utc.atOffset(ZoneOffset.UTC));
        }

        /** The instant of the anchor's digits read in the schedule's timezone, for the note's other choice. */
        public String meant() {
            return AWARE.format(utc.atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
        }

        /**
         * The note for a change from {@code before} to {@code after} (each spelt as the file spells it, in backticks),
         * with {@code instead} the spelling of {@link #meant()} there.
         */
        public String note(String before, String after, String instead) {
            ZonedDateTime local = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
            return before + " is now " + after + ": Prefect 2 read a naive anchor_date as UTC, so the runs stay where "
                    + "Prefect 2 put them (at " + utc.format(HH_MM) + " UTC, " + local.format(HH_MM) + " in " + timezone
                    + " on " + local.toLocalDate() + "), which Prefect 3 versions would read each their own way without "
                    + "the offset; if " + utc.format(HH_MM) + " in " + timezone + " was meant, write " + instead + " instead";
        }
    }

    private Prefect2AnchorDate() {
    }

    /**
     * The anchor Prefect 2 read as UTC: {@code naive} is a date and time without offset and {@code timezone} a zone
     * other than UTC. Empty for an aware anchor, a UTC schedule, or text that is neither (a template, a name Prefect
     * would reject): then there is no other instant to write.
     */
    public static Optional<Anchor> of(String naive, String timezone) {
        if (naive == null || timezone == null || !NAIVE.matcher(naive).matches()) {
            return Optional.empty();
        }
        return read(naive.replace(' ', 'T'), timezone);
    }

    /** A date and time without offset, as Prefect 2 parsed it; empty for any other text (one with its offset too). */
    static Optional<LocalDateTime> naive(String text) {
        try {
            return text != null && NAIVE.matcher(text).matches() ? Optional.of(LocalDateTime.parse(text.replace(' ', 'T')))
                    : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code timezone} is a zone where a naive time and UTC differ (false for UTC by any name and for unknown names). */
    static boolean outsideUtc(String timezone) {
        return read("2000-01-01T00:00", timezone).isPresent();
    }

    /** The same for a naive anchor already read as a date and time ({@code datetime(2024, 1, 1, 9)}). */
    static Optional<Anchor> of(LocalDateTime naive, String timezone) {
        return timezone == null ? Optional.empty() : read(naive.toString(), timezone);
    }

    private static Optional<Anchor> read(String iso, String timezone) {
        ZoneId zone;
        LocalDateTime utc;
        try {
            zone = ZoneId.of(timezone);
            utc = LocalDateTime.parse(iso);
        } catch (DateTimeException e) {
            return Optional.empty(); // a template or a name Prefect would reject: nothing to read the instant from
        }
        if (zone.getRules().isFixedOffset() && zone.getRules().getOffset(utc).getTotalSeconds() == 0) {
            return Optional.empty(); // UTC by any name: the naive anchor is that instant to every version
        }
        return Optional.of(new Anchor(utc, zone, timezone));
    }

    /** A prefect.yaml or deployment.yaml interval schedule mapping with its naive anchor at {@code +00:00}. */
    static Optional<Made> explicit(Yaml.Mapping schedule) {
        Yaml.Mapping.Entry anchor = entry(schedule, "anchor_date");
        Yaml.Mapping.Entry timezone = entry(schedule, "timezone");
        if (entry(schedule, "interval") == null || anchor == null || timezone == null
                || !(anchor.getValue() instanceof Yaml.Scalar a) || !(timezone.getValue() instanceof Yaml.Scalar tz)) {
            return Optional.empty();
        }
        return of(a.getValue(), tz.getValue()).map(at -> {
            String written = at.written(a.getValue());
            List<Yaml.Mapping.Entry> entries = new ArrayList<>(schedule.getEntries());
            entries.set(entries.indexOf(anchor), anchor.withValue(a.withValue(written)));
            return new Made(schedule.withEntries(entries), yamlNote(at, a.getValue(), written));
        });
    }

    /**
     * The same for a schedule written as a flow mapping ({@code {interval: 3600, anchor_date: ..., timezone: ...}}),
     * which rewrite-yaml hands over as one plain scalar: the anchor's own characters are replaced in that text, its
     * quotes and everything around it kept. Empty when the text is not such a mapping.
     *
     * @return the new text and the note
     */
    static Optional<String[]> explicitFlow(String text) {
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(text));
        } catch (RuntimeException notYaml) {
            return Optional.empty();
        }
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode m)) {
            return Optional.empty();
        }
        java.util.Map<String, org.yaml.snakeyaml.nodes.ScalarNode> values = new java.util.HashMap<>();
        for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k
                    && t.getValueNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode v) {
                values.put(k.getValue(), v);
            }
        }
        org.yaml.snakeyaml.nodes.ScalarNode anchor = values.get("anchor_date");
        org.yaml.snakeyaml.nodes.ScalarNode timezone = values.get("timezone");
        if (!values.containsKey("interval") || anchor == null || timezone == null) {
            return Optional.empty();
        }
        return of(anchor.getValue(), timezone.getValue()).flatMap(at -> {
            int start = anchor.getStartMark().getIndex();
            int end = anchor.getEndMark().getIndex();
            String raw = text.substring(start, end);
            int digits = raw.indexOf(anchor.getValue());
            if (digits < 0) {
                return Optional.empty(); // an escape inside the quotes: not the characters the value reads as
            }
            String written = at.written(anchor.getValue());
            int after = start + digits + anchor.getValue().length();
            return Optional.of(new String[] {text.substring(0, start + digits) + written + text.substring(after),
                    yamlNote(at, anchor.getValue(), written)});
        });
    }

    /** The note for a YAML schedule's anchor written as {@code written} instead of {@code naive}. */
    static String yamlNote(Anchor at, String naive, String written) {
        return at.note("`anchor_date: " + naive + "` with `timezone: " + at.timezone() + "`", "`" + written + "`",
                "`anchor_date: " + at.meant() + "`");
    }

    /**
     * The note for a naive anchor left as it is in a schedule the rewrite cannot tell Prefect 2 read: a prefect.yaml
     * {@code schedules:} list, which late 2.x and every 3.x read, each its own way.
     */
    static String ambiguousNote(Anchor at, String naive) {
        return "`anchor_date: " + naive + "` with `timezone: " + at.timezone() + "` has no offset, which Prefect "
                + "versions read differently: Prefect 2 and Prefect 3 before 3.3.0 as UTC (" + at.utc().format(HH_MM)
                + " UTC), and from 3.3.0 as UTC or in " + at.timezone() + " depending on the Python version of the "
                + "Prefect client that deploys it and of the server that stores it; write `anchor_date: "
                + at.written(naive) + "` for the runs Prefect 2 made, or `anchor_date: " + at.meant() + "` for "
                + at.utc().format(HH_MM) + " in " + at.timezone();
    }

    private static Yaml.Mapping.Entry entry(Yaml.Mapping m, String key) {
        return m.getEntries().stream().filter(e -> key.equals(e.getKey().getValue())).findFirst().orElse(null);
    }
}
