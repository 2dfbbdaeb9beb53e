package dev.migrate.validators.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.query.Column;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A float column's sum is NaN or an infinity once its values hold one: the engine spells a NaN {@code nan} or
 * {@code -nan} (the sign of the NaN its additions made: infinity plus minus infinity is {@code -nan}), PostgreSQL
 * {@code NaN}. Two sums that are both NaN match, however spelt; a NaN against an infinity does not.
 */
class NonFiniteAggregatesTest {
    private static DatasetPlan plan() {
        DatasetConfig ds = ConfigLoader.parse("t.yaml", """
                connections: {a: {type: directory, path: a}}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: a}
                    datasets: [{name: t, files: x, key: id}]
                """, Path.of(".")).jobs().get(0).datasets().get(0);
        List<Column> columns = List.of(new Column("id", "BIGINT", true), new Column("v", "DOUBLE", true));
        return DatasetPlan.resolve(ds, columns, columns);
    }

    private static Map<String, Object> aggregates(String sum) {
        Map<String, Object> out = new HashMap<>(Map.of("n", 3L, "c0_count", 3L, "c0_min", "1", "c0_max", "3",
                "c1_count", 3L, "c1_min", "-inf", "c1_max", "inf"));
        out.put("c0_sum", "6");
        out.put("c1_sum", sum);
        return out;
    }

    private static CheckResult v(String legacySum, String newSum) {
        return Verdicts.aggregates(plan(), aggregates(legacySum), aggregates(newSum)).get(1);
    }

    @Test
    void nanSumsMatchHoweverSpelt() {
        assertThat(v("-nan", "nan").status()).isEqualTo(Status.PASS);
        assertThat(v("NaN", "-nan").status()).isEqualTo(Status.PASS);
        assertThat(v("inf", "Infinity").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aNanSumAgainstAnInfinityOrANumberDiffers() {
        assertThat(v("-nan", "inf").difference()).isEqualTo("sum");
        assertThat(v("nan", "1.5").difference()).isEqualTo("sum");
        assertThat(v("-inf", "inf").difference()).isEqualTo("sum");
    }
}
