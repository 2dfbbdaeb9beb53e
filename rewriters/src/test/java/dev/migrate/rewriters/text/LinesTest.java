package dev.migrate.rewriters.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {
    @Test
    void keepsEachLineEnding() {
        assertThat(Lines.split("a\r\nb\nc")).containsExactly(
                new PhysicalLine("a", "\r\n"), new PhysicalLine("b", "\n"), new PhysicalLine("c", ""));
        assertThat(Lines.split("")).isEmpty();
        assertThat(Lines.split("\n\n")).hasSize(2);
    }

    @Test
    void dominantEolIsTheMajority() {
        assertThat(Lines.dominantEol(List.of("\r\n", "\r\n", "\n", ""))).isEqualTo("\r\n");
        assertThat(Lines.dominantEol(List.of(""))).isEqualTo("\n");
    }
}
