package dev.migrate.validators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.validators.config.ConfigLoader;
import dev.migrate.validators.engine.EngineSettings;
import dev.migrate.validators.result.Check;
import dev.migrate.validators.result.CheckResult;
import dev.migrate.validators.result.JobResult;
import dev.migrate.validators.result.Status;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV exports in windows-1252 (Excel's and many Windows tools' "ANSI"), whose euro sign and typographic quotes
 * latin-1 does not have, and UTF-8 with a byte order mark; bytes an encoding does not define are bad input at
 * file:line:col, naming the key that sets the encoding.
 */
class CsvEncodingTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path tmp;

    private JobResult run(byte[] legacy, byte[] current, String legacyCsv, String newCsv) throws Exception {
        Files.createDirectories(tmp.resolve("old"));
        Files.createDirectories(tmp.resolve("new"));
        Files.write(tmp.resolve("old/t.csv"), legacy);
        Files.write(tmp.resolve("new/t.csv"), current);
        Path cfg = OnePassDatasets.directoryPairConfig(tmp, "name: t, files: \"t.csv\", key: id, legacy: {csv: %s}, new: {csv: %s}"
                .formatted(legacyCsv, newCsv));
        return new Validator(new EngineSettings(1, "256MB", null, 10)).run(ConfigLoader.load(cfg), RunOverrides.NONE)
                .jobs().get(0);
    }

    private static List<Path> copiesLeft() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("migrate-validate-utf8-")).toList();
        }
    }

    /**
     * Copies in the shared temporary directory that were not there {@code before}. Another JVM on the machine (a
     * parallel build) may hold a copy of its own for a moment, so one seen here must outlive a short wait to count;
     * a copy this test left behind never goes.
     */
    private static List<Path> newCopiesLeft(List<Path> before) throws Exception {
        List<Path> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = copiesLeft().stream().filter(p -> !before.contains(p)).toList();
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(100);
        }
        return left;
    }

    @Test
    void aWindows1252ExportComparesWithItsUtf8Rewrite() throws Exception {
        List<Path> before = copiesLeft();
        String text = "id;name;Preis €\n1;Café „Zur Post“;5 €\n2;Müller – Bau;7\n";
        byte[] utf8 = text.replace(';', ',').getBytes(StandardCharsets.UTF_8);
        JobResult same = run(text.getBytes(CP1252), utf8, "{encoding: windows-1252, delimiter: \";\"}", "{}");
        assertThat(same.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();

        byte[] changed = text.replace(';', ',').replace("5 €", "5 EUR").getBytes(StandardCharsets.UTF_8);
        JobResult differs = run(text.getBytes(CP1252), changed, "{encoding: cp1252, delimiter: \";\"}", "{}");
        CheckResult diff = differs.checks().stream().filter(c -> c.check() == Check.ROW_DIFF).findFirst().orElseThrow();
        assertThat(diff.samples()).singleElement().satisfies(r -> {
            assertThat(r.legacy()).containsEntry("Preis €", "5 €");
            assertThat(r.current()).containsEntry("Preis €", "5 EUR");
        });
        assertThat(newCopiesLeft(before)).as("the UTF-8 copies are deleted").isEmpty();
    }

    @Test
    void theDryRunPlansTheCopiesAndShowsTheOriginalFiles() throws Exception {
        run("id,v\n1,€\n".getBytes(CP1252), "id,v\n1,€\n".getBytes(StandardCharsets.UTF_8), "{encoding: windows-1252}",
                "{}");
        List<PlannedStatement> plan = new Validator(new EngineSettings(1, "256MB", null, 10))
                .dryRun(ConfigLoader.load(tmp.resolve("v.yaml")), RunOverrides.NONE);
        assertThat(plan.get(0).statement().purpose()).startsWith("copy the windows-1252 files as UTF-8");
        assertThat(plan).extracting(p -> p.statement().sql() + p.statement().params())
                .noneMatch(t -> t.contains("migrate-validate-utf8-"))
                .anyMatch(t -> t.contains(tmp.resolve("old/t.csv").toString()));
    }

    @Test
    void aByteWindows1252DoesNotDefineIsNamedAtItsLineAndColumnInTheOriginalFile() {
        byte[] legacy = "id,v\n1,a\n2,ab\u0081c\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> run(legacy, "id,v\n1,a\n".getBytes(StandardCharsets.UTF_8), "{encoding: windows-1252}",
                "{}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("old/t.csv") + ":3:5: byte 0x81 is not windows-1252")
                .hasMessageContaining("set csv.encoding")
                .hasMessageEndingWith("(jobs[0].datasets[0], dataset 't')");
    }

    @Test
    void messagesAboutACopyNameTheOriginalFile() {
        byte[] legacy = "id,v\n1,€\n1,b\n".getBytes(CP1252);
        assertThatThrownBy(() -> run(legacy, "id,v\n1,€\n".getBytes(StandardCharsets.UTF_8), "{encoding: windows-1252}",
                "{}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("duplicate key in the legacy output")
                .hasMessageNotContaining("migrate-validate-utf8-");
    }

    /**
     * Excel's "Unicode text" and PowerShell write UTF-16 with a byte order mark: the message names it, not an 8-bit
     * encoding, and the encoding it names reads the file.
     */
    @Test
    void aUtf16FileReadAsUtf8IsNamedByItsByteOrderMarkAndItsEncodingReadsIt() throws Exception {
        byte[] legacy = "\uFEFFid,v\n1,café\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] current = "id,v\n1,café\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> run(legacy, current, "{}", "{}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("old/t.csv") + ":1:1: the file starts with a UTF-16 byte order mark "
                        + "(0xFFFE): it is UTF-16, not UTF-8; set csv.encoding: utf-16")
                .hasMessageNotContaining("windows-1252");
        JobResult read = run(legacy, current, "{encoding: utf-16}", "{}");
        assertThat(read.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
        assertThat(read.checks()).filteredOn(c -> c.check() == Check.ROW_DIFF).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(Status.PASS));
    }

    @Test
    void latin1BytesInAUtf8FileAreNamedAtLineAndColumnWithTheEncodingKey() {
        byte[] legacy = "id,v\n1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> run(legacy, "id,v\n1,café\n".getBytes(StandardCharsets.UTF_8), "{}", "{}"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(tmp.resolve("old/t.csv") + ":2:6: byte 0xE9 is not UTF-8")
                .hasMessageContaining("set csv.encoding (windows-1252, latin-1, utf-16)");
    }

    @Test
    void utf8WithAByteOrderMarkUnderPythonsName() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,v\n1,café\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        JobResult job = run(withBom, body, "{encoding: utf-8-sig}", "{encoding: utf8}");
        assertThat(job.checks()).filteredOn(c -> c.status() == Status.FAIL).isEmpty();
    }
}
