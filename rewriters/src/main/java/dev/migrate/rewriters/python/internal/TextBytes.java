package dev.migrate.rewriters.python.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Printed text to file bytes, exactly as {@code new String(chars).getBytes(charset)} (plus the BOM),
 * without the intermediate string. UTF-8 (nearly every Python file) is encoded here, with the JDK's
 * rule for a surrogate that has no partner (it becomes '?'); other charsets take the JDK's encoder.
 */
public final class TextBytes {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextBytes() {
    }

    public static byte[] encode(char[] chars, Charset charset, boolean bom) {
        int head = bom ? BOM.length : 0;
        byte[] out;
        if (charset.equals(StandardCharsets.UTF_8)) {
            out = new byte[head + chars.length];
            int i = 0;
            while (i < chars.length && chars[i] < 0x80) {
                out[head + i] = (byte) chars[i];
                i++;
            }
            if (i < chars.length) {
                out = new byte[head + utf8Length(chars)];
                utf8(chars, out, head);
            }
        } else {
            byte[] body = new String(chars).getBytes(charset);
            if (!bom) {
                return body;
            }
            out = new byte[head + body.length];
            System.arraycopy(body, 0, out, head, body.length);
        }
        System.arraycopy(BOM, 0, out, 0, head);
        return out;
    }

    private static boolean pairAt(char[] s, int i) {
        return Character.isHighSurrogate(s[i]) && i + 1 < s.length && Character.isLowSurrogate(s[i + 1]);
    }

    private static int utf8Length(char[] s) {
        int n = s.length;
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isSurrogate(c)) {
                if (pairAt(s, i)) {
                    len += 4;
                    i++;
                } else {
                    len++;
                }
            } else {
                len += 3;
            }
        }
        return len;
    }

    private static void utf8(char[] s, byte[] out, int at) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (pairAt(s, i)) {
                    int cp = Character.toCodePoint(c, s[++i]);
                    out[at++] = (byte) (0xF0 | cp >> 18);
                    out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    out[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }
}
