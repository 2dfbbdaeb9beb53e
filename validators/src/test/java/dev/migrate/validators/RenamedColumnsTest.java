package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.compare.DatasetPlan;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.config.DatasetConfig;
import dev.migrate.validators.config.JobConfig;
import dev.migrate.validators.config.ValidateConfig;
import dev.migrate.validators.engine.DuckDbSession;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.SampleRow;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rename_columns}: a column the new pipeline renamed is compared with its legacy column under its new name
 * by every check, on every path of the embedded engine (files, DuckDB databases) and on SQLite. The names are
 * chosen to break unquoted SQL: a space, a double quote, a case-only rename, non-ASCII letters.
 */
class RenamedColumnsTest {
    @TempDir
    Path tmp;

    /** The legacy output: 1000 rows. */
    static final String LEGACY = "SELECT range AS \"cust id\", range * 1.5 AS \"Amount \"\"EUR\"\"\", "
            + "CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END AS \"Région\", 'x' || range AS note, "
            + "range % 7 AS batch FROM range(1000)";

    /**
     * The new output, every legacy column renamed but note and batch: row 7's amount is within the tolerance,
     * row 9's beyond it, row 11's note differs, and row 500 is gone when {@code drop}. batch, never compared
     * (ignore_columns), differs on every row.
     */
    static String current(boolean drop) {
        return "SELECT range AS \"Kunden-ID\", range * 1.5 + CASE WHEN range = 7 THEN 0.004 WHEN range = 9 THEN 1 "
                + "ELSE 0 END AS \"Betrag €\", CASE WHEN range % 2 = 0 THEN 'eu' ELSE 'us' END AS \"région\", "
                + "CASE WHEN range = 11 THEN 'y' ELSE 'x' END || range AS note, range % 5 AS batch FROM range(1000)"
                + (drop ? " WHERE range <> 500" : "");
    }

    /** Every setting names the renamed columns by their new names. */
    static final String DATASET = """
                    key: Kunden-ID
                    rename_columns:
                      cust id: Kunden-ID
                      'Amount "EUR"': Betrag €
                      Région: région
                    tolerances: {Betrag €: {absolute: 0.01}}
                    ignore_columns: [batch]
            """;

    private ValidateConfig config(String source) throws Exception {
        return config(source, DATASET);
    }

