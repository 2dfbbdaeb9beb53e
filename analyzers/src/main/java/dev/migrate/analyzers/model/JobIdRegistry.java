package dev.migrate.analyzers.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out the job ids of one file, so that no two jobs of a scan share an id even when a file defines the
 * same job twice (a crontab line written twice, two CronJobs of one name in a multi-document manifest, one
 * function registered with two triggers). Ids include the file's path, so ids unique within each file are
 * unique within the scan, but for a chance collision of two files' hashes, which the scanner's CrossFileIds settles.
 *
 * <p>The first job of an id keeps it, so an estate without repeats keeps the ids it always had. The n-th repeat
 * gets {@link JobIds#repeat}: the same {@code kind-name-hash} form as every other id (the inventory schema's
 * pattern), derived from the first id and n, the form {@code migrate rewrite} has always written into its
 * manifest for such jobs. Ids are claimed when detectors mint them, before any finding names them, so every
 * finding keeps pointing at its own job; the scanner hands one file to its detectors in one thread and in a fixed
 * order, so the n-th repeat is the same one on every scan, whatever the file walk order or thread count.
 */
public final class JobIdRegistry {
    /** How many jobs claimed each plain id so far. */
    private final Map<String, Integer> claims = new HashMap<>();
    /** Every id handed out, so that a derived id can never repeat one already given. */
    private final Set<String> given = new HashSet<>();

    /** The id of the next job with these parts: {@link JobIds#of} the first time, a derived id after that. */
    public synchronized String claim(JobKind kind, String relativePath, String name, String discriminator) {
        String plain = JobIds.of(kind, relativePath, name, discriminator);
        int n = claims.merge(plain, 1, Integer::sum);
        String id = n == 1 ? plain : JobIds.repeat(kind, relativePath, name, plain, n);
        while (!given.add(id)) {
            n = claims.merge(plain, 1, Integer::sum);
            id = JobIds.repeat(kind, relativePath, name, plain, n);
        }
        return id;
    }
}
