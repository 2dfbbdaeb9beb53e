package dev.migrate.validators;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.CanonicalJson;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two DuckDB tables with a JSON column, loaded into the engine (the materialized path): each side's documents are
 * canonicalised once, in the load, which stores the canonical text in place of the text as read (each document held
 * once); the aggregates read that text, and the samples read the sampled rows as stored from the sources again.
 * Canonicalising in the aggregates too doubled the cost of a JSON column (bench/validate/README.md, "JSON columns").
 */
class JsonCanonicalOnceTest {
    @TempDir
    Path tmp;

    private Path tables() throws Exception {
        for (String side : List.of("legacy", "new")) {
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp.resolve(side + ".duckdb"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE docs (id INTEGER, payload JSON, meta JSON)");
                if (side.equals("legacy")) {
                    s.execute("INSERT INTO docs VALUES (1, '{\"b\":1,\"a\":[1.50]}', '{\"x\":1}'), "
                            + "(2, '{\"z\":\"q\"}', NULL), (3, '{\"a\":2}', '[]')");
                } else {
                    // another serialiser: key order, spacing, 1.5 for 1.50; row 3's payload changes
                    s.execute("INSERT INTO docs VALUES (1, '{ \"a\": [1.5], \"b\": 1 }', '{\"x\": 1.0}'), "
                            + "(2, '{\"z\": \"q\"}', NULL), (3, '{\"a\": 3}', '[ ]')");
                }
            }
        }
        return Files.writeString(tmp.resolve("v.yaml"), """
                connections:
                  o: {type: duckdb, path: legacy.duckdb}
                  n: {type: duckdb, path: new.duckdb}
                jobs:
                  - name: j
                    legacy: {connection: o}
                    new: {connection: n}
                    datasets: [{name: docs, legacy: {table: docs}, new: {table: docs}, key: id}]
                """);
    }

    private static Validator validator() {
        return new Validator(new EngineSettings(1, "256MB", null, 10));
    }

    private static int calls(String sql) {
        Matcher m = Pattern.compile(Pattern.quote(CanonicalJson.FUNCTION) + "\\(").matcher(sql);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theLoadCanonicalisesEachJsonColumnAndTheAggregatesReadItsText() throws Exception {
        List<PlannedStatement> plan = validator().dryRun(ConfigLoader.load(tables()), RunOverrides.NONE);

        List<String> loads = plan.stream().map(PlannedStatement::statement)
                .filter(s -> s.purpose().startsWith("load ") && s.sql().contains("__migrate_row_hash"))
                .map(dev.migrate.validators.query.Statement::sql).toList();
        List<String> aggregates = plan.stream().map(PlannedStatement::statement)
                .filter(s -> s.purpose().startsWith("aggregates")).map(dev.migrate.validators.query.Statement::sql)
                .toList();
        assertThat(loads).hasSize(2).allSatisfy(sql -> {
            // each document stored once, as its canonical text, in place of the text as read
            assertThat(sql).contains("SELECT * REPLACE (", "AS \"payload\"", "AS \"meta\")")
                    .doesNotContain("__migrate_json_");
            // the row hash spells each canonical expression again; the engine evaluates a repeated one once per row
            assertThat(calls(sql)).isEqualTo(4);
        });
        assertThat(aggregates).hasSize(2).allSatisfy(sql -> {
            assertThat(calls(sql)).isZero();
            assertThat(sql).contains("max(CAST(\"payload\" AS VARCHAR))");
        });
    }

    @Test
    void verdictsAndBoundsAreTheCanonicalTexts() throws Exception {
        JobResult job = validator().run(ConfigLoader.load(tables()), RunOverrides.NONE).jobs().get(0);

        CheckResult payload = check(job, Check.AGGREGATE, "payload");
        assertThat(payload.status()).isEqualTo(Status.INFO); // the row diff says which row
        assertThat(payload.legacyValue()).startsWith("min={\"a\":2};");
        assertThat(payload.newValue()).startsWith("min={\"a\":3};");
        assertThat(check(job, Check.AGGREGATE, "meta").status()).isEqualTo(Status.PASS);
        CheckResult rows = check(job, Check.ROW_DIFF, "rows");
        assertThat(rows.difference()).isEqualTo("differs=1");
        assertThat(rows.samples()).singleElement().satisfies(s -> {
            assertThat(s.differing()).containsExactly("payload");
            assertThat(s.legacy().get("payload")).isEqualTo("{\"a\":2}");
            assertThat(s.current().get("payload")).isEqualTo("{\"a\":3}");
            // the documents as stored, read from the sources again: the loaded tables hold only the canonical text
            assertThat(s.legacyRaw()).isEmpty(); // written canonical already
            assertThat(s.currentRaw()).containsExactly(java.util.Map.entry("payload", "{\"a\": 3}"),
                    java.util.Map.entry("meta", "[ ]"));
        });
    }
}
