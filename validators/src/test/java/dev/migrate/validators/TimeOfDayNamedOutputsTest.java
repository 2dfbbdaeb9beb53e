package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs stamping files with strftime's {@code %Y%m%d_%H%M} write {@code sales_20240510_0200.csv} (legacy, 02:00) and
 * {@code sales_20240510_0231.csv} (new, 02:31): builtin leaves the four digits, which may count parts, so the path
 * check says how to strip them, and with {@code date-hhmm} the runs pair and the stamps date them to the minute.
 */
class TimeOfDayNamedOutputsTest {
    @TempDir
    Path tmp;

    private JobResult run(String legacyName, String newName, String pathRules) throws Exception {
        String rows = "SELECT range AS id, range * 1.5 AS amt FROM range(50)";
        OnePassDatasets.write(tmp, "legacy", "exports/" + legacyName, "csv", rows);
        OnePassDatasets.write(tmp, "new", "exports/" + newName, "csv", rows);
        return OnePassDatasets.runConfig(Files.writeString(tmp.resolve("v.yaml"), OnePassDatasets.TWO_DIRECTORIES
                + "      - {name: sales, files: \"exports/sales_*.csv\", key: id}\n" + pathRules));
    }

    @Test
    void theUnpairedOutputsSayHowToStripTheTimeOfDayAndThenPair() throws Exception {
        JobResult bare = run("sales_20240510_0200.csv", "sales_20240510_0231.csv", "");
        assertThat(bare.checks()).filteredOn(c -> c.check() == Check.PATHS && c.status() == Status.FAIL).hasSize(2)
                .allSatisfy(c -> assertThat(c.message()).contains("only in the four digits after the date")
                        .contains("timestamps: [date-hhmm, builtin]"));

        // listed after builtin, it still goes first: builtin would take the date alone
        JobResult stripped = run("sales_20240510_0200.csv", "sales_20240510_0231.csv",
                "    path_rules: {timestamps: [builtin, date-hhmm]}\n");
        assertThat(stripped.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(stripped.legacyRun()).contains("2024-05-10T02:00:00Z");
        assertThat(stripped.newRun()).contains("2024-05-10T02:31:00Z");
    }

    @Test
    void withoutDateHhmmDifferentDigitsAfterTheDateStayDifferentOutputs() throws Exception {
        // 0001 against 0002 may be parts: a part missing on one side is what the check must report
        JobResult parts = run("sales_20240510_0001.csv", "sales_20240510_0002.csv", "");
        assertThat(parts.checks()).filteredOn(c -> c.check() == Check.PATHS && c.status() == Status.FAIL).hasSize(2);
    }
}
