package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding whose applicability says a recipe fixes it (safe or unsafe fix) must be fixed by the rewrite that fixes
 * its family, with `--unsafe-fixes`: its own line edited (or its file replaced, as a build output moved into prefect.yaml
 * is), and not merely given a `# TODO(migrate CODE)` line or an edit elsewhere in the file. The scan once said
 * "unsafe fix" for deployments built with a storage block Prefect 3 still has (S3Bucket, LocalFileSystem) and for a
 * build output's SMB storage, where the rewrite only left a TODO; and "safe fix" for Prefect 1 variables no Prefect 3
 * setting succeeds, which the rewrite leaves as they are.
 *
 * <p>Three sets, each a directory of rows named after what they are a sample of, scanned and rewritten as a whole:
 * the Prefect 2 rows with the default rewrite, the Prefect 1 rows with the Prefect 1 composite, the legacy scheduler
 * rows with the dual-run then the cutover phase. Every finding the scan makes there of the set's families is checked,
 * whatever its code, and each row must give the codes listed for it.
 */
class FixClaimsAreEditsTest {
    private static final String PREFECT1 = "dev.migrate.prefect.MigrateToPrefect3FromPrefect1";
    private static final String DUAL_RUN = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3DualRun";
    private static final String CUTOVER = "dev.migrate.prefect.MoveLegacySchedulersToPrefect3Cutover";

    /** Row directory of the Prefect 2 set, and the codes its sample must give. */
    private static final Map<String, List<String>> PREFECT2_ROWS = new LinkedHashMap<>();

    static {
        for (String code : List.of("PF201", "PF202", "PF203", "PF204", "PF205", "PF206", "PF207", "PF208", "PF211",
                "PF212", "PF213", "PF215", "PF219", "PF220", "PF221", "PF224", "PF225", "PF233", "BHV001", "BHV003",
                "BHV009", "BHV010")) {
            PREFECT2_ROWS.put(code.toLowerCase(), List.of(code));
        }
        PREFECT2_ROWS.put("pf204smb", List.of("PF206")); // a build output's storage without a pull step: manual
    }

    private static final Map<String, List<String>> PREFECT1_ROWS = Map.of(
            "flow", List.of("PF102", "PF103", "PF104", "PF105", "PF106", "PF108", "PF109", "PF110", "PF112", "PF113"),
            "config", List.of("PF101", "PF111"),
            // commands the CLI tables only leave a note for (backend, create project, ...) beside translated ones
            "commands", List.of("PF101"),
            // SKIP has no Prefect 3 form (manual), FAIL becomes an exception
            "signals", List.of("PF105"));

    /**
     * Rows whose sample must also give manual findings of these codes: a command the rewrite only leaves a note for is
     * not claimed as fixed (the claims the same row makes of its other lines are checked as every claim is).
     */
    private static final Map<String, List<String>> PREFECT1_MANUAL_ROWS = Map.of("commands", List.of("PF101"));

    private static final Map<String, List<String>> LEGACY_ROWS = Map.of(
            // a crontab entry, a run-parts script, and (manual) a run-parts dispatch and a crontab a script writes
            "cron", List.of("CRN001"),
            "timer", List.of("SYD001"),
            "schedule", List.of("PYS001", "PYS007"),
            "aps", List.of("PYS002"),
            "civis", List.of("CIV001"),
            // (manual) a loop at module level, which the recipe only notes; a loop it moves gets a job id of the
            // recipe's own (named after its service), which this check cannot follow from the scan's
            "loop", List.of("PYS003"));

    /** Legacy rows whose sample must also give manual findings of these codes: a loop the recipe only notes. */
    private static final Map<String, List<String>> LEGACY_MANUAL_ROWS = Map.of("loop", List.of("PYS003"));

    @TempDir
    Path work;

    @Test
    void everyPrefect2FindingThatClaimsAFixHasItsLineEditedByTheRewrite() throws Exception {
        assertClaimsKept("fix-claims", PREFECT2_ROWS, Map.of(), code -> true, false, List.of("--unsafe-fixes"));
    }

