package dev.migrate.validators.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.validators.result.SampleRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A differing sample shows what differs, on one line, even when only invisible characters do. */
class TerminalSinkTest {
    private static Map<String, String> row(String city) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("city", city);
        return m;
    }

    private static String detail(String legacy, String current) {
        return TerminalSink.sampleDetail(new SampleRow("differs", Map.of("id", "3"), List.of("city"), row(legacy),
                row(current)));
    }

    @Test
    void lineBreaksNullsAndEdgeSpacesAreVisible() {
        assertThat(detail("New\r\nYork", "New\nYork")).isEqualTo("  city: New\\r\\nYork -> New\\nYork");
        assertThat(detail("", null)).isEqualTo("  city: '' -> NULL");
        assertThat(detail("Paris ", "Paris")).isEqualTo("  city: 'Paris ' -> Paris");
        assertThat(detail("a\tb", "a\u0001b")).isEqualTo("  city: a\\tb -> a\\u0001b");
    }

    @Test
    void aValueShownAsComparedShowsItsStoredTextBeside() {
        SampleRow s = new SampleRow("differs", Map.of("id", "3"), List.of("city"), row("2.5"), row("2.6"),
                Map.of("city", " 2.50 "), Map.of());
        assertThat(TerminalSink.sampleDetail(s)).isEqualTo("  city: 2.5 (stored ' 2.50 ') -> 2.6");
    }

    @Test
    void markdownCellsKeepCrlfApartFromLf() {
        assertThat(MarkdownSink.cell("New\r\nYork|x")).isEqualTo("New\\r\\nYork\\|x");
    }
}
