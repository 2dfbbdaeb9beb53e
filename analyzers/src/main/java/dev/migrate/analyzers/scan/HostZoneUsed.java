package dev.migrate.analyzers.scan;

import java.util.Objects;

/**
 * The zone a scan read schedules without one in (crontabs without {@code CRON_TZ}, calendars, logs' local
 * timestamps), and where it came from. A wrong zone shifts every proven translation by hours, so every report says
 * which one it used.
 *
 * @param zone  the IANA zone id
 * @param from  how it was chosen
 * @param where the option, property or file that named it ({@code etc/timezone:1}); null when it was assumed
 */
public record HostZoneUsed(String zone, From from, String where) {
    /** How the zone was chosen. */
    public enum From {
        /** {@code --host-zone} */
        OPTION("option"),
        /** {@code -Dmigrate.hostZone} */
        PROPERTY("property"),
        /** the scanned tree's {@code etc/timezone}, {@code etc/localtime} link or {@code etc/sysconfig/clock} */
        HOST_FILES("host-files"),
        /** nothing named one: UTC */
        ASSUMED("assumed");

        private final String label;

        From(String label) {
            this.label = label;
        }

        /** The word the reports use. */
        public String label() {
            return label;
        }
    }

    public HostZoneUsed {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
    }

    /** The property that names the zone; the CLI sets it for the run of every command. */
    public static final String PROPERTY = "migrate.hostZone";
    /**
     * Set to {@code true} beside {@link #PROPERTY} by the CLI when nothing named the zone (no {@code --host-zone}, no
     * zone files in the tree): the zone is then still only assumed, which scans started deeper in a command (the
     * cutover plan's) must know as the scan command does.
     */
    public static final String ASSUMED_PROPERTY = "migrate.hostZone.assumed";

    /**
     * What a run that did not say knows: {@code -Dmigrate.hostZone} when set (the CLI sets it for every command and
     * then replaces this with where its value came from), assumed if {@link #ASSUMED_PROPERTY} says so; else UTC,
     * assumed.
     */
    public static HostZoneUsed fromSystemProperties() {
        String property = System.getProperty(PROPERTY);
        if (property == null) {
            return new HostZoneUsed("UTC", From.ASSUMED, null);
        }
        return Boolean.parseBoolean(System.getProperty(ASSUMED_PROPERTY)) ? new HostZoneUsed(property, From.ASSUMED, null)
                : new HostZoneUsed(property, From.PROPERTY, "-D" + PROPERTY);
    }

    /** Whether nothing named the zone: schedules read in it are read in a guess. */
    public boolean assumed() {
        return from == From.ASSUMED;
    }

    /** One phrase for the reports' headers: {@code Europe/Paris (from etc/timezone:1)}, {@code UTC (assumed: ...)}. */
    public String describe() {
        return switch (from) {
            case ASSUMED -> zone + " (assumed: no --host-zone and the tree names no zone)";
            default -> zone + " (from " + where + ")";
        };
    }
}
