package dev.migrate.analyzers.baseline;

import dev.migrate.analyzers.model.Finding;
import dev.migrate.analyzers.model.Redactor;
import dev.migrate.analyzers.scan.Inventory;
import dev.migrate.analyzers.scan.Scanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What identifies a finding from one scan to the next, so that a baseline still names it after unrelated edits.
 *
 * <p>A finding is its rule code, its file relative to the scanned root, its job, the text of its line, and which
 * occurrence of those four it is. Why each, and why nothing else:
 * <ul>
 * <li>The path is the one findings carry, relative to the scanned root with '/' separators: scanning {@code ./estate},
 *     {@code /abs/estate} or the same tree copied elsewhere gives the same paths.</li>
 * <li>The job id is built from the job's kind, path, name and what tells it apart in its file, never from line numbers
 *     ({@code JobIds}): it survives moved lines, and a finding of another job on an identical line stays apart.</li>
 * <li>The line's text, not its number: inserting lines above a finding moves its number, not its text. The text is
 *     trimmed and blank runs become one space (re-indenting, tabs and a CRLF file all read the same) and redacted
 *     (the baseline is committed; a secret changed in place keeps its entry, which is harmless). A long line keeps
 *     its start and a hash of the whole, so minified files do not bloat the baseline. Line and column are left out.</li>
 * <li>Not the message: some carry counts and dates from logs (ACT002) or wording that a new release improves,
 *     and neither makes it another finding.</li>
 * <li>Two findings with all four equal (the same job's line repeated) are told apart by their order in the file:
 *     the baseline records how many there were, and one more is new.</li>
 * </ul>
 */
public final class Fingerprints {
    /** Longer lines keep this many characters and a hash of the whole line. */
    static final int MAX_TEXT = 160;

    private final Path base;
    private final long maxBytes;
    private final Map<String, String[]> lines = new HashMap<>();

    private Fingerprints(Path base, long maxBytes) {
        this.base = base;
        this.maxBytes = maxBytes;
    }

    /**
     * One entry per finding of {@code inv}, in the order of {@code inv.findings()}. {@code root} is the path that was
     * scanned (a directory, or a file whose directory is then the root, as the scanner takes it); files over
     * {@code maxBytes} are not read again (their findings get no text).
     */
    public static List<BaselineEntry> of(Inventory inv, Path root, long maxBytes) {
        Path base = (Files.isDirectory(root) ? root : root.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        Fingerprints fp = new Fingerprints(base, maxBytes);
        Map<List<String>, Integer> seen = new HashMap<>();
        List<BaselineEntry> out = new ArrayList<>(inv.findings().size());
        for (Finding f : inv.findings()) {
            String path = Redactor.redact(f.where().path());
            String job = f.jobId() == null ? "" : Redactor.redact(f.jobId());
            String text = normalise(fp.line(f.where().path(), f.where().line()));
            int n = seen.merge(List.of(f.code(), path, job, text), 1, Integer::sum);
            out.add(new BaselineEntry(f.code(), path, job, text, n));
        }
        return out;
    }

    /** A line as the baseline keeps it: trimmed, blank runs as one space, redacted, long ones shortened with a hash. */
    public static String normalise(String line) {
        String s = Redactor.redact(line.strip()).replaceAll("\\s+", " ");
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        return s.substring(0, MAX_TEXT) + "... #" + sha256(s).substring(0, 12);
    }

    /** The text of a 1-based line of a file under the root; "" for line 0 (the whole file) or what cannot be read. */
    private String line(String relative, int line) {
        if (line <= 0) {
            return "";
        }
        String[] text = lines.computeIfAbsent(relative, this::read);
        return line <= text.length ? text[line - 1] : "";
    }

    private String[] read(String relative) {
        Path file = base.resolve(relative).normalize();
        try {
            // the scanner never follows links nor leaves the root; reading again must not either
            if (!file.startsWith(base) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > maxBytes) {
                return new String[0];
            }
            byte[] data = Files.readAllBytes(file);
            return Scanner.decode(data, data.length).split("\r?\n", -1);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return new String[0];
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