    @Test
    void everyPrefect1FindingThatClaimsAFixHasItsLineEditedByThePrefect1Rewrite() throws Exception {
        assertClaimsKept("fix-claims-prefect1", PREFECT1_ROWS, PREFECT1_MANUAL_ROWS, code -> code.matches("PF1\\d\\d"),
                false, List.of("--unsafe-fixes", "--recipe", PREFECT1));
    }

    @Test
    void everyLegacyFindingThatClaimsAFixIsMovedAndSwitchedOffByTheLegacyPhases() throws Exception {
        assertClaimsKept("fix-claims-legacy", LEGACY_ROWS, LEGACY_MANUAL_ROWS, code -> code.matches("(CRN|PYS|SYD|CIV)\\d+"), true,
                List.of("--unsafe-fixes", "--recipe", DUAL_RUN), List.of("--unsafe-fixes", "--recipe", CUTOVER));
    }

    /**
     * Scans a copy of the set, runs {@code rewrites} over it one after the other, and checks each finding of the
     * codes {@code checked} takes that claims a fix. Legacy jobs ({@code legacy}) keep running beside their new
     * deployment until the cutover, which switches them off by editing their line or in the cutover.sh it writes: such a
     * claim is kept when the job has its deployment and is switched off.
     */
    @SafeVarargs
    private void assertClaimsKept(String set, Map<String, List<String>> rows, Map<String, List<String>> manualRows,
            Predicate<String> checked, boolean legacy, List<String>... rewrites) throws Exception {
        Path tree = TreeCopies.copy(Path.of(getClass().getResource(set).toURI()), work.resolve(set));
        Map<String, String> before = texts(tree);
        JsonNode findings = new ObjectMapper().readTree(CliRun.of("scan", tree.toString(), "--format", "json").out())
                .get("findings");
        for (List<String> options : rewrites) {
            List<String> args = new ArrayList<>(List.of("rewrite", tree.toString()));
            args.addAll(options);
            CliRun rewrite = CliRun.of(args.toArray(String[]::new));
            assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();
        }
        Map<String, String> after = texts(tree);

        Map<String, List<String>> codesByRow = new HashMap<>();
        Map<String, List<String>> manualCodesByRow = new HashMap<>();
        List<String> claimsNotKept = new ArrayList<>();
        for (JsonNode f : findings) {
            String path = f.get("location").get("path").asText();
            String code = f.get("code").asText();
            codesByRow.computeIfAbsent(path.substring(0, path.indexOf('/')), k -> new ArrayList<>()).add(code);
            if (f.get("applicability").asText().equals("manual")) {
                manualCodesByRow.computeIfAbsent(path.substring(0, path.indexOf('/')), k -> new ArrayList<>()).add(code);
                continue;
            }
            if (!checked.test(code)) {
                continue;
            }
            int line = f.get("location").path("line").asInt(0);
            String why = legacy ? legacyClaimNotKept(f, path, line, before, after)
                    : claimNotKept(f, path, line, before, after);
            if (why != null) {
                claimsNotKept.add(code + " (" + f.get("applicability").asText() + ") at " + path + ":" + line + ": "
                        + f.get("message").asText() + "\n  " + why);
            }
        }
        rows.forEach((row, codes) -> assertThat(codesByRow.getOrDefault(row, List.of()))
                .as("the sample of row %s of %s", row, set).containsAll(codes));
        manualRows.forEach((row, codes) -> assertThat(manualCodesByRow.getOrDefault(row, List.of()))
                .as("the manual findings of row %s of %s", row, set).containsAll(codes));
        assertThat(claimsNotKept).as("findings of %s that claim a fix the rewrite does not make", set).isEmpty();
    }

