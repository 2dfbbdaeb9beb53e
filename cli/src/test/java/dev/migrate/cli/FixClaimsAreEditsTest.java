package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding whose applicability says a recipe fixes it (safe or unsafe fix) must be fixed by `migrate rewrite
 * --unsafe-fixes`: its file edited (or replaced, as a build output moved into prefect.yaml is), and not merely given a
 * `# TODO(migrate CODE)` line. The scan once said "unsafe fix" for deployments built with a storage block Prefect 3
 * still has (S3Bucket, LocalFileSystem) and for a build output's SMB storage, where the rewrite only left a TODO.
 *
 * <p>The table: one directory of {@code fix-claims/} per row, named after the code it is a sample of; every finding
 * the scan makes there is checked, whatever its code.
 */
class FixClaimsAreEditsTest {
    /** Row directory, and the code its sample must give. */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        for (String code : List.of("PF201", "PF202", "PF203", "PF204", "PF205", "PF206", "PF207", "PF208", "PF211",
                "PF212", "PF213", "PF219", "PF220", "PF221", "PF224", "PF225", "PF233", "BHV001", "BHV003", "BHV009",
                "BHV010")) {
            ROWS.put(code.toLowerCase(), code);
        }
        ROWS.put("pf204smb", "PF206"); // a build output's storage without a pull step: manual
    }

    @TempDir
    Path work;

    @Test
    void everyFindingThatClaimsAFixIsEditedByTheRewrite() throws Exception {
        Path tree = copyOfRows();
        Map<String, String> before = texts(tree);
        JsonNode findings = new ObjectMapper().readTree(CliRun.of("scan", tree.toString(), "--format", "json").out())
                .get("findings");
        CliRun rewrite = CliRun.of("rewrite", tree.toString(), "--unsafe-fixes");
        assertThat(rewrite.exitCode()).as(rewrite.err()).isZero();

        Map<String, List<String>> codesByRow = new HashMap<>();
        List<String> claimsNotKept = new ArrayList<>();
        for (JsonNode f : findings) {
            String path = f.get("location").get("path").asText();
            String code = f.get("code").asText();
            codesByRow.computeIfAbsent(path.substring(0, path.indexOf('/')), k -> new ArrayList<>()).add(code);
            if (f.get("applicability").asText().equals("manual")) {
                continue;
            }
            Path file = tree.resolve(path);
            String after = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : null;
            String was = before.get(path);
            if (after != null && (after.equals(was) || onlyTodosAdded(was, after))) {
                claimsNotKept.add(code + " (" + f.get("applicability").asText() + ") at " + path + ":"
                        + f.get("location").get("line").asText() + ": " + f.get("message").asText()
                        + (after.equals(was) ? "\n  left unchanged" : "\n  only a TODO added:\n" + after));
            }
        }
        ROWS.forEach((row, code) -> assertThat(codesByRow.getOrDefault(row, List.of()))
                .as("the sample of row %s gives %s", row, code).contains(code));
        assertThat(claimsNotKept).as("findings that claim a fix the rewrite does not make").isEmpty();
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

    private Path copyOfRows() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("fix-claims").toURI());
        Path target = work.resolve("rows");
        return TreeCopies.copy(source, target);
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
