package dev.migrate.validators.result;

import java.util.List;
import java.util.Map;

/**
 * One row of the bounded sample shown for a row diff. Values are shown as the comparison read them: a JSON document in
 * its canonical text, a text facing numbers or intervals as the number or duration it spells ({@code 2.5} for
 * {@code ' 2.50 '}), on every path; where that differs from the value as stored, the stored text is kept beside it.
 *
 * @param kind       {@code missing} (only legacy has it), {@code extra} (only new has it) or {@code differs}
 * @param differing  the compared columns whose values differ (empty unless {@code differs})
 * @param legacyRaw  the legacy side's stored text of the columns whose compared value reads otherwise (else absent)
 * @param currentRaw the same for the new side
 */
public record SampleRow(String kind, Map<String, String> key, List<String> differing,
        Map<String, String> legacy, Map<String, String> current, Map<String, String> legacyRaw,
        Map<String, String> currentRaw) {
    public SampleRow(String kind, Map<String, String> key, List<String> differing, Map<String, String> legacy,
            Map<String, String> current) {
        this(kind, key, differing, legacy, current, Map.of(), Map.of());
    }
}
