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
    void agreesWithANaiveSearchOnRandomText() {
        java.util.Random rnd = new java.util.Random(42);
        List<String> words = List.of("prefect", "CronJob", "cron", "@Scheduled", "workPool", "ly");
        KeywordMatcher wm = new KeywordMatcher(words);
        String alphabet = "precftCronJbwkPl@Sdhuy ,\n";
        for (int t = 0; t < 2000; t++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(60);
            for (int i = 0; i < n; i++) {
                sb.append(rnd.nextInt(8) == 0 ? words.get(rnd.nextInt(words.size())) : alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            java.util.BitSet expected = new java.util.BitSet();
            for (int k = 0; k < words.size(); k++) {
                if (text.contains(words.get(k))) {
                    expected.set(k);
                }
            }
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            assertThat(wm.find(b, b.length)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void isCaseSensitiveLikeGrep() {
        assertThat(found("CRON PREFECT")).isEqualTo("{}");
    }
}
