package dev.migrate.analyzers.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {
    private final KeywordMatcher m = new KeywordMatcher(List.of("cron", "CronJob", "prefect", "pre"));

    private String found(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return m.find(b, b.length).toString();
    }

    @Test
    void findsEveryKeywordIncludingOverlapsAndEnds() {
        assertThat(found("kind: CronJob # runs prefect")).isEqualTo("{1, 2, 3}");
        assertThat(found("crontab")).isEqualTo("{0}");
        assertThat(found("ends with cro")).isEqualTo("{}");
        assertThat(found("pre")).isEqualTo("{3}");
        assertThat(found("")).isEqualTo("{}");
    }

    @Test
    void isCaseSensitiveLikeGrep() {
        assertThat(found("CRON PREFECT")).isEqualTo("{}");
    }
}
