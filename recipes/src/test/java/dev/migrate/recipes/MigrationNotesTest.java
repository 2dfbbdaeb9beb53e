package dev.migrate.recipes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every note carries the finding code that documents it, split off the message it was written in. */
class MigrationNotesTest {
    @Test
    void aLeadingCodeBecomesTheNotesCode() {
        MigrationNotes.Row row = new MigrationNotes.Row("a.py", 3, "r", true, "PF108: flow.register(...) removed");
        assertThat(row.code()).isEqualTo("PF108");
        assertThat(row.message()).isEqualTo("flow.register(...) removed");
        assertThat(row.text()).isEqualTo("PF108: flow.register(...) removed");
        assertThat(new MigrationNotes.Row("a.py", 3, "r", false, "BHV003: two\nlines").code()).isEqualTo("BHV003");
    }

    @Test
    void aMessageWithoutACodeKeepsItsText() {
        MigrationNotes.Row row = new MigrationNotes.Row("a.py", 0, "r", false, "dropped `-p x`: PF is not a code here");
        assertThat(row.code()).isNull();
        assertThat(row.text()).isEqualTo(row.message()).isEqualTo("dropped `-p x`: PF is not a code here");
        assertThat(new MigrationNotes.Row("a.py", 0, "r", false, "note: PF108: inside").code()).isNull();
    }

    @Test
    void theCodeOfAConstructIsTheFirstCodeItsNotesCarry() {
        assertThat(MigrationNotes.codeOf(List.of("a redirection sits between", "PF101: dropped `-l x`", "PF203: x")))
                .isEqualTo("PF101");
        assertThat(MigrationNotes.codeOf(List.of("no code here"))).isNull();
        assertThat(new MigrationNotes.Row("a.sh", 2, "r", true, "PF101: " + MigrationNotes.unsafeFixNotApplied("prefect "
                + "deploy --all")).text()).isEqualTo("PF101: unsafe fix not applied (rerun with --unsafe-fixes): prefect "
                + "deploy --all");
    }
}
