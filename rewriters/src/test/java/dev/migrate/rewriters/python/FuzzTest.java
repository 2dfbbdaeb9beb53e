package dev.migrate.rewriters.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Property: for any bytes (mutated real Python files), parsing never throws, never falls back to the
 * internal-failure path, and printing reproduces the bytes. 10,000 cases by default; more with
 * {@code -Dfuzz.cases=N}, and another sequence with {@code -Dfuzz.seed=S}.
 */
class FuzzTest {
    private static final String[] SNIPPETS = {"(", ")", "[", "]", "{", "}", ":", ",", "'", "\"", "\"\"\"", "f\"",
        "f'{", "rb'", "\\", "\\\n", "\n", "\r", "\r\n", "\t", "\f", " ", "    ", "#", "@", "=", ":=", "->", "**",
        "lambda", "async ", "await ", "match ", "case ", "type ", "if ", "else:", "elif ", "def ", "class ",
        "try:", "except* ", "yield", "from ", "import ", "not ", "\u00e9", "\u20ac", "\ud83d\ude00", "\0", "0777",
        "1e", "0x", "...", "!r}", "{x=}", "\ufeff"};

    @Test
    void mutatedFilesNeverThrowAndAlwaysRoundTrip() throws Exception {
        int cases = Integer.getInteger("fuzz.cases", 10_000);
        long seed = Long.getLong("fuzz.seed", 20261121L);
        List<byte[]> seeds = seeds(seed);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        IntStream.range(0, cases).parallel().forEach(i -> {
            Random r = new Random(seed * 31 + i);
            byte[] input = mutate(seeds.get(r.nextInt(seeds.size())), r);
            try {
                PythonFile f = PythonParser.parse(Path.of("fuzz.py"), input);
                if (!Arrays.equals(f.toBytes(), input)) {
                    failures.add("case " + i + ": bytes differ after printing");
                } else if (Ownership.violation(f.module()) != null) {
                    failures.add("case " + i + ": " + Ownership.violation(f.module()));
                } else if (f.diagnostics().stream().anyMatch(d -> d.message().startsWith("could not parse"))) {
                    failures.add("case " + i + ": " + f.diagnostics().get(0).message());
                }
            } catch (Throwable t) {
                failures.add("case " + i + ": " + t);
            }
        });
        failures.stream().limit(20).forEach(System.out::println);
        assertThat(failures).as("fuzz failures (seed " + seed + ")").isEmpty();
    }

    /** Up to 200 small corpus files (or the bundled seed when python3 is absent). */
    private static List<byte[]> seeds(long seed) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = FuzzTest.class.getResourceAsStream("/python/seeds/flows.py")) {
            out.add(in.readAllBytes());
        }
        if (PythonCorpus.python3().isPresent()) {
            List<Path> files = new ArrayList<>(PythonCorpus.files());
            java.util.Collections.shuffle(files, new Random(seed));
            for (Path f : files) {
                if (out.size() >= 200) {
                    break;
                }
                long size = Files.size(f);
                if (size > 200 && size < 8_000) {
                    out.add(readQuietly(f));
                }
            }
        } else {
            System.out.println("python3 not found: fuzzing from the bundled seed only");
        }
        return out;
    }

    private static byte[] readQuietly(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static byte[] mutate(byte[] src, Random r) {
        byte[] b = src;
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(8)), new byte[0]);
                case 1 -> b = splice(b, at, at, SNIPPETS[r.nextInt(SNIPPETS.length)].getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                case 2 -> b = splice(b, at, at, new byte[] {(byte) r.nextInt(256)});
                case 3 -> {
                    if (b.length > 1) {
                        b = b.clone();
                        int other = r.nextInt(b.length);
                        byte t = b[at];
                        b[at] = b[other];
                        b[other] = t;
                    }
                }
                case 4 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(40));
                    int to = b.length == 0 ? 0 : r.nextInt(b.length);
                    b = splice(b, to, to, Arrays.copyOfRange(b, at, at + len));
                }
                default -> {
                    // swap two lines
                    String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
                    String[] lines = s.split("\n", -1);
                    if (lines.length > 2) {
                        int x = r.nextInt(lines.length);
                        int y = r.nextInt(lines.length);
                        String t = lines[x];
                        lines[x] = lines[y];
                        lines[y] = t;
                        b = String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    }
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }
}
