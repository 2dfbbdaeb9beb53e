package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.compare.ColumnReadings;
import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code csv.escapes}: Hive's and Spark's text exports write NULL as {@code \N} but escape no backslash, so with
 * COPY's escapes read back (chosen by {@code \N} in {@code null_values}) {@code C:\new} was read as {@code C:} and a
 * line break plus {@code ew}. {@code escapes: none} reads such files as written; {@code copy} (the default with
 * {@code \N}) keeps reading psql's {@code \copy} exports.
 */
class CsvEscapesTest {
    @TempDir
    Path tmp;

    /** A Hive table written as text (ROW FORMAT DELIMITED, fields '\t'): NULL as \N, backslashes as they are. */
    private static final String HIVE = "id\tpath\n1\tC:\\new\n2\t\\N\n3\tx\\\\y\n4\ta\\tb\n";
    /** The rewrite's pandas to_csv of the same rows. */
    private static final String PANDAS = "id,path\n1,C:\\new\n2,\n3,x\\\\y\n4,a\\tb\n";

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(tmp.resolve("legacy"));
        Files.createDirectories(tmp.resolve("new"));
        Files.writeString(tmp.resolve("legacy/paths.tsv"), HIVE);
        Files.writeString(tmp.resolve("new/paths.csv"), PANDAS);
    }

    private Path config(String legacyCsv) throws Exception {
        return Files.writeString(tmp.resolve("v.yaml"), OnePassDatasets.TWO_DIRECTORIES + """
                      - name: paths
                        key: id
                        legacy: {files: paths.tsv, csv: %s}
                        new: {files: paths.csv}
                """.formatted(legacyCsv));
    }

    private JobResult run(String legacyCsv) throws Exception {
        return OnePassDatasets.runConfig(config(legacyCsv));
    }

    private List<String> readings(String legacyCsv) throws Exception {
        return new Validator(new EngineSettings(1, "256MB", null, 10)).dryRun(ConfigLoader.load(config(legacyCsv)),
                RunOverrides.NONE).stream().filter(p -> p.statement().purpose().equals(ColumnReadings.PURPOSE))
                .flatMap(p -> p.statement().sql().lines()).toList();
    }

    @Test
    void escapesNoneReadsAHiveExportAsWritten() throws Exception {
        JobResult job = run("{null_values: '\\N', escapes: none}");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(OnePassDatasets.rowDiff(job).message()).isEqualTo("all 4 rows match by key (id)");
    }

    /** Today's default stays: with \N and no escapes key, the backslashes are COPY's escapes, so every one differs. */
    @Test
    void withoutTheKeyBackslashNStillReadsCopysEscapes() throws Exception {
        assertThat(OnePassDatasets.rowDiff(run("{null_values: '\\N'}")).samples())
                .extracting(s -> s.key().get("id")).containsExactly("1", "3", "4");
        assertThat(OnePassDatasets.rowDiff(run("{null_values: '\\N', escapes: copy}")).samples())
                .extracting(s -> s.key().get("id")).containsExactly("1", "3", "4");
    }

    /** escapes: copy without \N: a COPY export made WITH (NULL '') still escapes its backslashes. */
    @Test
    void escapesCopyApplyWithoutBackslashN() throws Exception {
        Files.writeString(tmp.resolve("legacy/paths.tsv"), "id\tpath\n1\tC:\\\\new\n2\t\n3\tx\\\\\\\\y\n4\ta\\\\tb\n");
        JobResult job = run("{escapes: copy}");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(OnePassDatasets.rowDiff(job).message()).isEqualTo("all 4 rows match by key (id)");
    }

    @Test
    void theDryRunSaysHowBackslashesAreRead() throws Exception {
        assertThat(readings("{null_values: '\\N'}")).contains("-- text values (legacy): backslash escapes read back as "
                + "PostgreSQL's COPY text writes them (\\\\ a backslash, \\t a tab, \\n a line break, a backslash before "
                + "any other character that character) (csv.escapes not set: chosen by \\N in null_values; escapes: "
                + "none reads them as written)");
        assertThat(readings("{null_values: '\\N', escapes: none}"))
                .contains("-- text values (legacy): backslashes read as written (csv.escapes: none)")
                .noneMatch(l -> l.contains("(new)") && l.contains("backslash"));
        assertThat(readings("{header: true}")).noneMatch(l -> l.contains("backslash"));
    }

    @Test
    void anUnknownValueIsAConfigErrorNamingItsPathAndTheChoices() {
        assertThatThrownBy(() -> run("{null_values: '\\N', escapes: hive}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("v.yaml:").hasMessageContaining("jobs[0].datasets[0].legacy.csv.escapes")
                .hasMessageContaining("unknown escapes 'hive'; use copy (PostgreSQL COPY text")
                .hasMessageContaining("or none (Hive and Spark text exports");
    }
}
