package dev.migrate.validators;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy job wrote JSON lines (DuckDB reads each document as a STRUCT), the rewrite writes the same documents as
 * JSON text in a CSV cell, by another serialiser (other key order, spacing and number spelling, no null members): no
 * type says the text is JSON, so the dataset declares the column in {@code json_columns}, and both are compared as
 * JSON values in one canonical form.
 */
class JsonColumnsTest {
    @TempDir
    Path tmp;

    private static final String LEGACY = """
            {"id": 1, "doc": {"total": 12.50, "lines": [{"sku": "a", "qty": 2}], "note": null}}
            {"id": 2, "doc": {"total": 3, "lines": [], "note": "x"}}
            """;

    private Path config(String legacyFiles, String newFiles, String extra) throws Exception {
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  out: {type: directory, path: out}
                jobs:
                  - name: j
                    legacy: {connection: out}
                    new: {connection: out}
                    datasets: [{name: orders, legacy: {files: %s}, new: {files: %s}, key: id%s}]
                """.formatted(legacyFiles, newFiles, extra));
    }

    private JobResult run(Path cfg) {
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    private void files(String csvSecondDocument) throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/orders.jsonl"), LEGACY);
        Files.writeString(tmp.resolve("out/orders.csv"), "id,doc\n"
                + "1,\"{\"\"lines\"\": [{\"\"qty\"\": 2.0, \"\"sku\"\": \"\"a\"\"}], \"\"total\"\": 12.5}\"\n"
                + "2,\"" + csvSecondDocument.replace("\"", "\"\"") + "\"\n");
    }

    @Test
    void aJsonFileAgainstJsonTextInACsvMatchesWhenDeclared() throws Exception {
        files("{ \"note\" : \"x\", \"total\" : 3.00, \"lines\" : [ ] }");

        JobResult job = run(config("orders.jsonl", "orders.csv", ", json_columns: [doc]"));

        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "doc").message()).contains("compared as JSON values in one canonical form")
                .contains("json_columns declares it");
    }

    /** Undeclared, a STRUCT against text is a type change compared as written: every document differs. */
    @Test
    void undeclaredTheSameDocumentsDiffer() throws Exception {
        files("{ \"note\" : \"x\", \"total\" : 3.00, \"lines\" : [ ] }");

        JobResult job = run(config("orders.jsonl", "orders.csv", ""));

        assertThat(check(job, Check.ROW_DIFF, "rows").difference()).isEqualTo("differs=2");
    }

    @Test
    void aChangedDocumentDiffersAndSaysWhere() throws Exception {
        files("{\"note\": \"x\", \"total\": 3.5, \"lines\": []}");

        CheckResult diff = check(run(config("orders.jsonl", "orders.csv", ", json_columns: [doc]")), Check.ROW_DIFF,
                "rows");

        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> assertThat(s.key()).containsEntry("id", "2"));
        assertThat(diff.message()).contains("differs at $.total: 3 in legacy, 3.5 in new");
    }

    /** Text against text: two serialisers' spellings of one document. */
    @Test
    void jsonTextAgainstJsonTextMatchesWhenDeclared() throws Exception {
        files("{\"lines\":[],\"note\":\"x\",\"total\":3}");
        Files.writeString(tmp.resolve("out/legacy.csv"), "id,doc\n1,\"{\"\"total\"\": 12.50, \"\"lines\"\": "
                + "[{\"\"sku\"\": \"\"a\"\", \"\"qty\"\": 2}]}\"\n2,\"{\"\"total\"\": 3, \"\"note\"\": \"\"x\"\", "
                + "\"\"lines\"\": []}\"\n");

        assertThat(check(run(config("legacy.csv", "orders.csv", ", json_columns: [doc]")), Check.ROW_DIFF, "rows")
                .status()).isEqualTo(Status.PASS);
        assertThat(check(run(config("legacy.csv", "orders.csv", "")), Check.ROW_DIFF, "rows").status())
                .isEqualTo(Status.FAIL);
    }

    /** JSON text in a CSV against a DuckDB mart's JSON column: the JSON type says it, no declaration is needed. */
    @Test
    void jsonTextInACsvAgainstAJsonColumnNeedsNoDeclaration() throws Exception {
        files("{\"lines\":[],\"note\":\"x\",\"total\":3}");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("out/mart.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders AS SELECT id, CAST(doc AS JSON) AS doc FROM read_json('" + tmp.resolve(
                    "out/orders.jsonl") + "', format = 'newline_delimited', columns = {id: 'BIGINT', doc: 'JSON'})");
        }
        Path cfg = Files.writeString(tmp.resolve("mart.yaml"), """
                connections:
                  out: {type: directory, path: out}
                  mart: {type: duckdb, path: out/mart.duckdb}
                jobs:
                  - name: j
                    legacy: {connection: mart}
                    new: {connection: out}
                    datasets: [{name: orders, legacy: {table: orders}, new: {files: orders.csv}, key: id}]
                """);

        JobResult job = run(cfg);

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "doc").message()).contains("compared as JSON values in one canonical form")
                .doesNotContain("json_columns");
    }

    @Test
    void aDeclaredColumnMustBeInBothOutputsAndNamedByItsNewName() throws Exception {
        files("{}");
        assertThatThrownBy(() -> run(config("orders.jsonl", "orders.csv", ", json_columns: [body]")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("json_columns: column 'body' is not in the "
                        + "legacy output");
        assertThatThrownBy(() -> ConfigLoader.load(config("orders.jsonl", "orders.csv",
                ", rename_columns: {doc: body}, json_columns: [doc]"))).hasMessageContaining("write 'body'");
        assertThatThrownBy(() -> ConfigLoader.load(config("orders.jsonl", "orders.csv",
                ", tolerances: {doc: {absolute: 1}}, json_columns: [doc]"))).hasMessageContaining("json_columns");
    }
}
