package dev.migrate.validators.compare;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.query.RowDiffQuery;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import java.nio.file.Path;
import java.util.List;

/**
 * Both sides as engine tables "legacy" and "new" (in the order of their queries: DuckDB keeps insertion
 * order) with their row hashes, and the plan comparing them: dataset t, {@code key} as YAML, and a tolerance
 * of 0.5 on amount.
 */
final class ComparedTables {
    private ComparedTables() {
    }

    static DatasetPlan load(DuckDbSession session, String key, String legacy, String current) throws Exception {
        DatasetConfig ds = ConfigLoader.parse("t.yaml", """
                connections: {a: {type: directory, path: a}}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: a}
                    datasets: [{name: t, files: x, key: %s, tolerances: {amount: {absolute: 0.5}}}]
                """.formatted(key), Path.of(".")).jobs().get(0).datasets().get(0);
        session.execute(Statement.of("l", "CREATE OR REPLACE TEMP TABLE " + Sql.quote("legacy") + " AS " + legacy));
        session.execute(Statement.of("n", "CREATE OR REPLACE TEMP TABLE " + Sql.quote("new") + " AS " + current));
        DatasetPlan plan = DatasetPlan.resolve(ds, session.columns(Sql.quote("legacy")), session.columns(Sql.quote("new")));
        for (String side : List.of("legacy", "new")) {
            session.execute(Statement.of("hash", "CREATE OR REPLACE TEMP TABLE " + Sql.quote(side) + " AS SELECT *"
                    + RowDiffQuery.rowHashColumn(plan) + " FROM " + Sql.quote(side)));
        }
        return plan;
    }
}