    /**
     * Why the rewrite did not make the fix a Prefect finding claims, or null when it did: its file is gone (replaced),
     * its line (the whole file, for a finding without one) changed by more than an added TODO, or the file the message
     * says the settings belong in was written beside it (a Prefect 1 config.toml's prefect.toml).
     */
    private static String claimNotKept(JsonNode f, String path, int line, Map<String, String> before,
            Map<String, String> after) {
        String was = before.get(path);
        String now = after.get(path);
        if (now == null || changedAt(was, now, line)) {
            return null;
        }
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        boolean writtenBeside = after.keySet().stream().filter(p -> !before.containsKey(p) && p.startsWith(dir)
                && p.indexOf('/', dir.length()) < 0).anyMatch(p -> f.get("message").asText()
                        .contains(" " + p.substring(dir.length())));
        if (writtenBeside) {
            return null;
        }
        return now.equals(was) ? "left unchanged" : onlyTodosAdded(was, now) ? "only a TODO added:\n" + now
                : "its line left as it is, other lines edited";
    }

    /**
     * Why the legacy phases did not move a job a legacy finding claims to move, or null when they did: the job has a
     * deployment (it is in the legacy-jobs.yaml the phases write), and its entry is switched off, by an edit of its
     * line, the deletion of its file or a command of the cutover.sh naming the file. A Civis export only records the
     * platform's jobs: the deployment is the whole fix, the platform's schedule is switched off by hand (CIV001).
     */
    private static String legacyClaimNotKept(JsonNode f, String path, int line, Map<String, String> before,
            Map<String, String> after) {
        String job = f.path("jobId").asText("");
        String moved = after.getOrDefault("prefect/legacy-jobs.yaml", "");
        if (job.isEmpty() || !moved.contains("- id: " + job + "\n")) {
            return "job " + job + " has no deployment";
        }
        String now = after.get(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        boolean switchedOff = now == null || changedAt(before.get(path), now, line)
                || after.getOrDefault("prefect/cutover.sh", "").contains(name) || path.endsWith(".json");
        return switchedOff ? null : "its entry is not switched off at cutover";
    }

    /**
     * Whether line {@code line} (1-based) of {@code was} is not in {@code now} as it was, lines aligned by their longest
     * common subsequence, TODO lines added around it not counting; the whole file for line 0.
     */
    static boolean changedAt(String was, String now, int line) {
        if (line <= 0) {
            return !was.equals(now) && !onlyTodosAdded(was, now);
        }
        List<String> a = was.lines().toList();
        List<String> b = new ArrayList<>(now.lines().toList());
        b.removeIf(l -> l.contains("TODO(migrate") && !a.contains(l));
        if (line > a.size()) {
            return true;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                if (i == line - 1) {
                    return false;
                }
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                if (i == line - 1) {
                    return true;
                }
                i++;
            } else {
                j++;
            }
        }
        return true;
    }

    /** Whether the only change from {@code before} to {@code after} is lines added that hold a migrate TODO. */
    static boolean onlyTodosAdded(String before, String after) {
        List<String> rest = new ArrayList<>(after.lines().toList());
        rest.removeIf(l -> l.contains("TODO(migrate"));
        return rest.equals(before.lines().toList());
    }

    @Test
    void aTodoAloneIsToldFromAnEdit() {
        assertThat(onlyTodosAdded("a\nb\n", "a\n# TODO(migrate PF206): x\nb\n")).isTrue();
        assertThat(onlyTodosAdded("a\nb\n", "a\n# TODO(migrate PF206): x\nc\n")).isFalse();
        assertThat(onlyTodosAdded("a\nb\n", "a\nb\n")).isTrue();
    }

    @Test
    void aLineIsChangedOnlyWhenItselfIsEdited() {
        String was = "import a\nx = 1\ny = 2\n";
        assertThat(changedAt(was, "import a\nimport b\nx = 1\ny = 3\n", 2)).isFalse(); // moved down, not edited
        assertThat(changedAt(was, "import a\nimport b\nx = 1\ny = 3\n", 3)).isTrue();
        assertThat(changedAt(was, "import a\n# TODO(migrate PF105): x\nx = 1\ny = 2\n", 2)).isFalse();
        assertThat(changedAt(was, "import a\ny = 2\n", 2)).isTrue(); // deleted
        assertThat(changedAt(was, was, 0)).isFalse();
        assertThat(changedAt(was, "import a\nx = 1\n", 0)).isTrue();
    }

    private static Map<String, String> texts(Path tree) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(tree.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
