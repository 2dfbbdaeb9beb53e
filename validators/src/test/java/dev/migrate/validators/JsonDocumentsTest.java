package dev.migrate.validators;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

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
 * The legacy job wrote JSON lines (DuckDB reads each object as a STRUCT), the rewrite stores the documents in a
 * DuckDB mart's JSON column, as its own serialiser wrote them (other key order, spacing and number spelling): the same
 * documents are equal, a changed one differs and says where. The PostgreSQL jsonb case is in
 * pg.PostgresValueFormsTest.
 */
class JsonDocumentsTest {
    @TempDir
    Path tmp;

    private JobResult run(String secondDocument) throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/orders.jsonl"), """
                {"id": 1, "doc": {"total": 12.50, "lines": [{"sku": "a", "qty": 2}], "note": "Zo\\u00eb"}}
                {"id": 2, "doc": {"total": 3, "lines": [], "note": "x"}}
                """);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve("out/mart.duckdb"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT, doc JSON)");
            s.execute("INSERT INTO orders VALUES (1, '{\"note\":\"Zoë\",\"lines\":[{\"qty\":2.0,\"sku\":\"a\"}],"
                    + "\"total\":12.5}'), (2, '" + secondDocument + "')");
        }
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  files: {type: directory, path: out}
                  mart: {type: duckdb, path: out/mart.duckdb}
                jobs:
                  - name: j
                    legacy: {connection: files}
                    new: {connection: mart}
                    datasets: [{name: orders, legacy: {files: orders.jsonl}, new: {table: orders}, key: id}]
                """);
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    @Test
    void theSameDocumentsWrittenAnotherWayMatch() throws Exception {
        JobResult job = run("{ \"lines\" : [ ], \"note\" : \"x\", \"total\" : 3.00 }");

        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "doc").message()).contains("compared as JSON values in one canonical form");
    }

    @Test
    void aChangedDocumentDiffersAndSaysWhere() throws Exception {
        JobResult job = run("{\"lines\": [], \"note\": \"x\", \"total\": 3.5}");

        CheckResult diff = check(job, Check.ROW_DIFF, "rows");
        assertThat(diff.status()).isEqualTo(Status.FAIL);
        assertThat(diff.samples()).singleElement().satisfies(s -> {
            assertThat(s.key()).containsEntry("id", "2");
            assertThat(s.differing()).containsExactly("doc");
            assertThat(s.current()).containsEntry("doc", "{\"lines\":[],\"note\":\"x\",\"total\":3.5}");
        });
        assertThat(diff.message()).contains("differs at $.total: 3 in legacy, 3.5 in new");
    }
}
