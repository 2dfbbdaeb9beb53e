package dev.migrate.validators.paths;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One output file of one side: where it is, its path relative to the side's root ('/'-separated),
 * that path with timestamps replaced and roots mapped, and the instant its name carries, if any.
 */
public record OutputFile(Path file, String relative, String normalized, Instant stamped) {
}
