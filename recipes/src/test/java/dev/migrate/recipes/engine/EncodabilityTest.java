package dev.migrate.recipes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodabilityTest {
    @Test
    void namesTheFirstCharacterTheCharsetCannotHold() {
        assertThat(Encodability.firstUnencodable("a = 1\nb = 'caf\u00e9 \u2019'\n", StandardCharsets.ISO_8859_1))
                .hasValue("U+2019 on line 2");
        assertThat(Encodability.firstUnencodable("x = '\ud83d\ude00'\n", StandardCharsets.US_ASCII)).hasValue("U+1F600 on line 1");
        assertThat(Encodability.firstUnencodable("ok\nthen \ud800 alone\n", StandardCharsets.UTF_8)).hasValue("U+D800 on line 2");
    }

    @Test
    void textTheCharsetHoldsPasses() {
        assertThat(Encodability.firstUnencodable("caf\u00e9\n", StandardCharsets.ISO_8859_1)).isEmpty();
        assertThat(Encodability.firstUnencodable("x = '\ud83d\ude00 \u2019'\n", StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void charsAtHandGetTheSameAnswers() {
        assertThat(Encodability.firstUnencodable("a\n\ud83d\ude00\n\ude00 b\n".toCharArray(), StandardCharsets.UTF_8))
                .hasValue("U+DE00 on line 3");
        assertThat(Encodability.firstUnencodable("x = '\ud83d'".toCharArray(), StandardCharsets.UTF_8)).hasValue("U+D83D on line 1");
        assertThat(Encodability.firstUnencodable("caf\u00e9 \u2019".toCharArray(), StandardCharsets.ISO_8859_1))
                .hasValue("U+2019 on line 1");
        assertThat(Encodability.firstUnencodable("caf\u00e9 \ud83d\ude00".toCharArray(), StandardCharsets.UTF_8)).isEmpty();
    }
}
