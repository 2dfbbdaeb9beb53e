package dev.migrate.validators.pg;

import static dev.migrate.validators.JobChecks.check;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON documents in PostgreSQL text columns, and JSON text in a CSV cell against a jsonb column: compared as JSON values
 * in the one canonical form files get. Two text columns need {@code json_columns}, and are then copied into the embedded
 * engine (PostgreSQL before 16 reads a text as JSON only by a cast that fails on the first text that is no JSON).
 */
class PostgresJsonColumnsTest {
    private static PostgresPair pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresPair.start();
        pg.legacy("CREATE TABLE docs (id int PRIMARY KEY, body text)",
                "INSERT INTO docs VALUES (1, '{\"b\": 1.50, \"a\": [1, 2], \"gone\": null}'), (2, 'n/a')");
        pg.current("CREATE TABLE docs (id int PRIMARY KEY, body text)",
                "INSERT INTO docs VALUES (1, '{\"a\":[1,2],\"b\":1.5}'), (2, 'n/a')",
                "CREATE TABLE events (id int PRIMARY KEY, body jsonb)",
                "INSERT INTO events VALUES (1, '{\"b\": 1.50, \"a\": [1, 2]}'), (2, '{\"a\": \"x\"}')");
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void textColumnsDeclaredJsonCompareAsJsonValues() {
        String yaml = pg.inPlace("docs", "docs");

        JobResult declared = pg.run(yaml.replace("key: id}", "key: id, json_columns: [body]}"));
        assertThat(check(declared, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(declared, Check.AGGREGATE, "body").status()).isEqualTo(Status.PASS);

        // undeclared, the two spellings are two texts, compared where they are
        assertThat(check(pg.run(yaml), Check.ROW_DIFF, "rows").message()).contains("segment checksums")
                .contains("1 row differs");
    }

    @Test
    void jsonTextInACsvAgainstJsonbNeedsNoDeclaration() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/events.csv"), "id,body\n1,\"{\"\"a\"\":[1,2],\"\"b\"\":1.5}\"\n"
                + "2,\"{ \"\"a\"\" : \"\"x\"\" }\"\n");
        Path cfg = Files.writeString(tmp.resolve("v.yaml"), pg.inPlace("events", "events")
                .replace("old: {type: jdbc, url:", "files: {type: directory, path: " + tmp.resolve("out") + "}\n"
                        + "  unused: {type: jdbc, url:")
                .replace("legacy: {connection: old}", "legacy: {connection: files}")
                .replace("legacy: {table: events}", "legacy: {files: events.csv}"));

        JobResult job = pg.run(Files.readString(cfg));

        assertThat(check(job, Check.ROW_DIFF, "rows").status()).isEqualTo(Status.PASS);
        assertThat(check(job, Check.SCHEMA, "body").message()).contains("compared as JSON values in one canonical form");
    }
}
