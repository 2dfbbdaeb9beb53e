package dev.migrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Terminal columns, as a terminal draws them: what the status table pads by. */
class TerminalTextWidthTest {
    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertThat(TerminalText.width("nightly-load")).isEqualTo(12);
        assertThat(TerminalText.width("日次ロード")).isEqualTo(10); // kanji and katakana
        assertThat(TerminalText.width("每日加载")).isEqualTo(8); // Chinese
        assertThat(TerminalText.width("ＡＢ")).isEqualTo(4); // fullwidth Latin
        assertThat(TerminalText.width("cafe\u0301")).isEqualTo(4); // e + combining acute: one column
        assertThat(TerminalText.width("\uD840\uDC0B")).isEqualTo(2); // an ideograph outside the BMP, two UTF-16 units
        assertThat(TerminalText.width("한국")).isEqualTo(4);
        assertThat(TerminalText.width("½ü")).isEqualTo(2);
    }

    @Test
    void padFillsToTheColumnsNotToTheUnits() {
        assertThat(TerminalText.pad("日次", 6)).isEqualTo("日次  ");
        assertThat(TerminalText.pad("abc", 6)).isEqualTo("abc   ");
        assertThat(TerminalText.pad("日次ロード", 4)).isEqualTo("日次ロード");
    }
}
