package dev.migrate.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/**
 * Text for a terminal whose locale is not UTF-8 ({@code LANG=C}, a bare container): standard output carries UTF-8
 * (what reports, diffs and JSON are), so the terminal report writes each character the locale's charset cannot show
 * as a visible escape ({@code \u00e9}, {@code \U0001f680}) instead of bytes the terminal would garble.
 */
final class TerminalText {
    private TerminalText() {
    }

    /**
     * The charset of the user's locale: {@code migrate.terminalCharset} when the launcher moved the JVM to a UTF-8
     * locale (so that file names decode), else Java's {@code native.encoding}.
     */
    static Charset locale() {
        try {
            return Charset.forName(System.getProperty("migrate.terminalCharset",
                    System.getProperty("native.encoding", Charset.defaultCharset().name())));
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /**
     * How many columns the terminal on standard output has: {@code COLUMNS} when the shell exported it, else what
     * {@code stty size} says; 0 when standard output is not a terminal (a pipe or file gets whole cells) or it is unknown.
     */
    static int columns() {
        if (System.console() == null) {
            return 0;
        }
        String env = System.getenv("COLUMNS");
        if (env != null && env.matches("\\d{1,4}")) {
            return Integer.parseInt(env);
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            if (p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0 && size.matches("\\d+ \\d+")) {
                return Integer.parseInt(size.substring(size.indexOf(' ') + 1));
            }
        } catch (IOException e) {
            return 0; // no stty: the table keeps its natural width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Code point ranges a terminal draws two columns wide: the East Asian Wide and Fullwidth characters of Unicode's
     * EastAsianWidth.txt (UAX #11), as wcwidth reads them: Hangul Jamo, CJK radicals to CJK compatibility (kana,
     * bopomofo, ideographic punctuation), ideographs, Yi, Hangul syllables, fullwidth forms, the emoji blocks and the
     * supplementary ideographic planes.
     */
    private static final int[][] WIDE = {
            {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
            {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
            {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA},
            {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
            {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
            {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
            {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F},
            {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
            {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
            {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335},
            {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0},
            {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D},
            {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
            {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7},
            {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
            {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD}};

    /**
     * How many terminal columns {@code s} takes: two for an East Asian Wide or Fullwidth character, none for a
     * combining mark, a zero-width joiner or a variation selector (they draw on the character before them), one for
     * the rest. {@code String.length()} counts UTF-16 units, so padding by it shifts every column after a name in
     * Japanese or Chinese (two columns per one unit) or with a decomposed accent (one column per two units).
     */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B || cp == 0x200C
                    || cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean wide(int cp) {
        int lo = 0;
        int hi = WIDE.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[mid][0]) {
                hi = mid - 1;
            } else if (cp > WIDE[mid][1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** {@code s} followed by the spaces that make it {@code columns} wide on a terminal (none when it is wider). */
    static String pad(String s, int columns) {
        return s + " ".repeat(Math.max(0, columns - width(s)));
    }

    /** {@code out}, unchanged when {@code terminal} encodes everything, else escaping what it cannot encode. */
    static Writer escaping(Writer out, Charset terminal) {
        if (terminal.name().startsWith("UTF-")) {
            return out;
        }
        CharsetEncoder encoder = terminal.newEncoder();
        return new FilterWriter(out) {
            private char high;

            @Override
            public void write(int c) throws IOException {
                char ch = (char) c;
                if (Character.isHighSurrogate(ch)) {
                    high = ch;
                } else if (Character.isLowSurrogate(ch) && high != 0) {
                    out.write(String.format("\\U%08x", Character.toCodePoint(high, ch)));
                    high = 0;
                } else {
                    high = 0;
                    if (encoder.canEncode(ch)) {
                        out.write(ch);
                    } else {
                        out.write(String.format("\\u%04x", c));
                    }
                }
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(buf[i]);
                }
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                for (int i = off; i < off + len; i++) {
                    write(s.charAt(i));
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
