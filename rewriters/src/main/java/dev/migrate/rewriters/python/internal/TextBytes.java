package dev.migrate.rewriters.python.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Printed text to file bytes, exactly as {@code new String(chars).getBytes(charset)} (plus the BOM),
 * without the intermediate string: most Python files are pure ASCII, which UTF-8 and ISO-8859-1
 * encode one byte per char, so a plain copy loop does; anything else takes the JDK's encoder.
 */
public final class TextBytes {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextBytes() {
    }

    public static byte[] encode(char[] chars, Charset charset, boolean bom) {
        int head = bom ? BOM.length : 0;
        if (charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.ISO_8859_1)) {
            byte[] out = new byte[head + chars.length];
            int i = 0;
            while (i < chars.length && chars[i] < 0x80) {
                out[head + i] = (byte) chars[i];
                i++;
            }
            if (i == chars.length) {
                System.arraycopy(BOM, 0, out, 0, head);
                return out;
            }
        }
        byte[] body = new String(chars).getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[head + body.length];
        System.arraycopy(BOM, 0, out, 0, head);
        System.arraycopy(body, 0, out, head, body.length);
        return out;
    }
}
