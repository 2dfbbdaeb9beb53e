package dev.migrate.validators;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.compare.EmbeddedComparison;
import dev.migrate.validators.config.ConnectionConfig;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.RelationLoader;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * For sides loaded with their JSON documents as canonical text only ({@link RowDiffQuery#rowHashColumn}): once rows
 * differ, the rows of the sampled keys are read from the sources again into {@code legacy_sampled} and
 * {@code new_sampled}, so that a sample shows each document as stored beside its canonical text. Each re-read ends
 * with a limit of the number of sampled keys on that side (the key diff has proven the keys unique by then), so a
 * CSV or JSON read stops as soon as it has found them: at once for a file in key order, as the smallest differing
 * keys are sampled; a full read at worst, as before.
 */
final class SampledRowsAsStored implements EmbeddedComparison.Rereads {
    /** The table of a side's sampled rows as stored: the side's name and this. */
    static final String SUFFIX = "_sampled";

    private final DuckDbSession session;
    private final DatasetPlan plan;
    private final DatasetConfig ds;
    private final Map<String, ConnectionConfig> connections;
    private final Map<String, List<Path>> files;
    private final int sampleSize;

    SampledRowsAsStored(DuckDbSession session, DatasetPlan plan, DatasetConfig ds, ConnectionConfig legacyConn,
            ConnectionConfig newConn, List<Path> legacyFiles, List<Path> newFiles, int sampleSize) {
        this.session = session;
        this.plan = plan;
        this.ds = ds;
        this.connections = Map.of("legacy", legacyConn, "new", newConn);
        Map<String, List<Path>> sides = new java.util.HashMap<>();
        sides.put("legacy", legacyFiles);
        sides.put("new", newFiles);
        this.files = sides;
        this.sampleSize = sampleSize;
    }

    @Override
    public void samples(String diffTable) throws SQLException {
        Map<String, Object> present = session.query(presentPerSide(plan, diffTable, sampleSize)).get(0);
        // a repeated key the diff let through would hold more rows than keys: then no limit, never a row short
        boolean unique = ((Number) present.get("other")).longValue() == 0;
        RelationLoader loader = new RelationLoader(session);
        for (String side : List.of("legacy", "new")) {
            Integer limit = unique ? ((Number) present.get(side)).intValue() : null;
            loader.reread(side, side + SUFFIX, ds, spec(side), connections.get(side), files.get(side),
                    ds.renames(side), rows(plan, side, diffTable, sampleSize, limit));
        }
    }

    @Override
    public EmbeddedComparison.Relations sampled(EmbeddedComparison.Relations r) {
        return new EmbeddedComparison.Relations(r.legacyKeys(), r.newKeys(), Sql.quote("legacy" + SUFFIX),
                Sql.quote("new" + SUFFIX), r.fileColumn());
    }

    /**
     * What {@link #samples} runs, for the dry run: the count of sampled keys per side, then each side's re-read,
     * its limit shown as the sample size (the real statement binds the count found).
     */
    List<Statement> plan(String diffTable) {
        List<Statement> out = new ArrayList<>();
        out.add(presentPerSide(plan, diffTable, sampleSize));
        for (String side : List.of("legacy", "new")) {
            out.add(RelationLoader.rereadStatement(side, side + SUFFIX, ds, spec(side), connections.get(side),
                    files.get(side), ds.renames(side), rows(plan, side, diffTable, sampleSize, sampleSize)));
        }
        return out;
    }

    private dev.migrate.validators.config.SourceSpec spec(String side) {
        return "legacy".equals(side) ? ds.legacy() : ds.current();
    }

    /**
     * How many of the sampled keys each side holds: the legacy side those that differ or are missing from new, the
     * new side those that differ or are extra; {@code other} counts any other kind (a repeated key).
     */
    static Statement presentPerSide(DatasetPlan plan, String diffTable, int sampleSize) {
        String kind = RowDiffQuery.KIND;
        return Statement.of("sampled keys per side", "SELECT count(*) FILTER (WHERE " + kind + " IN ('differs', "
                + "'missing')) AS legacy, count(*) FILTER (WHERE " + kind + " IN ('differs', 'extra')) AS new, "
                + "count(*) FILTER (WHERE " + kind + " NOT IN ('differs', 'missing', 'extra')) AS other FROM ("
                + RowDiffQuery.sampleKeys(plan, diffTable) + ") AS d", sampleSize);
    }

    /**
     * The rows of source {@code s} whose keys are among the first {@code sampleSize} differing keys, at most
     * {@code limit} of them (none when null).
     */
    static Function<String, Statement> rows(DatasetPlan plan, String side, String diffTable, int sampleSize,
            Integer limit) {
        return relation -> {
            String sql = "SELECT s.* FROM " + relation + " SEMI JOIN (" + RowDiffQuery.sampleKeys(plan, diffTable)
                    + ") AS d ON " + RowDiffQuery.keyMatch(plan, "s");
            return limit == null ? Statement.of("sample rows (" + side + ", as stored)", sql, sampleSize)
                    : Statement.of("sample rows (" + side + ", as stored)", sql + " LIMIT ?", sampleSize, limit);
        };
    }
}
