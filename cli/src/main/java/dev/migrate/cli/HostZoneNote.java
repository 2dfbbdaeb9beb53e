package dev.migrate.cli;

import dev.migrate.analyzers.model.ScheduleSpec;
import dev.migrate.analyzers.scan.Inventory;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The line {@code scan} writes on standard error about the zone it read host schedules in, when the user did not
 * choose it: the zone the tree declared and where, or that it assumed UTC for schedules that run in the host's
 * clock. A wrong zone shifts every proven translation by hours, so it is never silent.
 */
final class HostZoneNote {
    /** Forms whose fire times depend on the zone; intervals, boot and event triggers do not. */
    private static final Set<ScheduleSpec.Form> WALL_CLOCK = EnumSet.of(ScheduleSpec.Form.CRON_UNIX,
            ScheduleSpec.Form.CRON_SPRING, ScheduleSpec.Form.CRON_QUARTZ, ScheduleSpec.Form.CRON_APSCHEDULER,
            ScheduleSpec.Form.CRON_CELERY, ScheduleSpec.Form.CRON_SCHEDULE_LIB, ScheduleSpec.Form.SYSTEMD_CALENDAR,
            ScheduleSpec.Form.RRULE);

    private HostZoneNote() {
    }

    static Optional<String> of(HostZoneOption.Resolved zone, Inventory inventory) {
        long local = inventory.jobs().stream().flatMap(j -> j.schedules().stream())
                .filter(s -> s.timezone() == null && WALL_CLOCK.contains(s.form())
                        && !s.expression().strip().startsWith("@reboot"))
                .count();
        if (local == 0 || zone.chosen()) {
            return Optional.empty();
        }
        String schedules = local == 1 ? "1 schedule names" : local + " schedules name";
        if (zone.assumed()) {
            return Optional.of("migrate scan: " + schedules + " no zone and run in the host's clock, which the tree "
                    + "does not show (no etc/timezone, etc/localtime link or etc/sysconfig/clock): read in UTC; pass "
                    + "--host-zone ZONE if the host runs in another");
        }
        return Optional.of("migrate scan: " + schedules + " no zone: read in " + zone.zone().getId() + ", the host's zone ("
                + zone.source() + "); --host-zone sets another");
    }
}
