package dev.migrate.analyzers.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Applicability;
import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Severity;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.ScanListener;
import dev.migrate.analyzers.scan.ScanOptions;
import dev.migrate.analyzers.scan.ScanStats;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A finding's baseline entry survives moved lines, CRLF and a moved root, and never names another finding. */
class FingerprintsTest {
    private static final String CRONTAB = """
            SHELL=/bin/sh
            0 2 * * * etl /opt/etl/nightly.sh
            30 3 * * * etl /opt/etl/export.sh --full
            """;

    @TempDir
    Path tmp;

    private static Inventory scan(Path root) throws IOException {
        return Scanner.standard(ScanOptions.defaults()).scan(root, root.toString(), ScanListener.NONE);
    }

    private static List<BaselineEntry> entries(Inventory inv, Path root) {
        return Fingerprints.of(inv, root, ScanOptions.DEFAULT_MAX_FILE_BYTES);
    }

    private Path estate(String name, String crontab) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("etc/cron.d"));
        Files.writeString(root.resolve("etc/cron.d/etl"), crontab);
        return root;
    }

    private static List<Integer> lines(Inventory inv) {
        return inv.findings().stream().map(f -> f.where().line()).toList();
    }

    @Test
    void linesInsertedAboveMoveTheFindingsButNotTheirEntries() throws IOException {
        Path before = estate("before", CRONTAB);
        Path after = estate("after", "# nightly jobs of the warehouse\n#\n\n" + CRONTAB);
        Inventory a = scan(before);
        Inventory b = scan(after);
        assertThat(lines(a)).isEqualTo(List.of(2, 3));
        assertThat(lines(b)).as("the findings did move").isEqualTo(List.of(5, 6));
        assertThat(entries(b, after)).isEqualTo(entries(a, before)).hasSize(2);
        assertThat(entries(a, before)).extracting(BaselineEntry::text)
                .containsExactly("0 2 * * * etl /opt/etl/nightly.sh", "30 3 * * * etl /opt/etl/export.sh --full");
    }

    @Test
    void crlfLineEndingsAndReindentingReadTheSame() throws IOException {
        Path unix = estate("unix", CRONTAB);
        Path dos = estate("dos", CRONTAB.replace("* etl", "*\t etl").replace("\n", "\r\n"));
        assertThat(Files.readString(dos.resolve("etc/cron.d/etl"))).contains("\r\n", "\t");
        assertThat(entries(scan(dos), dos)).isEqualTo(entries(scan(unix), unix));
    }

    @Test
    void theSameTreeElsewhereOrNamedAnotherWayGivesTheSameEntries() throws IOException {
        Path here = estate("here", CRONTAB);
        Path there = estate("moved/deeper/there", CRONTAB);
        List<BaselineEntry> expected = entries(scan(here), here);
        assertThat(entries(scan(there), there)).isEqualTo(expected);
        // another PATH argument for the same directory: through a sibling and back, and relative to the working dir
        Path roundabout = tmp.resolve("moved/deeper/../deeper/there");
        assertThat(entries(scan(roundabout), roundabout)).isEqualTo(expected);
        Path relative = Path.of("").toAbsolutePath().relativize(here);
        assertThat(entries(scan(relative), relative)).isEqualTo(expected);
    }

    @Test
    void anotherFindingOfTheSameCodeInTheSameFileIsNew() throws IOException {
        Path v1 = estate("v1", CRONTAB);
        Inventory first = scan(v1);
        Set<BaselineEntry> recorded = Set.copyOf(entries(first, v1));
        Path v2 = estate("v2", CRONTAB + "15 4 * * * etl /opt/etl/cleanup.sh\n");
        Inventory second = scan(v2);
        BaselineState state = BaselineState.compare(second, entries(second, v2), recorded, Set.of("CRN001"));
        assertThat(second.findings()).extracting(Finding::code).containsOnly("CRN001").hasSize(3);
        assertThat(second.findings()).extracting(state::stateOf).containsExactly("unchanged", "unchanged", "new");
        assertThat(state.absent()).isEmpty();
        // and an edited line is another finding: the old entry is absent, the edited one new
        Path v3 = estate("v3", CRONTAB.replace("nightly.sh", "nightly-v2.sh"));
        Inventory third = scan(v3);
        BaselineState edited = BaselineState.compare(third, entries(third, v3), recorded, Set.of("CRN001"));
        assertThat(third.findings()).extracting(edited::stateOf).containsExactly("new", "unchanged");
        assertThat(edited.absent()).extracting(BaselineEntry::text).containsExactly("0 2 * * * etl /opt/etl/nightly.sh");
        // entries of codes the scan did not report (--select) are not absent: nothing was looked for
        assertThat(BaselineState.compare(third, entries(third, v3), recorded, Set.of("PF201")).absent()).isEmpty();
    }

    @Test
    void identicalFindingsOfOneJobAreCountedByOccurrence() throws IOException {
        Path root = tmp.resolve("dup");
        Files.createDirectories(root);
        Files.writeString(root.resolve("flow.py"), "x = 1\nfrom prefect import Flow\ny = 2\nfrom prefect import Flow\n");
        Finding one = finding(2);
        Finding two = finding(4);
        Inventory inv = inventory(root, one, two);
        List<BaselineEntry> e = entries(inv, root);
        assertThat(e).extracting(BaselineEntry::occurrence).containsExactly(1, 2);
        assertThat(e).extracting(BaselineEntry::text).containsOnly("from prefect import Flow");
        // a baseline that knew one of them: the first is unchanged, the second new
        BaselineState state = BaselineState.compare(inv, e, Set.of(e.get(0)), Set.of("PF102"));
        assertThat(state.stateOf(inv.findings().get(0))).isEqualTo("unchanged");
        assertThat(state.stateOf(inv.findings().get(1))).isEqualTo("new");
        assertThat(inv.newFindings()).as("without a baseline every finding is new").hasSize(2);
        assertThat(inv.withBaseline(state).newFindings()).hasSize(1);
    }

    @Test
    void aPasswordOnTheLineNeverReachesTheBaseline() throws IOException {
        Path root = estate("secret", "30 3 * * * etl PGPASSWORD=hunter2 pg_dump postgresql://etl:s3cr3t-pw@db/w > /b/w.sql\n");
        Inventory inv = scan(root);
        List<BaselineEntry> e = entries(inv, root);
        assertThat(e).hasSize(1);
        String file = BaselineFile.write(e);
        assertThat(file).doesNotContain("hunter2").doesNotContain("s3cr3t-pw")
                .contains("PGPASSWORD=*** pg_dump postgresql://etl:***@db/w");
        // and the redacted entry still matches the next scan
        assertThat(BaselineState.compare(inv, e, BaselineFile.read("b.json", file), Set.of("CRN001")).baselined())
                .hasSize(1);
    }

    @Test
    void longLinesKeepTheirStartAndAHashOfTheWhole() {
        String head = "x".repeat(Fingerprints.MAX_TEXT + 20);
        String a = Fingerprints.normalise(head + " tail one");
        String b = Fingerprints.normalise(head + " tail two");
        assertThat(a).startsWith("x".repeat(Fingerprints.MAX_TEXT) + "... #").isNotEqualTo(b);
        assertThat(a.length()).isLessThan(Fingerprints.MAX_TEXT + 20);
        assertThat(Fingerprints.normalise("  a \t b  ")).isEqualTo("a b");
    }

    private static Finding finding(int line) {
        return new Finding("PF102", Severity.BREAKING, Applicability.MANUAL, "Flow at line " + line,
                SourceRef.at("flow.py", line, 1), "prefect1-etl-0a1b2c3d");
    }

    private static Inventory inventory(Path root, Finding... findings) {
        return new Inventory(root.toString(), List.of(), List.of(findings), List.of(), new ScanStats(1, 1, 0));
    }
}
