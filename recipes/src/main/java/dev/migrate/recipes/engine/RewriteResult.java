package dev.migrate.recipes.engine;

import dev.migrate.recipes.MigrationNotes;
import java.util.List;

/**
 * What a rewrite run found and would change. Nothing is written until {@link dev.migrate.rewriters.io.AtomicFiles} writes it.
 *
 * @param refused  files whose result would not parse again, which are never written
 * @param failures recipe failures (bugs in migrate); the files they concern are left unchanged
 */
public record RewriteResult(List<FileChange> changes, List<MigrationNotes.Row> notes, List<Refused> refused,
                            List<ProjectFiles.Skipped> skipped, int filesRead, List<String> failures) {
    public record Refused(String path, String reason) {
    }

    public RewriteResult {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        refused = List.copyOf(refused);
        skipped = List.copyOf(skipped);
        failures = List.copyOf(failures);
    }

    public long manualItems() {
        return notes.stream().filter(MigrationNotes.Row::manual).count();
    }

    /** All diffs, concatenated: the content of a patch file. */
    public String patch() {
        StringBuilder sb = new StringBuilder();
        for (FileChange c : changes) {
            sb.append(c.diff());
            if (!c.diff().endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
