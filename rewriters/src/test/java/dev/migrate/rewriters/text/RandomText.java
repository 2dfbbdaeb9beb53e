package dev.migrate.rewriters.text;

import java.util.Random;

/** Generates messy inputs from a syntax-heavy alphabet for round-trip property tests. */
public final class RandomText {
    private static final String[] PIECES = {
        " ", "\t", "#", ";", "=", "\"", "'", "\\", "\n", "\r\n", "\r", "*", "/", "-", ",", "@", "%", "[", "]",
        "~", "..", ":", "0", "5", "17", "*/5", "Mon", "KEY", "export ", "PATH", "cmd --x", "@daily", "[Unit]",
        "[Service]", "ExecStart", "Environment", "\"A=1 B=2\"", "é", "\u00a0"
    };

    private RandomText() {
    }

    public static String generate(Random random, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(maxPieces);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }
}