    private ValidateConfig config(String source, String dataset) throws Exception {
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), OnePassDatasets.TWO_DIRECTORIES
                + "      - name: t\n" + source.indent(8) + dataset);
        return ConfigLoader.load(cfg);
    }

    private static JobResult run(ValidateConfig config, EngineSettings settings) {
        return new Validator(settings).run(config, RunOverrides.NONE).jobs().get(0);
    }

    /** What every path must report for {@link #LEGACY} against {@link #current}. */
    private static void assertRenamedAndCompared(JobResult job, boolean dropped) {
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA)
                .extracting(CheckResult::subject, CheckResult::status, CheckResult::message)
                .contains(
                        Tuple.tuple("Kunden-ID", Status.INFO, "cust id -> Kunden-ID (renamed): legacy 'cust id' is "
                                + "compared with new 'Kunden-ID'"),
                        Tuple.tuple("Betrag €", Status.INFO, "Amount \"EUR\" -> Betrag € (renamed): legacy "
                                + "'Amount \"EUR\"' is compared with new 'Betrag €'"),
                        Tuple.tuple("région", Status.INFO, "Région -> région (renamed): legacy 'Région' is compared "
                                + "with new 'région'"))
                .noneMatch(t -> t.toList().get(1) == Status.FAIL);
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.subject().equals("Kunden-ID"))
                .singleElement().satisfies(c -> assertThat(List.of(c.legacyValue(), c.newValue()))
                        .containsExactly("cust id", "Kunden-ID"));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE).extracting(CheckResult::subject)
                .containsExactlyInAnyOrder("Kunden-ID", "Betrag €", "région", "note");
        CheckResult diff = OnePassDatasets.rowDiff(job);
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(List.of(diff.legacyValue(), diff.newValue(), diff.difference()))
                .containsExactly("missing=" + (dropped ? 1 : 0), "extra=0", "differs=2");
        assertThat(diff.message()).contains("key Kunden-ID (legacy cust id)")
                .contains("Betrag € (legacy Amount \"EUR\")");
        assertThat(diff.samples()).filteredOn(s -> s.kind().equals("differs"))
                .extracting(s -> s.key().get("Kunden-ID"), SampleRow::differing)
                .containsExactly(Tuple.tuple("9", List.of("Betrag €")), Tuple.tuple("11", List.of("note")));
        assertThat(diff.samples().get(0).legacy()).containsKeys("Kunden-ID", "Betrag €", "région", "note");
        if (dropped) {
            assertThat(diff.samples()).filteredOn(s -> s.kind().equals("missing"))
                    .extracting(s -> s.key().get("Kunden-ID")).containsExactly("500");
        }
    }

    @ParameterizedTest(name = "{0}, {1} thread(s), materialized {2}, a row dropped {3}")
    @CsvSource({
        "csv, 1, false, true", "csv, 4, false, true", "csv, 1, true, true",
        "parquet, 1, false, false", "parquet, 1, false, true", "parquet, 4, false, true", "parquet, 1, true, true",
        "json, 1, false, true"})
    void everyPathComparesTheRenamedColumns(String format, int threads, boolean materialized, boolean drop)
            throws Exception {
        OnePassDatasets.write(tmp, "legacy", format, LEGACY);
        OnePassDatasets.write(tmp, "new", format, current(drop));
        EngineSettings settings = new EngineSettings(threads, "256MB", null, 10);
        JobResult job = run(config("files: \"t_*." + format + "\""), materialized ? settings.materializing() : settings);
        assertRenamedAndCompared(job, drop);
    }

    /** Parquet sides of as many rows pair row by row, reading the renamed legacy columns in the same pass. */
    @Test
    void parquetSidesPairRowByRowUnderTheRename() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", LEGACY);
        OnePassDatasets.write(tmp, "new", "parquet", current(false));
        ValidateConfig config = config("files: \"t_*.parquet\"");
        JobConfig job = config.jobs().get(0);
        DatasetConfig ds = job.datasets().get(0);
        EngineSettings settings = new EngineSettings(1, "256MB", null, 10);
        List<Path> legacy = List.of(tmp.resolve("legacy/t_20240301.parquet"));
        List<Path> current = List.of(tmp.resolve("new/t_20240301.parquet"));
        try (DuckDbSession session = DuckDbSession.open(settings)) {
            DatasetPlan plan = Validator.schemaPlan(session, ds, config.connection("a"), config.connection("b"), legacy,
                    current);
            List<CheckResult> checks = new PairedFiles(session, settings, plan, ds, legacy, current).compare();
            assertThat(checks).as("the paired path concluded").isNotNull();
            assertThat(checks).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                    .satisfies(c -> assertThat(c.difference()).isEqualTo("differs=2"));
        }
    }

    /**
     * The paired read of a renamed legacy file is planned as the read of a file that stores the new names: renaming
     * adds a projection at most (names only), nothing DuckDB would buffer or compute, and the three reads stay one
     * positional scan (see {@link dev.migrate.validators.engine.PairedScan}).
     */
    @Test
    void renamingKeepsThePairedReadsPlan() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "parquet", LEGACY);
        OnePassDatasets.write(tmp, "new", "parquet", current(false));
        OnePassDatasets.write(tmp, "stored", "parquet", current(false));
        List<Path> current = List.of(tmp.resolve("new/t_20240301.parquet"));
        String renamed = operators(config("files: \"t_*.parquet\""), tmp.resolve("legacy/t_20240301.parquet"), current);
        String dataset = DATASET.substring(0, DATASET.indexOf("        rename_columns"))
                + DATASET.substring(DATASET.indexOf("        tolerances"));
        String stored = operators(config("files: \"t_*.parquet\"", dataset), tmp.resolve("stored/t_20240301.parquet"),
                current);
        assertThat(renamed).contains("POSITIONAL_SCAN(READ_PARQUET()READ_PARQUET()READ_PARQUET())").isEqualTo(stored);
    }

    /**
     * The operators DuckDB plans for the paired read of {@code legacy} beside {@code current}, in tree order,
     * projections left out.
     */
    private static String operators(ValidateConfig config, Path legacy, List<Path> current) throws Exception {
        DatasetConfig ds = config.jobs().get(0).datasets().get(0);
        try (DuckDbSession session = DuckDbSession.open(new EngineSettings(1, "256MB", null, 10))) {
            DatasetPlan plan = Validator.schemaPlan(session, ds, config.connection("a"), config.connection("b"),
                    List.of(legacy), current);
            dev.migrate.validators.query.Statement range = dev.migrate.validators.engine.PairedScan.range("pairs", plan,
                    legacy, current.get(0), 0, 1000, i -> true, i -> true, 10);
            String json = String.valueOf(session.query(new dev.migrate.validators.query.Statement("explain",
                    "EXPLAIN (FORMAT json) " + range.sql(), range.params())).get(0).get("explain_value"));
            StringBuilder out = new StringBuilder();
            names(dev.migrate.validators.sink.ReportJson.MAPPER.readTree(json), out);
            return out.toString();
        }
    }

    private static void names(com.fasterxml.jackson.databind.JsonNode node, StringBuilder out) {
        if (node.isArray()) {
            node.forEach(n -> names(n, out));
        } else if (node.has("name") && node.get("name").asText().equals("PROJECTION")) {
            names(node.get("children"), out);
        } else if (node.has("name")) {
            out.append(node.get("name").asText()).append('(');
            names(node.get("children"), out);
            out.append(')');
        }
    }

    /** The order check lines rows up by the renamed key. */
    @Test
    void theOrderCheckFollowsTheRenamedKey() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "csv", LEGACY + " ORDER BY \"cust id\"");
        OnePassDatasets.write(tmp, "new", "csv", "SELECT * FROM (" + current(false) + ") ORDER BY \"Kunden-ID\" = 3, "
                + "\"Kunden-ID\"");
        JobResult job = run(config("files: \"t_*.csv\"", DATASET + "        ordered: true\n"),
                new EngineSettings(1, "256MB", null, 10));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.ORDER).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(Status.FAIL);
            assertThat(c.message()).contains("the first is at legacy position");
        });
        assertThat(OnePassDatasets.rowDiff(job).difference()).isEqualTo("differs=2");
    }

    /** The legacy side writes CSV and the new one Parquet, each named by its own files. */
    @Test
    void aRenameOnSideSpecificSources() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "orders_20240301.csv", "csv", LEGACY);
        OnePassDatasets.write(tmp, "new", "ord_20240301.parquet", "parquet", current(true));
        JobResult job = run(config("legacy: {files: \"orders_*.csv\"}\nnew: {files: \"ord_*.parquet\"}"),
                new EngineSettings(1, "256MB", null, 10));
        assertRenamedAndCompared(job, true);
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.PATHS)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    @Test
    void duckDbDatabaseTablesAndQueries() throws Exception {
        duckdb("old.duckdb", "CREATE SCHEMA s; CREATE TABLE s.\"the t\" AS " + LEGACY);
        duckdb("new.duckdb", "CREATE SCHEMA s; CREATE TABLE s.\"the t\" AS " + current(true));
        Path cfg = Files.writeString(tmp.resolve("d.yaml"), """
                connections:
                  a: {type: duckdb, path: old.duckdb}
                  b: {type: duckdb, path: new.duckdb}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: b}
                    datasets:
                      - name: t
                        legacy: {table: s.the t}
                        new: {query: "SELECT * FROM s.\\"the t\\""}
                """ + DATASET);
        JobResult job = run(ConfigLoader.load(cfg), new EngineSettings(1, "256MB", null, 10));
        assertRenamedAndCompared(job, true);
    }

    @Test
    void sqliteDatabases() throws Exception {
        String create = "CREATE TABLE t (%s INTEGER PRIMARY KEY, %s REAL, %s TEXT, note TEXT, batch INTEGER)";
        sqlite("old.db", create.formatted("\"cust id\"", "\"Amount \"\"EUR\"\"\"", "\"Région\""),
                "INSERT INTO t VALUES (1, 2.5, 'eu', 'a', 1), (2, 3.5, 'us', 'b', 1), (3, 4.5, 'us', 'c', 1)");
        sqlite("new.db", create.formatted("\"Kunden-ID\"", "\"Betrag €\"", "\"région\""),
                "INSERT INTO t VALUES (1, 2.504, 'eu', 'a', 2), (2, 9.5, 'us', 'b', 2), (3, 4.5, 'us', 'c', 2)");
        Path cfg = Files.writeString(tmp.resolve("s.yaml"), """
                connections:
                  a: {type: jdbc, url: "jdbc:sqlite:old.db"}
                  b: {type: jdbc, url: "jdbc:sqlite:new.db"}
                jobs:
                  - name: j
                    legacy: {connection: a}
                    new: {connection: b}
                    datasets:
                      - name: t
                        table: t
                """ + DATASET);
        JobResult job = run(ConfigLoader.load(cfg), new EngineSettings(1, "256MB", null, 10));
        // SQLite's rows are read in key order and diffed: the amount of row 2 is beyond the tolerance, row 1's within
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).singleElement().satisfies(c -> {
            assertThat(c.check()).isEqualTo(Check.ROW_DIFF);
            assertThat(c.message()).startsWith("1 row differs (Betrag € (legacy Amount \"EUR\"): 1 (");
            assertThat(c.samples()).extracting(r -> r.key().get("Kunden-ID") + ":" + r.differing())
                    .containsExactly("2:[Betrag €]");
        });
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().equals("Betrag €"))
                .singleElement().satisfies(c -> assertThat(c.message())
                        .startsWith("aggregates differ: max, sum (renamed from Amount \"EUR\")"));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.status() == Status.INFO)
                .extracting(CheckResult::subject).containsExactly("Kunden-ID", "Betrag €", "région");
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.AGGREGATE && c.subject().equals("région"))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    @Test
    void aRenameThatDoesNotFitTheOutputsIsBadInputNamingItsConfigPath() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "csv", LEGACY);
        OnePassDatasets.write(tmp, "new", "csv", current(false));
        assertThat(error("rename_columns: {custid: Kunden-ID}")).isEqualTo("jobs[0].datasets[0].rename_columns.custid: "
                + "column 'custid' (the legacy name) is not in the legacy output of dataset 't' (its columns: cust id, "
                + "Amount \"EUR\", Région, note, batch); did you mean 'cust id'? Names match exactly, case included; "
                + "fix the name in rename_columns");
        assertThat(error("rename_columns: {cust id: KundenID}")).startsWith("jobs[0].datasets[0].rename_columns.cust id: "
                + "column 'KundenID' (the new name) is not in the new output of dataset 't' (its columns: Kunden-ID, ")
                .contains("did you mean 'Kunden-ID'?");
        assertThat(error("rename_columns: {cust id: note}")).isEqualTo("jobs[0].datasets[0].rename_columns.cust id: "
                + "'cust id' is renamed to 'note', but the legacy output of dataset 't' already has a column 'note'; "
                + "after the rename two legacy columns would share the name. Compare 'note' by its own name, or fix "
                + "the rename");
        assertThat(error("key: Kunden-ID\nrename_columns: {cust id: Kunden-ID}\nignore_columns: [cust id]"))
                .isEqualTo("jobs[0].datasets[0].ignore_columns: 'cust id' is renamed to 'Kunden-ID' by rename_columns; "
                        + "key, ignore_columns and tolerances name columns by their new names: write 'Kunden-ID'");
    }

    /** The new output keeps a column under the legacy name too: ignore_columns then names it, unambiguously. */
    @Test
    void theLegacyNameMayStillNameANewColumn() throws Exception {
        OnePassDatasets.write(tmp, "legacy", "csv", LEGACY);
        OnePassDatasets.write(tmp, "new", "csv", "SELECT *, 'kept' AS \"cust id\" FROM (" + current(false) + ")");
        JobResult job = run(config("files: \"t_*.csv\"", DATASET.replace("[batch]", "[batch, cust id]")),
                new EngineSettings(1, "256MB", null, 10));
        assertThat(job.checks()).filteredOn(c -> c.check() == Check.SCHEMA).extracting(CheckResult::subject)
                .doesNotContain("cust id");
        assertThat(OnePassDatasets.rowDiff(job).difference()).isEqualTo("differs=2");
        JobResult shown = run(config("files: \"t_*.csv\""), new EngineSettings(1, "256MB", null, 10));
        assertThat(shown.checks()).filteredOn(c -> c.check() == Check.SCHEMA && c.subject().equals("cust id"))
                .singleElement().satisfies(c -> assertThat(c.message()).startsWith("new column: 'cust id'"));
    }

    /** The message of the bad input the dataset {@code dataset} (YAML, besides its files) gives. */
    private String error(String dataset) throws Exception {
        ValidateConfig config = config("files: \"t_*.csv\"", dataset.indent(8));
        JobInputException e = org.junit.jupiter.api.Assertions.assertThrows(JobInputException.class,
                () -> run(config, new EngineSettings(1, "256MB", null, 10)));
        assertThat(e.report().jobs().get(0).status()).isEqualTo(Status.FAIL);
        return e.getMessage();
    }

    private void duckdb(String name, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve(name));
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void sqlite(String name, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve(name));
                Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
