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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sides whose (key, row hash) relations are in file order are paired by position when that proves the key
 * diff, and joined otherwise; either way the results are those of the join alone.
 */
class FileOrderPairingTest {
    private static final EngineSettings SETTINGS = new EngineSettings(1, "256MB", null, 10);
    private final DuckDbSession session = DuckDbSession.open(SETTINGS);

    @AfterEach
    void close() {
        session.close();
    }

    private static final String ROWS = "SELECT 'a' AS grp, range AS id, range * 2.0 AS amount, 'n' || range AS name "
            + "FROM range(50)";
    private static final String CHANGED = "SELECT * REPLACE (CASE WHEN id = 0 THEN amount + 1 WHEN id = 3 THEN amount + 0.4 "
            + "WHEN id = 7 THEN NULL ELSE amount END AS amount, CASE WHEN id % 9 = 8 THEN 'x' ELSE name END AS name) FROM ("
            + ROWS + ")";
    private static final List<String> CHANGED_RESULT = List.of("FAIL missing=0 extra=0 differs=7", "differs:0:[amount]",
            "differs:7:[amount]", "differs:8:[name]", "differs:17:[name]", "differs:26:[name]", "differs:35:[name]",
            "differs:44:[name]");

    /** Both sides as tables in the order of their query (DuckDB keeps insertion order), with their row hashes. */
    private DatasetPlan load(String key, String legacy, String current) throws Exception {
        return ComparedTables.load(session, key, legacy, current);
    }

    private DatasetPlan load(String legacy, String current) throws Exception {
        return load("[id]", legacy, current);
    }

    /** The row diff as "status counts" then "kind:id:differing columns" per sample. */
    private List<String> diff(DatasetPlan plan, boolean fileOrder) throws Exception {
        List<Statement> aggregates = EmbeddedComparison.plan(plan, Sql.quote("legacy"), Sql.quote("new"), "d", 10);
        Map<String, Object> l = session.query(aggregates.get(0)).get(0);
        Map<String, Object> n = session.query(aggregates.get(1)).get(0);
        String legacy = Sql.quote("legacy");
        String current = Sql.quote("new");
        CheckResult d = new EmbeddedComparison(session, SETTINGS).compare(plan, l, n,
                        new EmbeddedComparison.Relations(legacy, current, legacy, current, null), false,
                        new EmbeddedComparison.Rereads() {
                            @Override
                            public boolean fileOrder() {
                                return fileOrder;
                            }
                        })
                .stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        List<String> out = new ArrayList<>(List.of(d.status() + " " + d.legacyValue() + " " + d.newValue() + " "
                + d.difference()));
        d.samples().forEach(x -> out.add(x.kind() + ":" + x.key().get("id") + ":" + x.differing()));
        return out;
    }

    /** The same answer with and without file order; returns it and which key diffs the file-order run took. */
    private List<String> agreed(DatasetPlan plan) throws Exception {
        List<String> joined = diff(plan, false);
        int before = session.purposes().size();
        List<String> paired = diff(plan, true);
        assertThat(paired).isEqualTo(joined);
        tookLast = session.purposes().subList(before, session.purposes().size());
        return paired;
    }

    /** The statements of the last file-order run of {@link #agreed}. */
    private List<String> tookLast = List.of();

    private static String shuffled(String rows) {
        return "SELECT * FROM (" + rows + ") ORDER BY hash(id)";
    }

