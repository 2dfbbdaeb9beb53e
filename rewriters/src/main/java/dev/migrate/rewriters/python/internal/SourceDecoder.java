package dev.migrate.rewriters.python.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Turns a file's bytes into text the way CPython does (PEP 263 coding cookie on line 1 or 2, UTF-8
 * BOM, UTF-8 default), while guaranteeing the bytes can be reproduced exactly: when the bytes do not
 * decode cleanly in the declared charset, the text is decoded as ISO-8859-1 (one char per byte) and
 * the problem is reported instead.
 */
public final class SourceDecoder {
    private SourceDecoder() {
    }

    /**
     * @param chars    the decoded text (without the BOM); owned by the caller from here on
     * @param charset  the charset that re-encodes {@code chars} to the original bytes
     * @param bom      whether the bytes started with a UTF-8 BOM
     * @param declared the encoding named by the coding cookie, or null
     * @param problem  why the file would not decode for CPython, or null
     * @param problemOffset char offset of the problem in {@code chars}
     */
    public record Decoded(char[] chars, Charset charset, boolean bom, String declared, String problem,
                          int problemOffset) {
        public String text() {
            return new String(chars);
        }
    }

    public static Decoded decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF;
        int start = bom ? 3 : 0;
        String cookie = findCookie(bytes, start);
        Charset charset = StandardCharsets.UTF_8;
        String problem = null;
        if (cookie != null) {
            String normal = normalName(cookie);
            if (bom && !normal.equals("utf-8")) {
                problem = "encoding problem: " + cookie + " with BOM";
            } else {
                Charset cs = lookup(normal);
                if (cs == null) {
                    problem = "unknown encoding: " + cookie;
                } else {
                    charset = cs;
                }
            }
        }
        if (problem == null) {
            try {
                if (charset.equals(StandardCharsets.UTF_8)) {
                    return new Decoded(decodeUtf8(bytes, start), charset, bom, cookie, null, 0);
                }
                String text = strictDecode(bytes, start, charset);
                if (Arrays.equals(text.getBytes(charset), Arrays.copyOfRange(bytes, start, bytes.length))) {
                    return new Decoded(text.toCharArray(), charset, bom, cookie, null, 0);
                }
                problem = "bytes do not round-trip through " + charset.name();
            } catch (CharacterCodingException e) {
                int at = firstBadByte(bytes, start, charset);
                problem = "(unicode error) '" + charset.name().toLowerCase(Locale.ROOT)
                        + "' codec can't decode byte 0x" + String.format("%02x", bytes[at] & 0xff)
                        + " in position " + (at - start);
                return new Decoded(latin1(bytes, start), StandardCharsets.ISO_8859_1, bom, cookie, problem,
                        prefixChars(bytes, start, at, charset));
            }
        }
        return new Decoded(latin1(bytes, start), StandardCharsets.ISO_8859_1, bom, cookie, problem, 0);
    }

    /**
     * Strict UTF-8 straight into a char array: ASCII (most source files, entirely) is copied by a plain
     * loop and only the rest goes through the JDK decoder. UTF-8 never yields more chars than bytes.
     */
    private static char[] decodeUtf8(byte[] bytes, int start) throws CharacterCodingException {
        int n = bytes.length - start;
        char[] out = new char[n];
        int i = 0;
        while (i < n && bytes[start + i] >= 0) {
            out[i] = (char) bytes[start + i];
            i++;
        }
        if (i == n) {
            return out;
        }
        CharsetDecoder dec = UTF8.get().reset();
        CharBuffer to = CharBuffer.wrap(out, i, n - i);
        CoderResult r = dec.decode(ByteBuffer.wrap(bytes, start + i, n - i), to, true);
        if (!r.isError() && !r.isOverflow()) {
            r = dec.flush(to);
        }
        if (r.isError()) {
            r.throwException();
        }
        if (r.isOverflow()) {
            throw new IllegalStateException("UTF-8 decoded to more chars than bytes");
        }
        return to.position() == n ? out : Arrays.copyOf(out, to.position());
    }

    /** A strict decoder per thread: making one costs more than decoding a typical file's non-ASCII tail. */
    private static final ThreadLocal<CharsetDecoder> UTF8 = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

    /** One char per byte. */
    private static char[] latin1(byte[] bytes, int start) {
        char[] out = new char[bytes.length - start];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) (bytes[start + i] & 0xff);
        }
        return out;
    }

    private static String strictDecode(byte[] bytes, int start, Charset cs) throws CharacterCodingException {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    private static int firstBadByte(byte[] bytes, int start, Charset cs) {
        var dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    /** Characters before byte {@code at} when decoded as ISO-8859-1: one per byte. */
    private static int prefixChars(byte[] bytes, int start, int at, Charset cs) {
        return Math.max(0, at - start);
    }

    /** PEP 263: a comment matching {@code coding[:=]\s*([-\w.]+)} on line 1, or line 2 if line 1 is blank/comment. */
    static String findCookie(byte[] b, int start) {
        int lineStart = start;
        for (int line = 0; line < 2 && lineStart < b.length; line++) {
            int end = lineStart;
            while (end < b.length && b[end] != '\n' && b[end] != '\r') {
                end++;
            }
            int i = lineStart;
            while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
                i++;
            }
            if (i < end && b[i] == '#') {
                String found = cookieIn(b, i, end);
                if (found != null) {
                    return found;
                }
            } else if (i < end) {
                return null;
            }
            lineStart = end;
            if (lineStart < b.length && b[lineStart] == '\r') {
                lineStart++;
            }
            if (lineStart < b.length && b[lineStart] == '\n') {
                lineStart++;
            }
        }
        return null;
    }

    private static String cookieIn(byte[] b, int from, int end) {
        for (int i = from; i + 6 <= end; i++) {
            if (b[i] == 'c' && b[i + 1] == 'o' && b[i + 2] == 'd' && b[i + 3] == 'i' && b[i + 4] == 'n'
                    && b[i + 5] == 'g' && i + 6 < end && (b[i + 6] == ':' || b[i + 6] == '=')) {
                int j = i + 7;
                while (j < end && (b[j] == ' ' || b[j] == '\t')) {
                    j++;
                }
                int k = j;
                while (k < end && (Character.isLetterOrDigit(b[k]) || b[k] == '-' || b[k] == '_' || b[k] == '.')) {
                    k++;
                }
                if (k > j) {
                    return new String(b, j, k - j, StandardCharsets.ISO_8859_1);
                }
            }
        }
        return null;
    }

    /** CPython's get_normal_name: utf-8 and latin-1 spellings collapse, the rest is left alone. */
    static String normalName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-")) {
            return "utf-8";
        }
        for (String latin : new String[] {"latin-1", "iso-8859-1", "iso-latin-1"}) {
            if (n.equals(latin) || n.startsWith(latin + "-")) {
                return "iso-8859-1";
            }
        }
        return n;
    }

    static Charset lookup(String normal) {
        String[] candidates = {normal, normal.replace("-", ""), normal.replace('-', '_'),
            normal.equals("latin1") || normal.equals("l1") ? "ISO-8859-1" : normal,
            normal.startsWith("iso8859") ? "ISO-8859" + normal.substring(7) : normal};
        for (String c : candidates) {
            try {
                if (Charset.isSupported(c)) {
                    return Charset.forName(c);
                }
            } catch (IllegalArgumentException ignored) {
                // not a legal charset name; try the next spelling
            }
        }
        return null;
    }
}
