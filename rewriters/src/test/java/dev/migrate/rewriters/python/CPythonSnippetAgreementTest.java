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
import java.util.Collections;
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
        Path helper = tmp.resolve("cpython_positions.py");
        try (InputStream in = getClass().getResourceAsStream("/python/cpython_positions.py")) {
            Files.copy(in, helper);
        }
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
                if (!ours.hasSyntaxErrors()) {
                    disagreements.add("CPython rejects (" + rec.get("error").asText() + ") but we accept: " + snippet);
                }
                continue;
            }
            if (ours.hasSyntaxErrors()) {
                disagreements.add("CPython accepts but we report " + ours.diagnostics().get(0).format("") + ": " + snippet);
                continue;
            }
            List<String> theirs = new ArrayList<>();
            for (JsonNode n : rec.get("nodes")) {
                theirs.add(n.get(0).asText() + " " + n.get(1).asInt() + " " + n.get(2).asInt() + " "
                        + n.get(3).asInt() + " " + n.get(4).asInt());
            }
            List<String> mine = AstPositions.of(ours);
            Collections.sort(theirs);
            Collections.sort(mine);
            if (!theirs.equals(mine)) {
                disagreements.add("positions differ for " + snippet + "\n  CPython: " + theirs + "\n  ours:    " + mine);
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
