package dev.migrate.analyzers.model;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Finds jobs and findings of one source kind (crontabs, systemd units, Spring sources...).
 * Detectors are listed in {@code META-INF/services/dev.migrate.analyzers.model.Detector}.
 * They must never execute or import the scanned code, and must not throw on malformed input:
 * a problem in the file becomes a finding.
 */
public interface Detector {
    /** A short stable name, shown in progress output and `--verbose` reports. */
    String name();

    /**
     * A cheap decision on the path and text (file name, a substring test). The scanner only
     * parses a file when some detector accepts it.
     */
    boolean accepts(ScanFile file);

    /**
     * What the scanner's byte-level prefilter must look for before it decodes a file for this detector.
     * The default, {@link Prefilter#EVERY_TEXT_FILE}, is always correct but slow on large trees.
     */
    default Prefilter prefilter() {
        return Prefilter.EVERY_TEXT_FILE;
    }

    /**
     * Finds what one file defines. The scanner calls this from several threads at once (files are read in
     * parallel), so state kept for {@link #finish} must be guarded; the sink itself is thread-safe.
     */
    void detect(ScanFile file, InventorySink sink);

    /**
     * Told of every file of the scan's tree by its path alone, whether or not its text is read (and before it is): a
     * detector that relates files (Python modules importing each other) knows which exist even when their text gives
     * it nothing to read. Called from several threads, as {@link #detect} is, and always before {@link #finish}.
     */
    default void listed(String path) {
    }

    /**
     * Told once, before any file, the directory the scan's paths are relative to: a detector that relates files may
     * read one more of them in {@link #finish} (a Python module a flow imports a task through, which no prefilter
     * keyword let through), never all of them. By default nothing is read.
     */
    default void scanning(Path base) {
    }

    /**
     * Told once, before any file, the zone the scan reads schedules that name none in (the scan options' host zone:
     * {@code --host-zone}, the tree's zone files, else UTC). A detector that words or proves such schedules (a crontab
     * line, an {@code OnCalendar=}, a naive start date) takes it from here, never from a system property, so that a
     * scan started in code reads them as its options say. By default the zone plays no part.
     */
    default void hostZone(ZoneId zone) {
    }

    /**
     * Whether a symbolic link at this path means something by its name alone (a host dump's
     * {@code timers.target.wants/backup@home.timer}, which says that instance is enabled). Such a link is handed to
     * {@link #detect} as a file with no text; it is never followed. Other links are not read at all.
     */
    default boolean wantsLink(String path) {
        return false;
    }

    /**
     * As {@link #wantsLink(String)}, knowing the link's target as written in it ({@code /dev/null},
     * {@code ../etl.timer}): the text of the link, never the file it points to, which may be outside the tree
     * (a host dump's absolute links point into the host, not the dump). By default, the name decides alone.
     */
    default boolean wantsLink(String path, String target) {
        return wantsLink(path);
    }

    /**
     * Takes a link {@link #wantsLink(String, String)} accepted. By default it is handed to {@link #detect} as a file
     * with no text, as before targets were known; a detector to which the target matters (systemd's {@code -> /dev/null}
     * masks a unit) overrides this. Called from several threads, as {@link #detect} is.
     */
    default void detectLink(String path, String target, InventorySink sink) {
        detect(new ScanFile(path, ""), sink);
    }

    /**
     * Whether a file at this path means something to this detector as bytes, by its name (a chart archive vendored in
     * a Helm chart's {@code charts/} directory): such a file is handed to {@link #detectBytes} instead of being decoded
     * as text or skipped as binary. The detector reads the bytes as data, never runs anything they hold.
     */
    default boolean wantsBytes(String path) {
        return false;
    }

    /**
     * Takes a file {@link #wantsBytes} accepted: its first {@code length} bytes, in a buffer the scanner reuses (so
     * nothing of it may be kept after the call). Called from several threads, as {@link #detect} is.
     */
    default void detectBytes(String path, byte[] data, int length, InventorySink sink) {
    }

    /**
     * Called once after every file of the scan was offered to {@link #detect}. Detectors that relate files
     * to each other (a systemd timer and the service it starts) keep what they saw and emit it here; the
     * scanner therefore uses a fresh detector instance per scan, and calls this from one thread after every
     * {@code detect} call has returned.
     */
    default void finish(InventorySink sink) {
    }
}
