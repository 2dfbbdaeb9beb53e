package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.analyzers.model.Detector;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The scanner's keyword search over every file's bytes jumps by the length of the shortest keyword of all detectors
 * (KeywordMatcher, Wu-Manber): one two-byte keyword ("-r", to catch requirements files that only include others)
 * made the whole 50,000-file benchmark scan 18% slower. Files a detector wants whatever they say are claimed by
 * path instead ({@code Prefilter.orPath}).
 */
class DetectorKeywordsTest {
    /** The shortest keyword the detectors had when the scan met its speed target ("QRTZ_", Quartz tables). */
    private static final int SHORTEST = 5;

    @Test
    void noDetectorShrinksTheKeywordSearchsWindow() {
        ServiceLoader.load(Detector.class).forEach(d -> assertThat(d.prefilter().keywords())
                .as("keywords of detector %s", d.name())
                .allSatisfy(k -> assertThat(k.length()).as("keyword '%s'", k).isGreaterThanOrEqualTo(SHORTEST)));
    }
}
