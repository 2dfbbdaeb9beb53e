package dev.migrate.validators.engine;

import dev.migrate.validators.query.Statement;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the same work for the legacy and the new side: at the same time, on a second connection to the same
 * database, when the engine has two threads or more; one after the other on one connection otherwise. Used
 * where each side's statement runs on one thread (a list kept in file order, an unnest): two of them at once
 * keep both cores busy.
 */
public final class SideBySide implements AutoCloseable {
    /** One side's work on the connection it is given. */
    public interface Work<T> {
        T run(DuckDbSession session) throws SQLException;
    }

    private final DuckDbSession session;
    private final DuckDbSession twin;
    private final ExecutorService pool;
    /** The engine's thread count, and whether it is lowered to one for now (see {@link #oneThreadEach}). */
    private final int threads;
    private boolean lowered;

    private SideBySide(DuckDbSession session, DuckDbSession twin, int threads) {
        this.session = session;
        this.twin = twin;
        this.threads = threads;
        this.pool = twin == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "migrate-validate-new-side");
            t.setDaemon(true);
            return t;
        });
    }

    public static SideBySide open(DuckDbSession session, int threads) throws SQLException {
        return new SideBySide(session, threads >= 2 ? session.twin() : null, threads);
    }

    /** Both sides' work in turn, on {@code session}; nothing to close. */
    public static SideBySide inTurn(DuckDbSession session) {
        return new SideBySide(session, null, 1);
    }

    /**
     * Runs every statement on one engine thread from now on: each side's statement then runs on the thread
     * that sends it, so a list it builds keeps the file's order, and two sides sent at once use two cores.
     */
    public void oneThreadEach() throws SQLException {
        if (threads > 1 && !lowered) {
            session.execute(Statement.of("settings", "SET threads = 1"));
            lowered = true;
        }
    }

    /**
     * Gives the engine all its threads back, before a statement that runs in parallel (a join, a full read).
     * Only then: raising the count again costs about 0.05 s, and what follows a one-pass scan of sides in
     * file order (unnesting lists, pairing rows by position, window functions without partitions) runs on one
     * thread anyway.
     */
    public void allThreads() throws SQLException {
        if (lowered) {
            session.execute(Statement.of("settings", "SET threads = " + threads));
            lowered = false;
        }
    }

    /** Whether the sides really run at the same time. */
    public boolean concurrent() {
        return twin != null;
    }

    /**
     * Runs {@code legacy} on this thread and {@code current} beside it, and returns both results (legacy
     * first). Both always finish before this returns; a failure of the legacy side is reported first, as it
     * would have been when the sides ran one after the other.
     */
    public <T> Pair<T> run(Work<T> legacy, Work<T> current) throws SQLException {
        if (twin == null) {
            return new Pair<>(legacy.run(session), current.run(session));
        }
        Future<T> other = pool.submit(() -> current.run(twin));
        T l;
        try {
            l = legacy.run(session);
        } catch (SQLException | RuntimeException | Error e) {
            await(other, e);
            throw e;
        }
        return new Pair<>(l, await(other, null));
    }

    /** The new side's result, or its failure rethrown as it was thrown (unless {@code first} already failed). */
    private static <T> T await(Future<T> other, Throwable first) throws SQLException {
        try {
            return other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the new side was being read", e);
        } catch (ExecutionException e) {
            if (first != null) {
                first.addSuppressed(e.getCause());
                return null;
            }
            Throwable cause = e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SQLException(cause);
        }
    }

    /** Both sides' results. */
    public record Pair<T>(T legacy, T current) {
    }

    @Override
    public void close() {
        if (twin != null) {
            pool.shutdownNow();
            twin.close();
        }
    }
}
