package dev.migrate.analyzers.scan;

import java.util.Objects;

/**
 * @param maxFileBytes files larger than this are skipped with a note
 * @param threads      worker threads reading and analysing files
 * @param hostZone     the zone schedules that name none are read in, and whether something named it or it is only
 *                     assumed (then the schedules that fire in the machine's local zone, crontab lines, calendars and
 *                     in-process schedulers, are not proven: {@link AssumedLocalZones}). The one source of the
 *                     zone for a scan: the scanner tells every detector ({@code Detector#hostZone}), which reads
 *                     no system property; only the two-argument constructor reads {@code -Dmigrate.hostZone}, the
 *                     CLI's bridge for callers that do not say
 */
public record ScanOptions(long maxFileBytes, int threads, HostZoneUsed hostZone) {
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

    public ScanOptions {
        if (maxFileBytes <= 0 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GiB: " + maxFileBytes);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(hostZone, "hostZone");
    }

    /** Options whose host zone is what the system properties say ({@link HostZoneUsed#fromSystemProperties()}). */
    public ScanOptions(long maxFileBytes, int threads) {
        this(maxFileBytes, threads, HostZoneUsed.fromSystemProperties());
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_MAX_FILE_BYTES, Runtime.getRuntime().availableProcessors());
    }

    /** The same options with the host zone the caller resolved (the CLI's {@code --host-zone}, the tree's files). */
    public ScanOptions withHostZone(HostZoneUsed zone) {
        return new ScanOptions(maxFileBytes, threads, zone);
    }
}
