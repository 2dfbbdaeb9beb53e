package dev.migrate.rewriters.python.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {
    @Test
    void asciiAndUtf8DecodeToTheSameCharsAsTheJdk() {
        for (String s : new String[] {"", "x = 1\n", "name = 'José'  # ünïcödé\n", "emoji = '😀'\n" + "y = 2\n".repeat(50)}) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            SourceDecoder.Decoded d = SourceDecoder.decode(bytes);
            assertThat(d.problem()).isNull();
            assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(new String(d.chars())).isEqualTo(s);
        }
    }

    @Test
    void bomIsDroppedAndRemembered() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '=', (byte) 0xC3, (byte) 0xA9, '\n'};
        SourceDecoder.Decoded d = SourceDecoder.decode(bytes);
        assertThat(d.bom()).isTrue();
        assertThat(d.text()).isEqualTo("a=é\n");
    }

    @Test
    void invalidUtf8AfterAsciiIsReportedAndKeptByteForByte() {
        byte[] bytes = "x = 1\ns = '\u00ff'\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceDecoder.Decoded d = SourceDecoder.decode(bytes);
        assertThat(d.problem()).contains("can't decode byte 0xff in position 11");
        assertThat(d.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(TextBytes.encode(d.chars(), d.charset(), d.bom())).isEqualTo(bytes);
    }

    @Test
    void codingCookieSelectsTheCharset() {
        byte[] bytes = "# -*- coding: latin-1 -*-\ns = '\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceDecoder.Decoded d = SourceDecoder.decode(bytes);
        assertThat(d.problem()).isNull();
        assertThat(d.text()).endsWith("s = 'é'\n");
        assertThat(TextBytes.encode(d.chars(), d.charset(), d.bom())).isEqualTo(bytes);
    }
}
