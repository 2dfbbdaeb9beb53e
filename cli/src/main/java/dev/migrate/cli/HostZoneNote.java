package dev.migrate.cli;

import dev.migrate.analyzers.scan.Inventory;
import java.util.Optional;

/**
 * The line {@code scan} writes on standard error about the zone it read host schedules in, when the user did not
 * choose it: the zone the tree declared and where, or that it assumed UTC for schedules that run in the host's
 * clock. A wrong zone shifts every proven translation by hours, so it is never silent.
 */
final class HostZoneNote {
    private HostZoneNote() {
    }

    static Optional<String> of(HostZoneOption.Resolved zone, Inventory inventory) {
        long local = inventory.jobs().stream().flatMap(j -> j.schedules().stream())
                .filter(s -> s.timezone() == null && s.dependsOnZone())
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
