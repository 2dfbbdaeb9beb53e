package dev.migrate.analyzers.sources.k8s;

import dev.migrate.analyzers.model.ScanFile;
import dev.migrate.analyzers.model.SourceRef;
import dev.migrate.analyzers.sources.config.YamlDocs;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where in the manifest a word of a container's command line ({@link Containers#commandLine}: {@code command:} and
 * {@code args:} joined) is written: the line and column inside the scalar that holds it, also several lines into a
 * {@code sh -c} block script ({@code - |}, {@code - >}, a plain or quoted scalar over several lines), so that a finding
 * about the third line of the script points there and not at {@code args:}. The joined line quotes items and a YAML
 * block folds or indents its lines, so offsets do not carry over; a word does: the n-th time the word at the offset
 * occurs in the joined line is the n-th time it is written in the items' text, in order.
 */
final class CommandPlaces {
    /** What ends a shell word as the command line shows it. */
    private static final String WORD_END = " \t\n'\";&|()<>`";

    private CommandPlaces() {
    }

    /**
     * The place of the word that starts at {@code offset} of the container's command line; {@code fallback} when the
     * word is not found as written (an escape in a double-quoted scalar, a line the file's text does not hold).
     */
    static SourceRef of(ScanFile file, Node container, int offset, SourceRef fallback) {
        String line = Containers.commandLine(container);
        if (offset < 0 || offset >= line.length()) {
            return fallback;
        }
        int end = offset;
        while (end < line.length() && WORD_END.indexOf(line.charAt(end)) < 0) {
            end++;
        }
        if (end == offset) {
            return fallback;
        }
        String word = line.substring(offset, end);
        int before = 0;
        for (int at = line.indexOf(word); at >= 0 && at < offset; at = line.indexOf(word, at + 1)) {
            before++;
        }
        String text = file.text();
        int seen = 0;
        for (ScalarNode item : items(container)) {
            int from = item.getStartMark().getIndex();
            int to = Math.min(item.getEndMark().getIndex(), text.length());
            if (from < 0 || from >= to) {
                continue;
            }
            for (int at = text.indexOf(word, from); at >= 0 && at + word.length() <= to; at = text.indexOf(word, at + 1)) {
                if (seen++ == before) {
                    return at(file, at);
                }
            }
        }
        return fallback;
    }

    /** The scalars of {@code command:} then {@code args:}, in the order the command line joins them. */
    private static List<ScalarNode> items(Node container) {
        List<ScalarNode> out = new ArrayList<>();
        for (String key : List.of("command", "args")) {
            Node n = YamlDocs.get(container, key);
            if (n instanceof ScalarNode s) {
                out.add(s);
            } else if (n instanceof SequenceNode seq) {
                seq.getValue().stream().filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast).forEach(out::add);
            }
        }
        return out;
    }

    /** The 1-based line and column of character {@code index} of the file's text. */
    private static SourceRef at(ScanFile file, int index) {
        String text = file.text();
        int line = 1;
        int lineStart = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
            line++;
            lineStart = i + 1;
        }
        return SourceRef.at(file.path(), line, index - lineStart + 1);
    }
}
