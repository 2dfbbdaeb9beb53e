package dev.migrate.rewriters.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** CPython's side of the agreement tests: the helper script, and comparing its JSON with our tree. */
final class CPythonOracle {
    private CPythonOracle() {
    }

    /** Copies {@code cpython_positions.py} into {@code dir} and returns its path. */
    static Path helperScript(Path dir) throws IOException {
        Path helper = dir.resolve("cpython_positions.py");
        try (InputStream in = CPythonOracle.class.getResourceAsStream("/python/cpython_positions.py")) {
            Files.copy(in, helper);
        }
        return helper;
    }

    /** Null when we agree with CPython's record for this file, else what differs. */
    static String disagreement(PythonFile ours, JsonNode rec) {
        if (!rec.get("ok").asBoolean()) {
            return ours.hasSyntaxErrors() ? null
                    : "CPython rejects it (" + rec.get("error").asText() + ") but we report no error";
        }
        if (ours.hasSyntaxErrors()) {
            return "CPython accepts it but we report " + ours.diagnostics().get(0).format("");
        }
        List<String> theirs = new ArrayList<>();
        for (JsonNode n : rec.get("nodes")) {
            theirs.add(n.get(0).asText() + " " + n.get(1).asInt() + " " + n.get(2).asInt() + " " + n.get(3).asInt()
                    + " " + n.get(4).asInt());
        }
        List<String> mine = AstPositions.of(ours);
        Collections.sort(theirs);
        Collections.sort(mine);
        if (theirs.equals(mine)) {
            return null;
        }
        List<String> missing = new ArrayList<>(theirs);
        mine.forEach(missing::remove);
        List<String> extra = new ArrayList<>(mine);
        theirs.forEach(extra::remove);
        return "position mismatch; CPython only: " + missing.stream().limit(5).toList() + " ours only: "
                + extra.stream().limit(5).toList();
    }
}
