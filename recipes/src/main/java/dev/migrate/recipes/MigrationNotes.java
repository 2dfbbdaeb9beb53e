package dev.migrate.recipes;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openrewrite.DataTable;
import org.openrewrite.DataTableExecutionContextView;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;

/**
 * What recipes could not decide alone: dropped flags, chosen work pools, constructs left for a person.
 * `migrate rewrite` prints these rows in its summary; "manual" rows make it exit 1 under {@code --fail-on}.
 *
 * <p>A recipe counts lines in the file as it received it, and the recipes after it may still add or remove
 * lines above. So a recipe that visits a file says so ({@link #visiting}), each row written meanwhile is
 * recorded with that text ({@link NotedIn}), and the engine moves the row's line to the rewritten file's.
 */
public class MigrationNotes extends DataTable<MigrationNotes.Row> {
    /** The file a recipe is visiting on this thread (recipes must not keep state in the execution context). */
    private static final ThreadLocal<Visit> VISITING = new ThreadLocal<>();
    /** A finding code at the start of a message: "PF108: ...", "BHV003: ...". */
    private static final Pattern LEADING_CODE = Pattern.compile("[A-Z]{2,4}\\d{3}: .*", Pattern.DOTALL);

    /** The code of the notes written without one, for recipes that fix a single finding; null for none. */
    private final transient String defaultCode;
    private final transient NotedIn notedIn;

    public MigrationNotes(Recipe recipe) {
        this(recipe, null);
    }

    /** Notes of a recipe that fixes one finding: those written without a code get {@code defaultCode}. */
    public MigrationNotes(Recipe recipe, String defaultCode) {
        super(recipe, "Migration notes", "Decisions and manual steps left by the Prefect 3 migration recipes.");
        this.defaultCode = defaultCode;
        this.notedIn = new NotedIn(recipe);
    }

    @Override
    public void insertRow(ExecutionContext ctx, Row row) {
        Row inserted = row.code() != null || defaultCode == null ? row
                : new Row(row.sourcePath(), row.line(), row.recipe(), row.manual(), row.message(), defaultCode);
        super.insertRow(ctx, inserted);
        Visit visit = VISITING.get();
        if (visit != null && visit.sourcePath().equals(row.sourcePath())) {
            notedIn.insertRow(ctx, new NotedIn.Row(inserted, visit.text()));
        }
    }

    /**
     * Runs {@code work}, a recipe's visit of the file {@code sourcePath} whose text (as the recipe received it)
     * {@code text} gives: the lines of the rows written meanwhile are lines of that text.
     */
    public static <T> T visiting(String sourcePath, Supplier<String> text, Supplier<T> work) {
        Visit outer = VISITING.get();
        VISITING.set(new Visit(sourcePath, text));
        try {
            return work.get();
        } finally {
            VISITING.set(outer);
        }
    }

    private record Visit(String sourcePath, Supplier<String> text) {
    }

    /** The message of an unsafe fix that a run without {@code --unsafe-fixes} left: what the fix would write. */
    public static String unsafeFixNotApplied(String fix) {
        return "unsafe fix not applied (rerun with --unsafe-fixes): " + fix;
    }

    /** The finding code the first coded message starts with ("PF101: dropped ..." gives PF101), or null. */
    public static String codeOf(List<String> messages) {
        for (String m : messages) {
            if (LEADING_CODE.matcher(m).matches()) {
                return m.substring(0, m.indexOf(':'));
            }
        }
        return null;
    }

    /**
     * Whether a recipe that ran before in this run left a manual note with {@code code} on this line of this file:
     * a recipe that reports what others left uses it to say a thing once.
     */
    public static boolean noted(ExecutionContext ctx, String sourcePath, int line, String code) {
        return noted(ctx, sourcePath, code, r -> r.line() == line);
    }

    /** The same for a construct told by its message (lines differ between recipes that edit a file in turn). */
    public static boolean noted(ExecutionContext ctx, String sourcePath, String code, Predicate<Row> about) {
        return DataTableExecutionContextView.view(ctx).getDataTableStore().getRows(MigrationNotes.class)
                .anyMatch(r -> r.manual() && code.equals(r.code()) && r.sourcePath().equals(sourcePath) && about.test(r));
    }

    /**
     * @param sourcePath the file, relative to the project root
     * @param line       1-based line, or 0 for the whole file
     * @param recipe     the recipe that wrote the note
     * @param manual     true when a person must act; false for a decision worth reviewing
     * @param message    what was decided or is left, without the code
     * @param code       the finding code whose doc explains it (docs/rules/CODE.md), or null
     */
    public record Row(String sourcePath, int line, String recipe, boolean manual, String message, String code) {
        /** A note whose message may start with its code ("PF108: ..."), which is then split off. */
        public Row(String sourcePath, int line, String recipe, boolean manual, String message) {
            this(sourcePath, line, recipe, manual, LEADING_CODE.matcher(message).matches()
                    ? message.substring(message.indexOf(": ") + 2) : message,
                    LEADING_CODE.matcher(message).matches() ? message.substring(0, message.indexOf(':')) : null);
        }

        /** The note as people read it: "CODE: message". */
        public String text() {
            return code == null ? message : code + ": " + message;
        }
    }
}
