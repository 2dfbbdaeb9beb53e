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

    /**
     * What a run that did not say knows: {@code -Dmigrate.hostZone} when set (the CLI sets it for every command and
     * then replaces this with where its value came from), else UTC, assumed.
     */
    public static HostZoneUsed fromSystemProperties() {
        String property = System.getProperty("migrate.hostZone");
        return property == null ? new HostZoneUsed("UTC", From.ASSUMED, null)
                : new HostZoneUsed(property, From.PROPERTY, "-Dmigrate.hostZone");
    }

    /** One phrase for the reports' headers: {@code Europe/Paris (from etc/timezone:1)}, {@code UTC (assumed: ...)}. */
    public String describe() {
        return switch (from) {
            case ASSUMED -> zone + " (assumed: no --host-zone and the tree names no zone)";
            default -> zone + " (from " + where + ")";
        };
    }
}
