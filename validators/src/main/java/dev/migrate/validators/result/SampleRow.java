package dev.migrate.validators.result;

import java.util.List;
import java.util.Map;

/**
 * One row of the bounded sample shown for a row diff.
 *
 * @param kind      {@code missing} (only legacy has it), {@code extra} (only new has it) or {@code differs}
 * @param differing the compared columns whose values differ (empty unless {@code differs})
 */
public record SampleRow(String kind, Map<String, String> key, List<String> differing,
        Map<String, String> legacy, Map<String, String> current) {
}
