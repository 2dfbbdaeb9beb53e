package dev.migrate.analyzers.cutover;

import java.time.Duration;

/**
 * A job of the validate config: the estate's own statement of which job is dual-run, and at which
 * offset the new run follows the legacy one.
 *
 * @param where  config path, for example {@code validate.yaml jobs[0]}
 * @param offset new scheduled time minus legacy scheduled time, or null when the config gives no times
 */
public record DeclaredJob(String name, String where, Duration offset) {
}
