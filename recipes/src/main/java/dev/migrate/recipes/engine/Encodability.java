package dev.migrate.recipes.engine;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a rewritten file's text can be written in its own encoding. Encoders used for writing replace a
 * character the charset lacks with '?', silently, and a re-parse of those bytes cannot see the loss; so every
 * result is asked first, whatever its format.
 */
final class Encodability {
    private Encodability() {
    }

    /** The first character {@code charset} cannot hold, as {@code "U+2019 on line 3"}, or empty. */
    static Optional<String> firstUnencodable(CharSequence text, Charset charset) {
        return firstUnencodable(text.toString().toCharArray(), charset);
    }

    /** As {@link #firstUnencodable(CharSequence, Charset)}, for text at hand as chars (the engine's Python results). */
    static Optional<String> firstUnencodable(char[] text, Charset charset) {
        CharBuffer in = CharBuffer.wrap(text);
        if (charset.equals(StandardCharsets.UTF_8)) {
            // nearly every file: UTF-8 holds any character but a surrogate without its partner, and a scan
            // for those costs far less than an encode
            return lonePairHalf(text) ? Optional.of(describe(in, charset.newEncoder())) : Optional.empty();
        }
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            encoder.encode(in);
            return Optional.empty();
        } catch (CharacterCodingException e) {
            // the encoder stops at the offending input: find it from the start, where the walk is simple
            return Optional.of(describe(CharBuffer.wrap(text), charset.newEncoder()));
        }
    }

    private static boolean lonePairHalf(char[] text) {
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length && Character.isLowSurrogate(text[i + 1])) {
                i++;
            } else {
                return true;
            }
        }
        return false;
    }

    private static String describe(CharSequence text, CharsetEncoder encoder) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            CharSequence unit = text.subSequence(i, pair ? i + 2 : i + 1);
            if (!encoder.canEncode(unit)) {
                return String.format("U+%04X on line %d", Character.codePointAt(text, i), line);
            }
            if (c == '\n') {
                line++;
            }
            if (pair) {
                i++;
            }
        }
        return "a character on line " + line;
    }
}
