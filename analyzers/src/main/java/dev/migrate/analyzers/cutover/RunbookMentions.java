package dev.migrate.analyzers.cutover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the runbooks and READMEs that mention a legacy job, so the plan can list the documents to
 * update: every file under {@code docs/} and every {@code README*} in the estate, searched for the job's
 * names as whole words.
 */
public final class RunbookMentions {
    private static final long MAX_DOC = 2L << 20;

    private RunbookMentions() {
    }

    /** A document and the first line that mentions one of the terms. */
    public record Mention(String file, int line, String term) {
    }

    public static List<Mention> find(Path root, Collection<String> terms) {
        List<String> wanted = terms.stream().filter(t -> t != null && t.length() >= 4).distinct().toList();
        List<Mention> out = new ArrayList<>();
        if (wanted.isEmpty() || !Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(p -> isDoc(root.relativize(p))).sorted()
                    .forEach(p -> firstMention(root, p, wanted).ifPresent(out::add));
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot list documents (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static boolean isDoc(Path rel) {
        String name = rel.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean inDocs = rel.getNameCount() > 1 && rel.getName(0).toString().equals("docs")
                || rel.toString().replace('\\', '/').contains("/docs/");
        boolean text = name.endsWith(".md") || name.endsWith(".rst") || name.endsWith(".txt") || name.endsWith(".adoc");
        return name.startsWith("readme") || inDocs && text;
    }

    private static java.util.Optional<Mention> firstMention(Path root, Path file, List<String> terms) {
        try {
            if (Files.size(file) > MAX_DOC) {
                return java.util.Optional.empty();
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String t : terms) {
                    if (containsWord(lines.get(i), t)) {
                        return java.util.Optional.of(new Mention(root.relativize(file).toString().replace('\\', '/'), i + 1, t));
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Not UTF-8 or unreadable: not a runbook we can point at.
        }
        return java.util.Optional.empty();
    }

    /** {@code term} with no letter, digit, '-' or '_' right before or after it. */
    static boolean containsWord(String line, String term) {
        for (int at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + 1)) {
            int end = at + term.length();
            if ((at == 0 || !wordChar(line.charAt(at - 1))) && (end == line.length() || !wordChar(line.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
