package dev.migrate.validators.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.query.Sql;
import dev.migrate.validators.query.Statement;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The in-memory join and the spilling grouped key diff give the same answers, and sides holding the same
 * rows skip both, once their keys are known not to repeat.
 */
class EmbeddedComparisonTest {
    private final DuckDbSession session = DuckDbSession.open(new EngineSettings(1, "256MB", null, 10));
    /** A zero memory budget makes the comparison take the grouped (spilling) path. */
    private static final EngineSettings TINY = new EngineSettings(1, "0B", null, 10);
    private static final EngineSettings ROOMY = new EngineSettings(1, "256MB", null, 10);

    @AfterEach
    void close() {
        session.close();
    }

    private DatasetPlan load(String legacy, String current) throws Exception {
        return ComparedTables.load(session, "[id]", legacy, current);
    }

    private CheckResult diff(DatasetPlan plan, EngineSettings settings) {
        return new EmbeddedComparison(session, settings).compare(plan, Sql.quote("legacy"), Sql.quote("new"), false, null)
                .stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
    }

    private static final String ROWS = "SELECT range AS id, range * 2.0 AS amount, 'n' || range AS name FROM range(50)";

    @Test
    void joinAndGroupedPathsAgree() throws Exception {
        DatasetPlan plan = load(ROWS, "SELECT * REPLACE (CASE WHEN id = 3 THEN amount + 0.4 WHEN id = 4 THEN amount + 2 "
                + "ELSE amount END AS amount, CASE WHEN id = 5 THEN 'x' ELSE name END AS name) FROM (" + ROWS
                + ") WHERE id <> 6 UNION ALL SELECT 100, 1.0, 'new'");
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            CheckResult d = diff(plan, s);
            assertThat(List.of(d.legacyValue(), d.newValue(), d.difference()))
                    .containsExactly("missing=1", "extra=1", "differs=2");
            assertThat(d.samples()).extracting(x -> x.kind() + ":" + x.key().get("id") + ":" + x.differing())
                    .containsExactly("differs:4:[amount]", "differs:5:[name]", "extra:100:[]", "missing:6:[]");
        }
    }

    @Test
    void bothPathsRejectRepeatedKeys() throws Exception {
        DatasetPlan plan = load(ROWS, ROWS + " UNION ALL SELECT 7, 14.0, 'n7'");
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            assertThatThrownBy(() -> diff(plan, s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the new output of dataset 't': (id=7) appears 2 times");
        }
        DatasetPlan missingTwice = load(ROWS + " UNION ALL SELECT 77, 1.0, 'a' UNION ALL SELECT 77, 1.0, 'a'", ROWS);
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            assertThatThrownBy(() -> diff(missingTwice, s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the legacy output");
        }
    }

    /** The row diff as "kind:id:differing columns" per sample, after its counts; with both engine budgets. */
    private List<String> agreed(DatasetPlan plan) {
        List<String> results = new ArrayList<>();
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            CheckResult d = diff(plan, s);
            List<String> r = new ArrayList<>(List.of(d.status() + " " + d.legacyValue() + " " + d.newValue() + " "
                    + d.difference()));
            d.samples().forEach(x -> r.add(x.kind() + ":" + x.key().get("id") + ":" + x.differing()));
            results.add(String.join(", ", r));
        }
        assertThat(results.get(0)).isEqualTo(results.get(1));
        return List.of(results.get(0).split(", "));
    }

    /** The same rows in an order unrelated to the key. */
    private static String shuffled(String rows) {
        return "SELECT * FROM (" + rows + ") ORDER BY hash(id)";
    }

    private static final String CHANGED = "SELECT * REPLACE (CASE WHEN id = 0 THEN amount + 1 WHEN id = 3 THEN amount + 0.4 "
            + "WHEN id = 4 THEN amount + 2 WHEN id = 7 THEN NULL ELSE amount END AS amount, CASE WHEN id % 9 = 8 THEN 'x' "
            + "ELSE name END AS name) FROM (" + ROWS + ")";

    @Test
    void everyDifferingRowIsCounted() throws Exception {
        // Every difference counts: first and last keys, beyond and within the tolerance, NULL against a value,
        // and the name of every ninth row; the new side is written in another order.
        DatasetPlan plan = load(ROWS, shuffled(CHANGED));
        assertThat(agreed(plan)).containsExactly("FAIL missing=0 extra=0 differs=8", "differs:0:[amount]",
                "differs:4:[amount]", "differs:7:[amount]", "differs:8:[name]", "differs:17:[name]", "differs:26:[name]",
                "differs:35:[name]", "differs:44:[name]");
        assertThat(session.purposes()).contains("row diff", "differing keys (grouped)");
    }

    @Test
    void sidesHoldingTheSameRowsPassWithoutAKeyDiff() throws Exception {
        DatasetPlan plan = load(ROWS, shuffled(ROWS));
        assertThat(agreed(plan)).containsExactly("PASS missing=0 extra=0 differs=0");
        assertThat(session.purposes()).contains("repeated keys (diff_" + Integer.toHexString(System.identityHashCode(plan))
                + "_keys)").doesNotContain("row diff", "differing keys (grouped)");
    }

    @Test
    void aDifferenceWithinTheToleranceStillTakesTheKeyDiff() throws Exception {
        // The checksum covers toleranced values exactly, so only the key diff can judge them.
        DatasetPlan plan = load(ROWS, "SELECT * REPLACE (CASE WHEN id = 3 THEN amount + 0.4 ELSE amount END AS amount) "
                + "FROM (" + ROWS + ")");
        assertThat(agreed(plan)).containsExactly("PASS missing=0 extra=0 differs=0");
        assertThat(session.purposes()).contains("row diff", "differing keys (grouped)");
    }

    @Test
    void aKeyOnOneSideOnlyIsMissingOrExtra() throws Exception {
        DatasetPlan plan = load(ROWS, shuffled("SELECT * FROM (" + CHANGED + ") WHERE id <> 1 UNION ALL SELECT 1000, 1.0, "
                + "'only new'"));
        assertThat(agreed(plan)).containsExactly("FAIL missing=1 extra=1 differs=8", "differs:0:[amount]",
                "differs:4:[amount]", "differs:7:[amount]", "differs:8:[name]", "differs:17:[name]", "differs:26:[name]",
                "differs:35:[name]", "differs:44:[name]", "extra:1000:[]", "missing:1:[]");
    }

    @Test
    void nullKeysPairUpAndTheSameRepeatedRowOnBothSidesIsStillARepeatedKey() throws Exception {
        String withNullKey = ROWS + " UNION ALL SELECT NULL, 1.0, 'no key'";
        assertThat(agreed(load(withNullKey, shuffled(withNullKey)))).containsExactly("PASS missing=0 extra=0 differs=0");
        // The same repeated row on both sides: every row has its twin, yet the key diff means nothing.
        String repeated = ROWS + " UNION ALL SELECT 7, 14.0, 'n7'";
        DatasetPlan plan = load(repeated, shuffled(repeated));
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            assertThatThrownBy(() -> diff(plan, s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the legacy output of dataset 't': (id=7) appears 2 times");
        }
        String nullTwice = withNullKey + " UNION ALL SELECT NULL, 1.0, 'no key'";
        DatasetPlan nulls = load(nullTwice, nullTwice);
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            assertThatThrownBy(() -> diff(nulls, s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("(id=null) appears 2 times");
        }
    }

    @Test
    void aRepeatedKeyAnywhereInALargeSideIsFound() throws Exception {
        // Hundreds of thousands of rows, so that the sorted keys span many row groups of the engine's table.
        String rows = "SELECT range AS id, range * 2.0 AS amount, 'n' || range AS name FROM range(300000)";
        String repeated = shuffled(rows + " UNION ALL SELECT 123457, 246914.0, 'n123457'");
        DatasetPlan plan = load(repeated, repeated);
        assertThatThrownBy(() -> diff(plan, ROOMY)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(id=123457) appears 2 times");
        assertThat(agreed(load(rows, shuffled(rows)))).containsExactly("PASS missing=0 extra=0 differs=0");
    }

    @Test
    void rowsThatCancelOutInTheChecksumStillShowAsRepeatedKeys() throws Exception {
        // The checksum is an XOR, in which a row present twice cancels out: here both sides have 50 rows and the
        // same checksum, though legacy has row 7 twice and new row 49 twice. The legacy keys' check finds it.
        String row = "SELECT range AS id, range * 2.0 AS amount, 'n' || range AS name FROM range(";
        DatasetPlan plan = load(shuffled(ROWS + " WHERE id < 49 UNION ALL " + row + "7, 8)"),
                ROWS + " WHERE id < 49 AND id <> 7 UNION ALL " + row + "49, 50) UNION ALL " + row + "49, 50)");
        for (EngineSettings s : List.of(ROOMY, TINY)) {
            assertThatThrownBy(() -> diff(plan, s)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the legacy output of dataset 't': (id=7) appears 2 times");
        }
        assertThat(session.purposes()).doesNotContain("row diff", "differing keys (grouped)");
    }
}
