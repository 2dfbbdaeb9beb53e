package dev.migrate.recipes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlSequenceStyleTest {
    @Test
    void theMajorityOfTheDocumentsSequencesDecides() {
        assertThat(YamlSnippets.indentlessSequences("a:\n- 1\nb:\n  c:\n  - 2\nd:\n    - 3\n")).isTrue();
        assertThat(YamlSnippets.indentlessSequences("a:\n  - 1\nb:\n  c:\n    - 2\n")).isFalse();
        // comments and blank lines between a key and its first item do not count; no sequence at all is indented
        assertThat(YamlSnippets.indentlessSequences("a:\n  # first\n\n- 1\n")).isTrue();
        assertThat(YamlSnippets.indentlessSequences("a: 1\nb: {c: [1]}\n")).isFalse();
    }

    @Test
    void anIndentlessItemKeepsItsKeysColumns() {
        assertThat(YamlSnippets.wrapInSequence("\n    cron: 0 3 * * *\n    timezone: UTC", true))
                .isEqualTo("\n  - cron: 0 3 * * *\n    timezone: UTC");
        assertThat(YamlSnippets.wrapInSequence("\n    cron: 0 3 * * *\n    timezone: UTC", false))
                .isEqualTo("\n    - cron: 0 3 * * *\n      timezone: UTC");
        assertThat(YamlSnippets.wrapInSequence(" {cron: 0 3 * * *}", true)).isEqualTo(" [{cron: 0 3 * * *}]");
    }
}
