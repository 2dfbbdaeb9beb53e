package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-picked valid and invalid snippets (resource {@code python/snippets.txt}) checked against the
 * machine's CPython: we report an error exactly when {@code ast.parse} does, and positions agree.
 * Complements the corpus test, which has almost no invalid files.
 */
class CPythonSnippetAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void errorsAndPositionsAgreeOnSnippets() throws Exception {
        assumeTrue(PythonCorpus.python3().isPresent(), "python3 not found: skipping the snippet oracle test");
        List<String> snippets = snippets();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Path f = tmp.resolve("s" + i + ".py");
            Files.writeString(f, snippets.get(i));
            files.add(f);
        }
        Path helper = CPythonOracle.helperScript(tmp);
        Process proc = new ProcessBuilder("python3", helper.toString()).redirectErrorStream(false).start();
        StringBuilder list = new StringBuilder();
        files.forEach(f -> list.append(f).append('\n'));
        proc.getOutputStream().write(list.toString().getBytes(StandardCharsets.UTF_8));
        proc.getOutputStream().close();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        proc.waitFor();
        List<String> disagreements = new ArrayList<>();
        int invalid = 0;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode rec = JSON.readTree(line);
            int i = rec.get("i").asInt();
            PythonFile ours = PythonParser.parse(files.get(i), Files.readAllBytes(files.get(i)));
            String snippet = snippets.get(i).replace("\n", "\\n");
            if (!rec.get("ok").asBoolean()) {
                invalid++;
            }
            String problem = CPythonOracle.disagreement(ours, rec);
            if (problem != null) {
                disagreements.add(problem + ": " + snippet);
            }
        }
        disagreements.forEach(System.out::println);
        assertThat(invalid).as("the snippet list exercises rejections").isGreaterThan(30);
        assertThat(disagreements).isEmpty();
    }

    private List<String> snippets() throws Exception {
        String all;
        try (InputStream in = getClass().getResourceAsStream("/python/snippets.txt")) {
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean header = true;
        for (String line : all.split("\n", -1)) {
            if (line.equals("#---")) {
                if (!header) {
                    out.add(current.toString());
                }
                header = false;
                current.setLength(0);
            } else if (!header || !line.startsWith("#")) {
                current.append(line).append('\n');
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