    @Test
    void sidesInKeyOrderArePairedByPositionWithoutAJoin() throws Exception {
        assertThat(agreed(load(ROWS, CHANGED))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("keys in file order", "row diff (file order)").doesNotContain("row diff");
    }

    @Test
    void aDifferenceWithinTheToleranceIsNoDifferenceByPositionEither() throws Exception {
        DatasetPlan plan = load(ROWS, "SELECT * REPLACE (CASE WHEN id = 3 THEN amount + 0.4 ELSE amount END AS amount) "
                + "FROM (" + ROWS + ")");
        assertThat(agreed(plan)).containsExactly("PASS missing=0 extra=0 differs=0");
        assertThat(tookLast).contains("row diff (file order)").doesNotContain("row diff");
    }

    @Test
    void aMissingAndAnExtraKeyShiftThePairsAndTakeTheJoin() throws Exception {
        // As many rows on both sides, so pairing by position is tried; the missing key shifts every row after it.
        DatasetPlan plan = load(ROWS, "SELECT * FROM (" + CHANGED + ") WHERE id <> 1 UNION ALL SELECT 'a', 1000, 1.0, 'new'");
        assertThat(agreed(plan)).containsExactly("FAIL missing=1 extra=1 differs=7", "differs:0:[amount]",
                "differs:7:[amount]", "differs:8:[name]", "differs:17:[name]", "differs:26:[name]", "differs:35:[name]",
                "differs:44:[name]", "extra:1000:[]", "missing:1:[]");
        assertThat(tookLast).contains("row diff (file order)", "row diff");
        // Fewer rows on one side: no pairing by position is tried.
        assertThat(agreed(load(ROWS, "SELECT * FROM (" + ROWS + ") WHERE id <> 49")))
                .containsExactly("FAIL missing=1 extra=0 differs=0", "missing:49:[]");
        assertThat(tookLast).contains("row diff").doesNotContain("keys in file order", "row diff (file order)");
    }

    @Test
    void sidesInAnotherOrderTakeTheJoin() throws Exception {
        assertThat(agreed(load(ROWS, shuffled(CHANGED)))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("row diff (file order)", "row diff");
        // Legacy keys out of order: pairing by position is not even tried.
        assertThat(agreed(load(shuffled(ROWS), CHANGED))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("keys in file order", "row diff").doesNotContain("row diff (file order)");
        // The same order on both sides, but not the key's: the pairs match, yet only increasing keys prove them.
        assertThat(agreed(load(shuffled(ROWS), shuffled(CHANGED)))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("row diff").doesNotContain("row diff (file order)");
    }

    @Test
    void aRepeatedKeyInKeyOrderIsStillARepeatedKey() throws Exception {
        // The same repeated key at the same position on both sides pairs up, but the keys do not strictly increase.
        String repeated = "SELECT * FROM (" + ROWS + " UNION ALL SELECT 'a', 7, 14.0, 'n7') ORDER BY id";
        String repeatedChanged = "SELECT * FROM (" + CHANGED + " UNION ALL SELECT 'a', 7, 14.0, 'n7') ORDER BY id";
        for (boolean fileOrder : List.of(true, false)) {
            DatasetPlan plan = load(repeated, repeatedChanged);
            assertThatThrownBy(() -> diff(plan, fileOrder)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the legacy output of dataset 't': (id=7) appears 2 times");
            // The same rows on both sides skip the key diff, and the legacy keys' check still finds the repeat.
            DatasetPlan same = load(repeated, repeated);
            assertThatThrownBy(() -> diff(same, fileOrder)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("duplicate key in the legacy output of dataset 't': (id=7) appears 2 times");
        }
        // On the new side only, as many rows: key 8 is replaced by a second 7, so position 8 pairs 8 with 7.
        DatasetPlan plan = load(ROWS, "SELECT * REPLACE (CASE WHEN id = 8 THEN 7 ELSE id END AS id) FROM (" + ROWS + ")");
        assertThatThrownBy(() -> diff(plan, true)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("duplicate key in the new output of dataset 't': (id=7) appears 2 times");
    }

    @Test
    void matchingSidesInKeyOrderNeedNoSortToProveTheirKeysUnique() throws Exception {
        assertThat(agreed(load(ROWS, ROWS))).containsExactly("PASS missing=0 extra=0 differs=0");
        assertThat(tookLast).contains("keys in file order").noneMatch(p -> p.startsWith("keys sorted"));
        // Out of order, the sort decides.
        assertThat(agreed(load(shuffled(ROWS), shuffled(ROWS)))).containsExactly("PASS missing=0 extra=0 differs=0");
        assertThat(tookLast).contains("keys in file order").anyMatch(p -> p.startsWith("keys sorted"));
    }

    @Test
    void aNullKeyIsNeverInOrderSoTheJoinPairsIt() throws Exception {
        String withNull = ROWS + " UNION ALL SELECT 'a', NULL, 1.0, 'no key'";
        String changedWithNull = CHANGED + " UNION ALL SELECT 'a', NULL, 1.0, 'no key'";
        assertThat(agreed(load(withNull, changedWithNull))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("row diff").doesNotContain("row diff (file order)");
        assertThat(agreed(load(withNull, withNull))).containsExactly("PASS missing=0 extra=0 differs=0");
    }

    @Test
    void compositeKeysIncreaseLikeWordsInADictionary() throws Exception {
        // (a, 49) then (b, 0): the second column falls while the first rises, which is still increasing.
        String twoGroups = ROWS + " UNION ALL SELECT 'b', range, 1.0, 'b' || range FROM range(5)";
        String twoGroupsChanged = CHANGED + " UNION ALL SELECT 'b', range, 1.0, 'b' || range FROM range(5)";
        assertThat(agreed(load("[grp, id]", twoGroups, twoGroupsChanged))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("row diff (file order)").doesNotContain("row diff");
        // Groups interleaved: (a, 0), (b, 0), (a, 1), ... is not increasing.
        String interleaved = "SELECT * FROM (" + twoGroups + ") ORDER BY id, grp";
        String interleavedChanged = "SELECT * FROM (" + twoGroupsChanged + ") ORDER BY id, grp";
        assertThat(agreed(load("[grp, id]", interleaved, interleavedChanged))).isEqualTo(CHANGED_RESULT);
        assertThat(tookLast).contains("row diff").doesNotContain("row diff (file order)");
    }
}
