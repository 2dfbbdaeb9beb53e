package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user types, and types wrong. The evidence store: the commands that only read evidence never create a store
 * and say when the one named is not there (an empty one made on the spot turned a typo into a silent "no validation
 * recorded"), a path where a URL belongs is answered with the URL to write, and a gate recorded twice or early is said.
 * A malformed validate config, job names in other scripts, a monitor window of nothing.
 */
class CutoverUserInputTest {
    static final Path ESTATE = CutoverK2PlatformTest.ROOT.resolve("samples/legacy-host");

    @TempDir
    Path tmp;

    @Test
    void aStoreNamedButMissingIsSaidByTheReadingCommandsAndNotCreated() {
        Path missing = tmp.resolve("typo/evidence.db");
        for (String sub : new String[] {"status", "plan", "rollback"}) {
            CliRun run = CliRun.of("cutover", sub, ESTATE.toString(), "--job", "nightly-load", "--store", "jdbc:sqlite:" + missing);
            assertThat(run.exitCode()).as(sub + ": " + run.err()).isZero();
            assertThat(run.err()).contains("note: --store jdbc:sqlite:" + missing + ": no evidence store at " + missing
                    + " yet, so nothing is recorded").contains("migrate validate");
        }
        assertThat(missing).doesNotExist();
        assertThat(missing.getParent()).as("before: created, with an empty store in it").doesNotExist();
    }

    @Test
    void aPathWhereTheUrlBelongsIsAnsweredWithTheUrlToWrite() {
        CliRun run = CliRun.of("cutover", "status", ESTATE.toString(), "--store", tmp.resolve("evidence.db").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a JDBC URL; for a SQLite file write --store jdbc:sqlite:" + tmp.resolve("evidence.db"));
        CliRun secret = CliRun.of("cutover", "status", ESTATE.toString(), "--store", "postgresql://etl:S3cr3t-pw@db/evidence");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("not a JDBC URL").doesNotContain("S3cr3t-pw");
    }

    @Test
    void recordCreatesTheStoreAndSaysWhenAGateWasRecordedBefore() throws Exception {
        Path store = tmp.resolve("new/evidence.db");
        String url = "jdbc:sqlite:" + store;
        CliRun first = CliRun.of("cutover", "record", "nightly-load", "runbooks-updated", "--by", "alice", "--note", "PR #42",
                "--path", ESTATE.toString(), "--store", url);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files.exists(store)).as("record writes, so it makes the store as validate does").isTrue();
        assertThat(first.err()).doesNotContain("already recorded");
        CliRun again = CliRun.of("cutover", "record", "nightly-load", "runbooks-updated", "--by", "bob",
                "--path", ESTATE.toString(), "--store", url);
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("note: runbooks-updated for nightly-load was already recorded by alice at ")
                .contains("this record is kept too and, as the newest, is the one that counts");
        CliRun status = CliRun.of("cutover", "status", ESTATE.toString(), "--job", "nightly-load", "--store", url);
        assertThat(status.exitCode()).as(status.err()).isZero();
    }

    @Test
    void disablingAJobBeforeParityIsProvenIsSaid(@TempDir Path copy) throws Exception {
        Path estate = CutoverK2PlatformTest.copy(ESTATE, copy.resolve("host"));
        CliRun dry = CliRun.of("cutover", "disable", estate.toString(), "--job", "nightly-load", "--store",
                "jdbc:sqlite:" + tmp.resolve("e.db"));
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        // before: exit 0 and silence, although nothing would run the job once its line is commented out
        assertThat(dry.err()).contains("note: nightly-load is at 'scanned', short of parity-proven: once disabled, nothing "
                + "runs it until its Prefect 3 deployment runs at the legacy times")
                .contains("migrate cutover status " + estate + " --job nightly-load");
    }

    @Test
    void aMalformedValidateConfigIsNamedWithItsLineAndColumn() throws Exception {
        Path config = Files.writeString(tmp.resolve("validate.yaml"), "version: 1\njobs:\n  - name: a\n    outputs: [x\n");
        CliRun run = CliRun.of("cutover", "status", ESTATE.toString(), "--validate-config", config.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        // before: "validate.yaml: not valid YAML (while parsing a flow sequence)", with no place to look
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(config.toString()) + ":\\d+:\\d+: not valid YAML \\(")
                .contains("fix it or pass another --validate-config").doesNotContain("Exception");
    }

    @Test
    void aJobNamedWithSpacesOrInAnotherScriptIsFoundByItsName() throws Exception {
        Path config = Files.writeString(tmp.resolve("validate.yaml"),
                "version: 1\njobs:\n  - name: 日次ロード\n  - name: Ladung ü\n  - name: Ladung ö\n");
        CliRun run = CliRun.of("cutover", "status", ESTATE.toString(), "--validate-config", config.toString(),
                "--job", "日次ロード", "--job", "Ladung ü", "--job", "ladung-o");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // before: the first had the empty key, the other two were one job "ladung"
        assertThat(run.out()).contains("\n日次ロード (rewritten)\n").contains("\nladung-u (rewritten)\n")
                .contains("\nladung-o (rewritten)\n");
    }

    @Test
    void statusColumnsLineUpUnderJapaneseAndChineseNames() throws Exception {
        Path config = Files.writeString(tmp.resolve("validate.yaml"),
                "version: 1\njobs:\n  - name: 日次ロード\n  - name: 每日加载报表\n  - name: nightly-load\n");
        CliRun run = CliRun.of("cutover", "status", ESTATE.toString(), "--validate-config", config.toString(),
                "--job", "日次ロード", "--job", "每日加载报表", "--job", "nightly-load");
        assertThat(run.exitCode()).as(run.err()).isZero();
        java.util.List<String> table = run.out().lines().takeWhile(l -> !l.isEmpty()).toList();
        assertThat(table).hasSize(4);
        // before: padded by String.length(), so STATE began 5 and 6 columns further right on the CJK rows
        java.util.Set<Integer> stateColumns = new java.util.HashSet<>();
        for (String row : table) {
            int cut = row.indexOf("  ", row.startsWith("JOB") ? 0 : 1);
            String name = row.substring(0, cut);
            String rest = row.substring(cut).stripLeading();
            stateColumns.add(TerminalText.width(row.substring(0, row.length() - rest.length())));
            assertThat(name.strip()).isNotEmpty();
        }
        assertThat(stateColumns).as(String.join("\n", table)).containsExactly(TerminalText.width("每日加载报表") + 2);
    }

    @Test
    void aGateRecordedEarlyIsTickedWithWhyItDoesNotCountYet() {
        String url = "jdbc:sqlite:" + tmp.resolve("early.db");
        CliRun record = CliRun.of("cutover", "record", "nightly-load", "cut-over", "--by", "alice", "--path", ESTATE.toString(),
                "--store", url);
        assertThat(record.exitCode()).as(record.err()).isZero();
        CliRun status = CliRun.of("cutover", "status", ESTATE.toString(), "--job", "nightly-load", "--store", url);
        // before: "[x] cut-over" under a job at 'scanned', with nothing to say the tick does not count yet
        assertThat(status.out()).contains("nightly-load (scanned)")
                .containsPattern("\\[x\\] cut-over +cut-over recorded by alice at \\S+ \\(counts once the gates before it hold\\)")
                .containsPattern("\\[x\\] scanned +cron job [^\\n(]+\\n");
    }

    @Test
    void aMonitorWindowOfNothingIsRefused() {
        CliRun run = CliRun.of("cutover", "plan", ESTATE.toString(), "--job", "nightly-load", "--monitor", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--monitor 0: the window must be longer than zero, e.g. 24h");
    }
}
