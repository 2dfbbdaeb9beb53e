package dev.migrate.validators.paths;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One output file of one side: where it is, its path relative to the side's root ('/'-separated),
 * that path with timestamps replaced and roots mapped, and the instant its name carries, if any
 * ({@code stampedDay}: a date alone, standing for that whole day from {@code stamped}, its midnight).
 */
public record OutputFile(Path file, String relative, String normalized, Instant stamped, boolean stampedDay) {
    /** Whether the file's stamp falls within {@code from}..{@code to} (exclusive); a day overlaps them. */
    public boolean stampedWithin(Instant from, Instant to) {
        if (stamped == null) {
            return true;
        }
        return stampedDay ? stamped.isBefore(to) && stamped.plus(java.time.Duration.ofDays(1)).isAfter(from)
                : stamped.isAfter(from) && stamped.isBefore(to);
    }
}
