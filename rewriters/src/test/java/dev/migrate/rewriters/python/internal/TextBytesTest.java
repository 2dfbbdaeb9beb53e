package dev.migrate.rewriters.python.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextBytesTest {
    private static byte[] viaString(char[] chars, Charset cs, boolean bom) {
        byte[] body = new String(chars).getBytes(cs);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    @Test
    void encodesLikeStringGetBytesIncludingLoneSurrogates() {
        String[] samples = {"", "x = 1\n", "s = 'é€𝄞'\n", "\uD800 lone high", "lone low \uDC00", "\uDBFF\uDFFF",
            "end high \uD83D", "ünïcödé\r\n"};
        for (String s : samples) {
            for (boolean bom : new boolean[] {false, true}) {
                assertThat(TextBytes.encode(s.toCharArray(), StandardCharsets.UTF_8, bom))
                        .as("%s bom=%s", s, bom).isEqualTo(viaString(s.toCharArray(), StandardCharsets.UTF_8, bom));
            }
        }
    }

    @Test
    void randomTextInSeveralCharsetsMatchesTheJdk() {
        Random r = new Random(42);
        Charset[] charsets = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252")};
        char[] alphabet = {'a', ' ', '\n', 'é', 'ÿ', '€', '\uD83D', '\uDE00', '\uDC00', '中', 'ǅ', '\u0080'};
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[r.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[r.nextInt(alphabet.length)];
            }
            Charset cs = charsets[round % charsets.length];
            boolean bom = round % 7 == 0;
            assertThat(TextBytes.encode(chars, cs, bom)).isEqualTo(viaString(chars, cs, bom));
        }
    }
}
