package dev.migrate.recipes;

import static org.assertj.core.api.Assertions.assertThat;

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
}
