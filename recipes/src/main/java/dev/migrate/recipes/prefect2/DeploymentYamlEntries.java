package dev.migrate.recipes.prefect2;

import dev.migrate.recipes.MigrationNotes;
import dev.migrate.recipes.internal.TextPositions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openrewrite.ExecutionContext;

/**
 * Deployments converted to {@code prefect.yaml} entries: their text, and the notes on each, which are written
 * once the entries' place in the file is known, so that each note names the line of the key it is about.
 */
final class DeploymentYamlEntries {
    private final String text;
    private final List<List<DeploymentYamlEntry.Note>> notesByEntry;

    private DeploymentYamlEntries(String text, List<List<DeploymentYamlEntry.Note>> notesByEntry) {
        this.text = text;
        this.notesByEntry = notesByEntry;
    }

    /**
     * The entries of {@code deployments} (2.x deployment documents), each line indented by {@code indent}; a stand-in
     * for 2.x's agent pool is chosen only with {@code unsafeFixes} (see {@link DeploymentYamlEntry#convert}).
     */
    static DeploymentYamlEntries of(List<Map<String, Object>> deployments, String indent, boolean unsafeFixes) {
        List<Map<String, Object>> converted = new ArrayList<>();
        List<List<DeploymentYamlEntry.Note>> notesByEntry = new ArrayList<>();
        for (Map<String, Object> d : deployments) {
            DeploymentYamlEntry.Converted c = DeploymentYamlEntry.convert(d, unsafeFixes);
            converted.add(c.entry());
            notesByEntry.add(c.notes());
        }
        return new DeploymentYamlEntries(DeploymentYamlEntry.dump(converted, indent), notesByEntry);
    }

    String text() {
        return text;
    }

    /**
     * Writes the notes as rows of {@code table}, the entries' text standing at offset {@code at} of {@code file}
     * (the new text of {@code target}); a negative offset (not found) gives line 0.
     */
    void report(MigrationNotes table, String recipe, Path target, String file, int at, ExecutionContext ctx) {
        int firstLine = at < 0 ? 0 : TextPositions.lineOf(file, at);
        for (int i = 0; i < notesByEntry.size(); i++) {
            for (DeploymentYamlEntry.Note n : notesByEntry.get(i)) {
                int line = at < 0 ? 0 : firstLine + DeploymentYamlEntry.lineOf(text, i, n.at());
                table.insertRow(ctx, new MigrationNotes.Row(target.toString(), line, recipe, n.manual(), n.message()));
            }
        }
    }
}
