package dev.migrate.validators.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.BadInputException;
import dev.migrate.validators.EnvironmentException;
import dev.migrate.validators.config.CsvOptions;
import dev.migrate.validators.query.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLoaderTest {
    @TempDir
    Path tmp;

    private final DuckDbSession session = DuckDbSession.open(new EngineSettings(1, "256MB", null, 5));

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void fileThatVanishesAfterListingIsAnEnvironmentProblemNamingIt() throws Exception {
        Path a = Files.writeString(tmp.resolve("a_20240301.csv"), "id\n1\n");
        Path b = Files.writeString(tmp.resolve("b_20240301.csv"), "id\n2\n");
        List<Path> listed = List.of(a, b);
        Files.delete(b); // the pipeline rotated it away between listing and reading
        assertThatThrownBy(() -> FileLoader.load(session, "load", "t", listed, CsvOptions.DEFAULT, java.util.Map.of(), false, "", false))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageStartingWith(b + ": the output file disappeared while validating");
    }

    @Test
    void valueThatDoesNotFitTheSniffedTypeNamesFileAndLine() throws Exception {
        StringBuilder csv = new StringBuilder("id,amount\n");
        for (int i = 1; i <= 30_000; i++) {
            csv.append(i).append(',').append(i).append('\n');
        }
        csv.append("30001,not-a-number\n");
        Path f = Files.writeString(tmp.resolve("big.csv"), csv);
        assertThatThrownBy(() -> FileLoader.load(session, "load", "t", List.of(f), CsvOptions.DEFAULT, java.util.Map.of(), false, "", false))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f + ":30002: cannot read the file:")
                .hasMessageContaining("not-a-number");
    }

    @Test
    void loadsCompressedCsvParquetAndNdjsonAlike() throws Exception {
        session.execute(Statement.of("fixture", "COPY (SELECT range AS id, 'n' || range AS name FROM range(3)) TO '"
                + tmp.resolve("x.csv.gz") + "' (FORMAT csv, HEADER)"));
        session.execute(Statement.of("fixture", "COPY (SELECT range AS id, 'n' || range AS name FROM range(3)) TO '"
                + tmp.resolve("x.parquet") + "' (FORMAT parquet)"));
        Files.writeString(tmp.resolve("x.ndjson"), "{\"id\":0,\"name\":\"n0\"}\n{\"id\":1,\"name\":\"n1\"}\n{\"id\":2,\"name\":\"n2\"}\n");
        for (String name : List.of("x.csv.gz", "x.parquet", "x.ndjson")) {
            FileLoader.load(session, "load", "t", List.of(tmp.resolve(name)), CsvOptions.DEFAULT, java.util.Map.of(), false, "", false);
            assertThat(session.query(Statement.of("check", "SELECT count(*) AS n, max(name) AS m FROM t")))
                    .as(name).singleElement().satisfies(r -> {
                        assertThat(((Number) r.get("n")).longValue()).isEqualTo(3);
                        assertThat(r.get("m")).isEqualTo("n2");
                    });
        }
    }
}
