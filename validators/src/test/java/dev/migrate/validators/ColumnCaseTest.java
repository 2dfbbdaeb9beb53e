package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ignore_column_case}: a pipeline rewritten on another stack writes the same headers in another case (pandas'
 * {@code OrderID,Amount} as {@code orderid,amount}). Without it the columns read as missing and new, and their values
 * are never compared (the failure says which setting compares them); with it they compare as one column.
 */
class ColumnCaseTest {
    @TempDir
    Path tmp;

    private static final String LEGACY = "OrderID,Amount,Note,LoadedAt\n1,10.5,a,2024-01-01\n2,20.25,b,2024-01-01\n"
            + "3,30,\"multi\nline\",2024-01-01\n";

    private JobResult csv(String current, String settings) throws Exception {
        Files.createDirectories(tmp.resolve("legacy"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("legacy/orders_20240301.csv"), LEGACY);
        Files.writeString(tmp.resolve("new/orders_20240301.csv"), current);
        return OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"), OnePassDatasets.TWO_DIRECTORIES + """
                      - name: orders
                        files: "orders_*.csv"
                """ + settings));
    }

    private static List<CheckResult> failures(JobResult job) {
        return job.checks().stream().filter(c -> c.status() == Status.FAIL).toList();
    }

    @Test
    void withoutTheSettingTheFailureNamesIt() throws Exception {
        JobResult job = csv("orderid,AMOUNT,Note,loadedat\n1,10.5,a,2024-01-01\n2,20.25,b,2024-01-01\n"
                + "3,30,\"multi\nline\",2024-01-01\n", "");
        assertThat(failures(job)).extracting(CheckResult::subject).containsExactlyInAnyOrder("OrderID", "Amount",
                "LoadedAt");
        assertThat(failures(job)).filteredOn(c -> c.subject().equals("Amount")).singleElement()
                .satisfies(c -> assertThat(c.message()).isEqualTo("missing column: 'Amount' (DOUBLE) is in the legacy "
                        + "output but not in the new one; the new output has 'AMOUNT', which differs from it only in "
                        + "case: set ignore_column_case: true for the dataset (or rename_columns: {Amount: AMOUNT}) to "
                        + "compare them as one column"));
        assertThatThrownBy(() -> csv("orderid,AMOUNT,Note,loadedat\n1,10.5,a,2024-01-01\n", "        key: OrderID\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("did you mean 'orderid'? Names match exactly, case included (ignore_column_case: "
                        + "true compares columns whose names differ only in case)");
    }

    @Test
    void columnsThatDifferOnlyInCaseCompareAsOneAndSettingsNameThemInEitherCase() throws Exception {
        // reordered and re-cased, as a rewrite of the job writes them; the key and the ignored column named as legacy does
        String same = "amount,ORDERID,note,loadedat\n10.5,1,a,2024-03-01\n20.25,2,b,2024-03-01\n30,3,\"multi\nline\","
                + "2024-03-01\n";
        String settings = "        key: OrderID\n        ignore_columns: [loadedat]\n"
                + "        tolerances: {AMOUNT: {absolute: 0.01}}\n        ignore_column_case: true\n";
        JobResult job = csv(same, settings);
        assertThat(failures(job)).isEmpty();
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.status() == Status.INFO)
                .extracting(CheckResult::message).contains("OrderID -> ORDERID (renamed): legacy 'OrderID' is compared "
                        + "with new 'ORDERID'", "Amount -> amount (renamed): legacy 'Amount' is compared with new 'amount'");
        assertThat(OnePassDatasets.rowDiff(job).message()).isEqualTo("all 3 rows match by key (ORDERID (legacy OrderID))");

        JobResult changed = csv(same.replace("20.25,2,b", "20.25,2,c").replace("30,3", "30.5,3"), settings);
        CheckResult diff = OnePassDatasets.rowDiff(changed);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).extracting(r -> r.key().get("ORDERID") + ":" + r.differing())
                .containsExactly("2:[note]", "3:[amount]");
    }

    /** The must-not-change case: headers already equal compare exactly as without the setting. */
    @Test
    void headersOfOneCaseCompareAsWithoutTheSetting() throws Exception {
        String settings = "        key: OrderID\n";
        List<String> without = summary(csv(LEGACY.replace("20.25", "20.5"), settings));
        List<String> with = summary(csv(LEGACY.replace("20.25", "20.5"), settings + "        ignore_column_case: true\n"));
        assertThat(with).isEqualTo(without).anyMatch(s -> s.startsWith("FAIL row_diff"));
    }

    private static List<String> summary(JobResult job) {
        return job.checks().stream().map(c -> c.status() + " " + c.check().name().toLowerCase(java.util.Locale.ROOT)
                + " " + c.subject() + ": " + c.message()).toList();
    }

    @Test
    void sqliteTablesWhoseColumnChangedCase() throws Exception {
        Files.createDirectories(tmp.resolve("dbs"));
        sqlite("old.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, Amount REAL)",
                "INSERT INTO t VALUES (1, 2.5), (2, 0.30000000000000004)");
        sqlite("new.db", "CREATE TABLE t (id INTEGER PRIMARY KEY, AMOUNT REAL)",
                "INSERT INTO t VALUES (1, 2.5), (2, 0.3)");
        assertThat(failures(sqliteRun(""))).extracting(CheckResult::subject).containsExactly("Amount");
        JobResult job = sqliteRun("        ignore_column_case: true\n");
        assertThat(failures(job)).extracting(CheckResult::subject).containsExactly("rows");
        assertThat(OnePassDatasets.rowDiff(job).samples()).extracting(r -> r.key().get("id") + ":" + r.differing())
                .containsExactly("2:[AMOUNT]");
        JobResult within = sqliteRun("        ignore_column_case: true\n        tolerances: {amount: {absolute: 1.0e-9}}\n");
        assertThat(failures(within)).isEmpty();
    }

    private void sqlite(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("dbs").resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    private JobResult sqliteRun(String settings) throws Exception {
        return OnePassDatasets.runConfig(Files.writeString(tmp.resolve("dbs/v.yaml"), """
                connections:
                  old: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  new: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - name: t
                        table: t
                        key: id
                """ + settings));
    }

    @Test
    void aDuckDbTableAgainstParquetWhoseColumnChangedCase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("marts.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders AS SELECT range AS id, 'n' || range AS Note FROM range(100)");
        }
        OnePassDatasets.write(tmp, "new", "orders.parquet", "parquet",
                "SELECT range AS id, 'n' || range AS note FROM range(100)");
        String cfg = """
                connections:
                  old: {type: duckdb, path: marts.duckdb}
                  new: {type: directory, path: new}
                jobs:
                  - name: j
                    legacy: {connection: old}
                    new: {connection: new}
                    datasets:
                      - {name: orders, legacy: {table: orders}, new: {files: "orders.parquet"}, key: id%s}
                """;
        JobResult plain = OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"), cfg.formatted("")));
        assertThat(failures(plain)).extracting(CheckResult::subject).containsExactly("Note");
        JobResult cased = OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"),
                cfg.formatted(", ignore_column_case: true")));
        assertThat(failures(cased)).isEmpty();
        assertThat(cased.checks()).anySatisfy(c -> assertThat(c.message()).startsWith("Note -> note (renamed)"));
    }
}
