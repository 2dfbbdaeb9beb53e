package dev.migrate.analyzers.cutover;

import dev.migrate.analyzers.model.JobKind;
import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.AssumedLocalZones;
import dev.migrate.analyzers.scan.HostZoneUsed;
import dev.migrate.analyzers.schedule.CronExpression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule of a crontab line migrate disabled, read back from its marker: the original line's five time
 * fields (or its @ macro), in the zone the {@code CRON_TZ=} lines above it set, as the scan read it before the
 * line was switched off. Without the zone, missed runs would be listed in UTC.
 */
public final class MarkerSchedule {
    private static final Pattern CRON_TZ = Pattern.compile("^\\s*CRON_TZ\\s*=\\s*['\"]?([^'\"\\s]+)['\"]?\\s*$");

    private MarkerSchedule() {
    }

    /**
     * Empty when the line has no clock schedule (@reboot, an anacron period, a line that is not cron).
     *
     * @param hostZone the zone the scan read the tree in ({@link dev.migrate.analyzers.scan.Inventory#hostZone}): whether
     *                 a line without CRON_TZ runs on a clock something named or only assumed
     */
    public static Optional<ScheduleSpec> of(Path root, DisableMarker marker, HostZoneUsed hostZone) {
        String[] f = marker.original().strip().split("\\s+");
        String cron;
        if (f[0].startsWith("@")) {
            cron = CronExpression.MACROS.get(f[0].toLowerCase(Locale.ROOT));
        } else {
            cron = f.length >= 6 ? String.join(" ", f[0], f[1], f[2], f[3], f[4]) : null;
        }
        if (cron == null) {
            return Optional.empty();
        }
        try {
            CronExpression.parse(cron);
        } catch (RuntimeException e) {
            return Optional.empty(); // an anacron line: a period in days, a delay and a name, not cron fields
        }
        // rebuilt from the marker, the schedule keeps the scan's caveat: without CRON_TZ it runs on the host's clock,
        // which is only assumed unless --host-zone or the tree's zone files named it
        ScheduleSpec spec = new ScheduleSpec(ScheduleSpec.Form.CRON_UNIX, cron, zoneAbove(root, marker),
                SourceRef.at(marker.file(), marker.line(), 1));
        return Optional.of(AssumedLocalZones.marked(JobKind.CRON, spec, hostZone));
    }

    /** The last CRON_TZ assignment above the marker (cronie applies each to the entries after it), or null. */
    private static String zoneAbove(Path root, DisableMarker marker) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(marker.file()), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
        String zone = null;
        for (int i = 0; i < Math.min(marker.line() - 1, lines.size()); i++) {
            Matcher m = CRON_TZ.matcher(lines.get(i));
            if (m.matches()) {
                zone = m.group(1);
            }
        }
        return zone;
    }
}
