package dev.migrate.cli;

import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.schedule.HostZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --host-zone}: the zone the legacy host's clock runs in, which crontabs without {@code CRON_TZ} and calendars
 * without a zone fire in. Without it, {@code -Dmigrate.hostZone}, else the zone the scanned tree declares
 * ({@link HostZone}), else UTC. {@link MigrateCli} sets {@code migrate.hostZone} for the command's run only:
 * it is the bridge into the scan's options (the inventory then carries the zone to detectors, reports and the cutover
 * plan). {@code rewrite} gives the zone to the legacy recipes as their {@code hostZone} option when it is empty
 * ({@link RecipeHostZone}); the recipes read no system property.
 */
public final class HostZoneOption {
    static final String PROPERTY = "migrate.hostZone";

    @Option(names = "--host-zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "IANA zone of the legacy host (Europe/Paris), for crontabs and timers without one. Default: "
                    + "the zone the tree's etc/timezone or etc/localtime link names, else UTC.")
    ZoneId zone;

    /** The zone in force for a command, and where it came from. */
    record Resolved(ZoneId zone, String source, boolean assumed) {
        /** Whether the user named the zone (the option or the property), so nothing needs saying about it. */
        boolean chosen() {
            return source.equals("--host-zone") || source.startsWith("-D");
        }

        /** What the reports say about it. */
        HostZoneUsed used() {
            if (assumed) {
                return new HostZoneUsed(zone.getId(), HostZoneUsed.From.ASSUMED, null);
            }
            HostZoneUsed.From from = source.equals("--host-zone") ? HostZoneUsed.From.OPTION
                    : source.startsWith("-D") ? HostZoneUsed.From.PROPERTY : HostZoneUsed.From.HOST_FILES;
            return new HostZoneUsed(zone.getId(), from, source);
        }
    }

    /** What {@link #resolve} found first: the run sets the property from it, so a later look would see that instead. */
    private Resolved resolved;

    /** The zone in force for a command over {@code root} (worked out once per run). */
    Resolved resolve(Path root) {
        if (resolved == null) {
            resolved = find(root);
        }
        return resolved;
    }

    private Resolved find(Path root) {
        if (zone != null) {
            return new Resolved(zone, "--host-zone", false);
        }
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            try {
                return new Resolved(ZoneId.of(property), "-D" + PROPERTY, false);
            } catch (DateTimeException e) {
                throw CliException.invalidInput("-D" + PROPERTY + "=" + property + " is not a time zone; give an IANA "
                        + "name such as Europe/Paris, or use --host-zone");
            }
        }
        Path dir = root == null ? null : Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
        Optional<HostZone> declared = dir == null ? Optional.empty() : HostZone.detect(dir);
        return declared.map(d -> new Resolved(d.zone(), d.source(), false))
                .orElseGet(() -> new Resolved(ZoneId.of("UTC"), "assumed", true));
    }

    /** Rejects names Java's zone database does not know, as bad input naming the option. */
    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value);
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not a time zone; give an IANA name such as "
                        + "Europe/Paris or America/New_York (timedatectl on the host shows it)");
            }
        }
    }
}
