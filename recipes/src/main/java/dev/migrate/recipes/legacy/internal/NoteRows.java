package dev.migrate.recipes.legacy.internal;

import dev.migrate.recipes.MigrationNotes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's notes as rows of the {@link MigrationNotes} table that {@code migrate rewrite} summarises: what a person
 * must do (create a Secret block, start a worker, turn a Civis schedule off, review an unsafe fix, move a job by hand)
 * is manual; the rest are decisions to review. MIGRATION.md says the same in full.
 */
public final class NoteRows {
    /** Notes that ask someone to act. */
    private static final Pattern MANUAL = Pattern.compile(
            "^(secret:|cutover:|unsafe fix:|runs as )|by hand|create it|add a Prefect automation|check the quoting");
    /** "&lt;job-id&gt; (path:line:col)" as the Not-migrated list names a job. */
    private static final Pattern LABEL = Pattern.compile("(\\S+) \\(([^:)]+)(?::(\\d+))?(?::\\d+)?\\)");

    private NoteRows() {
    }

    /** A marker line the cutover inserted above what it commented out (a crontab entry, a registration). */
    private static final Pattern MARKER_LINE = Pattern.compile("^[ \\t]*# migrate: disabled \\S+ \\S+(?: \\(\\d+ lines?\\))?[ \\t]*$");

    /** @param codes the scan finding code of each job, by id ({@code CRN001}); a job without one gets no code */
    public static List<MigrationNotes.Row> of(Plan plan, String recipe, Map<String, String> codes) {
        return of(plan, recipe, codes, path -> null);
    }

    /**
     * @param textOf each file's text as this run leaves it (null when unknown): a note's line, counted before the
     *               cutover's markers (the same in every phase), becomes the line of the rewritten file, where the
     *               entry it names is, not the marker above it or another entry
     */
    public static List<MigrationNotes.Row> of(Plan plan, String recipe, Map<String, String> codes,
                                              java.util.function.Function<String, String> textOf) {
        List<MigrationNotes.Row> rows = new ArrayList<>();
        Map<String, int[]> lines = new java.util.HashMap<>();
        java.util.function.BiFunction<String, Integer, Integer> placed = (path, line) -> {
            int[] map = lines.computeIfAbsent(path, k -> unmarkedLines(textOf.apply(k)));
            return line > 0 && line <= map.length ? map[line - 1] : line;
        };
        for (JobPlan p : plan.jobs()) {
            for (String note : p.notes()) {
                rows.add(new MigrationNotes.Row(p.job().source().path(),
                        placed.apply(p.job().source().path(), Math.max(0, p.job().source().line())), recipe,
                        MANUAL.matcher(note).find(), p.deploymentName() + ": " + note, codes.get(p.job().id())));
            }
        }
        for (Map.Entry<String, String> e : plan.leftAlone().entrySet()) {
            Matcher m = LABEL.matcher(e.getKey());
            String path = m.matches() ? m.group(2) : e.getKey();
            int line = m.matches() && m.group(3) != null ? placed.apply(path, Integer.parseInt(m.group(3))) : 0;
            // Kinds other recipes move are not a manual step of this one.
            boolean manual = !e.getValue().startsWith("kind ");
            String id = m.matches() ? m.group(1) : e.getKey();
            rows.add(new MigrationNotes.Row(path, line, recipe, manual, id + " not migrated: " + e.getValue(), codes.get(id)));
        }
        plan.references().forEach(r -> rows.add(new MigrationNotes.Row(r.substring(0, r.indexOf(':')),
                Integer.parseInt(r.replaceAll("^[^:]*:(\\d+).*", "$1")), recipe, true, "edit: " + r)));
        return rows;
    }

    /** For each line of the text without its marker lines, its line in the text (1-based); empty without a text. */
    private static int[] unmarkedLines(String text) {
        if (text == null || !text.contains("# migrate: disabled ")) {
            return new int[0];
        }
        String[] all = text.split("\n", -1);
        int[] out = new int[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (!MARKER_LINE.matcher(all[i].replace("\r", "")).matches()) {
                out[n++] = i + 1;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
